import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import { StaffBrowser, staffUser } from '../support/admin-web.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, jpegBytes } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const lockVersionIn = (html: string) => /name="lockVersion" value="(\d+)"/.exec(html)?.[1] ?? '';
/** The "Before this can be published" panel: each problem's text and the field it links to. */
const checksIn = (html: string) => {
  const panel = /<section class="notice" aria-labelledby="publication-checks-title"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  return [...panel.matchAll(/<li>(?:<a href="#([^"]+)">)?([^<]*)/g)].map((m) => ({ href: m[1] ?? null, text: m[2]! }));
};
const actorOf = (b: StaffBrowser): StaffActor => ({ userId: b.user.id, label: b.user.email, ip: null, role: b.user.role });

// The admin side of #16's review loop, through the forms a person uses (no browser), on both databases.
for (const { kind, skip } of databaseKinds()) {
  describe(`review loop in the admin on ${kind}`, { skip }, () => {
    let t: TestWeb;
    let writer: StaffBrowser;
    let editor: StaffBrowser;
    let chief: StaffBrowser;
    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      writer = new StaffBrowser(t, staffUser('writer', 'Writer Kim'));
      editor = new StaffBrowser(t, staffUser('editor', 'Editor Lee'));
      chief = new StaffBrowser(t, staffUser('editor', 'Chief Park'));
      for (const b of [writer, editor, chief]) await b.get('/admin');
    });
    after(async () => t?.close());

    async function draft(title: string, withPhoto = false): Promise<{ id: number; photoId: number | null }> {
      const created = await writer.post('/admin/releases', { boardSlug: 'press-releases', language: 'en', title, bodyMarkdown: 'The writer’s text.' });
      const id = Number(/\/admin\/releases\/(\d+)/.exec(String(created.headers.location))?.[1]);
      if (!withPhoto) return { id, photoId: null };
      const edition = (await t.system.editions.latestEdition(id))!;
      const photo = await t.system.commands.attachFile({ editionId: edition.id, fileName: 'minister.jpg', bytes: await jpegBytes(), actor: actorOf(writer) });
      return { id, photoId: photo.id };
    }

    test('saving and submitting show what would block publication, each linking to the field that fixes it', async () => {
      const { id, photoId } = await draft('Checked early', true);
      const page = await writer.get(`/admin/releases/${id}`);
      const saved = await writer.post(`/admin/releases/${id}`, { title: 'Checked early', bodyMarkdown: 'Text.', embargoUntil: '2026-11-20T09:00', lockVersion: lockVersionIn(page.body) });
      assert.equal(saved.statusCode, 303, saved.body);
      const afterSave = checksIn((await writer.get(String(saved.headers.location))).body);
      assert.deepEqual(afterSave.map((c) => c.href), ['field-embargoUntil', `field-attachment-${photoId}-altText`]);
      assert.match(afterSave[0]!.text, /embargo time has already passed/);
      assert.match(afterSave[1]!.text, /Add alt text to the image &quot;minister.jpg&quot;|Add alt text to the image "minister.jpg"/);
      assert.equal((await writer.post(`/admin/releases/${id}/submit`)).statusCode, 303, 'problems warn; they do not stop a submission');
      // In review the writer has no field to fix them with: the alt text points at the attachments.
      const writerView = checksIn((await writer.get(`/admin/releases/${id}`)).body);
      assert.deepEqual(writerView.map((c) => c.href), [null, 'field-attachments']);
      // The editor fixes both in place, without sending it back.
      const editorPage = await editor.get(`/admin/releases/${id}`);
      assert.match(editorPage.body, new RegExp(`<form method="post" action="/admin/releases/${id}/revise"`));
      assert.deepEqual(checksIn(editorPage.body).map((c) => c.href), ['field-embargoUntil', `field-attachment-${photoId}-altText`]);
      const fixed = await editor.post(`/admin/releases/${id}/revise`, { title: 'Checked early', bodyMarkdown: 'Text.', embargoUntil: '2026-11-21T09:00', lockVersion: lockVersionIn(editorPage.body) });
      assert.equal(fixed.statusCode, 303, fixed.body);
      assert.equal((await editor.post(`/admin/releases/${id}/attachments/${photoId}`, { caption: '', credit: '', altText: 'The minister at the port' })).statusCode, 303);
      const clean = await editor.get(`/admin/releases/${id}`);
      assert.deepEqual(checksIn(clean.body), []);
      assert.equal((await t.system.editions.latestEdition(id))?.state, 'in_review');
      assert.doesNotMatch(clean.body, /action="\/admin\/releases\/\d+\/approve"/, 'the editor who fixed it is an author: Approve is not offered');
      assert.match((await chief.get(`/admin/releases/${id}`)).body, /action="\/admin\/releases\/\d+\/approve"/);
      const writerPage = await writer.get(`/admin/releases/${id}`);
      assert.doesNotMatch(writerPage.body, /\/revise"/, 'a writer fixes nothing in review');
      assert.equal((await writer.post(`/admin/releases/${id}/revise`, { title: 'x', bodyMarkdown: 'y', lockVersion: lockVersionIn(editorPage.body) })).statusCode, 403);
    });

    test('a writer recalls a submitted edition from its page; another writer cannot', async () => {
      const { id } = await draft('Recall me');
      await writer.post(`/admin/releases/${id}/submit`);
      const other = new StaffBrowser(t, staffUser('writer'));
      assert.doesNotMatch((await other.get(`/admin/releases/${id}`)).body, /\/recall"/);
      const refused = await other.post(`/admin/releases/${id}/recall`);
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /Only the person who sent this edition for review can recall it/);
      const done = await writer.post(`/admin/releases/${id}/recall`);
      assert.equal(done.statusCode, 303);
      assert.match((await writer.get(String(done.headers.location))).body, /Recalled: the edition is a draft again\./);
      assert.equal((await t.system.editions.latestEdition(id))?.state, 'draft');
    });

    test('an editor assigns a reviewer; the dashboards show what awaits each person and what was sent back', async () => {
      const { id } = await draft('Assign me');
      await writer.post(`/admin/releases/${id}/submit`);
      assert.equal((await editor.post(`/admin/releases/${id}/assign`, { reviewerId: 'x' })).statusCode, 400);
      const assigned = await editor.post(`/admin/releases/${id}/assign`, { reviewerId: String(chief.user.id) });
      assert.equal(assigned.statusCode, 303, assigned.body);
      assert.match((await writer.get(`/admin/releases/${id}`)).body, /Asked to review: Chief Park/);
      const chiefHome = (await chief.get('/admin')).body;
      const section = (name: string, html: string) => new RegExp(`<h2 id="${name}">[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
      assert.match(section('assigned-to-me', chiefHome), /Assign me/);
      assert.match(section('awaiting-my-review', chiefHome), /Assign me/);
      assert.doesNotMatch(section('awaiting-my-review', (await editor.get('/admin')).body), /Assign me/, 'asked of someone else');
      assert.match(section('my-submissions', (await writer.get('/admin')).body), /Assign me/);
      await chief.post(`/admin/releases/${id}/reject`, { comment: 'Add the <b>figures</b> for 2026' });
      const home = (await writer.get('/admin')).body;
      assert.match(home, /Sent back: Add the &lt;b>figures&lt;\/b> for 2026/, 'the comment, escaped');
      assert.match(home, new RegExp(`<a href="/admin/releases/${id}">Assign me</a>`));
    });

    test('a correction in review shows its changes against the live text, escaped, as insertions and deletions', async () => {
      const { id } = await draft('Live title');
      const w = actorOf(writer);
      await t.system.commands.submitRelease(id, w);
      await t.system.commands.approveRelease(id, actorOf(chief));
      await t.system.commands.publishRelease(id, actorOf(chief));
      const correction = await t.system.commands.startCorrection(id, w);
      await t.system.commands.saveDraft(id, { title: 'Live title', bodyMarkdown: 'The writer’s <script>x</script> text.', lockVersion: correction.lockVersion }, w);
      await t.system.commands.submitRelease(id, w);
      const page = (await chief.get(`/admin/releases/${id}`)).body;
      const diff = /<section aria-labelledby="correction-diff-title"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
      assert.match(diff, /Changes against the live text/);
      assert.match(diff, /<ins><span class="visually-hidden">\[Added: <\/span>&lt;script>x&lt;\/script> <span class="visually-hidden"> End of change.\]<\/span><\/ins>/);
      assert.doesNotMatch(diff, /<script>/);
      assert.doesNotMatch((await chief.get(`/admin/releases/${(await draft('No correction')).id}`)).body, /correction-diff-title/, 'a first edition has no live text to compare');
    });

    test('withdrawing asks for confirmation: without the box ticked nothing happens', async () => {
      const { id } = await draft('Withdraw me');
      await t.system.commands.submitRelease(id, actorOf(writer));
      await t.system.commands.approveRelease(id, actorOf(chief));
      await t.system.commands.publishRelease(id, actorOf(chief));
      const page = (await editor.get(`/admin/releases/${id}`)).body;
      assert.match(page, /<input type="checkbox" id="field-confirm" name="confirm" value="1" required/);
      const refused = await editor.post(`/admin/releases/${id}/withdraw`, { reason: '' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /href="#field-reason"/);
      assert.match(refused.body, /<a href="#field-confirm">Tick the box to confirm the withdrawal<\/a>/);
      assert.equal((await t.system.releases.getRelease(id))?.status, 'published');
      assert.equal((await editor.post(`/admin/releases/${id}/withdraw`, { reason: 'Issued in error', confirm: '1' })).statusCode, 303);
      assert.equal((await t.system.releases.getRelease(id))?.status, 'withdrawn');
    });
  });
}
