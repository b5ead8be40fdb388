import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import { StaleEditionError } from '../../src/app/workflow/seen-edition.js';
import { InvalidStateError } from '../../src/domain/errors.js';
import type { Role } from '../../src/domain/user.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, jpegBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

/** The reasons of a refusal (sorted), or [] when the command went through. */
async function reasonsOf(run: Promise<unknown>): Promise<string[]> {
  try {
    await run;
    return [];
  } catch (error) {
    if (error instanceof InvalidStateError) return error.issues.map((i) => i.code).sort();
    throw error;
  }
}

// The review loop of #16 on both databases: a writer recalls a submitted edition; an editor assigns a
// reviewer (notified); an editor fixes an edition in review in place and becomes one of its authors.
for (const { kind, skip } of databaseKinds()) {
  describe(`review loop and fixes in review on ${kind}`, { skip }, () => {
    let t: TestSystem;
    const people: Record<'writer' | 'writer2' | 'editor' | 'chief' | 'third', StaffActor> = {} as never;
    const c = () => t.system.commands;

    before(async () => {
      t = await createTestSystem(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      const roles: Record<keyof typeof people, Role> = { writer: 'writer', writer2: 'writer', editor: 'editor', chief: 'editor', third: 'admin' };
      for (const [key, role] of Object.entries(roles) as [keyof typeof people, Role][]) {
        const user = await t.system.accounts.createUser({ email: `${key}-${kind}@press.example`, name: `Name ${key}`, role, password: 'correct horse battery staple' }, TEST_ACTOR);
        people[key] = { userId: user.id, label: user.email, ip: '192.0.2.1', role };
      }
    });
    after(async () => t?.close());

    async function submitted(title: string, by = people.writer) {
      const { release } = await c().createRelease({ boardSlug: 'press-releases', language: 'en', title, bodyMarkdown: 'The writer’s text.' }, by);
      return { id: release.id, edition: await c().submitRelease(release.id, by) };
    }

    test('a writer recalls their submitted edition to draft, on the version they saw; nobody else may', async () => {
      const { id, edition } = await submitted('Recalled statement');
      assert.deepEqual(await reasonsOf(c().recallRelease(id, people.writer2, { version: edition.lockVersion })), ['not_submitter']);
      assert.deepEqual(await reasonsOf(c().recallRelease(id, people.chief)), ['not_submitter'], 'an editor sends it back instead');
      await assert.rejects(c().recallRelease(id, people.writer, { version: edition.lockVersion - 1 }), StaleEditionError);
      const recalled = await c().recallRelease(id, people.writer, { version: edition.lockVersion, editionNo: edition.editionNo });
      assert.equal(recalled.state, 'draft');
      assert.equal(recalled.reviewComment, null, 'a recall is not a sent-back edition');
      assert.deepEqual(await reasonsOf(c().recallRelease(id, people.writer)), ['wrong_state']);
      const [entry] = await t.system.audit.list({ subjectType: 'release', subjectId: String(id), limit: 1 });
      assert.equal(entry?.action, 'release.recalled');
      assert.equal(entry?.actor.userId, people.writer.userId);
    });

    test('an editor assigns a reviewer who may approve it, without moving the version; the reviewer is notified', async () => {
      const { id, edition } = await submitted('Assigned statement');
      assert.deepEqual(await reasonsOf(c().assignReviewer(id, people.writer2.userId, people.editor)), ['reviewer_not_editor']);
      assert.deepEqual(await reasonsOf(c().assignReviewer(id, people.chief.userId, people.writer)), ['role_not_allowed']);
      const assigned = await c().assignReviewer(id, people.chief.userId, people.editor, { version: edition.lockVersion });
      assert.deepEqual(assigned, { id: people.chief.userId, name: 'Name chief' });
      const after = await t.system.editions.latestEdition(id);
      assert.equal(after?.reviewerId, people.chief.userId);
      assert.equal(after?.lockVersion, edition.lockVersion, 'naming a reviewer does not make anyone’s open page stale');
      await t.system.distribution.run();
      const notes = await t.system.distribution.notifications.repo.list(people.chief.userId!, 10);
      assert.ok(notes.some((n) => n.kind === 'release.reviewer_assigned' && n.details.title === 'Assigned statement' && n.details.actor === people.editor.label));
      const listed = await t.system.admin.list({ state: 'in_review', reviewerId: people.chief.userId!, limit: 10, offset: 0 });
      assert.deepEqual(listed.rows.map((r) => r.releaseId), [id]);
      const awaiting = await t.system.admin.list({ state: 'in_review', awaitingReviewBy: people.editor.userId!, limit: 50, offset: 0 });
      assert.ok(!awaiting.rows.some((r) => r.releaseId === id), 'assigned to someone else: not awaiting this editor');
      // An author of the edition cannot be asked to approve it.
      const fixed = await c().reviseInReview(id, { title: 'Assigned statement', bodyMarkdown: 'Fixed.', lockVersion: after!.lockVersion }, people.third);
      assert.equal(fixed.edition.state, 'in_review');
      assert.deepEqual(await reasonsOf(c().assignReviewer(id, people.third.userId, people.editor)), ['reviewer_is_author']);
    });

    test('an editor fixes an edition in review in place: it stays in review, and the editor may not approve it alone', async () => {
      const { id, edition } = await submitted('Fixed in review');
      assert.deepEqual(await reasonsOf(c().reviseInReview(id, { title: 'x', bodyMarkdown: 'y', lockVersion: edition.lockVersion }, people.writer)), ['role_not_allowed']);
      const embargo = new Date(t.clock.now().getTime() + 3_600_000);
      const { edition: fixed, approvalStands } = await c().reviseInReview(id, { title: 'Fixed in review', bodyMarkdown: 'The writer’s text, without its typo.', embargoUntil: embargo, lockVersion: edition.lockVersion }, people.editor);
      assert.equal(fixed.state, 'in_review');
      assert.equal(approvalStands, true);
      assert.deepEqual(fixed.embargoUntil, embargo);
      assert.ok(fixed.lockVersion > edition.lockVersion);
      const revisions = await t.system.revisions.list(fixed.id);
      assert.equal(revisions[0]?.authorId, people.editor.userId, 'the fix is a revision by the editor');
      assert.deepEqual(await reasonsOf(c().approveRelease(id, people.editor)), ['self_approval']);
      await c().approveRelease(id, people.chief);
      const [entry] = await t.system.audit.list({ subjectType: 'release', subjectId: String(id), action: 'release.revised', limit: 1 });
      assert.equal(entry?.details.state, 'in_review');
    });

    test('the approver who fixes an approved, scheduled edition undoes their approval: it keeps its schedule but waits for another approval', async () => {
      const { id } = await submitted('Scheduled then fixed');
      await c().approveRelease(id, people.chief);
      const at = new Date(t.clock.now().getTime() + 600_000);
      const scheduled = await c().scheduleRelease(id, at, people.editor);
      const fixed = await c().reviseInReview(id, { title: 'Scheduled then fixed', bodyMarkdown: 'Typo fixed by the approver.', lockVersion: scheduled.lockVersion }, people.chief);
      assert.equal(fixed.edition.state, 'scheduled');
      assert.deepEqual(fixed.edition.scheduledAt, at, 'the schedule stays');
      assert.equal(fixed.approvalStands, false);
      assert.deepEqual(await reasonsOf(c().publishRelease(id, people.editor)), ['approval_needed']);
      assert.deepEqual(await reasonsOf(c().approveRelease(id, people.chief)), ['self_approval'], 'the approver, now an author, cannot approve it again');
      t.clock.advance(600_000);
      await c().runDueJobs();
      assert.equal((await t.system.releases.getRelease(id))?.status, 'unpublished', 'the scheduler does not publish text nobody else approved');
      const again = await c().approveRelease(id, people.third);
      assert.equal(again.state, 'scheduled', 're-approval keeps it where it was');
      t.clock.advance(-600_000);
      await c().unscheduleRelease(id, people.editor);
      const outcome = await c().publishRelease(id, people.editor);
      assert.equal(outcome.published, true);
    });

    test('an approval given by someone else stands when another editor fixes the text', async () => {
      const { id } = await submitted('Approved then fixed by a colleague');
      const approved = await c().approveRelease(id, people.chief);
      const fixed = await c().reviseInReview(id, { title: 'Approved then fixed by a colleague', bodyMarkdown: 'Better.', lockVersion: approved.lockVersion }, people.editor);
      assert.equal(fixed.approvalStands, true);
      assert.equal((await c().publishRelease(id, people.editor)).published, true);
    });

    test('an embargo moved past the scheduled time is refused; nothing is saved', async () => {
      const { id } = await submitted('Embargo after schedule');
      await c().approveRelease(id, people.chief);
      const at = new Date(t.clock.now().getTime() + 600_000);
      const scheduled = await c().scheduleRelease(id, at, people.editor);
      const late = new Date(at.getTime() + 60_000);
      assert.deepEqual(await reasonsOf(c().reviseInReview(id, { title: 'Embargo after schedule', bodyMarkdown: 'x', embargoUntil: late, lockVersion: scheduled.lockVersion }, people.editor)), ['schedule_before_embargo']);
      assert.equal((await t.system.editions.latestEdition(id))?.lockVersion, scheduled.lockVersion);
    });

    test('an editor fixes alt text in review: a revision by the editor, and a new version for whoever had the page open', async () => {
      const { release, edition } = await c().createRelease({ boardSlug: 'press-releases', language: 'en', title: 'Photo in review', bodyMarkdown: 'Body.' }, people.writer);
      const photo = await c().attachFile({ editionId: edition.id, fileName: 'minister.jpg', bytes: await jpegBytes(), actor: people.writer });
      const sent = await c().submitRelease(release.id, people.writer);
      assert.deepEqual(await reasonsOf(c().attachments.update(release.id, photo.id, { altText: 'x' }, people.writer)), ['wrong_state'], 'a writer is told the edition is no longer a draft (recall it to edit); only editors fix texts in review');
      await c().attachments.update(release.id, photo.id, { altText: 'The minister at the port' }, people.editor);
      const after = await t.system.editions.latestEdition(release.id);
      assert.equal(after?.state, 'in_review');
      assert.ok(after!.lockVersion > sent.lockVersion);
      assert.equal((await t.system.revisions.list(edition.id))[0]?.authorId, people.editor.userId);
      assert.deepEqual(await reasonsOf(c().approveRelease(release.id, people.editor)), ['self_approval']);
      await assert.rejects(c().approveRelease(release.id, people.chief, { version: sent.lockVersion }), StaleEditionError);
      await c().approveRelease(release.id, people.chief, { version: after!.lockVersion });
      assert.equal((await c().publishRelease(release.id, people.chief)).published, true);
    });
  });
}
