import type { TagListing } from '../../app/public-pages.js';
import { encodeCursor } from '../api/cursor.js';
import { feedLinks, feedUrls } from '../feeds/feed-urls.js';
import { urls } from '../urls.js';
import { Breadcrumb, Layout } from './layout.view.js';
import { ListTitle } from './list-title.view.js';
import type { PageContext } from './page-context.js';

/** A tag's page (#16): its listed releases in this language, every board, newest first, with its feed. */
export function TagView(props: { ctx: PageContext; listing: TagListing; isFirstPage: boolean }) {
  const { ctx, listing } = props;
  const { tag } = listing;
  const title = ctx.t('tagPageTitle', { tag });
  const boardName = (slug: string) => ctx.boards.find((b) => b.slug === slug)?.name[ctx.lang] ?? slug;
  const feed = feedLinks((f) => feedUrls.tag(ctx.lang, tag, f), ctx.t('tagFeedOf', { tag }));
  return (
    <Layout
      ctx={ctx}
      meta={{
        title,
        canonicalPath: urls.tag(ctx.lang, tag),
        // Older pages are reached by cursor: only the first is for search engines.
        noIndex: !props.isFirstPage,
        nextPath: listing.next ? urls.tag(ctx.lang, tag, encodeCursor(listing.next)) : null,
        feeds: [feed],
        subscribe: { tag },
      }}
    >
      <Breadcrumb ctx={ctx} trail={[{ label: ctx.t('newsZone'), href: urls.home(ctx.lang) }, { label: title }]} />
      <h1>{title}</h1>
      <p class="tag-feeds">
        <a href={feed.rss}>{ctx.t('tagFeed')} (RSS)</a> · <a href={feed.atom}>Atom</a> · <a href={urls.subscribe(ctx.lang, { tag })}>{ctx.t('subLink')}</a>
      </p>
      <ul class="tag-list">
        {listing.items.map((item) => (
          <li key={item.releaseId}>
            <ListTitle title={item.title} href={urls.release(item.language, item.boardSlug, item.number)} />
            <p class="meta">
              {boardName(item.boardSlug)} · <time dateTime={item.firstPublishedAt.toISOString()}>{ctx.fmt.day(item.firstPublishedAt)}</time>
            </p>
          </li>
        ))}
      </ul>
      <nav class="pagination" aria-label={ctx.t('pagination')}>
        <ul>
          {!props.isFirstPage && (
            <li>
              <a href={urls.tag(ctx.lang, tag)}>{ctx.t('tagNewest')}</a>
            </li>
          )}
          {listing.next && (
            <li>
              <a href={urls.tag(ctx.lang, tag, encodeCursor(listing.next))} rel="next">
                {ctx.t('tagOlder')}
              </a>
            </li>
          )}
        </ul>
      </nav>
    </Layout>
  );
}
