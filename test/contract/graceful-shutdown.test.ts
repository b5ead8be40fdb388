// Graceful shutdown (#18, item 4): a real server process (test/support/shutdown-child.ts) gets
// SIGTERM while a slow request is in flight and while it holds claims on queued work. The request
// completes, the process exits 0, its claims are back in their queues for another server, and the
// views it counted in memory are written.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { composeSystem, type System } from '../../src/main/compose.js';
import { startCrashChild } from '../support/crash-harness.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { buildBoard, buildRelease } from '../support/factories.js';

const CHILD = fileURLToPath(new URL('../support/shutdown-child.ts', import.meta.url));

/** One GET on a fresh connection; resolves with the status and body. */
function get(port: number, path: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

for (const { kind, skip } of databaseKinds()) {
  describe(`SIGTERM stops a server gracefully on ${kind}`, { skip }, () => {
    let database: TestDatabase;
    let other: System;
    let publicPath: string;
    let publicId: number;
    let scheduledId: number;

    before(async () => {
      database = await createTestDatabase(kind);
      // Another server on the same database: it prepares the work, and takes over what is handed back.
      other = await composeSystem({ database: database.target, dataDir: database.dataDir, workerId: 'other-server' });
      await buildBoard(other, { slug: 'press-releases' });
      const published = await buildRelease(other, { boardSlug: 'press-releases', title: 'Read during shutdown' });
      publicId = published.release.id;
      publicPath = `/en/press-releases/${published.release.number}`;
      const scheduled = await buildRelease(other, { boardSlug: 'press-releases', title: 'Scheduled', state: 'scheduled', scheduledAt: new Date(Date.now() + 3_600_000) });
      scheduledId = scheduled.release.id;
    });
    after(async () => {
      await other?.close();
      await database?.drop();
    });

    test('the in-flight request completes with 200, the process exits 0, its claims are released and its views written', { timeout: 90_000 }, async () => {
      const child = startCrashChild(database, [], CHILD);
      try {
        const [, port, workerId] = (await child.waitFor((line) => line.startsWith('listening '), 60_000)).split(' ');
        // Due now, as if its time had come while the server ran (made due only now: a server runs due jobs at start).
        const dueAt = Date.now() - 1000;
        await sql`update jobs set run_at = ${dueAt}, scheduled_for = ${dueAt} where release_id = ${scheduledId}`.execute(other.db);
        await sql`update editions set scheduled_at = ${dueAt} where release_id = ${scheduledId} and state = 'scheduled'`.execute(other.db);
        await sql`insert into outbox_emails (kind, recipient, subject, text_body, html_body, headers, message_id, status, attempts, next_attempt_at, created_at)
          values ('alert', 'reader@example.com', 'Subject', 'Text', '<p>Text</p>', '{}', '<m1@news.example.org>', 'queued', 0, ${dueAt}, ${dueAt})`.execute(other.db);
        const claimed = await get(Number(port), '/test/claim', 'POST');
        assert.deepEqual(JSON.parse(claimed.body), { jobs: 1, emails: 1 });
        const held = await other.db.selectFrom('jobs').select(['status', 'locked_by']).where('release_id', '=', scheduledId).executeTakeFirstOrThrow();
        assert.deepEqual(held, { status: 'running', locked_by: workerId }, 'the job is claimed by the child');
        assert.equal((await get(Number(port), publicPath)).status, 200, 'a view counted in memory');

        const slow = get(Number(port), '/test/slow?ms=1500');
        await child.waitFor((line) => line === 'slow started');
        child.signal('SIGTERM');
        const answer = await slow;
        assert.deepEqual(answer, { status: 200, body: 'slow done' }, 'the request in flight at SIGTERM completes');
        assert.equal(await child.exited, 0, `exit code; output:\n${child.lines.join('\n')}\n${child.stderr()}`);
        assert.ok(child.lines.some((line) => line.startsWith('SIGTERM: shutting down')));

        const job = await other.db.selectFrom('jobs').select(['status', 'locked_by']).where('release_id', '=', scheduledId).executeTakeFirstOrThrow();
        assert.deepEqual(job, { status: 'pending', locked_by: null }, 'the claimed job is back in the queue');
        const email = await other.db.selectFrom('outbox_emails').select(['status', 'locked_by']).executeTakeFirstOrThrow();
        assert.deepEqual(email, { status: 'queued', locked_by: null }, 'the claimed email is back in the outbox');
        const views = await other.db.selectFrom('releases').select('view_count').where('id', '=', publicId).executeTakeFirstOrThrow();
        assert.equal(Number(views.view_count), 1, 'the view counted in memory was written at shutdown');

        // Another server takes the job over at once, without waiting for the hour-long lease.
        assert.equal(await other.commands.runDueJobs(), 1);
        assert.equal((await other.releases.getRelease(scheduledId))?.status, 'published');
      } finally {
        await child.kill();
      }
    });
  });
}
