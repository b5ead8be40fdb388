import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Board } from '../../../domain/board.js';
import { LANGUAGES } from '../../../domain/language.js';
import { LIMITS } from '../../../domain/limits.js';
import { EDITION_STATES } from '../../../domain/release.js';
import type { AdminReleaseRow } from '../../../ports/admin-catalog.js';
import { adminContext, type AdminContext } from '../shared/admin-context.js';
import { canRead, type AdminWebDeps } from '../shared/admin-deps.js';
import { AdminLayout } from '../shared/admin-layout.view.js';
import { languageLabel, stateLabel } from '../shared/format.js';
import { sendAdminPage } from '../shared/html.js';
import { ReleaseTable } from '../shared/release-table.view.js';
import { boardSlugSchema } from '../../../app/board.schema.js';
import type { AdminCatalog } from '../../../ports/admin-catalog.js';
import type { BoardRepo } from '../../../ports/board-repo.js';

/** The release list: rows by filter, and the boards to filter by. */
export type ReleaseListSystem = { admin: Pick<AdminCatalog, 'list'>; boards: Pick<BoardRepo, 'list'> };

const PAGE_SIZE = 20;

/** Filters from the query string; a value that names nothing is ignored rather than refused. */
const listQuery = z.object({
  board: boardSlugSchema.optional().catch(undefined),
  state: z.enum(EDITION_STATES).optional().catch(undefined),
  language: z.enum(LANGUAGES).optional().catch(undefined),
  mine: z.literal('1').optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(LIMITS.maxPage).optional().catch(undefined),
});
type ListQuery = z.output<typeof listQuery>;

function pageHref(q: ListQuery, page: number): string {
  const params = new URLSearchParams();
  if (q.board) params.set('board', q.board);
  if (q.state) params.set('state', q.state);
  if (q.language) params.set('language', q.language);
  if (q.mine) params.set('mine', '1');
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return `/admin/releases${s ? `?${s}` : ''}`;
}

function ReleaseListView(props: { ctx: AdminContext; boards: Board[]; q: ListQuery; rows: AdminReleaseRow[]; total: number; page: number }) {
  const { ctx, q, page } = props;
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  return (
    <AdminLayout ctx={ctx} title={t('adminNavReleases')}>
      <h1>{t('adminNavReleases')}</h1>
      <form method="get" action="/admin/releases" class="inline-actions" aria-label={t('adminFilterReleases')}>
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
          <input type="checkbox" id="filter-mine" name="mine" value="1" checked={q.mine === '1'} /> <label for="filter-mine" class="inline-label">{t('adminOnlyMine')}</label>
        </div>
        <button type="submit">{t('adminFilter')}</button>
      </form>
      <p class="list-summary" role="status">
        {t('adminReleaseCount', { count: props.total })}
        {pages > 1 && ` · ${t('adminPageOf', { page, count: pages })}`}
      </p>
      <ReleaseTable ctx={ctx} rows={props.rows} boards={props.boards} caption={t('adminNavReleases')} empty={t('adminNoMatches')} />
      {pages > 1 && (
        <nav class="pagination" aria-label={t('pagination')}>
          <ul>
            {page > 1 && (
              <li>
                <a href={pageHref(q, page - 1)} rel="prev">
                  {t('adminPreviousPage')}
                </a>
              </li>
            )}
            {page < pages && (
              <li>
                <a href={pageHref(q, page + 1)} rel="next">
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

/** GET /admin/releases: every release by its latest edition, filtered and paginated. */
export function registerReleaseListRoutes(app: FastifyInstance, deps: AdminWebDeps<ReleaseListSystem>): void {
  app.get('/admin/releases', canRead(deps), async (request, reply) => {
    const q = listQuery.parse(request.query ?? {});
    const page = q.page ?? 1;
    const ctx = await adminContext(request, reply, deps);
    const [boards, result] = await Promise.all([
      deps.system.boards.list(),
      deps.system.admin.list({
        boardSlug: q.board,
        state: q.state,
        language: q.language,
        createdBy: q.mine ? ctx.user.id : undefined,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    ]);
    return sendAdminPage(reply, <ReleaseListView ctx={ctx} boards={boards} q={q} rows={result.rows} total={result.total} page={page} />);
  });
}
