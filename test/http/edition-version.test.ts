import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { StaffBrowser, staffUser } from '../support/admin-web.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const hiddenIn = (html: string, step: string) => {
  const form = new RegExp(`<form method="post" action="/admin/releases/\\d+/${step}">([\\s\\S]*?)</form>`).exec(html)?.[1] ?? '';
  return { edition: /name="edition" value="(\d+)"/.exec(form)?.[1] ?? '', version: /name="version" value="(\d+)"/.exec(form)?.[1] ?? '' };
};
const lockVersionIn = (html: string) => /name="lockVersion" value="(\d+)"/.exec(html)?.[1] ?? '';

// Browser-less: editors and writers act through the admin forms and the JSON API as people and
// clients do; every step names the edition it was shown. Runs on both databases.
for (const { kind, skip } of databaseKinds()) {
  describe(`workflow forms and API steps carry the edition version they were shown on ${kind}`, { skip }, () => {
    let t: TestWeb;
    let writer: StaffBrowser;
    let editorA: StaffBrowser;
    let chief: StaffBrowser;
    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      writer = new StaffBrowser(t, staffUser('writer'));
      editorA = new StaffBrowser(t, staffUser('editor'));
      chief = new StaffBrowser(t, staffUser('editor'));
    });
    after(async () => t?.close());

    async function draftInReview(title: string): Promise<number> {
      const created = await writer.post('/admin/releases', { boardSlug: 'press-releases', language: 'en', title, bodyMarkdown: 'What editor A reads.' });
      const id = Number(/\/admin\/releases\/(\d+)/.exec(String(created.headers.location))?.[1]);
      assert.equal((await writer.post(`/admin/releases/${id}/submit`)).statusCode, 303);
      return id;
    }

    test('the release page carries the edition number and version in every workflow form', async () => {
      const id = await draftInReview('Carries its version');
      const page = await editorA.get(`/admin/releases/${id}`);
      const edition = (await t.system.editions.latestEdition(id))!;
      for (const step of ['approve', 'reject']) assert.deepEqual(hiddenIn(page.body, step), { edition: '1', version: String(edition.lockVersion) }, step);
    });

    test("editor A opens the page, the writer's text changes, A's approve is refused with a clear message and nothing is approved", async () => {
      const id = await draftInReview('Changed under the editor');
      const seenByA = hiddenIn((await editorA.get(`/admin/releases/${id}`)).body, 'approve');
      assert.ok(seenByA.version);
      // Meanwhile the chief sends it back, the writer saves a new draft and resubmits it.
      assert.equal((await chief.post(`/admin/releases/${id}/reject`, { comment: 'Add the figures' })).statusCode, 303);
      const draftPage = await writer.get(`/admin/releases/${id}`);
      const saved = await writer.post(`/admin/releases/${id}`, { boardSlug: 'press-releases', language: 'en', title: 'Changed under the editor', bodyMarkdown: 'Text editor A never saw.', lockVersion: lockVersionIn(draftPage.body) });
      assert.equal(saved.statusCode, 303, saved.body);
      assert.equal((await writer.post(`/admin/releases/${id}/submit`)).statusCode, 303);

      // A clicks Approve on the page opened before.
      const refused = await editorA.post(`/admin/releases/${id}/approve`, seenByA);
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /The text changed since you opened it: reload and review it again/);
      assert.match(refused.body, /Text editor A never saw\./, 'the refusal shows the text as it now is');
      assert.equal((await t.system.editions.latestEdition(id))?.state, 'in_review', 'nothing was approved');
      // The refused page carries the current version: approving from it goes through.
      const again = hiddenIn(refused.body, 'approve');
      assert.notEqual(again.version, seenByA.version);
      const approved = await editorA.post(`/admin/releases/${id}/approve`, again);
      assert.equal(approved.statusCode, 303);
      assert.equal((await t.system.editions.latestEdition(id))?.state, 'approved');
    });

    test('a workflow form without its version is refused and changes nothing', async () => {
      const id = await draftInReview('No version sent');
      const res = await editorA.post(`/admin/releases/${id}/approve`, {}, { seen: false });
      assert.equal(res.statusCode, 400);
      assert.equal((await t.system.editions.latestEdition(id))?.state, 'in_review');
    });

    test('the API: approve and publish require the version; a stale one answers 409 EDIT_CONFLICT with the edition as it now is', async () => {
      const editor = await t.system.accounts.createUser({ email: 'api-editor@press.example', name: 'API editor', role: 'editor', password: 'correct horse battery staple' }, { userId: null, label: 'system:test', ip: null });
      const { secret } = await t.system.apiTokens.create({ name: 'steps', ownerEmail: editor.email, scopes: ['drafts:write', 'workflow:submit', 'workflow:approve', 'workflow:publish'], expiresAt: null }, { userId: null, label: 'system:test', ip: null, role: 'admin' });
      const step = (id: number, name: string, body?: unknown, headers: Record<string, string> = {}) =>
        t.app.inject({ method: 'POST', url: `/api/v1/releases/${id}/${name}`, headers: { authorization: `Bearer ${secret}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
      const id = await draftInReview('Through the API');
      const shown = (await t.system.editions.latestEdition(id))!;

      const missing = await step(id, 'approve');
      assert.equal(missing.statusCode, 400);
      assert.equal((missing.json() as { errors: { field: string }[] }).errors[0]!.field, 'version');

      const stale = await step(id, 'approve', { version: shown.lockVersion + 1 });
      assert.equal(stale.statusCode, 409);
      const body = stale.json() as { errors: { code: string; message: string }[]; current: { edition: { version: number; state: string } } };
      assert.equal(body.errors[0]!.code, 'EDIT_CONFLICT');
      assert.equal(body.errors[0]!.message, 'The text changed since you opened it: reload and review it again');
      assert.deepEqual(body.current.edition, { ...body.current.edition, version: shown.lockVersion, state: 'in_review' });
      assert.equal(stale.headers.etag, `"1-${shown.lockVersion}"`);

      const approved = await step(id, 'approve', undefined, { 'if-match': String(stale.headers.etag) });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal((await step(id, 'publish', {})).statusCode, 400, 'publish requires it too');
      const published = await step(id, 'publish', { version: (approved.json() as { data: { edition: { version: number } } }).data.edition.version });
      assert.equal(published.statusCode, 200, published.body);
      assert.equal((published.json() as { data: { status: string } }).data.status, 'published');
    });
  });
}
