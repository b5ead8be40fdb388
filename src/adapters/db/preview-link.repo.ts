import { sql, type Kysely, type Selectable } from 'kysely';
import type { PreviewLink, PreviewLinkRepo } from '../../ports/preview-link-repo.js';
import type { Database, PreviewLinksTable } from './schema.js';

const toLink = (r: Selectable<PreviewLinksTable>): PreviewLink => ({
  id: r.id,
  releaseId: r.release_id,
  recipient: r.recipient,
  createdBy: r.created_by,
  createdAt: new Date(Number(r.created_at)),
  revokedAt: r.revoked_at === null ? null : new Date(Number(r.revoked_at)),
  lastOpenedAt: r.last_opened_at === null ? null : new Date(Number(r.last_opened_at)),
  openCount: r.open_count,
});

export function makePreviewLinkRepo(db: Kysely<Database>): PreviewLinkRepo {
  return {
    async create(input) {
      const row = await db
        .insertInto('preview_links')
        .values({ release_id: input.releaseId, token_hash: input.tokenHash, recipient: input.recipient, created_by: input.createdBy, created_at: input.createdAt.getTime() })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toLink(row);
    },
    async byTokenHash(tokenHash) {
      const row = await db.selectFrom('preview_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toLink(row) : null;
    },
    async get(id) {
      const row = await db.selectFrom('preview_links').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toLink(row) : null;
    },
    async listFor(releaseId) {
      const rows = await db.selectFrom('preview_links').selectAll().where('release_id', '=', releaseId).orderBy('id', 'desc').execute();
      return rows.map(toLink);
    },
    async revoke(id, at) {
      await db.updateTable('preview_links').set({ revoked_at: at.getTime() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    },
    async recordOpen(id, at) {
      await db
        .updateTable('preview_links')
        .set({ last_opened_at: at.getTime(), open_count: sql`open_count + 1` })
        .where('id', '=', id)
        .execute();
    },
  };
}
