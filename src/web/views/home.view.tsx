import type { HomeSection } from '../../app/public-pages.js';
import { feedLinks, feedUrls } from '../feeds/feed-urls.js';
import { LANGUAGES } from '../../domain/language.js';
import { urls } from '../urls.js';
import { Layout } from './layout.view.js';
import { ListTitle } from './list-title.view.js';
import type { PageContext } from './page-context.js';

export function HomeView(props: { ctx: PageContext; sections: HomeSection[] }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} meta={{ title: `${ctx.t('newsZone')}`, description: ctx.t('homeDescription', { site: ctx.siteName }), canonicalPath: urls.home(ctx.lang), otherLanguagePath: urls.home(ctx.lang === 'ko' ? 'en' : 'ko'), alternates: LANGUAGES.map((lang) => ({ lang, path: urls.home(lang) })), xDefaultPath: '/', feeds: [feedLinks((f) => feedUrls.site(ctx.lang, f), ctx.siteName)] }}>
      <h1>{ctx.t('newsZone')}</h1>
      <div class="home-sections">
        {props.sections.map(({ board, latest }) => (
          <section class="home-section" key={board.slug} aria-labelledby={`home-${board.slug}`}>
            <h2 id={`home-${board.slug}`}>
              <a href={urls.board(ctx.lang, board.slug)}>{board.name[ctx.lang]}</a>
            </h2>
            {latest.length === 0 ? (
              <p>{ctx.t('noReleases')}</p>
            ) : (
              <ul>
                {latest.map((item) => (
                  <li key={item.number}>
                    <ListTitle title={item.title} href={urls.release(ctx.lang, board.slug, item.number)} />
                    <time dateTime={item.firstPublishedAt.toISOString()}>{ctx.fmt.day(item.firstPublishedAt)}</time>
                  </li>
                ))}
              </ul>
            )}
            {latest.length > 0 && (
              <p class="more">
                <a href={urls.board(ctx.lang, board.slug)}>{ctx.t('moreOf', { board: board.name[ctx.lang] })}</a>
              </p>
            )}
          </section>
        ))}
      </div>
    </Layout>
  );
}
