import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createWebApp } from '../../src/main/web-app.js';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard, pdfBytes } from '../support/factories.js';
import { createTestSystem } from '../support/system.js';
import type { TestWeb } from '../support/web.js';

const LIMIT = 256 * 1024;
const HANG_GUARD_MS = 15_000;
const idFrom = (location: unknown) => Number(/\/admin\/releases\/(\d+)/.exec(String(location))?.[1]);
const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Fails instead of waiting for ever: the defect was a request that never answered. */
async function answered<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${HANG_GUARD_MS} ms`)), HANG_GUARD_MS);
  });
  try {
    return await Promise.race([promise, guard]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits (bounded) until `check` holds; returns whether it did. */
async function eventually(check: () => boolean): Promise<boolean> {
  for (let waited = 0; waited < HANG_GUARD_MS; waited += 50) {
    if (check()) return true;
    await sleep(50);
  }
  return check();
}

function multipart(boundary: string, parts: { name: string; filename?: string; body: string | Buffer }[], close = true): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.filename ? 'Content-Type: application/pdf\r\n' : ''}\r\n`), Buffer.from(p.body), Buffer.from('\r\n'));
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

// Uploads that are malformed, over a limit or cut short: each gets a clear answer in bounded time,
// and no temporary file or open descriptor outlives it.
describe('upload limits and interrupted uploads', () => {
  let t: TestWeb;
  let writer: StaffBrowser;
  const tmpDir = () => join(t.dataDir, 'files', 'tmp');
  const tmpFiles = () => (existsSync(tmpDir()) ? readdirSync(tmpDir()) : []);
  /** Descriptors this process holds on files in the temporary area (deleted ones included). */
  const openTmpDescriptors = () => {
    if (!existsSync('/proc/self/fd')) return [];
    return readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        const target = readlinkSync(`/proc/self/fd/${fd}`);
        return target.startsWith(tmpDir()) ? [target] : [];
      } catch {
        return [];
      }
    });
  };

  before(async () => {
    t = await createAdminTestWeb({ uploadMaxBytes: LIMIT, idleTimeoutMs: 1000 });
    await buildBoard(t.system, { slug: 'press-releases' });
    writer = new StaffBrowser(t, staffUser('writer', 'Limit Writer'));
  });
  after(async () => t?.close());

  async function draft(title: string): Promise<{ id: number; editionId: number }> {
    const res = await writer.post('/admin/releases', { boardSlug: 'press-releases', language: 'en', title, bodyMarkdown: 'Body.' });
    assert.equal(res.statusCode, 303, res.body);
    const id = idFrom(res.headers.location);
    return { id, editionId: (await t.system.editions.latestEdition(id))!.id };
  }

  test('an upload with 21 text fields answers 413 saying so, and keeps nothing', async () => {
    const { id, editionId } = await draft('Too many fields');
    const fields = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`note${i}`, 'x']));
    const res = await answered(writer.upload(`/admin/releases/${id}/attachments`, [{ name: 'brief.pdf', bytes: await pdfBytes('fields') }], fields), '21 fields');
    assert.equal(res.statusCode, 413);
    assert.match(unescape(res.body), /The upload form had more fields than it may carry \(20\)/);
    assert.deepEqual(await t.system.attachments.attachmentsOf(editionId), []);
    assert.deepEqual(tmpFiles(), []);
  });

  test('more than 20 files says so (not a generic "too large"); the first 20 are attached and listed', async () => {
    const { id, editionId } = await draft('Too many files');
    const files = await Promise.all(Array.from({ length: 21 }, async (_, i) => ({ name: `part-${i + 1}.pdf`, bytes: await pdfBytes(`file ${i + 1}`) })));
    const res = await answered(writer.upload(`/admin/releases/${id}/attachments`, files), '21 files');
    assert.equal(res.statusCode, 413);
    const body = unescape(res.body);
    assert.match(body, /More than 20 files were sent at once: the files after the 20th were not attached/);
    assert.doesNotMatch(body, /Too large/);
    assert.match(body, /Attached: part-1\.pdf, .*part-20\.pdf\./);
    assert.equal((await t.system.attachments.attachmentsOf(editionId)).length, 20);
    assert.deepEqual(tmpFiles(), []);
  });

  test('a body cut short inside a file part answers 400 in bounded time and leaves no temporary file', async () => {
    const { id, editionId } = await draft('Cut short');
    const boundary = 'cutshort';
    const whole = multipart(boundary, [{ name: 'caption', body: 'Chart' }, { name: 'files', filename: 'chart.pdf', body: Buffer.concat([Buffer.from(await pdfBytes('cut')), Buffer.alloc(40_000, 7)]) }]);
    const res = await answered(writer.postRaw(`/admin/releases/${id}/attachments`, whole.subarray(0, whole.length - 20_000), `multipart/form-data; boundary=${boundary}`), 'cut short');
    assert.equal(res.statusCode, 400);
    assert.match(unescape(res.body), /The upload (could not be read|stopped before its end)/);
    assert.deepEqual(await t.system.attachments.attachmentsOf(editionId), []);
    assert.deepEqual(tmpFiles(), []);
  });

  test('multipart with no boundary, or a broken part header, is a 400, not a 500', async () => {
    const { id } = await draft('No boundary');
    for (const [contentType, body] of [
      ['multipart/form-data', '--x\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n--x--\r\n'],
      ['multipart/form-data; boundary=', 'nothing'],
      ['multipart/form-data; boundary=x', '--x\r\nthis is not a header line\r\n\r\nbody\r\n--x--\r\n'],
    ] as const) {
      const res = await answered(writer.postRaw(`/admin/releases/${id}/attachments`, body, contentType), contentType);
      assert.equal(res.statusCode, 400, `${contentType}: ${res.statusCode}`);
      assert.match(unescape(res.body), /The upload (could not be read|stopped before its end)|Choose one or more files/);
    }
    assert.deepEqual(tmpFiles(), []);
  });

  test('bodies that stall the multipart parser (empty boundary, a line feed inside a part header) answer 400 in bounded time', async () => {
    const { id, editionId } = await draft('Parser stalls');
    const cases: [string, Buffer][] = [
      ['multipart/form-data; boundary=', Buffer.concat([Buffer.from('\r\n---\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n'), Buffer.alloc(60_000, 65), Buffer.from('\r\n-----\r\n')])],
      ['multipart/form-data; boundary=XX', Buffer.concat([Buffer.from('\r\n--XX\r\nContent-Disposition: form-data; name="files"; filename="x\ny.pdf"\r\n\r\n'), Buffer.alloc(60_000, 65), Buffer.from('\r\n--XX--\r\n')])],
    ];
    for (const [contentType, body] of cases) {
      const res = await answered(writer.postRaw(`/admin/releases/${id}/attachments`, body, contentType), contentType);
      assert.equal(res.statusCode, 400, contentType);
      assert.match(unescape(res.body), /The upload could not be read: it is not a complete multipart form/);
    }
    assert.deepEqual(await t.system.attachments.attachmentsOf(editionId), []);
    assert.deepEqual(tmpFiles(), []);
  });

  /** Starts an upload over a real socket and stops sending in the middle of the file. */
  async function halfUpload(releaseId: number) {
    const address = t.app.server.address() as AddressInfo;
    const { cookie, csrfToken } = await writer.credentials();
    const boundary = 'halfway';
    const head = multipart(boundary, [{ name: 'files', filename: 'big.pdf', body: '' }], false).subarray(0, -2);
    const socket = connect(address.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.write(
      `POST /admin/releases/${releaseId}/attachments?_csrf=${encodeURIComponent(csrfToken)} HTTP/1.1\r\nHost: localhost\r\nCookie: ${cookie}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${head.length + 200_000}\r\n\r\n`,
    );
    socket.write(Buffer.concat([head, Buffer.from(await pdfBytes('half')), Buffer.alloc(60_000, 1)]));
    assert.ok(await eventually(() => tmpFiles().length > 0), 'the upload reached the temporary area');
    return { socket, closed };
  }

  test('a client that goes away mid-file leaves no temporary file and no open descriptor', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { id, editionId } = await draft('Aborted');
    const { socket } = await halfUpload(id);
    socket.destroy();
    assert.ok(await eventually(() => tmpFiles().length === 0 && openTmpDescriptors().length === 0), `left behind: ${tmpFiles().join(', ')} ${openTmpDescriptors().join(', ')}`);
    assert.deepEqual(await t.system.attachments.attachmentsOf(editionId), []);
  });

  test('a client that stops sending mid-file is cut off after the idle timeout, and its temporary file goes', async () => {
    const { id } = await draft('Stalled');
    const { closed } = await halfUpload(id);
    await answered(closed, 'the stalled connection was closed');
    assert.ok(await eventually(() => tmpFiles().length === 0 && openTmpDescriptors().length === 0), `left behind: ${tmpFiles().join(', ')}`);
  });
});

describe('temporary upload files at start', () => {
  test('the server sweeps files a crash left in files/tmp when it starts', async () => {
    const ts = await createTestSystem();
    const tmp = join(ts.dataDir, 'files', 'tmp');
    mkdirSync(tmp, { recursive: true });
    const dayAgo = new Date(Date.now() - 86_400_000);
    writeFileSync(join(tmp, '2f1c3c56-crashed-upload'), Buffer.alloc(1024, 1));
    utimesSync(join(tmp, '2f1c3c56-crashed-upload'), dayAgo, dayAgo);
    const web = await createWebApp(ts.system, { siteName: 'T', baseUrl: 'https://news.example.org', timeZone: 'Asia/Seoul', demo: false, logLevel: 'silent', schedulerMs: 0 });
    try {
      assert.deepEqual(readdirSync(tmp), []);
    } finally {
      await web.stop();
      await ts.close();
    }
  });
});
