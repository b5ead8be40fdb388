import type { BoardListing } from '../../app/public-pages.js';
import { feedLinks, feedUrls } from '../feeds/feed-urls.js';
import { LANGUAGES } from '../../domain/language.js';
import { urls } from '../urls.js';
import { Breadcrumb, Layout } from './layout.view.js';
import { ListTitle } from './list-title.view.js';
import type { PageContext } from './page-context.js';
import { Pagination } from './pagination.view.js';

/** A paper clip drawn inline (no emoji font needed), named for screen readers by its aria-label. */
export function AttachmentIcon(props: { label: string }) {
  return (
    <svg class="icon" role="img" aria-label={props.label} viewBox="0 0 24 24" width="18" height="18" focusable="false">
      <title>{props.label}</title>
      <path
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
        d="M21 11.5 12.5 20a5.5 5.5 0 0 1-7.8-7.8l8.5-8.5a3.7 3.7 0 0 1 5.2 5.2l-8.5 8.5a1.8 1.8 0 0 1-2.6-2.6L15 7"
      />
    </svg>
  );
}

export function BoardView(props: { ctx: PageContext; listing: BoardListing }) {
  const { ctx, listing } = props;
  const { board, page, pageCount, filter } = listing;
  const name = board.name[ctx.lang];
  const href = (p: number) => urls.board(ctx.lang, board.slug, p, filter);
  const title = page > 1 ? `${name} (${ctx.t('pageOf', { page, count: pageCount })})` : name;
  return (
    <Layout
      ctx={ctx}
      currentBoard={board.slug}
      meta={{
        title,
        description: ctx.t(`boardDescription_${board.kind}`, { board: name, site: ctx.siteName }),
        canonicalPath: filter ? urls.board(ctx.lang, board.slug) : href(page),
        prevPath: page > 1 ? href(page - 1) : null,
        nextPath: page < pageCount ? href(page + 1) : null,
        otherLanguagePath: urls.board(ctx.lang === 'ko' ? 'en' : 'ko', board.slug),
        // Every board exists in both languages; page 1 of each is the other's alternate.
        alternates: page === 1 && !filter ? LANGUAGES.map((lang) => ({ lang, path: urls.board(lang, board.slug) })) : undefined,
        xDefaultPath: urls.board('ko', board.slug),
        noIndex: Boolean(filter),
        feeds: [feedLinks((f) => feedUrls.board(ctx.lang, board.slug, f), `${ctx.siteName}: ${name}`)],
        subscribe: { board: board.slug },
      }}
    >
      <Breadcrumb ctx={ctx} trail={[{ label: ctx.t('newsZone'), href: urls.home(ctx.lang) }, { label: name }]} />
      <h1>{name}</h1>
      <p class="subscribe-link">
        <a href={urls.subscribe(ctx.lang, { board: board.slug })}>{ctx.t('subLink')}</a>
      </p>
      <form class="board-filter" method="get" action={urls.board(ctx.lang, board.slug)} role="search" aria-label={ctx.t('boardFilterForm')}>
        <div>
          <label for="board-q">{ctx.t('filterLabel')}</label>
          <input id="board-q" type="search" name="q" value={filter ?? ''} maxLength={100} />
        </div>
        <button type="submit">{ctx.t('filterButton')}</button>
        {filter && (
          <a class="button button-secondary" href={urls.board(ctx.lang, board.slug)}>
            {ctx.t('filterClear')}
          </a>
        )}
      </form>
      <p class="list-summary">
        {filter ? `${ctx.t('filterResults')} "${filter}": ` : ''}
        {ctx.t('totalItems', { count: listing.total })} · {ctx.t('pageOf', { page, count: pageCount })}
      </p>
      {listing.items.length === 0 ? (
        <p>{filter ? ctx.t('noMatches') : ctx.t('noReleases')}</p>
      ) : board.kind === 'photo' ? (
        <ul class="photo-grid">
          {listing.items.map((item) => (
            <li key={item.number}>
              {item.thumbnail && <img src={urls.file(item.thumbnail.sha256, item.thumbnail.fileName)} alt="" loading="lazy" width={480} height={320} />}
              <ListTitle title={item.title} href={urls.release(ctx.lang, board.slug, item.number)} />
              {item.thumbnail && (
                <p class="photo-original">
                  <a href={urls.file(item.thumbnail.sha256, item.thumbnail.fileName)}>{ctx.t('originalFile')}</a>
                </p>
              )}
              <p class="meta">
                <time dateTime={item.firstPublishedAt.toISOString()}>{ctx.fmt.day(item.firstPublishedAt)}</time> · {ctx.t('views')}{' '}
                {ctx.fmt.number(item.viewCount)}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <table class="board-list">
          <caption class="visually-hidden">
            {name}, {ctx.t('pageOf', { page, count: pageCount })}
          </caption>
          <BoardListHead ctx={ctx} />
          <tbody>
            {listing.items.map((item) => (
              <tr key={item.number}>
                <td class="num">{item.number}</td>
                <td class="title">
                  <ListTitle title={item.title} href={urls.release(ctx.lang, board.slug, item.number)} />
                </td>
                <td class="date">
                  <time dateTime={item.firstPublishedAt.toISOString()}>{ctx.fmt.day(item.firstPublishedAt)}</time>
                </td>
                <td class="views">{ctx.fmt.number(item.viewCount)}</td>
                <td class="file">{item.hasAttachments ? <AttachmentIcon label={ctx.t('hasAttachment')} /> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination ctx={ctx} page={page} pageCount={pageCount} href={href} />
    </Layout>
  );
}

/** The column headings of a board list (number, title, date, views, file), also used by the staff preview's mock row. */
export function BoardListHead({ ctx }: { ctx: Pick<PageContext, 't'> }) {
  return (
    <thead>
      <tr>
        <th scope="col" class="num">
          {ctx.t('colNumber')}
        </th>
        <th scope="col">{ctx.t('colTitle')}</th>
        <th scope="col" class="date">
          {ctx.t('colDate')}
        </th>
        <th scope="col" class="views">
          {ctx.t('colViews')}
        </th>
        <th scope="col" class="file">
          {ctx.t('colFile')}
        </th>
      </tr>
    </thead>
  );
}
