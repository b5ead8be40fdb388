import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeAttachmentTexts } from '../../src/adapters/db/attachment-texts.js';
import { databaseKinds } from '../support/databases.js';
import { hwpxDocument } from '../support/document-fixtures.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

// The extraction jobs are durable (#19): leased claims, a dead worker's job taken over, nothing
// stored by a worker that lost its claim, and documents attached before text views queued at start.
for (const { kind, skip } of databaseKinds()) {
  describe(`attachment text jobs on ${kind}`, { skip }, () => {
    let t: TestSystem;
    let sha256: string;
    let releaseId: number;

    before(async () => {
      t = await createTestSystem(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      const { release, edition } = await buildRelease(t.system, { boardSlug: 'press-releases', files: [{ fileName: 'plan.hwpx', bytes: hwpxDocument({ heading: '계획', paragraphs: ['세부 내용'], cells: [] }) }] });
      releaseId = release.id;
      sha256 = (await t.system.attachments.attachmentsOf(edition.id))[0]!.sha256;
    });
    after(async () => t?.close());

    test('a claim is a lease: a worker that lost it stores nothing, the next worker finishes the job and queues the release for search', async () => {
      const texts = makeAttachmentTexts(t.system.db);
      const now = t.clock.now();
      const [job] = await texts.claim(now, 'host:1:1', 5, new Date(now.getTime() + 1_000));
      assert.equal(job?.sha256, sha256);
      assert.deepEqual(await texts.claim(now, 'host:2:2', 5, new Date(now.getTime() + 1_000)), [], 'held by the first worker');
      const later = new Date(now.getTime() + 2_000);
      const [again] = await texts.claim(later, 'host:2:2', 5, new Date(later.getTime() + 60_000));
      assert.equal(again?.sha256, sha256, 'the lease ran out: the second worker takes it');
      assert.equal(again?.attempts, 2);
      assert.equal(await texts.finish(sha256, 'host:1:1', { ok: false, reason: 'late' }, later), null, 'the first worker no longer holds it');
      assert.equal((await texts.get(sha256))?.status, 'running');
      const before = await t.system.search.indexing.outstanding();
      assert.deepEqual(await texts.finish(sha256, 'host:2:2', { ok: true, html: '<p>세부 내용</p>', text: '세부 내용', pageCount: null, partial: null, language: 'ko' }, later), [releaseId]);
      assert.equal((await texts.get(sha256))?.status, 'done');
      assert.equal(await t.system.search.indexing.outstanding(), before + 1, 'the release went into the search outbox with the text');
      assert.deepEqual(await texts.states([sha256, 'f'.repeat(64)]), new Map([[sha256, { status: 'done', partial: null, reason: null }]]), "the admin's view of it, without its text");
      assert.deepEqual(await texts.states([]), new Map());
    });

    test('documents without a text view are queued at start (and by reindex), once', async () => {
      await t.system.db.deleteFrom('attachment_texts').execute();
      assert.equal(await t.system.texts.extraction.queueMissing(), 1);
      assert.equal(await t.system.texts.extraction.queueMissing(), 0, 'already queued');
      assert.equal(await t.system.texts.extraction.runAll(), 1);
      const text = await t.system.texts.store.get(sha256);
      assert.equal(text?.status, 'done');
      assert.equal(text?.language, 'ko');
      assert.match(text?.html ?? '', /<h2>계획<\/h2>/);
    });
  });
}
