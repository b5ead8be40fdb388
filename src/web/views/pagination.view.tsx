import type { PageContext } from './page-context.js';

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
              <a href={href(p)} aria-label={known ? ctx.t('pageOf', { page: p, count: pageCount }) : ctx.t('pageNumber', { page: p })}>
                {ctx.fmt.number(p)}
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
