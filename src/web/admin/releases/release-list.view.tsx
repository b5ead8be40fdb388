import type { Board } from '../../../domain/board.js';
import { LANGUAGES } from '../../../domain/language.js';
import { EDITION_STATES } from '../../../domain/release.js';
import type { User } from '../../../domain/user.js';
import type { AdminReleaseRow } from '../../../ports/admin-catalog.js';
import type { AdminContext } from '../shared/admin-context.js';
import { AdminLayout } from '../shared/admin-layout.view.js';
import { languageLabel, stateLabel } from '../shared/format.js';
import { DATA_TEXT } from '../shared/html.js';
import { ReleaseTable } from '../shared/release-table.view.js';

/** The list's filters as read from the query string (release-list.route.tsx). */
export interface ReleaseListFilters {
  q?: string;
  board?: string;
  state?: string;
  language?: string;
  author?: number;
  tag?: string;
  mine?: '1';
}

/** The list's URL with its filters, so every page link keeps them. */
export function releaseListHref(f: ReleaseListFilters, page: number): string {
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  if (f.board) params.set('board', f.board);
  if (f.state) params.set('state', f.state);
  if (f.language) params.set('language', f.language);
  if (f.author !== undefined) params.set('author', String(f.author));
  if (f.tag) params.set('tag', f.tag);
  if (f.mine) params.set('mine', '1');
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return `/admin/releases${s ? `?${s}` : ''}`;
}

/** The release list page: a GET form of combinable filters (works without JavaScript), the rows as a table or, on phones, cards. */
export function ReleaseListView(props: { ctx: AdminContext; boards: Board[]; authors: Pick<User, 'id' | 'name'>[]; q: ReleaseListFilters; rows: AdminReleaseRow[]; total: number; page: number; pageSize: number }) {
  const { ctx, q, page } = props;
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const filtered = releaseListHref(q, 1) !== '/admin/releases';
  return (
    <AdminLayout ctx={ctx} title={t('adminNavReleases')}>
      <h1>{t('adminNavReleases')}</h1>
      <form method="get" action="/admin/releases" class="inline-actions release-filters" role="search" aria-label={t('adminFilterReleases')}>
        <div class="form-group">
          <label for="filter-q">{t('adminSearchTitles')}</label>
          <input type="search" id="filter-q" name="q" value={q.q ?? ''} maxLength={200} aria-describedby="filter-q-hint" />
          <span class="hint" id="filter-q-hint">
            {t('adminSearchTitlesHint')}
          </span>
        </div>
        <div class="form-group">
          <label for="filter-board">{t('adminColBoard')}</label>
          <select id="filter-board" name="board">
            <option value="">{t('adminAnyBoard')}</option>
            {props.boards.map((b) => (
              <option key={b.slug} value={b.slug} selected={q.board === b.slug}>
                {b.name[ctx.lang]}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label for="filter-state">{t('adminColState')}</label>
          <select id="filter-state" name="state">
            <option value="">{t('adminAnyState')}</option>
            {EDITION_STATES.map((s) => (
              <option key={s} value={s} selected={q.state === s}>
                {stateLabel(s, t)}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label for="filter-language">{t('adminColLanguage')}</label>
          <select id="filter-language" name="language">
            <option value="">{t('adminAnyLanguage')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} selected={q.language === l}>
                {languageLabel(l, t)}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label for="filter-author">{t('adminColAuthor')}</label>
          <select id="filter-author" name="author">
            <option value="">{t('adminAnyAuthor')}</option>
            {props.authors.map((a) => (
              <option key={a.id} value={String(a.id)} selected={q.author === a.id} {...DATA_TEXT}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label for="filter-tag">{t('adminColTag')}</label>
          <input type="text" id="filter-tag" name="tag" value={q.tag ?? ''} maxLength={60} aria-describedby="filter-tag-hint" />
          <span class="hint" id="filter-tag-hint">
            {t('adminTagHint')}
          </span>
        </div>
        <div class="form-group">
          <input type="checkbox" id="filter-mine" name="mine" value="1" checked={q.mine === '1'} /> <label for="filter-mine" class="inline-label">{t('adminOnlyMine')}</label>
        </div>
        <div class="form-group">
          <button type="submit">{t('adminFilter')}</button>
          {filtered && (
            <>
              {' '}
              <a href="/admin/releases">{t('adminClearFilters')}</a>
            </>
          )}
        </div>
      </form>
      <p class="list-summary" role="status">
        {t('adminReleaseCount', { count: props.total })}
        {pages > 1 && ` · ${t('adminPageOf', { page, count: pages })}`}
      </p>
      <ReleaseTable ctx={ctx} rows={props.rows} boards={props.boards} caption={t('adminNavReleases')} empty={t('adminNoMatches')} thumbnails />
      {pages > 1 && (
        <nav class="pagination" aria-label={t('pagination')}>
          <ul>
            {page > 1 && (
              <li>
                <a href={releaseListHref(q, page - 1)} rel="prev">
                  {t('adminPreviousPage')}
                </a>
              </li>
            )}
            {page < pages && (
              <li>
                <a href={releaseListHref(q, page + 1)} rel="next">
                  {t('adminNextPage')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </AdminLayout>
  );
}
