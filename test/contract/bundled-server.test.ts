import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { freePort } from '../support/free-port.js';

// `npm start` runs the server bundled by esbuild (dist/server/web.js, scripts/bundle-server.mjs), not
// the modules the other tests load. A package that breaks when bundled (pdf-lib did: its classes came
// out undefined) only shows there, so this starts the bundle as `npm start` does, on a new data
// directory, and walks the paths that load code lazily: the demo seed in its child process (sharp,
// pdf-lib, fflate), the text-extraction worker thread, search, feeds, the API, files and the admin.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TITLE = '한도윤 국방부 장관, 노를란드 육군참모총장 접견…국방교류 확대 논의';

describe('the bundled server (npm start) on a first start with the demo (#17)', { timeout: 400_000 }, () => {
  let dataDir: string;
  let child: ChildProcess;
  let origin: string;
  let output = '';

  before(async () => {
    const build = spawnSync(process.execPath, ['scripts/build-if-changed.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    assert.equal(build.status, 0, `the build failed:\n${build.stdout}${build.stderr}`);
    dataDir = mkdtempSync(join(tmpdir(), 'pressroom-bundle-'));
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PRESSROOM_DATA: dataDir, PRESSROOM_DEMO: '1', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PRESSROOM_BASE_URL: origin };
    delete env.DATABASE_URL;
    child = spawn(process.execPath, ['--max-semi-space-size=4', 'dist/server/web.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 240_000;
    while (!/Pressroom is serving/.test(output)) {
      assert.equal(child.exitCode, null, `the bundled server exited:\n${output}`);
      assert.ok(Date.now() < deadline, `the bundled server did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  after(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const get = async (path: string) => {
    const response = await fetch(origin + path, { redirect: 'manual' });
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: Buffer.from(await response.arrayBuffer()) };
  };

  test('the demo is seeded in its child process and its accounts are printed', () => {
    assert.match(output, /Loaded the demo newsroom in/);
    assert.match(output, /admin@demo\.pressroom\.example {2}password: demo-admin-password/);
    assert.doesNotMatch(output, /Error|TypeError/);
  });

  test('public pages, feeds, sitemap, API and the admin sign-in answer from the bundle', async () => {
    for (const [path, type, marker] of [
      ['/en/', 'text/html', /Press Release/],
      ['/ko/', 'text/html', /보도자료/],
      ['/en/press-releases', 'text/html', /<main/],
      ['/en/feed.xml', 'application/rss+xml', /<rss/],
      ['/sitemap.xml', 'application/xml', /<urlset/],
      ['/api/v1/releases?language=ko', 'application/json', /"data"/],
      ['/admin/login', 'text/html', /password/],
    ] as const) {
      const page = await get(path);
      assert.equal(page.status, 200, path);
      assert.ok(page.type.startsWith(type), `${path}: ${page.type}`);
      assert.match(page.body.toString('utf8'), marker, path);
    }
  });

  test("a demo release's photo and PDF download; the PDF's text is read by the worker thread and searchable", async () => {
    const search = JSON.parse((await get(`/api/v1/search?q=${encodeURIComponent(TITLE.slice(0, 12))}`)).body.toString('utf8')) as { data: { title: string; url: string }[] };
    const hit = search.data.find((r) => r.title === TITLE);
    assert.ok(hit, 'the demo release is found by its title');
    const page = (await get(new URL(hit.url).pathname)).body.toString('utf8');
    const pdf = /href="(\/files\/[0-9a-f]{64}\/[^"]+\.pdf)"/.exec(page)?.[1];
    assert.ok(pdf, 'the release links its PDF');
    const file = await get(pdf);
    assert.equal(file.status, 200);
    assert.equal(file.body.subarray(0, 5).toString('latin1'), '%PDF-', 'a real PDF, made by pdf-lib in the seed child');
    const image = /<img[^>]+src="([^"]+)"/.exec(page)?.[1];
    assert.ok(image, 'the release shows its photo');
    assert.equal((await get(image)).status, 200);
    // A word found only inside the demo's HWPX attachment: searchable once the reader thread has read it.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const found = JSON.parse((await get(`/api/v1/search?q=${encodeURIComponent('산악정찰교범')}`)).body.toString('utf8')) as { total: number };
      if (found.total === 1) break;
      assert.ok(Date.now() < deadline, 'the attachment text was not extracted within 2 minutes');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });
});
