import { sql, type Kysely, type Selectable } from 'kysely';
import type { Language } from '../../domain/language.js';
import type { WebhookDeliveryStatus, WebhookEndpoint, WebhookEvent } from '../../domain/webhook.js';
import type { WebhookDelivery, WebhookEventCandidate, WebhookRepo, WebhookUnitOfWork } from '../../ports/webhooks.js';
import { makeAuditLog } from './audit-log.js';
import { isPostgres } from './dialect.js';
import type { Database } from './schema.js';
import type { WebhookEndpointsTable } from './schema-webhooks.js';

const AUDITED: Record<string, WebhookEvent> = { 'release.published': 'release.published', 'release.corrected': 'release.corrected', 'release.withdrawn': 'release.withdrawn' };

function toEndpoint(r: Selectable<WebhookEndpointsTable>): WebhookEndpoint {
  return { id: r.id, url: r.url, events: JSON.parse(r.events) as WebhookEvent[], enabled: Number(r.enabled) === 1, createdAt: new Date(Number(r.created_at)) };
}

/** Was the release public at some point: public from `public_at`, and that came before any withdrawal. */
function wasPublic(r: { public_at: number | null; withdrawn_at: number | null }, now: Date): boolean {
  if (r.public_at === null) return false;
  const publicAt = Number(r.public_at);
  return publicAt <= now.getTime() && (r.withdrawn_at === null || publicAt <= Number(r.withdrawn_at));
}

/** Webhook endpoints, events and deliveries; claims work like the mail outbox's (SKIP LOCKED on PostgreSQL). */
export function makeWebhookRepo(db: Kysely<Database>): WebhookRepo {
  const releaseInfo = () =>
    db
      .selectFrom('releases as r')
      .innerJoin('boards as b', 'b.id', 'r.board_id')
      .leftJoin('editions as live', 'live.id', 'r.live_edition_id')
      .select(['r.id', 'r.language', 'r.number', 'r.public_at', 'r.withdrawn_at', 'r.first_published_at', 'b.slug', 'live.title']);

  const deliveries = () =>
    db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as p', 'p.id', 'd.endpoint_id')
      .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
      .select(['d.id', 'd.endpoint_id', 'p.url', 'p.secret', 'd.event_id', 'e.event', 'e.payload', 'd.status', 'd.attempts', 'd.next_attempt_at', 'd.last_status', 'd.last_error', 'd.created_at', 'd.delivered_at']);
  type Row = Awaited<ReturnType<ReturnType<typeof deliveries>['execute']>>[number];
  const toDelivery = (r: Row): WebhookDelivery => ({
    id: r.id,
    endpointId: r.endpoint_id,
    url: r.url,
    secret: r.secret,
    eventId: r.event_id,
    event: r.event as WebhookEvent,
    payload: r.payload,
    status: r.status as WebhookDeliveryStatus,
    attempts: r.attempts,
    nextAttemptAt: new Date(Number(r.next_attempt_at)),
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: new Date(Number(r.created_at)),
    deliveredAt: r.delivered_at === null ? null : new Date(Number(r.delivered_at)),
  });

  return {
    async createEndpoint(input) {
      const row = await db
        .insertInto('webhook_endpoints')
        .values({ url: input.url, events: JSON.stringify(input.events), secret: input.secret, enabled: 1, created_at: input.at.getTime(), updated_at: input.at.getTime() })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEndpoint(row);
    },
    async getEndpoint(id) {
      const row = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toEndpoint(row) : null;
    },
    async setEnabled(id, enabled, at) {
      const r = await db.updateTable('webhook_endpoints').set({ enabled: enabled ? 1 : 0, updated_at: at.getTime() }).where('id', '=', id).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async listEndpoints() {
      return (await db.selectFrom('webhook_endpoints').selectAll().orderBy('id').execute()).map(toEndpoint);
    },

    async candidates(now, since, limit) {
      // Audit entries not recorded yet, in pages: entries of embargoed releases that are not public
      // yet (or never were) stay behind and must not crowd out newer ones.
      const audited: { id: number; at: number; action: string; subject_id: string | null }[] = [];
      const releases = new Map<number, Awaited<ReturnType<ReturnType<typeof releaseInfo>['execute']>>[number]>();
      let wanted = 0;
      for (let after = 0; wanted < limit; ) {
        const page = await db
          .selectFrom('audit_log as a')
          .select(['a.id', 'a.at', 'a.action', 'a.subject_id'])
          .where('a.action', 'in', Object.keys(AUDITED))
          .where('a.subject_type', '=', 'release')
          .where('a.at', '>=', since.getTime())
          .where('a.id', '>', after)
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('webhook_events as w').select('w.id').where('w.event_key', '=', sql<string>`'audit:' || cast(a.id as varchar(20))`))))
          .orderBy('a.id')
          .limit(500)
          .execute();
        if (page.length === 0) break;
        after = page.at(-1)!.id;
        const ids = [...new Set(page.map((a) => Number(a.subject_id)).filter((id) => Number.isInteger(id) && !releases.has(id)))];
        for (const r of ids.length ? await releaseInfo().where('r.id', 'in', ids).execute() : []) releases.set(r.id, r);
        for (const a of page) {
          const r = releases.get(Number(a.subject_id));
          if (r && wasPublic(r, now)) wanted += 1;
          audited.push(a);
        }
        if (page.length < 500) break;
      }
      // Releases whose embargo ended lately (public later than first published).
      const lifted = await releaseInfo()
        .where('r.embargo_until', 'is not', null)
        .where('r.public_at', '<=', now.getTime())
        .where('r.public_at', '>=', since.getTime())
        .whereRef('r.public_at', '>', 'r.first_published_at')
        .where((eb) => eb.or([eb('r.withdrawn_at', 'is', null), eb('r.public_at', '<=', eb.ref('r.withdrawn_at'))]))
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('webhook_events as w').select('w.id').where('w.event_key', '=', sql<string>`'embargo:' || cast(r.id as varchar(20)) || ':' || cast(r.public_at as varchar(20))`))))
        .limit(limit)
        .execute();
      const out: WebhookEventCandidate[] = [];
      // Ties (one instant) in the order things happened: audit order, an embargo's end after its publication.
      const rank = new Map<string, number>();
      const base = (r: NonNullable<ReturnType<typeof releases.get>>) => ({ releaseId: r.id, language: r.language as Language, boardSlug: r.slug, number: r.number, title: r.title ?? '' });
      for (const a of audited) {
        const r = releases.get(Number(a.subject_id));
        // An embargoed release's events wait for its time; one withdrawn before it was ever public is never announced.
        if (!r || !wasPublic(r, now)) continue;
        rank.set(`audit:${a.id}`, a.id);
        out.push({ key: `audit:${a.id}`, event: AUDITED[a.action]!, occurredAt: new Date(Math.max(Number(a.at), Number(r.public_at))), ...base(r) });
      }
      for (const r of lifted) {
        if (!wasPublic(r, now)) continue;
        out.push({ key: `embargo:${r.id}:${Number(r.public_at)}`, event: 'release.embargo_lifted', occurredAt: new Date(Number(r.public_at)), ...base(r) });
      }
      return out.sort((x, y) => x.occurredAt.getTime() - y.occurredAt.getTime() || (rank.get(x.key) ?? Number.MAX_SAFE_INTEGER) - (rank.get(y.key) ?? Number.MAX_SAFE_INTEGER)).slice(0, limit);
    },

    async recordEvent(c, payload, at) {
      const row = await db
        .insertInto('webhook_events')
        .values({ event_key: c.key, event: c.event, release_id: c.releaseId, payload, occurred_at: at.getTime() })
        .onConflict((oc) => oc.column('event_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row?.id ?? null;
    },
    async addDeliveries(eventId, event, at) {
      const endpoints = (await db.selectFrom('webhook_endpoints').selectAll().where('enabled', '=', 1).execute()).map(toEndpoint).filter((e) => e.events.includes(event));
      if (endpoints.length === 0) return 0;
      await db
        .insertInto('webhook_deliveries')
        .values(endpoints.map((e) => ({ endpoint_id: e.id, event_id: eventId, status: 'queued', next_attempt_at: at.getTime(), created_at: at.getTime() })))
        .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
        .execute();
      return endpoints.length;
    },

    async claimDue(now, workerId, limit, leaseMs) {
      let due = db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now.getTime())]),
            eb.and([eb('status', '=', 'sending'), eb('locked_at', '<', now.getTime() - leaseMs)]),
          ]),
        )
        // A disabled endpoint gets nothing; its deliveries wait until it is enabled again.
        .where('endpoint_id', 'in', db.selectFrom('webhook_endpoints').select('id').where('enabled', '=', 1))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit);
      if (isPostgres(db)) due = due.forUpdate().skipLocked();
      const claimed = await db
        .updateTable('webhook_deliveries')
        .set({ status: 'sending', locked_by: workerId, locked_at: now.getTime(), attempts: sql`attempts + 1` })
        .where('id', 'in', due)
        .returning('id')
        .execute();
      if (claimed.length === 0) return [];
      const rows = await deliveries()
        .where(
          'd.id',
          'in',
          claimed.map((c) => c.id),
        )
        .orderBy('d.id')
        .execute();
      return rows.map(toDelivery);
    },
    async markDelivered(id, status, at) {
      await db.updateTable('webhook_deliveries').set({ status: 'delivered', last_status: status, last_error: null, delivered_at: at.getTime(), locked_at: null }).where('id', '=', id).execute();
    },
    async markRetry(id, status, error, next) {
      await db.updateTable('webhook_deliveries').set({ status: 'queued', last_status: status, last_error: error, next_attempt_at: next.getTime(), locked_at: null }).where('id', '=', id).execute();
    },
    async markFailed(id, status, error) {
      await db.updateTable('webhook_deliveries').set({ status: 'failed', last_status: status, last_error: error, locked_at: null }).where('id', '=', id).execute();
    },
    async listDeliveries(q) {
      let query = deliveries().orderBy('d.id', 'desc').limit(q.limit);
      if (q.endpointId !== undefined) query = query.where('d.endpoint_id', '=', q.endpointId);
      return (await query.execute()).map(toDelivery);
    },
  };
}

/** Webhook writes and their audit entry in one transaction. */
export function makeWebhookUnitOfWork(db: Kysely<Database>): WebhookUnitOfWork {
  return { run: (work) => db.transaction().execute((trx) => work({ webhooks: makeWebhookRepo(trx), audit: makeAuditLog(trx) })) };
}
