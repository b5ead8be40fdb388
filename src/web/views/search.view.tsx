import { SEARCH_PAGE_SIZE, type SearchResults } from '../../app/search-releases.js';
import { LIMITS } from '../../domain/limits.js';
import type { SearchSort } from '../../ports/search-index.js';
import { urls } from '../urls.js';
import { Breadcrumb, Layout } from './layout.view.js';
import type { PageContext } from './page-context.js';
import { Pagination } from './pagination.view.js';

export interface SearchForm {
  q: string;
  board: string | null;
  sort: SearchSort;
  from: string | null;
  to: string | null;
}

/** A date the reader typed that could not be used as given, explained above the results. */
export type DateProblem = { kind: 'invalid'; field: 'from' | 'to'; value: string } | { kind: 'reversed'; from: string; to: string };

/** A YYYY-MM-DD text field of the search filters, pointing at the date problems when it is wrong. */
function DateField(props: { ctx: PageContext; field: 'from' | 'to'; label: string; value: string | null | undefined; invalid: boolean }) {
  const id = `search-${props.field}`;
  return (
    <div>
      <label for={id}>
        {props.label} <span class="hint">({props.ctx.t('dateHint')})</span>
      </label>
      <input
        id={id}
        type="text"
        name={props.field}
        value={props.value ?? ''}
        inputMode="numeric"
        autoComplete="off"
        size={10}
        maxLength={10}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={props.invalid ? 'date-problems' : undefined}
      />
    </div>
  );
}

/** The full-text search page: the form (works without JS) and, once asked, the results. */
export function SearchView(props: { ctx: PageContext; form: SearchForm; results: SearchResults | null; dateProblems?: DateProblem[] }) {
  const { ctx, form, results } = props;
  const problems = props.dateProblems ?? [];
  const problemText = (p: DateProblem) =>
    p.kind === 'invalid' ? ctx.t('dateInvalid', { value: p.value, field: ctx.t(p.field === 'from' ? 'searchFrom' : 'searchTo') }) : ctx.t('dateReversed', { from: p.from, to: p.to });
  const fieldProblem = (field: 'from' | 'to') => problems.some((p) => p.kind === 'invalid' && p.field === field);
  const href = (page: number) => urls.search(ctx.lang, { ...form, page });
  const title = ctx.t('searchTitle');
  const boardName = (slug: string) => ctx.boards.find((b) => b.slug === slug)?.name[ctx.lang] ?? slug;
  return (
    <Layout ctx={ctx} meta={{ subscribe: form.q ? { q: form.q, board: form.board } : undefined, title: form.q ? `${form.q} - ${title}` : title, description: ctx.t('searchDescription', { site: ctx.siteName }), canonicalPath: urls.search(ctx.lang), noIndex: true, otherLanguagePath: urls.search(ctx.lang === 'ko' ? 'en' : 'ko', { q: form.q }) }}>
      <Breadcrumb ctx={ctx} trail={[{ label: ctx.t('newsZone'), href: urls.home(ctx.lang) }, { label: title }]} />
      <h1>{title}</h1>
      {problems.length > 0 && (
        <div class="notice form-problems" id="date-problems">
          {problems.map((p, i) => (
            <p key={i}>{problemText(p)}</p>
          ))}
        </div>
      )}
      <form class="board-filter search-form" method="get" action={urls.search(ctx.lang)} role="search" aria-label={ctx.t('searchPageForm')}>
        <div>
          <label for="search-q">{ctx.t('searchLabel')}</label>
          <input id="search-q" type="search" name="q" value={form.q} maxLength={LIMITS.searchMaxChars} />
        </div>
        <div>
          <label for="search-board">{ctx.t('searchBoard')}</label>
          <select id="search-board" name="board">
            <option value="">{ctx.t('searchAllBoards')}</option>
            {ctx.boards.map((b) => (
              <option key={b.slug} value={b.slug} selected={form.board === b.slug}>
                {b.name[ctx.lang]}
              </option>
            ))}
          </select>
        </div>
        <DateField ctx={ctx} field="from" label={ctx.t('searchFrom')} value={form.from} invalid={fieldProblem('from')} />
        <DateField ctx={ctx} field="to" label={ctx.t('searchTo')} value={form.to} invalid={fieldProblem('to')} />
        <div>
          <label for="search-sort">{ctx.t('searchSort')}</label>
          <select id="search-sort" name="sort">
            <option value="newest" selected={form.sort === 'newest'}>
              {ctx.t('sortNewest')}
            </option>
            <option value="relevance" selected={form.sort === 'relevance'}>
              {ctx.t('sortRelevance')}
            </option>
          </select>
        </div>
        <button type="submit">{ctx.t('filterButton')}</button>
      </form>
      {results === null ? (
        <p>{ctx.t('searchPrompt')}</p>
      ) : (
        <>
          <p class="list-summary" role="status">
            {ctx.t(results.totalExact ? 'searchResults' : 'searchResultsMore', { count: results.total, query: results.query })} ·{' '}
            {results.totalExact ? ctx.t('pageOf', { page: results.page, count: results.pageCount }) : ctx.t('pageNumber', { page: results.page })}
          </p>
          <p class="subscribe-link">
            <a href={urls.subscribe(ctx.lang, { q: results.query, board: form.board })}>{ctx.t('subSearchAlert')}</a>
          </p>
          {results.items.length === 0 ? (
            <p>{ctx.t('noMatches')}</p>
          ) : (
            <ol class="search-results" start={(results.page - 1) * SEARCH_PAGE_SIZE + 1}>
              {results.items.map((item) => (
                <li key={item.releaseId}>
                  <h2>
                    <a href={urls.release(ctx.lang, item.boardSlug, item.number)}>{item.title}</a>
                  </h2>
                  {/* snippetHtml is escaped by the app layer; only <mark> is added. */}
                  <p class="snippet" dangerouslySetInnerHTML={{ __html: item.snippetHtml }} />
                  <p class="meta">
                    {boardName(item.boardSlug)} · <time dateTime={item.date.toISOString()}>{ctx.fmt.day(item.date)}</time>
                  </p>
                </li>
              ))}
            </ol>
          )}
          <Pagination ctx={ctx} page={results.page} pageCount={results.pageCount} pageCountKnown={results.totalExact} href={href} />
        </>
      )}
    </Layout>
  );
}
