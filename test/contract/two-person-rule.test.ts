import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import { InvalidStateError } from '../../src/domain/errors.js';
import { StaffBrowser, staffUser } from '../support/admin-web.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const PASSWORD = 'correct horse battery staple';
const WHO_MAY = 'an editor or admin who has not edited it must approve it';
const lockVersionIn = (html: string) => /name="lockVersion" value="(\d+)"/.exec(html)?.[1] ?? '';

/** Runs a command and returns the refusal (or null when it went through). */
async function refusal(run: Promise<unknown>): Promise<InvalidStateError | null> {
  try {
    await run;
    return null;
  } catch (error) {
    if (error instanceof InvalidStateError) return error;
    throw error;
  }
}

// The two-person rule: whoever created an edition OR saved a revision of it is one of its authors,
// and an author cannot be its approver (unless PRESSROOM_ALLOW_SELF_APPROVAL=1). Authorship is read
// from storage (revisions), so this runs on both databases, through the command, the API and the admin.
for (const { kind, skip } of databaseKinds()) {
  describe(`two-person rule: an editor who rewrote a writer's draft cannot approve it alone on ${kind}`, { skip }, () => {
    let t: TestWeb;
    let writer: StaffActor;
    let rewriter: StaffActor;
    let chief: StaffActor;
    const actor = async (email: string, role: 'writer' | 'editor'): Promise<StaffActor> => {
      const user = await t.system.accounts.createUser({ email, name: email, role, password: PASSWORD }, TEST_ACTOR);
      return { userId: user.id, label: user.email, ip: '192.0.2.1', role };
    };

    /** A writer's draft that the rewriter edited, submitted by the writer. */
    async function rewrittenDraft(title: string): Promise<number> {
      const c = t.system.commands;
      const { release, edition } = await c.createRelease({ boardSlug: 'press-releases', language: 'en', title, bodyMarkdown: 'The writer’s text.' }, writer);
      await c.saveDraft(release.id, { title, bodyMarkdown: 'The editor rewrote every word.', lockVersion: edition.lockVersion }, rewriter);
      await c.submitRelease(release.id, writer);
      return release.id;
    }

    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      writer = await actor(`writer-${kind}@press.example`, 'writer');
      rewriter = await actor(`rewriter-${kind}@press.example`, 'editor');
      chief = await actor(`chief-${kind}@press.example`, 'editor');
    });
    after(async () => t?.close());

    test('the command refuses the rewriter, says who may approve, and lets an editor who did not edit approve', async () => {
      const id = await rewrittenDraft('Rewritten by an editor');
      const refused = await refusal(t.system.commands.approveRelease(id, rewriter));
      assert.ok(refused, 'the editor who saved a revision must not approve alone');
      assert.deepEqual(
        refused.issues.map((i) => i.code),
        ['self_approval'],
      );
      assert.match(refused.issues[0]!.message, new RegExp(WHO_MAY));
      assert.equal((await t.system.editions.latestEdition(id))?.state, 'in_review', 'nothing changed');
      await t.system.commands.approveRelease(id, chief);
      assert.equal((await t.system.editions.latestEdition(id))?.approvedBy, chief.userId);
    });

    test('restoring an old revision also makes the restorer an author', async () => {
      const c = t.system.commands;
      const { release, edition } = await c.createRelease({ boardSlug: 'press-releases', language: 'en', title: 'Restored by an editor', bodyMarkdown: 'One.' }, writer);
      const saved = await c.saveDraft(release.id, { title: 'Restored by an editor', bodyMarkdown: 'Two.', lockVersion: edition.lockVersion }, writer);
      const [, first] = await t.system.revisions.list(edition.id);
      await t.system.revisions.restore(release.id, first!.id, saved.lockVersion, rewriter);
      await c.submitRelease(release.id, writer);
      assert.ok(await refusal(c.approveRelease(release.id, rewriter)));
    });

    test('with PRESSROOM_ALLOW_SELF_APPROVAL the rewriter may approve', async () => {
      const { makeApproveRelease } = await import('../../src/app/workflow/simple-transitions.js');
      const { makeUnitOfWork } = await import('../../src/adapters/db/unit-of-work.js');
      const approve = makeApproveRelease({ uow: makeUnitOfWork(t.system.db, t.system.events), clock: t.clock, allowSelfApproval: true });
      const id = await rewrittenDraft('Self-approval allowed');
      await approve(id, rewriter);
      assert.equal((await t.system.editions.latestEdition(id))?.state, 'approved');
    });

    test('the API refuses the rewriter with 409 INVALID_STATE (self_approval) and accepts another editor', async () => {
      const token = async (who: StaffActor) =>
        (await t.system.apiTokens.create({ name: `approve ${who.label}`, ownerEmail: who.label, scopes: ['drafts:write', 'workflow:approve'], expiresAt: null }, { ...TEST_ACTOR, role: 'admin' })).secret;
      const [rewriterToken, chiefToken] = [await token(rewriter), await token(chief)];
      // The step names the edition version the client was shown (required for approve).
      const approve = async (secret: string, id: number) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/releases/${id}/approve`,
          headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
          payload: JSON.stringify({ version: (await t.system.editions.latestEdition(id))!.lockVersion }),
        });

      // The rewrite itself goes through the API too.
      const { release, edition } = await t.system.commands.createRelease({ boardSlug: 'press-releases', language: 'en', title: 'Rewritten through the API', bodyMarkdown: 'Writer.' }, writer);
      const patch = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/releases/${release.id}/edition`,
        headers: { authorization: `Bearer ${rewriterToken}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ body_markdown: 'Editor rewrote it.', version: edition.lockVersion }),
      });
      assert.equal(patch.statusCode, 200, patch.body);
      await t.system.commands.submitRelease(release.id, writer);

      const refused = await approve(rewriterToken, release.id);
      assert.equal(refused.statusCode, 409, refused.body);
      const errors = (refused.json() as { errors: { code: string; message: string }[] }).errors;
      assert.deepEqual(
        errors.map((e) => e.code),
        ['INVALID_STATE'],
      );
      assert.match(errors[0]!.message, new RegExp(WHO_MAY));
      assert.equal((await approve(chiefToken, release.id)).statusCode, 200);
    });

    test('the admin page offers no Approve button to the rewriter, and the route refuses and says who may approve', async () => {
      const adminWriter = new StaffBrowser(t, staffUser('writer'));
      const adminRewriter = new StaffBrowser(t, staffUser('editor'));
      const adminChief = new StaffBrowser(t, staffUser('editor'));
      const created = await adminWriter.post('/admin/releases', { boardSlug: 'press-releases', language: 'en', title: 'Rewritten in the admin', bodyMarkdown: 'Writer.' });
      const id = Number(/\/admin\/releases\/(\d+)/.exec(String(created.headers.location))?.[1]);
      const page = await adminRewriter.get(`/admin/releases/${id}`);
      const saved = await adminRewriter.post(`/admin/releases/${id}`, { boardSlug: 'press-releases', language: 'en', title: 'Rewritten in the admin', bodyMarkdown: 'Editor rewrote it.', lockVersion: lockVersionIn(page.body) });
      assert.equal(saved.statusCode, 303, saved.body);
      assert.equal((await adminWriter.post(`/admin/releases/${id}/submit`)).statusCode, 303);

      assert.doesNotMatch((await adminRewriter.get(`/admin/releases/${id}`)).body, /action="\/admin\/releases\/\d+\/approve"/);
      const refused = await adminRewriter.post(`/admin/releases/${id}/approve`);
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, new RegExp(WHO_MAY));
      assert.match((await adminChief.get(`/admin/releases/${id}`)).body, /action="\/admin\/releases\/\d+\/approve"/);
      assert.equal((await adminChief.post(`/admin/releases/${id}/approve`)).statusCode, 303);
    });
  });
}
