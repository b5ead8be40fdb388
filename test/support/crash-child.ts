// A child process running the real composed system, for the crash tests (test/contract/crash-*.test.ts),
// which kill it with SIGKILL at random points. Started with `node --import tsx`:
//
//   crash-child.ts serve          the web app's scheduler and indexer (no port is opened); prints
//                                 `ready`, then `published <release id>` after each publication
//   crash-child.ts import DIR     `import-json DIR` with small indexing batches; prints a line per
//                                 progress step, then `imported <indexed>`
//   crash-child.ts alerts B K     the alert step (emails held, no SMTP) with B subscriptions per
//                                 fan-out transaction; kills itself (SIGKILL) right after the K-th
//                                 transaction commits, or prints `alerted <queued>` if there are fewer
//
// The database comes from PRESSROOM_CRASH_DATABASE (a DatabaseTarget as JSON) and the data
// directory from PRESSROOM_CRASH_DATA.
import type { DatabaseTarget } from '../../src/adapters/db/connect.js';
import { composeSystem } from '../../src/main/compose.js';
import { createWebApp } from '../../src/main/web-app.js';

const database = JSON.parse(process.env.PRESSROOM_CRASH_DATABASE ?? 'null') as DatabaseTarget | null;
const dataDir = process.env.PRESSROOM_CRASH_DATA;
if (!database || !dataDir) throw new Error('Set PRESSROOM_CRASH_DATABASE and PRESSROOM_CRASH_DATA');
const [mode, dir] = process.argv.slice(2);

let batches = 0;
const [batchSize, killAfter] = mode === 'alerts' ? [Number(process.argv[3]), Number(process.argv[4])] : [undefined, Infinity];
const onAlertBatch = () => {
  batches += 1;
  // Synchronous: the process is gone before the next transaction can begin.
  if (batches >= killAfter) process.kill(process.pid, 'SIGKILL');
};
const system = await composeSystem({ database, dataDir, indexBatch: 2, onSearchIndexError: (error) => console.error(error), distribution: { alertBatch: batchSize, onAlertBatch } });
if (mode === 'serve') {
  system.events.subscribe((event) => {
    if (event.type === 'release.published') process.stdout.write(`published ${event.releaseId}\n`);
  });
  const web = await createWebApp(system, { siteName: 'Crash test', baseUrl: 'https://news.example.org', timeZone: 'Asia/Seoul', demo: false, logLevel: 'silent', schedulerMs: 50, viewFlushMs: 60_000 });
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => void web.stop().then(() => system.close()).then(() => process.exit(0)));
  setInterval(() => undefined, 60_000);
} else if (mode === 'import' && dir) {
  const report = await system.transfer.importFrom(dir, { dryRun: false, progress: (label) => (done, total) => void process.stdout.write(`progress ${label} ${done}/${total}\n`) });
  process.stdout.write(`imported ${report.indexed}\n`);
  await system.close();
} else if (mode === 'alerts') {
  const queued = await system.distribution.queueReleaseAlerts();
  process.stdout.write(`alerted ${queued}\n`);
  await system.close();
} else {
  throw new Error(`Unknown mode ${mode}`);
}
