import type { Kysely, Selectable } from 'kysely';
import type { Session, SessionStage } from '../../domain/user.js';
import type { SessionRepo } from '../../ports/session-repo.js';
import type { AccountsDatabase, SessionsTable } from './schema-accounts.js';

export function toSession(row: Selectable<SessionsTable>): Session {
  return {
    id: row.id,
    userId: row.user_id,
    stage: row.stage as SessionStage,
    createdAt: new Date(Number(row.created_at)),
    lastSeenAt: new Date(Number(row.last_seen_at)),
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

export function makeSessionRepo(db: Kysely<AccountsDatabase>): SessionRepo {
  return {
    async create(input) {
      const at = input.createdAt.getTime();
      const row = await db
        .insertInto('sessions')
        .values({
          user_id: input.userId,
          token_hash: input.tokenHash,
          stage: input.stage,
          created_at: at,
          last_seen_at: at,
          ip: input.ip?.slice(0, 64) ?? null,
          user_agent: input.userAgent?.slice(0, 300) ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSession(row);
    },
    async byTokenHash(tokenHash) {
      const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toSession(row) : null;
    },
    async touch(id, at) {
      await db.updateTable('sessions').set({ last_seen_at: at.getTime() }).where('id', '=', id).where('last_seen_at', '<', at.getTime()).execute();
    },
    async delete(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteForUser(userId, exceptId) {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteExpired(idleBefore, createdBefore, unfinishedCreatedBefore) {
      const result = await db
        .deleteFrom('sessions')
        .where((eb) =>
          eb.or([
            eb('last_seen_at', '<', idleBefore.getTime()),
            eb('created_at', '<', createdBefore.getTime()),
            eb.and([eb('stage', '<>', 'full'), eb('created_at', '<', unfinishedCreatedBefore.getTime())]),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async countForUser(userId) {
      const row = await db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
