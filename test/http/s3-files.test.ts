import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { StaffBrowser, staffUser } from '../support/admin-web.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, pdfBytes, TEST_ACTOR } from '../support/factories.js';
import { startTestS3, type TestS3 } from '../support/s3.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

/** A photo wide enough for WebP copies (480 and 960 px wide). */
const photo = () => sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 200, g: 40, b: 40 } } }).jpeg().toBuffer();

/** Local files under the store's directory other than the temporary area: none when files live in the bucket. */
const localFiles = (web: TestWeb) => {
  const dir = join(web.dataDir, 'files');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name !== 'tmp') : [];
};

let s3: TestS3;
before(async () => {
  s3 = await startTestS3();
});
after(() => s3.stop());

for (const { kind, skip } of databaseKinds()) {
  describe(`files in an S3-compatible bucket, through the web app (${kind})`, { skip }, () => {
    let web: TestWeb;
    before(async () => {
      web = await createTestWeb(kind, { objectStorage: await s3.createBucket(`web-${kind}`) });
      await buildBoard(web.system, { slug: 'press-releases' });
    });
    after(() => web.close());

    test('an attachment uploaded in the admin is downloadable at its public URL, whole and by Range; its WebP copies too', async () => {
      const writer = new StaffBrowser(web, staffUser('writer'));
      await writer.get('/admin');
      const { release } = await buildRelease(web.system, { boardSlug: 'press-releases', title: 'Briefing with files', state: 'draft', actor: { userId: writer.user.id, label: writer.user.email, ip: null, role: 'writer' } });
      const pdf = Buffer.from(await pdfBytes('Briefing in the bucket'));
      const upload = await writer.upload(`/admin/releases/${release.id}/attachments`, [
        { name: 'briefing.pdf', bytes: pdf, type: 'application/pdf' },
        { name: 'minister.jpg', bytes: await photo(), type: 'image/jpeg' },
      ], { altText: 'The minister at the podium' });
      assert.equal(upload.statusCode, 303, upload.body);
      await web.system.commands.submitRelease(release.id, TEST_ACTOR);
      await web.system.commands.approveRelease(release.id, TEST_ACTOR);
      await web.system.commands.publishRelease(release.id, TEST_ACTOR);
      await web.settled();

      const published = (await web.system.releases.getRelease(release.id))!;
      const page = await web.app.inject({ method: 'GET', url: `/en/press-releases/${published.number}` });
      assert.equal(page.statusCode, 200);
      const urls = [...new Set(page.body.match(/\/files\/[0-9a-f]{64}\/[^"\s,?]+/g) ?? [])];
      const pdfUrl = urls.find((u) => u.endsWith('/briefing.pdf'));
      assert.ok(pdfUrl, `the page links the PDF: ${urls.join(' ')}`);
      const whole = await web.app.inject({ method: 'GET', url: pdfUrl });
      assert.equal(whole.statusCode, 200);
      assert.equal(whole.headers['content-length'], String(pdf.length));
      assert.deepEqual(whole.rawPayload, pdf);

      const part = await web.app.inject({ method: 'GET', url: pdfUrl, headers: { range: 'bytes=5-24' } });
      assert.equal(part.statusCode, 206);
      assert.equal(part.headers['content-range'], `bytes 5-24/${pdf.length}`);
      assert.deepEqual(part.rawPayload, pdf.subarray(5, 25));
      const first = await web.app.inject({ method: 'GET', url: pdfUrl, headers: { range: 'bytes=0-0' } });
      assert.equal(first.statusCode, 206);
      assert.deepEqual(first.rawPayload, pdf.subarray(0, 1), 'one byte, as asked');

      const webp = urls.filter((u) => u.endsWith('.webp'));
      assert.equal(webp.length, 2, `two WebP copies of the photo: ${urls.join(' ')}`);
      for (const url of webp) {
        const copy = await web.app.inject({ method: 'GET', url });
        assert.equal(copy.statusCode, 200);
        assert.equal(copy.headers['content-type'], 'image/webp');
        assert.equal((await sharp(copy.rawPayload).metadata()).format, 'webp');
      }
      assert.deepEqual(localFiles(web), [], 'no file (original or copy) was written to local disk');
    });
  });
}

describe('an upload when the bucket cannot be reached', () => {
  let web: TestWeb;
  after(() => web?.close());

  test('answers 503 saying nothing was saved, for a document and for a photo (not "damaged image")', { timeout: 120_000 }, async (t) => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    web = await createTestWeb('sqlite', { objectStorage: { ...s3.settings, endpoint: `http://127.0.0.1:${port}` } });
    await buildBoard(web.system, { slug: 'press-releases' });
    const writer = new StaffBrowser(web, staffUser('writer'));
    await writer.get('/admin');
    const { release } = await buildRelease(web.system, { boardSlug: 'press-releases', title: 'Draft while the bucket is down', state: 'draft', actor: { userId: writer.user.id, label: writer.user.email, ip: null, role: 'writer' } });
    const logged: string[] = [];
    t.mock.method(console, 'error', (...args: unknown[]) => void logged.push(args.join(' ')));
    for (const file of [{ name: 'briefing.pdf', bytes: await pdfBytes('Briefing'), type: 'application/pdf' }, { name: 'minister.jpg', bytes: await photo(), type: 'image/jpeg' }]) {
      const res = await writer.upload(`/admin/releases/${release.id}/attachments`, [file]);
      assert.equal(res.statusCode, 503, `${file.name}: ${res.statusCode}`);
      assert.match(res.body, /storage is full or cannot be written\. Nothing was saved/);
    }
    assert.ok(logged.some((line) => line.includes(`cannot use the object storage at http://127.0.0.1:${port}`) && /To fix: /.test(line)), logged.join('\n'));
    assert.equal((await web.system.attachments.attachmentsOf((await web.system.editions.latestEdition(release.id))!.id)).length, 0);
  });
});
