import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { StaffBrowser, staffUser } from '../support/admin-web.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const idFrom = (location: unknown) => Number(/\/admin\/releases\/(\d+)/.exec(String(location))?.[1]);
const contactSection = (html: string) => /<section class="contact"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

// The press-contact directory (#16 item 7): kept once by editors, picked on releases, and a
// release naming an entry shows its current details, on both databases.
for (const { kind, skip } of databaseKinds()) {
  describe(`press-contact directory on ${kind}`, { skip }, () => {
    let t: TestWeb;
    let writer: StaffBrowser;
    let editor: StaffBrowser;
    let contactId = 0;
    let releaseId = 0;
    let publicPath = '';

    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      writer = new StaffBrowser(t, staffUser('writer', 'Kim Writer'));
      editor = new StaffBrowser(t, staffUser('editor', 'Lee Editor'));
    });
    after(async () => t?.close());

    test('editors add contacts; a wrong email comes back on the form; writers may not manage the directory', async () => {
      const refused = await editor.post('/admin/contacts', { language: 'ko', name: '홍길동', role: '대변인실 사무관', phone: '02-748-6000', email: 'not-an-email' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /class="error-summary"/);
      assert.match(refused.body, /value="홍길동"/, 'what was typed comes back');
      const added = await editor.post('/admin/contacts', { language: 'ko', name: '홍길동', role: '대변인실 사무관', phone: '02-748-6000', email: 'press@mnd.example' });
      assert.equal(added.statusCode, 303);
      const list = await editor.get('/admin/contacts?done=added');
      assert.match(list.body, /Press contact added\./);
      contactId = Number(/<a href="\/admin\/contacts\/(\d+)">홍길동<\/a>/.exec(list.body)?.[1]);
      assert.ok(contactId > 0);
      assert.equal((await writer.get('/admin/contacts')).statusCode, 403);
      assert.equal((await writer.post('/admin/contacts', { language: 'en', name: 'Someone' })).statusCode, 403);
      const audit = await t.system.audit.list({ action: 'press_contact.created', limit: 5 });
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.actor.label, editor.user.email);
    });

    test('a writer picks the contact on the release form: the release carries its details and the link', async () => {
      const form = await writer.get('/admin/releases/new');
      assert.match(form.body, new RegExp(`<option value="${contactId}">홍길동 · 대변인실 사무관 · 02-748-6000</option>`));
      const res = await writer.post('/admin/releases', { boardSlug: 'press-releases', language: 'ko', title: '국방부 정례 브리핑', bodyMarkdown: '본문', contactId: String(contactId), contactName: 'typed name is replaced' });
      assert.equal(res.statusCode, 303, res.body);
      releaseId = idFrom(res.headers.location);
      const edition = await t.system.editions.latestEdition(releaseId);
      assert.deepEqual(edition?.contact, { name: '홍길동', phone: '02-748-6000', email: 'press@mnd.example', contactId });
      // The draft editor shows the pick selected.
      assert.match((await writer.get(`/admin/releases/${releaseId}`)).body, new RegExp(`<option value="${contactId}" selected>`));
      await t.system.commands.submitRelease(releaseId, TEST_ACTOR);
      await t.system.commands.approveRelease(releaseId, TEST_ACTOR);
      await t.system.commands.publishRelease(releaseId, TEST_ACTOR);
      const release = await t.system.releases.getRelease(releaseId);
      publicPath = `/ko/press-releases/${release!.number}`;
      const page = await t.app.inject({ method: 'GET', url: publicPath });
      assert.match(contactSection(page.body), /홍길동, 대변인실 사무관/);
      assert.match(contactSection(page.body), /02-748-6000/);
    });

    test('an editor fixing a release in review can pick the contact too: the fix carries its details', async () => {
      const created = await writer.post('/admin/releases', { boardSlug: 'press-releases', language: 'ko', title: '검토 중 연락처', bodyMarkdown: '본문' });
      const id = idFrom(created.headers.location);
      await t.system.commands.submitRelease(id, TEST_ACTOR);
      const inReview = (await t.system.editions.latestEdition(id))!;
      assert.equal(inReview.contact, null);
      const fixed = await editor.post(`/admin/releases/${id}/revise`, { title: '검토 중 연락처', bodyMarkdown: '본문', contactId: String(contactId), lockVersion: String(inReview.lockVersion) });
      assert.equal(fixed.statusCode, 303, fixed.body);
      const after = await t.system.editions.latestEdition(id);
      assert.equal(after?.state, 'in_review');
      assert.equal(after?.contact?.contactId, contactId);
      assert.equal(after?.contact?.name, '홍길동');
    });

    test('editing the contact once changes the published page (and the API), audited', async () => {
      await t.app.inject({ method: 'GET', url: publicPath }); // cached now
      const saved = await editor.post(`/admin/contacts/${contactId}`, { language: 'ko', name: '홍길동', role: '대변인', phone: '02-748-6111', email: 'spokes@mnd.example' });
      assert.equal(saved.statusCode, 303);
      await t.settled();
      const page = await t.app.inject({ method: 'GET', url: publicPath });
      assert.match(contactSection(page.body), /홍길동, 대변인/);
      assert.match(contactSection(page.body), /02-748-6111/);
      assert.match(contactSection(page.body), /spokes@mnd\.example/);
      assert.doesNotMatch(contactSection(page.body), /02-748-6000/);
      const release = await t.system.releases.getRelease(releaseId);
      const api = await t.app.inject({ method: 'GET', url: `/api/v1/boards/press-releases/releases/ko/${release!.number}` });
      assert.equal(api.statusCode, 200);
      assert.match(api.body, /02-748-6111/);
      const [entry] = await t.system.audit.list({ action: 'press_contact.updated', limit: 1 });
      assert.deepEqual((entry!.details as { changed: Record<string, unknown> }).changed.phone, { from: '02-748-6000', to: '02-748-6111' });
      assert.deepEqual((entry!.details as { releases: number[] }).releases, [releaseId]);
    });

    test('deleting the contact leaves the release with the details it was saved with', async () => {
      const deleted = await editor.post(`/admin/contacts/${contactId}/delete`);
      assert.equal(deleted.statusCode, 303);
      await t.settled();
      const page = await t.app.inject({ method: 'GET', url: publicPath });
      assert.match(contactSection(page.body), /02-748-6000/);
      assert.equal((await editor.get(`/admin/contacts/${contactId}`)).statusCode, 404);
      assert.equal((await t.system.audit.list({ action: 'press_contact.deleted', limit: 1 })).length, 1);
    });

    test('the directory page is in Korean for Korean staff', async () => {
      const ko = await editor.get('/language?to=ko&next=/admin/contacts');
      assert.ok([302, 303].includes(ko.statusCode));
      const page = await editor.get('/admin/contacts');
      assert.match(page.body, /<h1>언론 담당자<\/h1>/);
      assert.match(page.body, /언론 담당자 추가/);
    });
  });
}
