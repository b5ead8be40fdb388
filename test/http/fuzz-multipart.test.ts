import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard, pdfBytes } from '../support/factories.js';
import { bounded, fuzzParams, hostileText, leftoverTemporaryFiles } from '../support/fuzz.js';
import type { TestWeb } from '../support/web.js';

const LIMIT = 64 * 1024;

interface Part {
  name: string;
  filename: string | null;
  body: Uint8Array;
  /** Extra or broken header lines. */
  headers: string;
}

/** How the body is assembled and then damaged. */
interface Shape {
  parts: Part[];
  boundary: string;
  /** What the Content-Type header says about the boundary. */
  declared: 'same' | 'none' | 'empty' | 'other' | 'quoted';
  closed: boolean;
  /** Cut the body to this fraction of its length (1: whole). */
  cut: number;
  preamble: string;
}

function assemble(shape: Shape): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [Buffer.from(shape.preamble)];
  for (const p of shape.parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== null ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${shape.boundary}\r\nContent-Disposition: ${disposition}\r\n${p.headers}\r\n`), Buffer.from(p.body), Buffer.from('\r\n'));
  }
  if (shape.closed) chunks.push(Buffer.from(`--${shape.boundary}--\r\n`));
  const whole = Buffer.concat(chunks);
  const body = whole.subarray(0, Math.floor(whole.length * shape.cut));
  const declared = { same: `; boundary=${shape.boundary}`, none: '', empty: '; boundary=', other: '; boundary=not-the-one', quoted: `; boundary="${shape.boundary}"` }[shape.declared];
  return { body, contentType: `multipart/form-data${declared}` };
}

// Issue 13, "keep it fixed": malformed multipart bodies (no boundary, truncated parts, too many
// fields or files, oversized files and fields, broken headers, hostile names and captions) sent
// to the upload form, and multipart sent where a plain form is expected. Properties: a clear answer
// (a redirect or a 4xx, never a 5xx), in bounded time, and no temporary file left behind.
describe('fuzz: malformed multipart uploads', () => {
  let t: TestWeb;
  let writer: StaffBrowser;
  let releaseId: number;
  let pdf: Uint8Array;

  before(async () => {
    t = await createAdminTestWeb({ uploadMaxBytes: LIMIT });
    await buildBoard(t.system, { slug: 'press-releases' });
    writer = new StaffBrowser(t, staffUser('writer', 'Fuzz Uploader'));
    const res = await writer.post('/admin/releases', { boardSlug: 'press-releases', language: 'en', title: 'Uploads under fuzz', bodyMarkdown: 'Body.' });
    releaseId = Number(/\/admin\/releases\/(\d+)/.exec(String(res.headers.location))?.[1]);
    pdf = await pdfBytes('fuzz upload');
  });
  after(async () => t?.close());

  const headers = fc.constantFrom('', '', 'Content-Type: application/pdf\r\n', 'Content-Type: application/json\r\n', 'Content-Type: text/plain; charset=euc-kr\r\n', 'this is not a header\r\n', 'Content-Transfer-Encoding: base64\r\n');
  const oddName = fc.oneof(fc.constantFrom('', '__proto__', 'constructor', 'files[]', '"', 'x'.repeat(300)), hostileText(20));
  const filePart: fc.Arbitrary<Part> = fc.record({
    name: fc.oneof({ weight: 6, arbitrary: fc.constant('files') }, { weight: 1, arbitrary: oddName }),
    filename: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('brief.pdf', 'a.pdf', '../../etc/passwd.pdf', 'photo.jpg', '', '보도자료.pdf', `${'x'.repeat(400)}.pdf`) }, { weight: 1, arbitrary: hostileText(40) }),
    body: fc.oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: fc.uint8Array({ maxLength: 2000 }) },
      { weight: 1, arbitrary: fc.nat({ max: 3 * LIMIT }).map((n) => new Uint8Array(n).fill(65)) },
    ),
    headers,
  }).map((p) => ({ ...p, body: p.body ?? pdf }));
  const fieldPart: fc.Arbitrary<Part> = fc.record({
    name: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('caption', 'credit', 'altText') }, { weight: 1, arbitrary: oddName }),
    filename: fc.constant(null),
    body: fc.oneof({ weight: 5, arbitrary: hostileText(200) }, { weight: 1, arbitrary: fc.nat({ max: 6000 }).map((n) => 'c'.repeat(n)) }).map((text) => new TextEncoder().encode(text)),
    headers,
  });
  const part = (): fc.Arbitrary<Part> => fc.oneof({ weight: 3, arbitrary: fieldPart }, { weight: 3, arbitrary: filePart });

  const shape: fc.Arbitrary<Shape> = fc.record({
    parts: fc.oneof({ weight: 4, arbitrary: fc.array(part(), { maxLength: 6 }) }, { weight: 1, arbitrary: fc.array(part(), { minLength: 19, maxLength: 26 }) }),
    boundary: fc.constantFrom('xYz', '----WebKitFormBoundary7MA4YWxkTrZu0gW', 'a', '-', 'x'.repeat(70), '경계'),
    declared: fc.oneof({ weight: 6, arbitrary: fc.constant('same' as const) }, { weight: 1, arbitrary: fc.constantFrom('none', 'empty', 'other', 'quoted') }),
    closed: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    cut: fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 999 }).map((n) => n / 1000) }),
    preamble: fc.constantFrom('', '\r\n', 'preamble text\r\n', '--'),
  });

  test('the upload form: a redirect or a 4xx, in bounded time, and nothing left in files/tmp', async () => {
    await fc.assert(
      fc.asyncProperty(shape, async (s) => {
        const { body, contentType } = assemble(s);
        const res = await bounded('upload', () => writer.postRaw(`/admin/releases/${releaseId}/attachments`, body, contentType));
        assert.ok(res.statusCode === 303 || (res.statusCode >= 400 && res.statusCode < 500), `status ${res.statusCode}`);
        assert.deepEqual(leftoverTemporaryFiles(t.dataDir), [], 'a temporary file outlived its request');
      }),
      fuzzParams(40),
    );
  });

  test('multipart sent to forms that expect urlencoded fields: never a 5xx', async () => {
    const targets = ['/admin/releases', `/admin/releases/${releaseId}`, `/admin/releases/${releaseId}/submit`, '/admin/login', '/admin/tokens', `/admin/releases/${releaseId}/preview-links`];
    await fc.assert(
      fc.asyncProperty(shape, fc.constantFrom(...targets), async (s, url) => {
        const { body, contentType } = assemble(s);
        const res = await bounded(url, () => writer.postRaw(url, body, contentType));
        assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
        assert.deepEqual(leftoverTemporaryFiles(t.dataDir), []);
      }),
      fuzzParams(20),
    );
  });
});
