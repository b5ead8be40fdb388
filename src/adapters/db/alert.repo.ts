import type { Kysely } from 'kysely';
import type { Language } from '../../domain/language.js';
import type { AlertCandidate, AlertRepo } from '../../ports/distribution.js';
import type { Database } from './schema.js';

/** Edition states that were live at some point; only these can be alerted. */
const WERE_LIVE = ['published', 'superseded'];

/** Alerts and delivery records (migration 2026120320-distribution). */
export function makeAlertRepo(db: Kysely<Database>): AlertRepo {
  return {
    async candidates(now, since, limit) {
      const base = () =>
        db
          .selectFrom('releases as r')
          .innerJoin('editions as e', 'e.release_id', 'r.id')
          .select(['r.id as release_id', 'e.id as edition_id', 'r.language', 'r.board_id', 'e.tags', 'r.first_published_at'])
          .where('r.status', '=', 'published')
          .where('r.public_at', '<=', now.getTime())
          .where('e.state', 'in', WERE_LIVE)
          .where((eb) => eb(eb.fn.coalesce('e.is_minor_change', eb.val(0)), '=', 0))
          // Only the newest edition worth an alert: a correction supersedes an unsent first publication.
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('editions as e2')
                  .select('e2.id')
                  .whereRef('e2.release_id', '=', 'r.id')
                  .whereRef('e2.id', '>', 'e.id')
                  .where('e2.state', 'in', WERE_LIVE)
                  .where((eb) => eb(eb.fn.coalesce('e2.is_minor_change', eb.val(0)), '=', 0)),
              ),
            ),
          )
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('release_alerts as a').select('a.release_id').whereRef('a.release_id', '=', 'r.id').whereRef('a.edition_id', '=', 'e.id'))))
          .limit(limit);
      // Two indexed ranges instead of one OR: editions published lately, and releases whose embargo just ended.
      const [byEdition, byPublicTime] = await Promise.all([base().where('e.published_at', '>=', since.getTime()).execute(), base().where('r.public_at', '>=', since.getTime()).execute()]);
      const seen = new Set<string>();
      const out: AlertCandidate[] = [];
      for (const r of [...byEdition, ...byPublicTime]) {
        const key = `${r.release_id}:${r.edition_id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ releaseId: r.release_id, editionId: r.edition_id, language: r.language as Language, boardId: r.board_id, tags: JSON.parse(r.tags) as string[], firstPublishedAt: new Date(Number(r.first_published_at)) });
      }
      return out.sort((a, b) => a.releaseId - b.releaseId || a.editionId - b.editionId).slice(0, limit);
    },

    async item(releaseId, editionId) {
      const r = await db
        .selectFrom('releases as r')
        .innerJoin('boards as b', 'b.id', 'r.board_id')
        .innerJoin('editions as e', (j) => j.onRef('e.release_id', '=', 'r.id').on('e.id', '=', editionId))
        .leftJoin('editions as live', 'live.id', 'r.live_edition_id')
        .select(['r.id', 'r.language', 'r.number', 'r.status', 'r.public_at', 'b.slug', 'b.name_ko', 'b.name_en', 'e.change_note', 'live.title', 'live.subtitle', 'live.department'])
        .where('r.id', '=', releaseId)
        .executeTakeFirst();
      if (!r || r.number === null || r.title === null) return null;
      return {
        releaseId,
        editionId,
        language: r.language as Language,
        boardSlug: r.slug,
        boardName: { ko: r.name_ko, en: r.name_en },
        number: r.number,
        // The text as it is public now: a later minor edit's wording, not the alerted edition's.
        title: r.title,
        subtitle: JSON.parse(r.subtitle ?? '[]') as string[],
        department: r.department ?? '',
        publicAt: new Date(Number(r.public_at)),
        changeNote: r.change_note,
        isPublished: r.status === 'published',
      };
    },

    async recordAlert(releaseId, editionId, at, recipients) {
      const rows = await db
        .insertInto('release_alerts')
        .values({ release_id: releaseId, edition_id: editionId, alerted_at: at.getTime(), recipients })
        .onConflict((oc) => oc.columns(['release_id', 'edition_id']).doNothing())
        .returning('release_id')
        .execute();
      return rows.length === 1;
    },

    async addDeliveries(rows) {
      const inserted: number[] = [];
      for (let i = 0; i < rows.length; i += 400) {
        const chunk = rows.slice(i, i + 400);
        const done = await db
          .insertInto('subscription_deliveries')
          .values(chunk.map((d) => ({ subscription_id: d.subscriptionId, release_id: d.releaseId, edition_id: d.editionId, status: d.status, outbox_id: null, created_at: d.createdAt.getTime() })))
          .onConflict((oc) => oc.columns(['subscription_id', 'release_id', 'edition_id']).doNothing())
          .returning('subscription_id')
          .execute();
        inserted.push(...done.map((d) => d.subscription_id));
      }
      return inserted;
    },

    async setDeliveryOutbox(subscriptionId, releaseId, editionId, outboxId) {
      await db.updateTable('subscription_deliveries').set({ outbox_id: outboxId }).where('subscription_id', '=', subscriptionId).where('release_id', '=', releaseId).where('edition_id', '=', editionId).execute();
    },

    async pendingDigest(subscriptionId) {
      const rows = await db.selectFrom('subscription_deliveries').select(['release_id', 'edition_id']).where('subscription_id', '=', subscriptionId).where('status', '=', 'digest_pending').orderBy('created_at').orderBy('release_id').execute();
      return rows.map((r) => ({ releaseId: r.release_id, editionId: r.edition_id }));
    },

    async markDigested(subscriptionId, items, outboxId) {
      for (const item of items) {
        await db
          .updateTable('subscription_deliveries')
          .set({ status: 'digested', outbox_id: outboxId })
          .where('subscription_id', '=', subscriptionId)
          .where('release_id', '=', item.releaseId)
          .where('edition_id', '=', item.editionId)
          .where('status', '=', 'digest_pending')
          .execute();
      }
    },

    async deliveriesOf(subscriptionId) {
      const rows = await db.selectFrom('subscription_deliveries').select(['release_id', 'edition_id', 'status', 'created_at']).where('subscription_id', '=', subscriptionId).orderBy('created_at').execute();
      return rows.map((r) => ({ releaseId: r.release_id, editionId: r.edition_id, status: r.status, createdAt: new Date(Number(r.created_at)) }));
    },
  };
}
