// A child process serving the real web app on a free port, for test/contract/graceful-shutdown.test.ts,
// which stops it with SIGTERM. Started with `node --import tsx`; the database comes from
// PRESSROOM_CRASH_DATABASE (a DatabaseTarget as JSON), the data directory from PRESSROOM_CRASH_DATA.
// Prints `listening <port> <worker id>`, then `slow started` when a /test/slow request begins.
// Test-only routes: GET /test/slow?ms=N answers after N ms; POST /test/claim claims every due
// scheduled job and queued email for this process, as a scheduler or sender starting its work would.
import type { DatabaseTarget } from '../../src/adapters/db/connect.js';
import { composeSystem } from '../../src/main/compose.js';
import { stopOnSignals } from '../../src/main/graceful-shutdown.js';
import { createWebApp } from '../../src/main/web-app.js';

const database = JSON.parse(process.env.PRESSROOM_CRASH_DATABASE ?? 'null') as DatabaseTarget | null;
const dataDir = process.env.PRESSROOM_CRASH_DATA;
if (!database || !dataDir) throw new Error('Set PRESSROOM_CRASH_DATABASE and PRESSROOM_CRASH_DATA');

const system = await composeSystem({ database, dataDir });
// Timers off: the claims this test needs held come from /test/claim, and views are written only at shutdown.
const web = await createWebApp(system, { siteName: 'Shutdown test', baseUrl: 'https://news.example.org', timeZone: 'Asia/Seoul', demo: false, logLevel: 'silent', schedulerMs: 0, distributionMs: 0, viewFlushMs: 600_000 });
web.app.get('/test/slow', async (request) => {
  process.stdout.write('slow started\n');
  await new Promise((resolve) => setTimeout(resolve, Number((request.query as { ms?: string }).ms ?? 1000)));
  return 'slow done';
});
web.app.post('/test/claim', async () => {
  const now = system.clock.now();
  const jobs = await system.jobs.claimDue(now, system.workerId, 10, new Date(now.getTime() + 3_600_000));
  const emails = await system.distribution.outbox.claimDue(now, system.workerId, 10, 3_600_000);
  return { jobs: jobs.length, emails: emails.length };
});
stopOnSignals({
  stop: () => web.stop(),
  close: () => system.close(),
  log: { info: (message) => process.stdout.write(`${message}\n`), error: (details, message) => process.stdout.write(`${message} ${JSON.stringify(details)}\n`) },
});
await web.app.listen({ port: 0, host: '127.0.0.1' });
const address = web.app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0} ${system.workerId}\n`);
