// Issue #18: two Pressroom server processes started together on one fresh PostgreSQL database, files
// in an S3-compatible server (s3rver) on loopback and no local directory shared, Debian's nginx in
// front with the deployed configuration (deploy/nginx/pressroom.conf) and Varnish in front of nginx
// with deploy/varnish/default.vcl, both servers purging it (docs/deployment.md). What one server
// does, the other, nginx and Varnish show; a scheduled release is published once; losing a server
// costs readers nothing.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import type { ApiScope } from '../../src/domain/api-scopes.js';
import { composeSystem, type System } from '../../src/main/compose.js';
import { startCluster, type Cluster, type ClusterServer } from '../support/cluster.js';
import { eventually } from '../support/crash-harness.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { buildBoard, pdfBytes } from '../support/factories.js';
import { nginxSkip, startNginx, type RunningNginx } from '../support/nginx.js';
import { RemoteStaff } from '../support/remote-staff.js';
import { startTestS3, type TestS3 } from '../support/s3.js';
import { freePort, startVarnish, varnishSkip, type RunningVarnish } from '../support/varnish.js';

const PASSWORD = 'correct horse battery staple';
const BOARD = 'press-releases';
const skip = !process.env.PRESSROOM_TEST_PG_URL ? 'PostgreSQL not available (run through `npm test` with PostgreSQL 15 installed)' : nginxSkip() || varnishSkip();

/** The tables of a PostgreSQL database (public schema). */
async function tablesOf(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public'");
    return rows.map((r) => r.table_name);
  } finally {
    await client.end();
  }
}

/** Every file under a directory (recursively), relative paths. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

interface ApiRelease {
  id: number;
  status: string;
  number: number | null;
  edition: { state: string; version: number };
}

describe('several servers on one PostgreSQL and one S3 bucket, behind nginx and Varnish (#18)', { skip }, () => {
  let database: TestDatabase;
  let s3: TestS3;
  let system: System;
  let cluster: Cluster;
  let nginx: RunningNginx;
  let varnish: RunningVarnish;
  let a: ClusterServer;
  let b: ClusterServer;
  let tablesBeforeStart: string[] = [];
  const tokens: Record<'writer' | 'editor', string> = { writer: '', editor: '' };

  before(async () => {
    database = await createTestDatabase('postgres');
    s3 = await startTestS3('pressroom-cluster');
    if (database.target.kind !== 'postgres') throw new Error('unreachable');
    tablesBeforeStart = await tablesOf(database.target.url);
    // Varnish's port is chosen first: both servers purge it (PRESSROOM_CDN_PURGE_URL), and it starts
    // last, in front of nginx, as docs/deployment.md sets it up.
    const varnishPort = await freePort();
    // Both servers start together on the unmigrated database: the migration lock lets one migrate.
    cluster = await startCluster(database, s3, { count: 2, env: { PRESSROOM_CDN_PURGE_URL: `http://127.0.0.1:${varnishPort}/` } });
    [a, b] = cluster.servers as [ClusterServer, ClusterServer];
    // The test's own view of the database and the bucket (finds the schema current), and the newsroom's staff.
    system = await composeSystem({ database: database.target, dataDir: database.dataDir, objectStorage: s3.settings, passwordHashing: { logN: 10, r: 8, p: 1 } });
    await buildBoard(system, { slug: BOARD });
    const setup = { userId: null, label: 'system:test', ip: null };
    const boss = await system.accounts.createUser({ email: 'admin@press.example', name: 'Admin', role: 'admin', password: PASSWORD }, setup);
    const admin: StaffActor = { userId: boss.id, label: boss.email, ip: null, role: 'admin' };
    const scopes: Record<'writer' | 'editor', ApiScope[]> = { writer: ['drafts:write', 'workflow:submit'], editor: ['workflow:approve', 'workflow:publish'] };
    for (const role of ['writer', 'editor'] as const) {
      const user = await system.accounts.createUser({ email: `${role}@press.example`, name: role, role, password: PASSWORD }, setup);
      tokens[role] = (await system.apiTokens.create({ name: `${role} token`, ownerEmail: user.email, scopes: scopes[role], expiresAt: null }, admin)).secret;
    }
    nginx = await startNginx(cluster.servers.map((s) => s.address));
    varnish = await startVarnish({ port: varnishPort, backendPort: Number(new URL(nginx.origin).port) });
  });

  after(async () => {
    await varnish?.stop();
    await nginx?.stop();
    await cluster?.stop();
    await system?.close();
    await s3?.stop();
    await database?.drop();
  });

  test('both servers, started together on an unmigrated database, come up and are ready', async () => {
    assert.deepEqual(tablesBeforeStart, [], 'the database was empty when the servers started');
    for (const server of [a, b]) {
      const response = await fetch(`${server.origin}/readyz`);
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(response.status, 200, `server ${server.name} /readyz: ${JSON.stringify(body)}\n${server.output()}`);
      assert.deepEqual(body, { status: 'ready', database: 'ok', storage: 'ok', migrations: 'current' });
    }
    const applied = (await system.db.selectFrom('kysely_migration' as never).select('name' as never).execute()) as unknown as { name: string }[];
    assert.ok(applied.length > 0);
    assert.equal(new Set(applied.map((m) => m.name)).size, applied.length, 'each migration recorded once');
  });

  /** A JSON API write with a bearer token, on one server. */
  async function api(server: ClusterServer, who: 'writer' | 'editor', path: string, body: unknown = {}, method = 'POST'): Promise<ApiRelease> {
    const response = await fetch(`${server.origin}/api/v1/releases${path}`, { method, headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    assert.ok(response.status === 200 || response.status === 201, `${method} ${path} on ${server.name}: ${response.status} ${text}`);
    return (JSON.parse(text) as { data: ApiRelease }).data;
  }

  /** A draft written, submitted and approved on server `on`, ready to publish or schedule. */
  async function approvedRelease(on: ClusterServer, title: string): Promise<ApiRelease> {
    const draft = await api(on, 'writer', '', { board: BOARD, language: 'en', title, body_markdown: `${title}: the body.`, department: 'Press office' });
    const submitted = await api(on, 'writer', `/${draft.id}/submit`);
    // Each step names the edition version it was shown (#20), as a person's form does.
    return api(on, 'editor', `/${draft.id}/approve`, { version: submitted.edition.version });
  }

  const page = async (origin: string, path: string) => {
    const response = await fetch(origin + path);
    return { status: response.status, body: await response.text() };
  };

  test('an attachment uploaded through server A is stored in the bucket and downloads, byte for byte, through server B and through nginx', async () => {
    const writer = new RemoteStaff(a.origin, 'writer@press.example', PASSWORD);
    await writer.signIn();
    const created = await writer.post('/admin/releases', { boardSlug: BOARD, language: 'en', title: 'Briefing with annex', bodyMarkdown: 'See the annex.', department: 'Press office' });
    assert.equal(created.status, 303, created.body.slice(0, 300));
    const id = Number(/\/admin\/releases\/(\d+)/.exec(created.location ?? '')?.[1]);
    const pdf = await pdfBytes('Annex for the cluster test');
    const uploaded = await writer.upload(`/admin/releases/${id}/attachments`, [{ name: 'annex.pdf', bytes: pdf, type: 'application/pdf' }]);
    assert.equal(uploaded.status, 303, uploaded.body.slice(0, 300));
    const submitted = await api(a, 'writer', `/${id}/submit`);
    const approved = await api(a, 'editor', `/${id}/approve`, { version: submitted.edition.version });
    const published = await api(a, 'editor', `/${id}/publish`, { version: approved.edition.version });

    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const onB = await page(b.origin, `/en/${BOARD}/${published.number}`);
    assert.equal(onB.status, 200);
    const link = new RegExp(`href="(/files/${sha256}/[^"]+)"`).exec(onB.body)?.[1];
    assert.ok(link, 'server B lists the attachment uploaded through server A');
    for (const [where, origin] of [['server B', b.origin], ['nginx', nginx.origin]]) {
      const response: Response = await fetch(origin + link.replace(/&amp;/g, '&'));
      assert.equal(response.status, 200, `${where} serves the file`);
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(createHash('sha256').update(bytes).digest('hex'), sha256, `${where} serves the same bytes`);
    }
    // The bytes are in the S3-compatible server, and in no server's own data directory.
    assert.ok(filesUnder(s3.directory).some((file) => file.includes(sha256)), `s3rver holds an object named by ${sha256}`);
    for (const server of [a, b]) {
      assert.deepEqual(
        filesUnder(server.dataDir).filter((file) => file.includes(sha256)),
        [],
        `server ${server.name} keeps no local copy`,
      );
    }
  });

  test('a release published on server A shows on server B and through nginx, though both had cached the list', async (t) => {
    const release = await approvedRelease(a, 'Ministry announces cluster drill');
    // Each server caches the board page while the release is not public yet.
    for (const origin of [a.origin, b.origin, nginx.origin, nginx.origin]) {
      const before = await page(origin, `/en/${BOARD}`);
      assert.equal(before.status, 200);
      assert.doesNotMatch(before.body, /Ministry announces cluster drill/);
    }
    const started = performance.now();
    const published = await api(a, 'editor', `/${release.id}/publish`, { version: release.edition.version });
    const committed = performance.now();
    assert.equal(published.status, 'published');
    const shows = (origin: string) => async () => (await page(origin, `/en/${BOARD}`)).body.includes('Ministry announces cluster drill');
    // Servers follow each other's writes through the content version they poll every second; the
    // bound is a hang guard that leaves room for a busy machine, the figure is reported below.
    await eventually(shows(b.origin), 'the board page on server B lists the release', 10_000);
    const onB = performance.now();
    // Twice through nginx: consecutive requests go to both servers (round robin).
    await eventually(async () => (await shows(nginx.origin)()) && (await shows(nginx.origin)()), 'the board page through nginx lists the release', 10_000);
    const ms = (at: number) => `${(at - committed).toFixed(0)} ms`;
    t.diagnostic(`after the publish answered (sent ${(committed - started).toFixed(0)} ms earlier): on server B in ${ms(onB)}, through nginx on both servers in ${ms(performance.now())}`);
    assert.equal((await page(b.origin, `/en/${BOARD}/${published.number}`)).status, 200);
  });

  test('a release scheduled two seconds ahead is published exactly once while both servers run their schedulers', async () => {
    const release = await approvedRelease(b, 'Scheduled statement on the drill');
    const at = new Date(Date.now() + 2_000);
    const scheduled = await api(b, 'editor', `/${release.id}/schedule`, { at: at.toISOString(), version: release.edition.version });
    assert.equal(scheduled.edition.state, 'scheduled');
    await eventually(async () => (await system.releases.getRelease(release.id))?.status === 'published', 'the scheduled release is published', 30_000);
    // Both schedulers tick every second: give each a few more chances to publish it again.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const publications = await system.audit.list({ action: 'release.published', subjectType: 'release', subjectId: String(release.id), limit: 10 });
    assert.equal(publications.length, 1, 'one publication in the audit trail');
    assert.equal(publications[0]!.actor.label, 'system:scheduler');
    const numbers = (await system.db.selectFrom('releases').select(['id', 'number']).where('number', 'is not', null).execute()).map((r) => Number(r.number));
    assert.equal(new Set(numbers).size, numbers.length, 'no number given twice');
    const published = (await system.releases.getRelease(release.id))!;
    assert.ok(published.number !== null && published.number > 0);
    assert.equal((await page(nginx.origin, `/en/${BOARD}/${published.number}`)).status, 200);
  });

  /** A read through Varnish: status, body and X-Cache (HIT or MISS). */
  async function viaVarnish(path: string) {
    const response = await fetch(varnish.url + path);
    return { status: response.status, body: await response.text(), cache: response.headers.get('x-cache') };
  }

  /** Reads through Varnish until `done` holds; the generous bound only guards against a hang. */
  async function untilVarnish(path: string, done: (r: Awaited<ReturnType<typeof viaVarnish>>) => boolean) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const r = await viaVarnish(path);
      if (done(r) || Date.now() > deadline) return r;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  test('through Varnish a release page is a hit; a correction published on server A purges it, so the next reads show the correction', async () => {
    const release = await approvedRelease(a, 'Harbour survey results');
    const published = await api(a, 'editor', `/${release.id}/publish`, { version: release.edition.version });
    const path = `/en/${BOARD}/${published.number}`;
    const first = await untilVarnish(path, (r) => r.status === 200 && r.body.includes('Harbour survey results: the body.'));
    assert.equal(first.status, 200, 'the release page through Varnish');
    const second = await viaVarnish(path);
    assert.equal(second.cache, 'HIT', 'the second read is answered by Varnish');
    assert.match(second.body, /Harbour survey results: the body\./);

    // Corrections on server A, each after both servers have rendered (and cached) the page, as they
    // have on a busy site. Varnish would keep the old page for s-maxage (300 s): only a purge makes a
    // correction show, and its refetch may reach server B before B has seen A's write (B follows
    // the content version within a second). Three rounds, so that case comes up.
    for (const berths of [14, 15, 16]) {
      for (const server of [a, b]) assert.equal((await page(server.origin, path)).status, 200);
      const draft = await api(a, 'writer', `/${release.id}/correct`);
      await api(a, 'writer', `/${release.id}/edition`, { body_markdown: `Harbour survey results: ${berths} berths.`, version: draft.edition.version }, 'PATCH');
      const submitted = await api(a, 'writer', `/${release.id}/submit`);
      const approved = await api(a, 'editor', `/${release.id}/approve`, { version: submitted.edition.version });
      await api(a, 'editor', `/${release.id}/publish`, { change_note: 'Berth count corrected', version: approved.edition.version });
      const corrected = await untilVarnish(path, (r) => r.body.includes(`${berths} berths.`));
      assert.match(corrected.body, new RegExp(`${berths} berths\\.`), `Varnish shows correction ${berths} after the purge`);
      // What Varnish keeps then is the corrected page, whichever server it came from.
      const again = await untilVarnish(path, (r) => r.cache === 'HIT');
      assert.equal(again.cache, 'HIT');
      assert.match(again.body, new RegExp(`${berths} berths\\.`), 'what Varnish keeps now is the corrected page');
    }
  });

  // Last: it leaves one server.
  test('kill -9 server A: nginx keeps answering a stream of requests with no 5xx', async () => {
    const path = `/en/${BOARD}`;
    const statuses: number[] = [];
    const failures: string[] = [];
    let killed: Promise<void> | null = null;
    const logFrom = nginx.accessLog().length;
    for (let i = 0; i < 200; i++) {
      // The kill lands while the stream goes on: requests in flight, kept-alive connections to A.
      if (i === 50) killed = a.kill();
      try {
        const response = await fetch(nginx.origin + path);
        await response.arrayBuffer();
        statuses.push(response.status);
      } catch (error) {
        failures.push(String(error));
      }
    }
    await killed;
    assert.deepEqual(failures, [], 'every request got an answer');
    const bad = statuses.filter((s) => s !== 200);
    assert.deepEqual(bad, [], `${bad.length} of ${statuses.length} requests were not 200`);
    assert.equal(await a.exited, null, 'server A was killed by the signal');
    // The stream did reach both servers: A before the kill, B after.
    const served = nginx.accessLog().slice(logFrom).join('\n');
    assert.match(served, new RegExp(a.address.replace(/\./g, '\\.')));
    assert.match(served, new RegExp(b.address.replace(/\./g, '\\.')));
  });
});

