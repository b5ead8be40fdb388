import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import { makeLocalFileStore } from '../../src/adapters/files/local-file-store.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, jpegBytes, pdfBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

// The attachment and derivative methods of AttachmentRepo (and the public rule for derivatives), run
// unchanged against every database adapter.
for (const { kind, skip } of databaseKinds()) {
  describe(`attachment repository on ${kind}`, { skip }, () => {
    let t: TestSystem;
    before(async () => {
      t = await createTestSystem(kind);
      await buildBoard(t.system, { slug: 'attach-board' });
    });
    after(async () => t?.close());

    async function draftWithThree() {
      const { release, edition } = await buildRelease(t.system, {
        boardSlug: 'attach-board',
        state: 'draft',
        files: [
          { fileName: 'one.pdf', bytes: await pdfBytes('one') },
          { fileName: '사진.jpg', bytes: await jpegBytes(600, 400), altText: 'A photo' },
          { fileName: 'three.pdf', bytes: await pdfBytes('three') },
        ],
      });
      return { release, edition, files: await t.system.attachments.attachmentsOf(edition.id) };
    }

    test('get, update texts, reorder and remove', async () => {
      const { edition, files } = await draftWithThree();
      const repo = t.system.attachments;
      assert.deepEqual(await repo.getAttachment(files[1]!.id), files[1]);
      assert.equal(await repo.getAttachment(999_999), null);

      const updated = await repo.updateAttachment(files[1]!.id, { caption: '부두의 장관', credit: '홍보팀', altText: 'The minister at the port' });
      assert.deepEqual({ ...files[1]!, caption: '부두의 장관', credit: '홍보팀', altText: 'The minister at the port' }, updated);
      assert.equal(await repo.updateAttachment(999_999, { caption: '', credit: '', altText: '' }), null);

      await repo.setAttachmentOrder(edition.id, [files[2]!.id, files[0]!.id, files[1]!.id]);
      const reordered = await repo.attachmentsOf(edition.id);
      assert.deepEqual(reordered.map((a) => [a.fileName, a.position]), [['three.pdf', 1], ['one.pdf', 2], ['사진.jpg', 3]]);

      await repo.removeAttachment(files[0]!.id);
      assert.deepEqual((await repo.attachmentsOf(edition.id)).map((a) => a.fileName), ['three.pdf', '사진.jpg']);
      assert.equal(await repo.getAttachment(files[0]!.id), null);
    });

    test('setAttachmentOrder touches only the named edition', async () => {
      const a = await draftWithThree();
      const b = await draftWithThree();
      await t.system.attachments.setAttachmentOrder(a.edition.id, [b.files[2]!.id, b.files[1]!.id, b.files[0]!.id]);
      assert.deepEqual((await t.system.attachments.attachmentsOf(b.edition.id)).map((x) => x.position), [1, 2, 3]);
    });

    test('derivatives are recorded once per original and width, narrowest first', async () => {
      const source = 'a'.repeat(64);
      const at = t.clock.now();
      const d = (width: number) => ({ sourceSha256: source, sha256: String(width % 10).repeat(64), mimeType: 'image/webp', width, height: width / 2, byteSize: width * 10 });
      await t.system.attachments.addImageDerivative(d(960), at);
      await t.system.attachments.addImageDerivative(d(480), at);
      await t.system.attachments.addImageDerivative({ ...d(480), byteSize: 1 }, at);
      assert.deepEqual(await t.system.attachments.imageDerivativesOf([source]), [d(480), d(960)]);
      assert.deepEqual(await t.system.attachments.imageDerivativesOf([]), []);
      assert.deepEqual(await t.system.attachments.imageDerivativesOf(['b'.repeat(64)]), []);
    });

    test('a photo’s WebP copies are public exactly when its original is, and the commands audit', async () => {
      const { release, edition, files } = await draftWithThree();
      const photo = files[1]!;
      const copies = await t.system.attachments.imageDerivativesOf([photo.sha256]);
      assert.deepEqual(copies.map((c) => [c.width, c.height]), [[480, 320]], 'only widths below the original (600 px)');
      const now = () => t.clock.now();
      assert.equal(await t.system.catalog.file(copies[0]!.sha256, now()), null, 'a draft’s copy is not public');

      await t.system.commands.attachments.update(release.id, photo.id, { caption: 'c', credit: '', altText: 'Alt' }, TEST_ACTOR);
      await t.system.commands.attachments.move(release.id, photo.id, 'up', TEST_ACTOR);
      await t.system.commands.submitRelease(release.id, TEST_ACTOR);
      await t.system.commands.approveRelease(release.id, TEST_ACTOR);
      await t.system.commands.publishRelease(release.id, TEST_ACTOR);
      assert.deepEqual(await t.system.catalog.file(copies[0]!.sha256, now()), { sha256: copies[0]!.sha256, fileName: '사진-480w.webp', mimeType: 'image/webp', byteSize: copies[0]!.byteSize });
      const detail = (await t.system.catalog.release((await t.system.boards.bySlug('attach-board'))!.id, 'en', (await t.system.releases.getRelease(release.id))!.number!, now()))!;
      assert.deepEqual(detail.attachments.map((a) => a.fileName), ['사진.jpg', 'one.pdf', 'three.pdf']);
      assert.deepEqual(detail.derivatives, copies);

      // A correction that drops the photo takes its copies off the site with it.
      await t.system.commands.startCorrection(release.id, TEST_ACTOR);
      const correction = (await t.system.editions.latestEdition(release.id))!;
      assert.notEqual(correction.id, edition.id);
      const copied = await t.system.attachments.attachmentsOf(correction.id);
      await t.system.commands.attachments.remove(release.id, copied[0]!.id, TEST_ACTOR);
      await t.system.commands.submitRelease(release.id, TEST_ACTOR);
      await t.system.commands.approveRelease(release.id, TEST_ACTOR);
      await t.system.commands.publishRelease(release.id, TEST_ACTOR, { isMinorChange: true });
      assert.equal(await t.system.catalog.file(copies[0]!.sha256, now()), null);
      assert.equal(await t.system.catalog.file(photo.sha256, now()), null);

      const actions = (await t.system.audit.list({ subjectType: 'release', subjectId: String(release.id), limit: 50 })).map((e) => e.action);
      for (const action of ['attachment.added', 'attachment.updated', 'attachment.reordered', 'attachment.removed']) assert.ok(actions.includes(action), action);
    });

    test('an upload stream is counted as it arrives: past the limit it stops without reading the rest', async () => {
      const { edition } = await buildRelease(t.system, { boardSlug: 'attach-board', state: 'draft' });
      let produced = 0;
      const endless = new Readable({
        read() {
          produced += 16 * 1024;
          this.push(Buffer.alloc(16 * 1024, 0x25));
        },
      });
      await assert.rejects(t.system.commands.attachFile({ editionId: edition.id, fileName: 'endless.pdf', stream: endless, maxBytes: 64 * 1024, actor: TEST_ACTOR }), (error: Error & { issues?: { code: string }[] }) => {
        assert.match(error.message, /"endless\.pdf" is larger than 64 KB/);
        assert.equal(error.issues?.[0]?.code, 'file_too_large');
        return true;
      });
      assert.ok(produced < 1024 * 1024, `read ${produced} bytes of an endless stream`);
      assert.deepEqual(readdirSync(join(t.dataDir, 'files', 'tmp')), []);
      assert.deepEqual(await t.system.attachments.attachmentsOf(edition.id), []);
    });
  });
}

describe('FileStore staging: local disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'pressroom-stage-'));
  const store = makeLocalFileStore(root);
  after(() => rmSync(root, { recursive: true, force: true }));

  test('a staged file can be read, then committed under its address', async () => {
    const staged = await store.stage(Readable.from([Buffer.from('staged '), Buffer.from('보도자료')]));
    assert.equal(await text(staged.read()), 'staged 보도자료');
    assert.equal(await text(staged.read({ start: 0, end: 5 })), 'staged');
    assert.equal(await store.stat(staged.sha256), null, 'not stored before commit');
    assert.deepEqual(await staged.commit(), { sha256: staged.sha256, byteSize: staged.byteSize });
    assert.equal(await text(store.read(staged.sha256)), 'staged 보도자료');
    await staged.discard();
    assert.deepEqual(await store.stat(staged.sha256), { byteSize: staged.byteSize }, 'discard after commit keeps the file');
  });

  test('a discarded or failed staging leaves nothing behind', async () => {
    const staged = await store.stage(Buffer.from('never kept'));
    await staged.discard();
    await staged.discard();
    assert.equal(await store.stat(staged.sha256), null);
    const failing = new Readable({
      read() {
        this.destroy(new Error('too large'));
      },
    });
    await assert.rejects(store.stage(failing), /too large/);
    assert.deepEqual(readdirSync(join(root, 'tmp')), []);
  });
});
