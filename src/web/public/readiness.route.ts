import type { FastifyInstance } from 'fastify';

/** What a server needs before a load balancer sends it traffic; each check rejects (or names what is missing) when not ready. */
export interface ReadinessChecks {
  /** The database answers a query. */
  database(): Promise<unknown>;
  /** The file store can be reached and written. */
  storage(): Promise<void>;
  /** Migrations not applied yet (another server may be upgrading the schema). */
  pendingMigrations(): Promise<string[]>;
}

/** A check that neither answers nor fails within this long counts as failed: a probe must never hang. */
const CHECK_TIMEOUT_MS = 3000;

function bounded<T>(work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work(), timeout]).finally(() => clearTimeout(timer));
}

/**
 * `/readyz`: 200 when the database answers, the file store is reachable and no migration is
 * pending; 503 naming the failed check otherwise. `/healthz` stays pure liveness (the process
 * answers), so an orchestrator restarts a server only when it is stuck, and merely stops routing
 * to one whose database or storage is away.
 */
export function registerReadinessRoute(app: FastifyInstance, checks: ReadinessChecks): void {
  app.get('/readyz', async (request, reply) => {
    const [database, storage, migrations] = await Promise.allSettled([bounded(checks.database), bounded(checks.storage), bounded(checks.pendingMigrations)]);
    const body = {
      status: 'ready' as 'ready' | 'unavailable',
      database: database.status === 'fulfilled' ? 'ok' : 'unreachable',
      storage: storage.status === 'fulfilled' ? 'ok' : 'unreachable',
      migrations: migrations.status === 'rejected' ? 'unknown' : migrations.value.length === 0 ? 'current' : 'pending',
      ...(migrations.status === 'fulfilled' && migrations.value.length > 0 ? { pending: migrations.value } : {}),
    };
    const failed = database.status === 'rejected' || storage.status === 'rejected' || body.migrations !== 'current';
    if (failed) {
      body.status = 'unavailable';
      const reasons = [database, storage, migrations].flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : []));
      request.log.warn({ readiness: body, reasons }, 'not ready');
    }
    return reply.code(failed ? 503 : 200).header('Cache-Control', 'no-store').send(body);
  });
}
