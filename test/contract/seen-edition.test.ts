import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import { StaleEditionError } from '../../src/app/workflow/seen-edition.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

const writer: StaffActor = { userId: 11, label: 'writer@news.example', ip: '192.0.2.10', role: 'writer' };
const editor: StaffActor = { userId: 22, label: 'editor@news.example', ip: '192.0.2.20', role: 'editor' };
const chief: StaffActor = { userId: 33, label: 'chief@news.example', ip: '192.0.2.30', role: 'editor' };

/** The refusal a stale step gets, or null when the step went through. */
async function staleRefusal(run: Promise<unknown>): Promise<StaleEditionError | null> {
  try {
    await run;
    return null;
  } catch (error) {
    if (error instanceof StaleEditionError) return error;
    throw error;
  }
}

// Every workflow step carries the edition version it was shown (Whitehall's lock_version); the
// command compares it inside its transaction, on both databases.
for (const { kind, skip } of databaseKinds()) {
  describe(`workflow steps on the edition that was shown, and the outcomes commands return, on ${kind}`, { skip }, () => {
    let t: TestSystem;
    before(async () => {
      t = await createTestSystem(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
    });
    after(async () => t?.close());
    const c = () => t.system.commands;
    const latest = async (id: number) => (await t.system.editions.latestEdition(id))!;
    const auditCount = async (id: number) => (await t.system.audit.list({ subjectType: 'release', subjectId: String(id), limit: 100 })).length;

    /** A writer's draft in review, as an editor saw it; then sent back, rewritten and resubmitted. */
    async function rewrittenWhileOpen(title: string) {
      const { release, edition } = await c().createRelease({ boardSlug: 'press-releases', language: 'en', title, bodyMarkdown: 'What the editor read.' }, writer);
      await c().submitRelease(release.id, writer);
      const shown = await latest(release.id);
      await c().rejectRelease(release.id, 'One more paragraph', chief);
      await c().saveDraft(release.id, { title, bodyMarkdown: 'Text the editor never read.', lockVersion: (await latest(release.id)).lockVersion }, writer);
      await c().submitRelease(release.id, writer);
      assert.equal(edition.editionNo, shown.editionNo);
      return { id: release.id, shown };
    }

    test('approving with a stale version is refused with EDIT_CONFLICT and nothing changes; the current version succeeds', async () => {
      const { id, shown } = await rewrittenWhileOpen('Approved only as read');
      const before = await latest(id);
      const audits = await auditCount(id);
      const refused = await staleRefusal(c().approveRelease(id, editor, { version: shown.lockVersion, editionNo: shown.editionNo }));
      assert.ok(refused, 'the editor did not see this text');
      assert.equal(refused.code, 'EDIT_CONFLICT');
      assert.equal(refused.message, 'The text changed since you opened it: reload and review it again');
      assert.equal(refused.current.bodyMarkdown, 'Text the editor never read.');
      assert.deepEqual(await latest(id), before, 'nothing changed');
      assert.equal(await auditCount(id), audits, 'nothing audited');

      const approved = await c().approveRelease(id, editor, { version: before.lockVersion, editionNo: before.editionNo });
      assert.equal(approved.state, 'approved');
      assert.equal(approved.approvedBy, editor.userId);
    });

    test('publish, schedule, reject, submit, unschedule, correct and withdraw refuse a stale version too', async () => {
      const { id } = await rewrittenWhileOpen('Every step');
      const stale = { version: 1, editionNo: 1 };
      assert.ok(await staleRefusal(c().rejectRelease(id, 'No', editor, stale)));
      await c().approveRelease(id, editor);
      const at = new Date(t.clock.now().getTime() + 3_600_000);
      assert.ok(await staleRefusal(c().scheduleRelease(id, at, editor, stale)));
      assert.ok(await staleRefusal(c().publishRelease(id, editor, { seen: stale })));
      await c().scheduleRelease(id, at, editor);
      assert.ok(await staleRefusal(c().unscheduleRelease(id, editor, stale)));
      assert.equal((await latest(id)).state, 'scheduled', 'nothing changed');

      const published = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Live' });
      const live = await latest(published.release.id);
      assert.ok(await staleRefusal(c().startCorrection(published.release.id, writer, { version: live.lockVersion + 1, editionNo: live.editionNo })));
      assert.ok(await staleRefusal(c().withdrawRelease(published.release.id, 'Issued in error', editor, { seen: { version: live.lockVersion, editionNo: live.editionNo + 1 } })));
      assert.equal((await t.system.releases.getRelease(published.release.id))?.status, 'published', 'not withdrawn');
      await c().withdrawRelease(published.release.id, 'Issued in error', editor, { seen: { version: live.lockVersion, editionNo: live.editionNo } });
      // A later takedown of the withdrawn release checks the version as well.
      const withdrawn = await latest(published.release.id);
      assert.ok(await staleRefusal(c().withdrawRelease(published.release.id, 'Court order', editor, { removeContent: true, seen: { version: withdrawn.lockVersion + 1 } })));
      assert.equal((await t.system.releases.getRelease(published.release.id))?.contentRemovedAt, null);

      const draft = await c().createRelease({ boardSlug: 'press-releases', language: 'en', title: 'Draft', bodyMarkdown: 'x' }, writer);
      assert.ok(await staleRefusal(c().submitRelease(draft.release.id, writer, { version: draft.edition.lockVersion + 1 })));
      assert.equal((await c().submitRelease(draft.release.id, writer, { version: draft.edition.lockVersion })).state, 'in_review');
    });

    test('a stale version is refused before any other reason, so the person reloads first', async () => {
      const { id, shown } = await rewrittenWhileOpen('Stale and self-approved');
      // The writer may not approve at all; still the answer is that the text changed.
      assert.ok(await staleRefusal(c().approveRelease(id, writer, { version: shown.lockVersion })));
    });

    test('publish returns what it did: first publication, number and public time; then a correction', async () => {
      const { release } = await c().createRelease({ boardSlug: 'press-releases', language: 'en', title: 'Outcome', bodyMarkdown: 'x' }, writer);
      await c().submitRelease(release.id, writer);
      const approved = await c().approveRelease(release.id, editor);
      const first = await c().publishRelease(release.id, editor, { seen: { version: approved.lockVersion, editionNo: approved.editionNo } });
      assert.ok(first.published);
      assert.equal(first.correction, false);
      const stored = await t.system.releases.getRelease(release.id);
      assert.equal(first.number, stored?.number);
      assert.deepEqual(first.publicAt, stored?.publicAt);
      assert.equal(first.editionNo, 1);

      await c().startCorrection(release.id, writer);
      await c().submitRelease(release.id, writer);
      await c().approveRelease(release.id, editor);
      t.clock.advance(60_000);
      const corrected = await c().publishRelease(release.id, editor, { changeNote: 'Fixed the date.' });
      assert.ok(corrected.published);
      assert.equal(corrected.correction, true);
      assert.equal(corrected.number, first.number, 'the number never changes');
      assert.equal(corrected.editionNo, 2);
    });

    test("the scheduler's own publication carries no version and is not refused", async () => {
      const { release } = await c().createRelease({ boardSlug: 'press-releases', language: 'en', title: 'Scheduled', bodyMarkdown: 'x' }, writer);
      await c().submitRelease(release.id, writer);
      const approved = await c().approveRelease(release.id, editor);
      await c().scheduleRelease(release.id, new Date(t.clock.now().getTime() + 60_000), editor, { version: approved.lockVersion, editionNo: approved.editionNo });
      t.clock.advance(61_000);
      assert.equal(await c().runDueJobs(), 1);
      assert.equal((await t.system.releases.getRelease(release.id))?.status, 'published');
    });
  });
}
