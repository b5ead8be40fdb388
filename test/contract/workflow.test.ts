import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import { EditConflictError } from '../../src/app/workflow/save-draft.js';
import { makeFakeClock } from '../../src/adapters/clock/system-clock.js';
import { InvalidStateError, NotFoundError } from '../../src/domain/errors.js';
import { composeSystem } from '../../src/main/compose.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { buildBoard, buildRelease, jpegBytes } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

const writer: StaffActor = { userId: 11, label: 'writer@news.example', ip: '192.0.2.10', role: 'writer' };
const editor: StaffActor = { userId: 22, label: 'editor@news.example', ip: '192.0.2.20', role: 'editor' };
const otherEditor: StaffActor = { userId: 33, label: 'chief@news.example', ip: '192.0.2.30', role: 'editor' };

const content = (title: string) => ({ boardSlug: 'press-releases', language: 'en' as const, title, bodyMarkdown: 'Body.' });
const reasonsOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InvalidStateError) return error.issues.map((i) => i.code).sort();
    throw error;
  }
  return [];
};

for (const { kind, skip } of databaseKinds()) {
  describe(`editorial workflow on ${kind}`, { skip }, () => {
    let t: TestSystem;
    before(async () => {
      t = await createTestSystem(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
    });
    after(async () => t?.close());

    test('draft -> review -> approval by another editor -> scheduled -> public at its time, once', async () => {
      const c = t.system.commands;
      const { release } = await c.createRelease(content('Scheduled statement'), writer);
      assert.deepEqual(await reasonsOf(c.approveRelease(release.id, writer)), ['role_not_allowed', 'self_approval', 'wrong_state']);
      await c.submitRelease(release.id, writer);
      const { release: own } = await c.createRelease(content('Own'), editor);
      await c.submitRelease(own.id, editor);
      assert.deepEqual(await reasonsOf(c.approveRelease(own.id, editor)), ['self_approval']);
      await c.approveRelease(release.id, otherEditor);
      assert.deepEqual(await reasonsOf(c.scheduleRelease(release.id, new Date(t.clock.now().getTime() - 1000), editor)), ['schedule_in_past']);
      const at = new Date(t.clock.now().getTime() + 10 * 60_000);
      await c.scheduleRelease(release.id, at, editor);
      t.clock.advance(5 * 60_000);
      assert.equal(await c.runDueJobs(), 0);
      assert.equal((await t.system.releases.getRelease(release.id))?.status, 'unpublished');
      t.clock.advance(5 * 60_000);
      assert.equal(await c.runDueJobs(), 1);
      const published = await t.system.releases.getRelease(release.id);
      assert.equal(published?.status, 'published');
      assert.deepEqual(published?.publicAt, at);
      assert.equal(await c.runDueJobs(), 0, 'a done job never publishes twice');
      const audit = (await t.system.audit.list({ subjectType: 'release', subjectId: String(release.id), limit: 20 })).map((e) => `${e.action} by ${e.actor.label}`);
      assert.deepEqual(audit.reverse(), [
        'release.created by writer@news.example',
        'release.submitted by writer@news.example',
        'release.approved by chief@news.example',
        'release.scheduled by editor@news.example',
        'release.published by system:scheduler',
      ]);
    });

    test('unscheduling cancels the job', async () => {
      const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', state: 'scheduled', scheduledAt: new Date(t.clock.now().getTime() + 60_000) });
      await t.system.commands.unscheduleRelease(release.id, editor);
      t.clock.advance(120_000);
      await t.system.commands.runDueJobs();
      assert.equal((await t.system.releases.getRelease(release.id))?.status, 'unpublished');
      assert.equal((await t.system.editions.latestEdition(release.id))?.state, 'approved');
    });

    test('a refused publication lists every reason: missing alt text and an embargo in the past', async () => {
      const { release, edition } = await buildRelease(t.system, { boardSlug: 'press-releases', state: 'draft', embargoUntil: new Date(t.clock.now().getTime() + 1000) });
      await t.system.commands.attachFile({ editionId: edition.id, fileName: 'photo.jpg', bytes: await jpegBytes() });
      await t.system.commands.submitRelease(release.id, writer);
      await t.system.commands.approveRelease(release.id, editor);
      t.clock.advance(2000);
      assert.deepEqual(await reasonsOf(t.system.commands.publishRelease(release.id, editor)), ['alt_text_missing', 'embargo_in_past']);
    });

    test('two people edit the same draft: the second save gets a conflict with both versions, nothing is lost', async () => {
      const { release, edition } = await t.system.commands.createRelease(content('Shared draft'), writer);
      const first = await t.system.commands.saveDraft(release.id, { title: 'First person’s title', bodyMarkdown: 'One', lockVersion: edition.lockVersion }, writer);
      try {
        await t.system.commands.saveDraft(release.id, { title: 'Second person’s title', bodyMarkdown: 'Two', lockVersion: edition.lockVersion }, editor);
        assert.fail('the stale save must be refused');
      } catch (error) {
        assert.ok(error instanceof EditConflictError);
        assert.equal(error.current.title, 'First person’s title');
        assert.equal(error.attempted.title, 'Second person’s title');
      }
      assert.equal((await t.system.editions.latestEdition(release.id))?.title, 'First person’s title');
      const merged = await t.system.commands.saveDraft(release.id, { title: 'Merged title', bodyMarkdown: 'One and two', lockVersion: first.lockVersion }, editor);
      assert.equal(merged.title, 'Merged title');
      const revisions = await t.system.revisions.list(edition.id);
      assert.deepEqual(revisions.map((r) => r.content.title), ['Merged title', 'First person’s title', 'Shared draft']);
      const diff = await t.system.revisions.compare(revisions[2]!.id, revisions[0]!.id);
      assert.deepEqual(diff.diff.map((d) => d.field), ['title', 'bodyMarkdown']);
      const restored = await t.system.revisions.restore(release.id, revisions[2]!.id, merged.lockVersion, writer);
      assert.equal(restored.title, 'Shared draft');
      assert.equal((await t.system.revisions.list(edition.id)).length, 4, 'restoring adds a revision');
    });

    test('a correction is drafted while the live edition stays public, then published with a change note', async () => {
      const board = (await t.system.boards.bySlug('press-releases'))!;
      const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Original title' });
      const draft = await t.system.commands.startCorrection(release.id, writer);
      await t.system.commands.saveDraft(release.id, { title: 'Corrected title', bodyMarkdown: 'Fixed.', lockVersion: draft.lockVersion }, writer);
      const live = await t.system.catalog.release(board.id, 'en', release.number!, t.clock.now());
      assert.equal(live?.edition.title, 'Original title', 'the draft correction is not public');
      await t.system.commands.submitRelease(release.id, writer);
      await t.system.commands.approveRelease(release.id, editor);
      assert.deepEqual(await reasonsOf(t.system.commands.publishRelease(release.id, editor)), ['change_note_missing']);
      t.clock.advance(60_000);
      await t.system.commands.publishRelease(release.id, editor, { changeNote: 'Corrected the date of the visit.' });
      const after = await t.system.catalog.release(board.id, 'en', release.number!, t.clock.now());
      assert.equal(after?.edition.title, 'Corrected title');
      assert.equal(after?.release.number, release.number, 'the number never changes');
      assert.deepEqual(after?.changeNotes.map((n) => n.note), ['Corrected the date of the visit.']);
    });

    test('a withdrawn release keeps its page with the reason but leaves lists', async () => {
      const board = (await t.system.boards.bySlug('press-releases'))!;
      const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'To be withdrawn', state: 'withdrawn' });
      const page = await t.system.catalog.release(board.id, 'en', release.number!, t.clock.now());
      assert.equal(page?.release.status, 'withdrawn');
      assert.equal(page?.release.withdrawalReason, 'Issued in error');
      const list = await t.system.catalog.boardPage({ boardId: board.id, language: 'en', page: 1, pageSize: 100, filter: null, now: t.clock.now() });
      assert.ok(!list.items.some((i) => i.title === 'To be withdrawn'));
    });

    test('preview links: per recipient, logged when opened, revocable', async () => {
      const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', state: 'embargoed', title: 'Embargoed plan' });
      assert.deepEqual(await reasonsOf(t.system.previewLinks.create(release.id, 'Daily Herald', writer)), ['role_not_allowed']);
      const { link, token } = await t.system.previewLinks.create(release.id, 'Daily Herald', editor);
      const view = await t.system.previewLinks.open(token, '198.51.100.7');
      assert.equal(view.edition.title, 'Embargoed plan');
      assert.equal((await t.system.previewLinks.list(release.id))[0]?.openCount, 1);
      const opened = await t.system.audit.list({ action: 'preview_link.opened', subjectId: String(release.id), limit: 5 });
      assert.equal(opened[0]?.actor.label, 'preview:Daily Herald');
      assert.equal(opened[0]?.actor.ip, '198.51.100.7');
      await t.system.previewLinks.revoke(link.id, editor);
      await assert.rejects(t.system.previewLinks.open(token, null), NotFoundError);
      await assert.rejects(t.system.previewLinks.open('x'.repeat(43), null), NotFoundError);
    });
  });

  describe(`scheduler across restarts and processes on ${kind}`, { skip }, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(kind);
    });
    after(async () => database?.drop());

    test('a job that came due while the server was down runs at the next start; racing schedulers publish once', async () => {
      const clock = makeFakeClock(new Date('2026-11-20T01:00:00Z'));
      const first = await composeSystem({ database: database.target, dataDir: database.dataDir, clock, workerId: 'one' });
      await buildBoard(first, { slug: 'briefings' });
      const ids: number[] = [];
      for (let i = 0; i < 12; i++) {
        const { release } = await buildRelease(first, { boardSlug: 'briefings', state: 'scheduled', scheduledAt: new Date(clock.now().getTime() + 60_000 + i) });
        ids.push(release.id);
      }
      await first.close(); // the server goes down before the time
      clock.advance(10 * 60_000);
      const a = await composeSystem({ database: database.target, dataDir: database.dataDir, clock, workerId: 'a' });
      // Several server processes share one database only on PostgreSQL (SQLite is the one-process
      // option), so the race runs there; on SQLite the restarted server catches up alone.
      const b = kind === 'postgres' ? await composeSystem({ database: database.target, dataDir: database.dataDir, clock, workerId: 'b' }) : a;
      try {
        const counts = kind === 'postgres' ? await Promise.all([a.commands.runDueJobs(5), b.commands.runDueJobs(5), a.commands.runDueJobs(5), b.commands.runDueJobs(5)]) : [await a.commands.runDueJobs(5)];
        counts.push(await a.commands.runDueJobs(), await b.commands.runDueJobs());
        assert.equal(counts.reduce((x, y) => x + y, 0), 12, `published per call: ${counts.join(',')}`);
        const numbers = new Set<number>();
        for (const id of ids) {
          const r = await a.releases.getRelease(id);
          assert.equal(r?.status, 'published');
          numbers.add(r!.number!);
          const published = await a.audit.list({ action: 'release.published', subjectId: String(id), limit: 5 });
          assert.equal(published.length, 1, `release ${id} published exactly once`);
        }
        assert.equal(numbers.size, 12, 'every release got its own number');
      } finally {
        await a.close();
        if (b !== a) await b.close();
      }
    });
  });
}
