import type { PageContext } from './page-context.js';

const SLOT = '\u0000';

/**
 * A page link's text: the visible number inside the full words ("Page 2 of 9", "9쪽 중 2쪽"), the
 * words visually hidden. The accessible name then contains the visible text in every language
 * (WCAG 2.5.3); an aria-label of "9쪽 중 2쪽" on a link showing "2" did not.
 */
function PageLinkText(props: { ctx: PageContext; page: number; pageCount: number; known: boolean }) {
  const { ctx } = props;
  const words = props.known ? ctx.t('pageOf', { page: SLOT, count: ctx.fmt.number(props.pageCount) }) : ctx.t('pageNumber', { page: SLOT });
  const [before = '', after = ''] = words.split(SLOT);
  return (
    <>
      {before && <span class="visually-hidden">{before}</span>}
      {ctx.fmt.number(props.page)}
      {after && <span class="visually-hidden">{after}</span>}
    </>
  );
}

/**
 * Page links in blocks of ten, as government boards show them, plus first/previous/next/last.
 * `pageCountKnown: false`: there are at least `pageCount` pages (a search that stopped counting): no "Last" link.
 */
export function Pagination(props: { ctx: PageContext; page: number; pageCount: number; pageCountKnown?: boolean; href: (page: number) => string }) {
  const { ctx, page, pageCount, href } = props;
  const known = props.pageCountKnown ?? true;
  if (pageCount <= 1) return null;
  const blockStart = Math.floor((page - 1) / 10) * 10 + 1;
  const blockEnd = Math.min(pageCount, blockStart + 9);
  const pages: number[] = [];
  for (let p = blockStart; p <= blockEnd; p++) pages.push(p);
  return (
    <nav class="pagination" aria-label={ctx.t('pagination')}>
      <ul>
        {page > 1 && (
          <li>
            <a href={href(1)}>{ctx.t('firstPage')}</a>
          </li>
        )}
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev">
              {ctx.t('previousPage')}
            </a>
          </li>
        )}
        {pages.map((p) => (
          <li key={p}>
            {p === page ? (
              <span aria-current="page">{ctx.fmt.number(p)}</span>
            ) : (
              <a href={href(p)}>
                <PageLinkText ctx={ctx} page={p} pageCount={pageCount} known={known} />
              </a>
            )}
          </li>
        ))}
        {page < pageCount && (
          <li>
            <a href={href(page + 1)} rel="next">
              {ctx.t('nextPage')}
            </a>
          </li>
        )}
        {known && page < pageCount && (
          <li>
            <a href={href(pageCount)}>{ctx.t('lastPage')}</a>
          </li>
        )}
      </ul>
    </nav>
  );
}
