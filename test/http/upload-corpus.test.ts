import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard, pdfBytes, TEST_ACTOR } from '../support/factories.js';
import { compoundFileBytes, docxBytes, exeBytes, gpsJpegBytes, HTML_PAGE, hwpxBytes, pngBytes, storedZip, SVG_WITH_SCRIPT } from '../support/upload-fixtures.js';
import type { TestWeb } from '../support/web.js';

const LIMIT = 256 * 1024;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const idFrom = (location: unknown) => Number(/\/admin\/releases\/(\d+)/.exec(String(location))?.[1]);

// Hostile and awkward uploads through the real admin form (signed in, CSRF token, multipart).
describe('upload corpus', () => {
  let t: TestWeb;
  let writer: StaffBrowser;

  before(async () => {
    t = await createAdminTestWeb({ uploadMaxBytes: LIMIT });
    await buildBoard(t.system, { slug: 'press-releases' });
    writer = new StaffBrowser(t, staffUser('writer', 'Upload Writer'));
  });
  after(async () => t?.close());

  async function draft(title: string): Promise<{ id: number; editionId: number }> {
    const res = await writer.post('/admin/releases', { boardSlug: 'press-releases', language: 'en', title, bodyMarkdown: 'Body.' });
    assert.equal(res.statusCode, 303, res.body);
    const id = idFrom(res.headers.location);
    return { id, editionId: (await t.system.editions.latestEdition(id))!.id };
  }

  const filesOf = (editionId: number) => t.system.attachments.attachmentsOf(editionId);

  /** Nothing of a refused upload is kept: not under its address, not in the temporary area. */
  async function assertNothingKept(bytes: Uint8Array) {
    assert.equal(await t.system.files.stat(sha(bytes)), null, 'the refused bytes are not stored');
    const tmp = join(t.dataDir, 'files', 'tmp');
    assert.deepEqual(existsSync(tmp) ? readdirSync(tmp) : [], [], 'no temporary file is left behind');
  }

  const refusals: { label: string; name: string; bytes: () => Promise<Uint8Array> | Uint8Array; status: number; message: RegExp }[] = [
    { label: 'an executable renamed .pdf', name: 'report.pdf', bytes: exeBytes, status: 415, message: /"report\.pdf" is not an allowed file type\. Allowed: PDF, HWP, HWPX, DOCX, XLSX, PPTX, JPEG, PNG, WebP, GIF/ },
    { label: 'a PNG renamed .pdf', name: 'chart.pdf', bytes: () => pngBytes(), status: 415, message: /"chart\.pdf" is a PNG file, but its name ends in \.pdf: its content does not match its extension\. Rename it to end in \.png/ },
    { label: 'an SVG with a script', name: 'logo.svg', bytes: () => SVG_WITH_SCRIPT, status: 415, message: /"logo\.svg" is an SVG image, which is not accepted because it can carry scripts/ },
    { label: 'an SVG named .png', name: 'logo.png', bytes: () => SVG_WITH_SCRIPT, status: 415, message: /"logo\.png" is an SVG image/ },
    { label: 'an HTML page named .pdf', name: 'notice.pdf', bytes: () => HTML_PAGE, status: 415, message: /"notice\.pdf" is an HTML document, which is not accepted/ },
    { label: 'an empty file', name: 'empty.pdf', bytes: () => new Uint8Array(0), status: 415, message: /"empty\.pdf" is empty/ },
    { label: 'a file over the configured limit', name: 'huge.pdf', bytes: async () => Buffer.concat([Buffer.from(await pdfBytes('big')), Buffer.alloc(LIMIT, 32)]), status: 413, message: /"huge\.pdf" is larger than 256 KB, the most a file may be/ },
    { label: 'a compound file that is not named .hwp', name: 'minutes.doc', bytes: compoundFileBytes, status: 415, message: /"minutes\.doc" is not an allowed file type/ },
    { label: 'a plain zip named .hwpx', name: 'plan.hwpx', bytes: () => storedZip([{ name: 'readme.txt', data: 'not hwpx' }]), status: 415, message: /"plan\.hwpx" is not an allowed file type/ },
  ];

  for (const r of refusals) {
    test(`refuses ${r.label}, naming the file, and keeps nothing`, async () => {
      const { id, editionId } = await draft(`Refusal: ${r.label}`);
      const bytes = await r.bytes();
      const res = await writer.upload(`/admin/releases/${id}/attachments`, [{ name: r.name, bytes }]);
      assert.equal(res.statusCode, r.status, res.body.slice(0, 300));
      assert.match(res.body.replace(/&quot;/g, '"'), r.message);
      assert.deepEqual(await filesOf(editionId), []);
      await assertNothingKept(bytes);
    });
  }

  test('a refused file does not stop the others in the same upload', async () => {
    const { id, editionId } = await draft('Mixed upload');
    const res = await writer.upload(`/admin/releases/${id}/attachments`, [
      { name: 'chart.pdf', bytes: await pngBytes() },
      { name: 'briefing.pdf', bytes: await pdfBytes('mixed') },
      { name: 'huge.pdf', bytes: Buffer.alloc(LIMIT * 2, 1) },
      { name: 'table.docx', bytes: docxBytes() },
    ]);
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /Attached: briefing\.pdf, table\.docx\./);
    assert.deepEqual((await filesOf(editionId)).map((f) => f.fileName), ['briefing.pdf', 'table.docx']);
  });

  test('accepts HWP (a compound file named .hwp), HWPX, DOCX and a Korean file name', async () => {
    const { id, editionId } = await draft('Korean documents');
    const res = await writer.upload(`/admin/releases/${id}/attachments`, [
      { name: '보도자료.pdf', bytes: await pdfBytes('korean') },
      { name: '계획.hwp', bytes: compoundFileBytes() },
      { name: '계획.hwpx', bytes: hwpxBytes() },
      { name: '통계.docx', bytes: docxBytes() },
    ]);
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    assert.deepEqual(
      (await filesOf(editionId)).map((f) => [f.fileName, f.mimeType]),
      [
        ['보도자료.pdf', 'application/pdf'],
        ['계획.hwp', 'application/x-hwp'],
        ['계획.hwpx', 'application/hwp+zip'],
        ['통계.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ],
    );
    assert.match((await writer.get(`/admin/releases/${id}`)).body, /보도자료\.pdf/);
  });

  test('a path in the name is stripped: ../../etc/passwd.pdf is kept as passwd.pdf, inside the store', async () => {
    const { id, editionId } = await draft('Path name');
    const bytes = await pdfBytes('passwd');
    const res = await writer.upload(`/admin/releases/${id}/attachments`, [{ name: '../../etc/passwd.pdf', bytes }]);
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const [file] = await filesOf(editionId);
    assert.equal(file!.fileName, 'passwd.pdf');
    assert.deepEqual(await t.system.files.stat(sha(bytes)), { byteSize: bytes.byteLength });
    // The command itself strips directories and control characters, whatever the parser did.
    const direct = await t.system.commands.attachFile({ editionId, fileName: '..\\..\\etc/\u0007pass\u202ewd.pdf', bytes, actor: { ...TEST_ACTOR, role: 'writer', userId: writer.user.id } });
    assert.equal(direct.fileName, 'passwd.pdf');
  });

  test('a photo keeps no EXIF or GPS, is turned upright, and gets WebP copies that 404 until publication', async () => {
    const { id, editionId } = await draft('Photo with GPS');
    const upload = await gpsJpegBytes();
    assert.ok(upload.includes('WGS-84') && upload.includes('SecretCam'), 'the fixture does carry GPS and camera data');
    const res = await writer.upload(`/admin/releases/${id}/attachments`, [{ name: 'site-visit.jpg', bytes: upload, type: 'image/jpeg' }], { altText: 'Officials at the site', caption: 'Site visit' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const [photo] = await filesOf(editionId);
    assert.equal(photo!.mimeType, 'image/jpeg');
    assert.deepEqual([photo!.width, photo!.height], [2000, 1000], 'EXIF orientation 6 applied to the pixels');
    await assertNothingKept(upload);

    const original = await readStored(photo!.sha256);
    const meta = await sharp(original).metadata();
    assert.equal(meta.exif, undefined, 'no EXIF block at all');
    assert.equal(meta.orientation, undefined);
    assert.ok(!original.includes('WGS-84') && !original.includes('SecretCam'), 'no GPS or camera data in the bytes');

    const copies = await t.system.attachments.imageDerivativesOf([photo!.sha256]);
    assert.deepEqual(copies.map((d) => [d.width, d.height, d.mimeType]), [[480, 240, 'image/webp'], [960, 480, 'image/webp'], [1600, 800, 'image/webp']]);
    for (const copy of copies) {
      const bytes = await readStored(copy.sha256);
      const m = await sharp(bytes).metadata();
      assert.equal(m.format, 'webp');
      assert.equal(m.width, copy.width);
      assert.equal(m.exif, undefined);
      assert.ok(!bytes.includes('WGS-84'));
    }

    // Before publication every copy is a 404, like the original; a preview link serves them.
    for (const sha256 of [photo!.sha256, ...copies.map((c) => c.sha256)]) {
      assert.equal((await t.app.inject({ method: 'GET', url: `/files/${sha256}/x.webp` })).statusCode, 404);
    }
    const { token } = await t.system.previewLinks.create(id, 'Morning Daily', TEST_ACTOR);
    const preview = await t.app.inject({ method: 'GET', url: `/preview/${token}` });
    const previewCopy = new RegExp(`/preview/${token}/files/${copies[0]!.sha256}/site-visit-480w\\.webp 480w`).exec(preview.body);
    assert.ok(previewCopy, 'the preview page offers the WebP copies');
    const viaPreview = await t.app.inject({ method: 'GET', url: previewCopy[0].split(' ')[0]! });
    assert.equal(viaPreview.statusCode, 200);
    assert.equal(viaPreview.headers['content-type'], 'image/webp');

    await t.system.commands.submitRelease(id, TEST_ACTOR);
    await t.system.commands.approveRelease(id, TEST_ACTOR);
    await t.system.commands.publishRelease(id, TEST_ACTOR);
    const release = (await t.system.releases.getRelease(id))!;
    const page = await t.app.inject({ method: 'GET', url: `/en/press-releases/${release.number}` });
    assert.equal(page.statusCode, 200);
    const img = /<img src="\/files\/([0-9a-f]{64})\/site-visit\.jpg" alt="Officials at the site" width="2000" height="1000" srcset="([^"]+)" sizes="[^"]+"/.exec(page.body);
    assert.ok(img, 'the photo has a srcset');
    assert.equal(img[1], photo!.sha256);
    assert.equal(
      img[2],
      [...copies.map((c) => `/files/${c.sha256}/site-visit-${c.width}w.webp ${c.width}w`), `/files/${photo!.sha256}/site-visit.jpg 2000w`].join(', '),
    );
    for (const copy of copies) {
      const res = await t.app.inject({ method: 'GET', url: `/files/${copy.sha256}/site-visit-${copy.width}w.webp` });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'image/webp');
      assert.equal(res.headers['content-length'], String(copy.byteSize));
      assert.equal(res.headers['content-disposition'], `inline; filename="site-visit-${copy.width}w.webp"`);
    }
    const hiRes = await t.app.inject({ method: 'GET', url: `/files/${photo!.sha256}/site-visit.jpg` });
    assert.equal(hiRes.headers['content-type'], 'image/jpeg');
    assert.equal((await sharp(hiRes.rawPayload).metadata()).exif, undefined, 'the hi-res download is the sanitised original');
  });

  test('PNG, WebP and GIF are kept in their own format, re-encoded without metadata', async () => {
    const { id, editionId } = await draft('Other image formats');
    const base = () => sharp({ create: { width: 700, height: 500, channels: 3, background: { r: 10, g: 120, b: 60 } } });
    const exif = { IFD0: { Make: 'SecretCam' }, IFD3: { GPSMapDatum: 'WGS-84' } };
    const png = await base().png().withExif(exif).toBuffer();
    const webp = await base().webp().withExif(exif).toBuffer();
    assert.ok(png.includes('SecretCam') && webp.includes('WGS-84'), 'the fixtures do carry EXIF');
    const res = await writer.upload(`/admin/releases/${id}/attachments`, [
      { name: 'diagram.png', bytes: png },
      { name: 'poster.webp', bytes: webp },
      { name: 'banner.gif', bytes: await base().gif().toBuffer() },
    ], { altText: 'Image' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const files = await filesOf(editionId);
    assert.deepEqual(files.map((f) => [f.fileName, f.mimeType, f.width, f.height]), [
      ['diagram.png', 'image/png', 700, 500],
      ['poster.webp', 'image/webp', 700, 500],
      ['banner.gif', 'image/gif', 700, 500],
    ]);
    for (const file of files) {
      const bytes = await readStored(file.sha256);
      assert.equal((await sharp(bytes).metadata()).exif, undefined, file.fileName);
      assert.ok(!bytes.includes('SecretCam') && !bytes.includes('WGS-84'), file.fileName);
      assert.deepEqual((await t.system.attachments.imageDerivativesOf([file.sha256])).map((d) => d.width), [480], file.fileName);
    }
  });

  async function readStored(sha256: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of t.system.files.read(sha256)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
});
