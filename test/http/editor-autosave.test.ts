import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { StaffBrowser, staffUser } from '../support/admin-web.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const lockVersionIn = (html: string) => /name="lockVersion" value="(\d+)"/.exec(html)?.[1] ?? '';

interface Answer {
  version?: number;
  changed?: boolean;
  savedAtLabel?: string;
  errors?: { code: string; message: string; field?: string }[];
}

// The editor script's background save (#16), as the script sends it: JSON with the CSRF header.
for (const { kind, skip } of databaseKinds()) {
  describe(`POST /admin/releases/:id/autosave on ${kind}`, { skip }, () => {
    let t: TestWeb;
    let writer: StaffBrowser;
    let editor: StaffBrowser;

    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      writer = new StaffBrowser(t, staffUser('writer', 'Kim Writer'));
      editor = new StaffBrowser(t, staffUser('editor', 'Lee Editor'));
    });
    after(async () => t?.close());

    async function autosave(who: StaffBrowser, id: number, fields: Record<string, string>, headers: Record<string, string> = {}) {
      const { cookie, csrfToken } = await who.credentials();
      const res = await t.app.inject({
        method: 'POST',
        url: `/admin/releases/${id}/autosave`,
        payload: JSON.stringify(fields),
        headers: { cookie, 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken, ...headers },
      });
      // Refusals before the route (CSRF, role) are the admin's HTML pages: the script reads only the status then.
      const json = String(res.headers['content-type']).startsWith('application/json');
      return { status: res.statusCode, body: json ? res.json<Answer>() : ({} as Answer), headers: res.headers };
    }

    async function draft(title: string, body = 'First text.'): Promise<{ id: number; version: string }> {
      const created = await writer.post('/admin/releases', { boardSlug: 'press-releases', language: 'en', title, bodyMarkdown: body });
      const id = Number(/\/admin\/releases\/(\d+)/.exec(String(created.headers.location))?.[1]);
      return { id, version: lockVersionIn((await writer.get(`/admin/releases/${id}`)).body) };
    }

    test('saves changed text as a revision and answers the new version and a "Saved at" time', async () => {
      const { id, version } = await draft('Autosaved release');
      const res = await autosave(writer, id, { title: 'Autosaved release', bodyMarkdown: 'Typed, never saved by hand.', lockVersion: version });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.body.changed, true);
      const edition = (await t.system.editions.latestEdition(id))!;
      assert.equal(edition.bodyMarkdown, 'Typed, never saved by hand.');
      assert.equal(res.body.version, edition.lockVersion);
      assert.ok(edition.lockVersion > Number(version));
      // 01:00Z is 10:00 in Seoul, the newsroom's zone: 24-hour, no "AM".
      assert.equal(res.body.savedAtLabel, '10:00');
      const revisions = await t.system.revisions.list(edition.id);
      assert.equal(revisions[0]!.content.bodyMarkdown, 'Typed, never saved by hand.');
      assert.ok(revisions[0]!.autosaveStartedAt, 'the revision is marked as an autosave');
      const audit = await t.system.audit.list({ action: 'release.autosaved', subjectType: 'release', subjectId: String(id), limit: 10 });
      assert.equal(audit.length, 1, 'the write is audited');
    });

    test("the author's next autosave with the answered version does not conflict with itself, and coalesces into one revision", async () => {
      const { id, version } = await draft('Typing on');
      const edition = (await t.system.editions.latestEdition(id))!;
      const before = (await t.system.revisions.list(edition.id)).length;
      let held = Number(version);
      for (const body of ['One.', 'One. Two.', 'One. Two. Three.']) {
        t.clock.advance(60_000);
        const res = await autosave(writer, id, { title: 'Typing on', bodyMarkdown: body, lockVersion: String(held) });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        held = res.body.version!;
      }
      const revisions = await t.system.revisions.list(edition.id);
      assert.equal(revisions.length, before + 1, 'three autosaves within minutes are one revision');
      assert.equal(revisions[0]!.content.bodyMarkdown, 'One. Two. Three.');
      // After the window a new autosave revision starts; a save by hand is a revision of its own.
      t.clock.advance(11 * 60_000);
      const later = await autosave(writer, id, { title: 'Typing on', bodyMarkdown: 'Four.', lockVersion: String(held) });
      assert.equal(later.status, 200);
      assert.equal((await t.system.revisions.list(edition.id)).length, before + 2);
      const saved = await writer.post(`/admin/releases/${id}`, { title: 'Typing on', bodyMarkdown: 'Five.', lockVersion: String(later.body.version) });
      assert.equal(saved.statusCode, 303, saved.body);
      const afterManual = await t.system.revisions.list(edition.id);
      assert.equal(afterManual.length, before + 3);
      assert.equal(afterManual[0]!.autosaveStartedAt ?? null, null, 'a save by hand is not an autosave');
      const page = await writer.get(`/admin/releases/${id}`);
      assert.equal((page.body.match(/\(autosaved\)/g) ?? []).length, 2, 'the revision list marks the two autosave revisions');
    });

    test('an autosave of unchanged text writes nothing, so a second editor saving from the same page sees no conflict', async () => {
      const { id, version } = await draft('Two people open it', 'Same text.');
      const edition = (await t.system.editions.latestEdition(id))!;
      const revisionsBefore = (await t.system.revisions.list(edition.id)).length;
      const audited = async () => (await t.system.audit.list({ subjectType: 'release', subjectId: String(id), limit: 100 })).length;
      const auditBefore = await audited();
      // The editor opens the same draft (same version) and edits it; the writer's page autosaves its unchanged text.
      const editorPage = await editor.get(`/admin/releases/${id}`);
      assert.equal(lockVersionIn(editorPage.body), version);
      const noop = await autosave(writer, id, { title: 'Two people open it', bodyMarkdown: 'Same text.', lockVersion: version });
      assert.equal(noop.status, 200, JSON.stringify(noop.body));
      assert.equal(noop.body.changed, false);
      assert.equal(noop.body.version, Number(version), 'the version is not bumped');
      assert.equal((await t.system.revisions.list(edition.id)).length, revisionsBefore, 'no revision, so nobody became an author');
      assert.equal(await audited(), auditBefore, 'nothing written, nothing audited');
      const editorSave = await editor.post(`/admin/releases/${id}`, { title: 'Two people open it', bodyMarkdown: 'The editor improved it.', lockVersion: version });
      assert.equal(editorSave.statusCode, 303, 'no conflict for the second editor');
    });

    test("a real change by another editor is a conflict: 409 with a clear message, and the other editor's text is kept", async () => {
      const { id, version } = await draft('Raced', 'Original.');
      const editorSave = await editor.post(`/admin/releases/${id}`, { title: 'Raced', bodyMarkdown: "The editor's text.", lockVersion: version });
      assert.equal(editorSave.statusCode, 303);
      const res = await autosave(writer, id, { title: 'Raced', bodyMarkdown: "The writer's typing.", lockVersion: version });
      assert.equal(res.status, 409);
      assert.equal(res.body.errors?.[0]?.code, 'stale_version');
      assert.match(res.body.errors?.[0]?.message ?? '', /Someone else changed this release while you were typing.*Your text is still in the form/);
      assert.equal((await t.system.editions.latestEdition(id))!.bodyMarkdown, "The editor's text.", 'nothing was overwritten');
      // The same text the other editor saved is no conflict at all: the form takes the current version.
      const same = await autosave(writer, id, { title: 'Raced', bodyMarkdown: "The editor's text.", lockVersion: version });
      assert.equal(same.status, 200);
      assert.equal(same.body.version, (await t.system.editions.latestEdition(id))!.lockVersion);
    });

    test('an autosave changing only the embargo is saved; a field problem is 400 with every issue, in Korean for Korean staff', async () => {
      const { id, version } = await draft('Embargo later');
      const res = await autosave(writer, id, { title: 'Embargo later', bodyMarkdown: 'First text.', embargoUntil: '2026-12-01T09:00', lockVersion: version });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal((await t.system.editions.latestEdition(id))!.embargoUntil?.toISOString(), '2026-12-01T00:00:00.000Z');
      const bad = await autosave(writer, id, { title: '', bodyMarkdown: 'x', lockVersion: String(res.body.version) }, { 'accept-language': 'ko' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.errors?.[0]?.field, 'title');
      assert.match(bad.body.errors?.[0]?.message ?? '', /[가-힣]/);
      const missing = await autosave(writer, id, { title: 'No version' });
      assert.equal(missing.status, 400);
    });

    test('refuses without the CSRF token, signed out, for viewers, and once the edition is no longer a draft', async () => {
      const { id, version } = await draft('Guarded');
      const fields = { title: 'Guarded', bodyMarkdown: 'Changed.', lockVersion: version };
      assert.equal((await autosave(writer, id, fields, { 'x-csrf-token': 'forged' })).status, 403);
      const signedOut = await t.app.inject({ method: 'POST', url: `/admin/releases/${id}/autosave`, payload: JSON.stringify(fields), headers: { 'content-type': 'application/json' } });
      assert.equal(signedOut.statusCode, 303, 'signed out: sent to sign in');
      assert.match(String(signedOut.headers.location), /\/admin\/login/);
      const viewer = new StaffBrowser(t, staffUser('viewer'));
      assert.equal((await autosave(viewer, id, fields)).status, 403);
      assert.equal((await writer.post(`/admin/releases/${id}/submit`)).statusCode, 303);
      const inReview = (await t.system.editions.latestEdition(id))!;
      const refused = await autosave(writer, id, { ...fields, lockVersion: String(inReview.lockVersion) });
      assert.equal(refused.status, 409);
      assert.equal((await t.system.editions.latestEdition(id))!.bodyMarkdown, 'First text.');
    });

    test('the editor form names its autosave endpoint and state; a refused save comes back marked unsaved', async () => {
      const { id } = await draft('Marked form');
      const page = await writer.get(`/admin/releases/${id}`);
      assert.match(page.body, new RegExp(`data-autosave="/admin/releases/${id}/autosave" data-autosave-state="saved"`));
      assert.match(page.body, /<script src="\/assets\/admin-autosave-[0-9a-f]{12}\.js" defer/);
      const refused = await writer.post(`/admin/releases/${id}`, { title: '', bodyMarkdown: 'Typed but refused', lockVersion: lockVersionIn(page.body) });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /data-autosave-state="unsaved"/);
    });
  });
}
