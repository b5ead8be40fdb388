import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LANGUAGES } from '../../../domain/language.js';
import { LIMITS } from '../../../domain/limits.js';
import { EDITION_STATES } from '../../../domain/release.js';
import { adminContext } from '../shared/admin-context.js';
import { canRead, type AdminWebDeps } from '../shared/admin-deps.js';
import { sendAdminPage } from '../shared/html.js';
import { boardSlugSchema } from '../../../app/board.schema.js';
import type { AdminCatalog } from '../../../ports/admin-catalog.js';
import type { BoardRepo } from '../../../ports/board-repo.js';
import type { UserRepo } from '../../../ports/user-repo.js';
import { ReleaseListView } from './release-list.view.js';

/** The release list: rows by filter, the boards and the staff (authors) to filter by. */
export type ReleaseListSystem = { admin: Pick<AdminCatalog, 'list'>; boards: Pick<BoardRepo, 'list'>; accounts: { users: Pick<UserRepo, 'list'> } };

const PAGE_SIZE = 20;

/** A trimmed text filter; empty means none. */
const text = (max: number) =>
  z
    .string()
    .transform((s) => s.trim().slice(0, max))
    .transform((s) => (s === '' ? undefined : s))
    .optional()
    .catch(undefined);

/** Filters from the query string; a value that names nothing is ignored rather than refused. */
const listQuery = z.object({
  q: text(LIMITS.searchMaxChars),
  board: boardSlugSchema.optional().catch(undefined),
  state: z.enum(EDITION_STATES).optional().catch(undefined),
  language: z.enum(LANGUAGES).optional().catch(undefined),
  author: z.coerce.number().int().min(1).optional().catch(undefined),
  tag: text(LIMITS.tagMaxChars),
  mine: z.literal('1').optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(LIMITS.maxPage).optional().catch(undefined),
});

/** GET /admin/releases: every release by its latest edition, searched by title, filtered and paginated. */
export function registerReleaseListRoutes(app: FastifyInstance, deps: AdminWebDeps<ReleaseListSystem>): void {
  app.get('/admin/releases', canRead(deps), async (request, reply) => {
    const q = listQuery.parse(request.query ?? {});
    const page = q.page ?? 1;
    const ctx = await adminContext(request, reply, deps);
    const [boards, users, result] = await Promise.all([
      deps.system.boards.list(),
      deps.system.accounts.users.list(),
      deps.system.admin.list({
        boardSlug: q.board,
        state: q.state,
        language: q.language,
        // "Only mine" and an author both name whose edition it is; "mine" wins when both are given.
        createdBy: q.mine ? ctx.user.id : q.author,
        titleWords: q.q?.split(/\s+/u).filter((w) => w !== ''),
        tag: q.tag,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    ]);
    const authors = users.filter((u) => u.role !== 'viewer' || u.id === q.author).map((u) => ({ id: u.id, name: u.name }));
    return sendAdminPage(reply, <ReleaseListView ctx={ctx} boards={boards} authors={authors} q={q} rows={result.rows} total={result.total} page={page} pageSize={PAGE_SIZE} />);
  });
}
