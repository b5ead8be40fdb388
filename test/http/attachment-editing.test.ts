import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard, jpegBytes, pdfBytes } from '../support/factories.js';
import type { TestWeb } from '../support/web.js';

const idFrom = (location: unknown) => Number(/\/admin\/releases\/(\d+)/.exec(String(location))?.[1]);

// Caption, credit, alt text, order and removal of attachments after upload, signed in for real.
describe('editing attachments in the admin', () => {
  let t: TestWeb;
  let writer: StaffBrowser;
  let editor: StaffBrowser;
  let viewer: StaffBrowser;

  before(async () => {
    t = await createAdminTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    writer = new StaffBrowser(t, staffUser('writer', 'Edit Writer'));
    editor = new StaffBrowser(t, staffUser('editor', 'Edit Editor'));
    viewer = new StaffBrowser(t, staffUser('viewer', 'Edit Viewer'));
  });
  after(async () => t?.close());

  async function draftWithFiles(title: string) {
    const res = await writer.post('/admin/releases', { boardSlug: 'press-releases', language: 'en', title, bodyMarkdown: 'Body.' });
    const id = idFrom(res.headers.location);
    const up = await writer.upload(`/admin/releases/${id}/attachments`, [
      { name: 'briefing.pdf', bytes: await pdfBytes('a') },
      { name: 'photo.jpg', bytes: await jpegBytes(80, 60) },
      { name: 'annex.pdf', bytes: await pdfBytes('b') },
    ]);
    assert.equal(up.statusCode, 303, up.body.slice(0, 300));
    const editionId = (await t.system.editions.latestEdition(id))!.id;
    return { id, editionId, files: await t.system.attachments.attachmentsOf(editionId) };
  }
  const names = async (editionId: number) => (await t.system.attachments.attachmentsOf(editionId)).map((a) => a.fileName);
  const audit = async (id: number, action: string) => t.system.audit.list({ action, subjectType: 'release', subjectId: String(id), limit: 10 });

  test('the draft page offers a form per attachment, move buttons and remove, without script', async () => {
    const { id, files } = await draftWithFiles('Page with attachment forms');
    const page = (await writer.get(`/admin/releases/${id}`)).body;
    const photo = files[1]!;
    assert.match(page, new RegExp(`<form method="post" action="/admin/releases/${id}/attachments/${photo.id}"><input type="hidden" name="_csrf"`));
    assert.match(page, new RegExp(`<label for="field-attachment-${photo.id}-altText">Alt text \\(required before publishing\\)</label>`));
    assert.match(page, new RegExp(`action="/admin/releases/${id}/attachments/${files[0]!.id}/move"><input type="hidden" name="_csrf" value="[^"]+"/><input type="hidden" name="direction" value="down"/>`));
    assert.doesNotMatch(page, new RegExp(`attachments/${files[0]!.id}/move"><input type="hidden" name="_csrf" value="[^"]+"/><input type="hidden" name="direction" value="up"`), 'the first cannot move up');
    assert.match(page, new RegExp(`action="/admin/releases/${id}/attachments/${files[2]!.id}/remove"`));
    assert.match(page, /Remove<span class="visually-hidden"> annex\.pdf<\/span>/);
    const seen = (await viewer.get(`/admin/releases/${id}`)).body;
    assert.doesNotMatch(seen, /\/attachments\/\d+\/(move|remove)"/, 'a viewer gets no edit controls');
  });

  test('caption, credit and alt text are saved and audited; too long is refused with the field named', async () => {
    const { id, files } = await draftWithFiles('Texts');
    const photo = files[1]!;
    const res = await writer.post(`/admin/releases/${id}/attachments/${photo.id}`, { caption: ' Minister at the port ', credit: 'Press team', altText: 'The minister speaks at the port' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.match(String(res.headers.location), /done=attachment_updated/);
    const saved = (await t.system.attachments.getAttachment(photo.id))!;
    assert.deepEqual([saved.caption, saved.credit, saved.altText], ['Minister at the port', 'Press team', 'The minister speaks at the port']);
    const [entry] = await audit(id, 'attachment.updated');
    assert.equal(entry!.actor.userId, writer.user.id);
    assert.deepEqual(entry!.details, { attachmentId: photo.id, fileName: 'photo.jpg', changed: ['caption', 'credit', 'altText'] });
    assert.match((await writer.get(`/admin/releases/${id}?done=attachment_updated`)).body, /The attachment has been saved\./);

    const tooLong = await writer.post(`/admin/releases/${id}/attachments/${photo.id}`, { caption: 'x'.repeat(501), credit: '', altText: 'kept' });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /<a href="#field-attachments">A caption has at most 500 characters<\/a>/);
    assert.match(tooLong.body, new RegExp(`<div id="field-attachment-${photo.id}-caption-error"><p class="field-error"><span class="visually-hidden">Error: </span>A caption has at most 500 characters`));
    assert.equal((await t.system.attachments.getAttachment(photo.id))!.caption, 'Minister at the port');
  });

  test('move up and down reorder, at the ends nothing moves, and every move is audited', async () => {
    const { id, editionId, files } = await draftWithFiles('Order');
    assert.equal((await writer.post(`/admin/releases/${id}/attachments/${files[2]!.id}/move`, { direction: 'up' })).statusCode, 303);
    assert.deepEqual(await names(editionId), ['briefing.pdf', 'annex.pdf', 'photo.jpg']);
    assert.equal((await writer.post(`/admin/releases/${id}/attachments/${files[0]!.id}/move`, { direction: 'down' })).statusCode, 303);
    assert.deepEqual(await names(editionId), ['annex.pdf', 'briefing.pdf', 'photo.jpg']);
    assert.equal((await writer.post(`/admin/releases/${id}/attachments/${files[1]!.id}/move`, { direction: 'down' })).statusCode, 303);
    assert.deepEqual(await names(editionId), ['annex.pdf', 'briefing.pdf', 'photo.jpg'], 'the last stays last');
    assert.equal((await writer.post(`/admin/releases/${id}/attachments/${files[0]!.id}/move`, { direction: 'sideways' })).statusCode, 400);
    const moves = await audit(id, 'attachment.reordered');
    assert.equal(moves.length, 2);
    assert.deepEqual(moves.map((m) => m.details.direction).sort(), ['down', 'up']);
  });

  test('remove takes the file off the draft, audited, and the rest close up', async () => {
    const { id, editionId, files } = await draftWithFiles('Remove');
    const res = await writer.post(`/admin/releases/${id}/attachments/${files[0]!.id}/remove`);
    assert.equal(res.statusCode, 303);
    assert.deepEqual(await names(editionId), ['photo.jpg', 'annex.pdf']);
    assert.deepEqual((await t.system.attachments.attachmentsOf(editionId)).map((a) => a.position), [1, 2]);
    const [entry] = await audit(id, 'attachment.removed');
    assert.equal(entry!.details.fileName, 'briefing.pdf');
    assert.equal((await writer.post(`/admin/releases/${id}/attachments/${files[0]!.id}/remove`)).statusCode, 404, 'already gone');
  });

  test('only on a draft, only staff who may edit, only the draft’s own attachments', async () => {
    const { id, editionId, files } = await draftWithFiles('Guarded');
    const other = await draftWithFiles('Someone else’s');
    assert.equal((await writer.post(`/admin/releases/${id}/attachments/${other.files[0]!.id}/remove`)).statusCode, 404);
    assert.equal((await viewer.post(`/admin/releases/${id}/attachments/${files[0]!.id}/remove`)).statusCode, 403);
    assert.equal((await writer.post(`/admin/releases/${id}/attachments/${files[0]!.id}/remove`, {}, { csrf: false })).statusCode, 403);

    // Alt text is still required before publishing: the photo has none.
    assert.equal((await writer.post(`/admin/releases/${id}/submit`)).statusCode, 303);
    const refused = await writer.post(`/admin/releases/${id}/attachments/${files[1]!.id}`, { caption: 'late', credit: '', altText: 'late' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Cannot edit an edition that is in review/);
    assert.equal((await writer.post(`/admin/releases/${id}/attachments/${files[0]!.id}/remove`)).statusCode, 409);
    assert.equal((await writer.post(`/admin/releases/${id}/attachments/${files[2]!.id}/move`, { direction: 'up' })).statusCode, 409);
    assert.deepEqual(await names(editionId), ['briefing.pdf', 'photo.jpg', 'annex.pdf']);
    assert.equal((await t.system.attachments.getAttachment(files[1]!.id))!.caption, '');

    assert.equal((await editor.post(`/admin/releases/${id}/approve`)).statusCode, 303);
    const publish = await editor.post(`/admin/releases/${id}/publish`);
    assert.equal(publish.statusCode, 409);
    assert.match(publish.body, /Add alt text to the image &quot;photo\.jpg&quot;|Add alt text to the image "photo\.jpg"/);
  });

  test('uploads are audited as attachment.added with who uploaded them', async () => {
    const { id, files } = await draftWithFiles('Upload audit');
    const added = await audit(id, 'attachment.added');
    assert.deepEqual(added.map((e) => e.details.fileName).sort(), ['annex.pdf', 'briefing.pdf', 'photo.jpg']);
    assert.ok(added.every((e) => e.actor.userId === writer.user.id && e.actor.label === writer.user.email));
    assert.ok(added.some((e) => e.details.attachmentId === files[1]!.id && e.details.mimeType === 'image/jpeg'));
  });
});
