import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SearchReleases } from '../../app/search-releases.js';
import { QUEUES, type QueueStat, type QueueStats } from '../../ports/queue-stats.js';

/** Who may read /metrics: anyone who reaches it (`token: null`, a private network) or holders of the bearer token. */
export interface MetricsAccess {
  token: string | null;
}

/** Seconds; request and search latencies of a server-rendered site sit between a millisecond and a few seconds. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Prometheus metrics for one app instance, in a registry of its own (never prom-client's global one,
 * so several apps in one process do not collide): requests by route template and status class,
 * page-cache lookups, search latency, queue backlogs read from the database on each scrape, and
 * the process's default metrics.
 */
export function makeMetrics(deps: { queues: QueueStats; now: () => Date; onError?: (error: unknown) => void }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'pressroom_http_requests_total', help: 'HTTP requests answered, by method, route template and status class', labelNames: ['method', 'route', 'status_class'], registers: [registry] });
  const latency = new Histogram({ name: 'pressroom_http_request_duration_seconds', help: 'Time to answer HTTP requests, by method, route template and status class', labelNames: ['method', 'route', 'status_class'], buckets: LATENCY_BUCKETS, registers: [registry] });
  const cacheLookups = new Counter({ name: 'pressroom_cache_lookups_total', help: 'Page cache lookups by cache (pages, api, search) and result (hit, miss)', labelNames: ['cache', 'result'], registers: [registry] });
  const search = new Histogram({ name: 'pressroom_search_duration_seconds', help: 'Time to run a search (index query and page rows), cache misses only', buckets: LATENCY_BUCKETS, registers: [registry] });

  // One read of the queue tables per scrape, shared by the depth and lag gauges.
  let scrapeRead: Promise<QueueStat[]> | null = null;
  const readQueues = (): Promise<QueueStat[]> => (scrapeRead ??= deps.queues.read(deps.now()));
  /** The exposition text, every collector run on a fresh read of the queues. */
  const expose = async (): Promise<string> => {
    scrapeRead = null;
    try {
      return await registry.metrics();
    } finally {
      scrapeRead = null;
    }
  };
  /** Sets a gauge per queue from the database; a failed read leaves the gauge empty (and is logged) rather than failing the scrape. */
  const fromQueues = (gauge: Gauge<'queue'>, value: (stat: QueueStat, now: Date) => number) => async () => {
    gauge.reset();
    try {
      const now = deps.now();
      for (const stat of await readQueues()) gauge.set({ queue: stat.queue }, value(stat, now));
    } catch (error) {
      deps.onError?.(error);
    }
  };
  const depth: Gauge<'queue'> = new Gauge({
    name: 'pressroom_queue_depth',
    help: `Background work due or in progress, by queue (${QUEUES.join(', ')})`,
    labelNames: ['queue'],
    registers: [registry],
    collect: () => fromQueues(depth, (s) => s.depth)(),
  });
  const lag: Gauge<'queue'> = new Gauge({
    name: 'pressroom_queue_lag_seconds',
    help: 'How long the oldest due item of each queue has waited (0 when none is due)',
    labelNames: ['queue'],
    registers: [registry],
    collect: () => fromQueues(lag, (s, now) => (s.oldestDueAt ? Math.max(0, (now.getTime() - s.oldestDueAt.getTime()) / 1000) : 0))(),
  });

  return {
    registry,
    /** The `onLookup` of a page cache, counted under `cache`. */
    cacheLookups: (cache: 'pages' | 'api' | 'search') => (hit: boolean) => cacheLookups.inc({ cache, result: hit ? 'hit' : 'miss' }),
    /** The search command, timed. */
    timedSearch(run: SearchReleases): SearchReleases {
      return async (input) => {
        const end = search.startTimer();
        try {
          return await run(input);
        } finally {
          end();
        }
      };
    },
    /**
     * Counts every answered request under its route template (`/:lang/press-releases/:number`,
     * never the URL itself, so label values stay few), and serves /metrics to those `access` allows.
     */
    register(app: FastifyInstance, access: MetricsAccess): void {
      app.addHook('onResponse', (request, reply, done) => {
        const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_class: `${Math.floor(reply.statusCode / 100)}xx` };
        requests.inc(labels);
        latency.observe(labels, reply.elapsedTime / 1000);
        done();
      });
      const expected = access.token === null ? null : digest(access.token);
      app.get('/metrics', async (request, reply) => {
        reply.header('Cache-Control', 'no-store');
        if (expected) {
          const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
          if (!given || !timingSafeEqual(digest(given), expected)) {
            return reply.code(401).header('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain; charset=utf-8').send('Send the metrics token: Authorization: Bearer <PRESSROOM_METRICS_TOKEN>\n');
          }
        }
        return reply.type(registry.contentType).send(await expose());
      });
    },
  };
}
export type Metrics = ReturnType<typeof makeMetrics>;
