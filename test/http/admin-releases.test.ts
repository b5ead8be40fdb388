import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseLocalDateTime, toLocalDateTimeValue } from '../../src/web/admin/shared/datetime-local.js';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard, buildRelease, jpegBytes, pdfBytes } from '../support/factories.js';
import type { TestWeb } from '../support/web.js';

const idFrom = (location: unknown) => Number(/\/admin\/releases\/(\d+)/.exec(String(location))?.[1]);
const lockVersionIn = (html: string) => /name="lockVersion" value="(\d+)"/.exec(html)?.[1] ?? '';
const BASE = { boardSlug: 'press-releases', language: 'en', bodyMarkdown: 'First paragraph.', department: 'Press Office' };

describe('datetime-local in the site time zone', () => {
  test('reads wall-clock time in Seoul and writes it back', () => {
    assert.equal(parseLocalDateTime('2026-11-21T09:00', 'Asia/Seoul')?.toISOString(), '2026-11-21T00:00:00.000Z');
    assert.equal(toLocalDateTimeValue(new Date('2026-11-21T00:00:00Z'), 'Asia/Seoul'), '2026-11-21T09:00');
  });
  test('follows daylight saving time where the zone has it', () => {
    assert.equal(parseLocalDateTime('2026-07-01T12:00', 'America/New_York')?.toISOString(), '2026-07-01T16:00:00.000Z');
    assert.equal(parseLocalDateTime('2026-01-01T12:00', 'America/New_York')?.toISOString(), '2026-01-01T17:00:00.000Z');
  });
  test('refuses what is not a real date and time', () => {
    for (const bad of ['', 'tomorrow', '2026-02-31T09:00', '2026-11-21T24:00', '2026-11-21 09:00:00Z']) assert.equal(parseLocalDateTime(bad, 'Asia/Seoul'), null, bad);
  });
});

describe('admin releases over HTTP', () => {
  let t: TestWeb;
  let writer: StaffBrowser;
  let editor: StaffBrowser;
  let otherEditor: StaffBrowser;
  let viewer: StaffBrowser;

  before(async () => {
    t = await createAdminTestWeb({ uploadMaxBytes: 200_000 });
    await buildBoard(t.system, { slug: 'press-releases' });
    writer = new StaffBrowser(t, staffUser('writer', 'Kim Writer'));
    editor = new StaffBrowser(t, staffUser('editor', 'Lee Editor'));
    otherEditor = new StaffBrowser(t, staffUser('editor', 'Park Editor'));
    viewer = new StaffBrowser(t, staffUser('viewer', 'Choi Viewer'));
  });
  after(async () => t?.close());

  async function createDraft(browser: StaffBrowser, title: string): Promise<number> {
    const res = await browser.post('/admin/releases', { ...BASE, title });
    assert.equal(res.statusCode, 303, res.body);
    return idFrom(res.headers.location);
  }

  test('create, edit, submit, approve by another editor, schedule, and the scheduler publishes it', async () => {
    const form = await writer.get('/admin/releases/new');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<html lang="en">/);
    assert.match(form.body, /<label for="field-title">Title<\/label>/);
    assert.match(form.body, /maxlength="300"/);
    // The live list-title line is an enhancement from a same-origin script (CSP script-src 'self').
    const script = /<script src="(\/assets\/admin-list-title-[0-9a-f]{12}\.js)"/.exec(form.body)?.[1];
    assert.ok(script);
    const js = await t.app.inject({ method: 'GET', url: script });
    assert.equal(js.statusCode, 200);
    assert.match(js.headers['content-type'] as string, /^text\/javascript/);

    const id = await createDraft(writer, 'Ministry announces winter safety measures');
    const page = await writer.get(`/admin/releases/${id}?done=created`);
    assert.match(page.body, /Draft created\./);
    assert.match(page.body, /value="Ministry announces winter safety measures"/);

    const saved = await writer.post(`/admin/releases/${id}`, { ...BASE, title: 'Ministry announces winter road safety measures', subtitle: '- Salt stocks doubled\n- Hotline opens', tags: 'roads, winter', lockVersion: lockVersionIn(page.body) });
    assert.equal(saved.statusCode, 303, saved.body);
    assert.equal((await writer.post(`/admin/releases/${id}/submit`)).statusCode, 303);

    // The writer sees no Approve button; an editor who did not write it does.
    assert.doesNotMatch((await writer.get(`/admin/releases/${id}`)).body, /action="\/admin\/releases\/\d+\/approve"/);
    assert.match((await editor.get(`/admin/releases/${id}`)).body, /action="\/admin\/releases\/\d+\/approve"/);
    assert.equal((await editor.post(`/admin/releases/${id}/approve`)).statusCode, 303);

    // 11:00 in Seoul is 02:00 UTC, an hour after the test clock's start (10:00 in Seoul).
    const scheduled = await editor.post(`/admin/releases/${id}/schedule`, { scheduledAt: '2026-11-20T11:00' });
    assert.equal(scheduled.statusCode, 303, scheduled.body);
    const after = await editor.get(`/admin/releases/${id}`);
    assert.match(after.body, /Scheduled for/);
    assert.match(after.body, /2026-11-20 11:00/);

    t.clock.advance(2 * 3600_000);
    assert.equal(await t.system.commands.runDueJobs(), 1);
    const release = (await t.system.releases.getRelease(id))!;
    assert.equal(release.status, 'published');
    const pub = await t.app.inject({ method: 'GET', url: `/en/press-releases/${release.number}` });
    assert.equal(pub.statusCode, 200);
    assert.match(pub.body, /Ministry announces winter road safety measures/);
    assert.match(pub.body, /Salt stocks doubled/);
  });

  test('a refused step lists every reason at once', async () => {
    const id = await createDraft(editor, 'Editor writes and tries to approve');
    const res = await editor.post(`/admin/releases/${id}/approve`);
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Could not approve this release/);
    assert.match(res.body, /Cannot approve an edition that is draft/);
    assert.match(res.body, /You wrote or edited this edition, so you cannot approve it: an editor or admin who has not edited it must approve it/);
  });

  test('a writer cannot approve, and a viewer can read but not write', async () => {
    const id = await createDraft(writer, 'Writer asks for approval');
    await writer.post(`/admin/releases/${id}/submit`);
    const res = await writer.post(`/admin/releases/${id}/approve`);
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /You do not have permission/);
    assert.equal((await t.system.editions.latestEdition(id))!.state, 'in_review');

    const seen = await viewer.get(`/admin/releases/${id}`);
    assert.equal(seen.statusCode, 200);
    assert.match(seen.body, /Writer asks for approval/);
    assert.doesNotMatch(seen.body, /action="\/admin\/releases\/\d+\/(submit|approve|reject)"/);
    assert.equal((await viewer.get('/admin/releases/new')).statusCode, 403);
  });

  test('validation keeps what was typed and links every problem to its field', async () => {
    const res = await writer.post('/admin/releases', { ...BASE, title: '   ', contactName: 'Kim', contactEmail: 'not-an-email', embargoUntil: '2026-13-01T09:00', bodyMarkdown: 'Typed body stays' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /class="error-summary"/);
    assert.match(res.body, /href="#field-embargoUntil"/);
    assert.match(res.body, /href="#field-title">Enter a title/);
    assert.match(res.body, /href="#field-contactEmail"/);
    assert.match(res.body, />Typed body stays<\/textarea>/);
    assert.match(res.body, /value="not-an-email"/);
  });

  test('the form shows how a long title is cut in lists, and previews the Markdown', async () => {
    const title = 'Defence Minister meets visiting Chief of Staff to discuss deterrence and joint exercises';
    const res = await writer.post('/admin/releases', { ...BASE, title, bodyMarkdown: '## Key points\n\n<script>alert(1)</script>', intent: 'preview' });
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes(`${title.slice(0, 64)}...`));
    assert.match(res.body, /<h2>Key points<\/h2>/);
    assert.doesNotMatch(res.body, /<script>alert/);
    assert.equal((await t.system.admin.list({ limit: 100, offset: 0 })).rows.filter((r) => r.title === title).length, 0);
  });

  test('a stale save shows both versions side by side and keeps what was typed', async () => {
    const id = await createDraft(writer, 'Shared draft');
    const stale = lockVersionIn((await writer.get(`/admin/releases/${id}`)).body);
    const fresh = await editor.get(`/admin/releases/${id}`);
    assert.equal((await editor.post(`/admin/releases/${id}`, { ...BASE, title: 'Shared draft', bodyMarkdown: 'Editor rewrote the body.', lockVersion: lockVersionIn(fresh.body) })).statusCode, 303);

    const conflict = await writer.post(`/admin/releases/${id}`, { ...BASE, title: 'Shared draft', bodyMarkdown: 'Writer typed this carefully.', lockVersion: stale });
    assert.equal(conflict.statusCode, 409);
    assert.match(conflict.body, /Someone else saved this release while you were editing it/);
    assert.match(conflict.body, /Saved version/);
    assert.match(conflict.body, /<pre>Editor rewrote the body\.<\/pre>/);
    assert.match(conflict.body, /Your version \(not saved\)/);
    assert.match(conflict.body, /<textarea[^>]*name="bodyMarkdown"[^>]*>Writer typed this carefully\.<\/textarea>/);
    const newVersion = lockVersionIn(conflict.body);
    assert.notEqual(newVersion, stale);

    const merged = await writer.post(`/admin/releases/${id}`, { ...BASE, title: 'Shared draft', bodyMarkdown: 'Merged body.', lockVersion: newVersion });
    assert.equal(merged.statusCode, 303);
    assert.equal((await t.system.editions.latestEdition(id))!.bodyMarkdown, 'Merged body.');
  });

  test('uploads several files at once and refuses a disguised executable and an oversize file', async () => {
    const id = await createDraft(writer, 'Release with files');
    const ok = await writer.upload(`/admin/releases/${id}/attachments`, [
      { name: 'briefing.pdf', bytes: await pdfBytes('briefing'), type: 'application/pdf' },
      { name: 'meeting.jpg', bytes: await jpegBytes(), type: 'image/jpeg' },
    ], { caption: 'At the ministry', altText: 'Officials at a table' });
    assert.equal(ok.statusCode, 303, ok.body);
    const files = await t.system.attachments.attachmentsOf((await t.system.editions.latestEdition(id))!.id);
    assert.deepEqual(files.map((f) => [f.fileName, f.mimeType]), [['briefing.pdf', 'application/pdf'], ['meeting.jpg', 'image/jpeg']]);
    assert.equal(files[1]!.altText, 'Officials at a table');
    const page = await writer.get(`/admin/releases/${id}`);
    assert.match(page.body, /briefing\.pdf/);
    assert.match(page.body, /meeting\.jpg/);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    assert.match(page.body, /type="file" id="field-files" name="files" multiple/);

    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(512, 0)]);
    const refused = await writer.upload(`/admin/releases/${id}/attachments`, [{ name: 'report.pdf', bytes: exe, type: 'application/pdf' }]);
    assert.equal(refused.statusCode, 415);
    assert.match(refused.body, /&quot;report\.pdf&quot; is not an allowed file type|"report\.pdf" is not an allowed file type/);
    assert.match(refused.body, /Allowed: PDF/);

    const big = await writer.upload(`/admin/releases/${id}/attachments`, [{ name: 'huge.pdf', bytes: Buffer.alloc(300_000, 1), type: 'application/pdf' }]);
    assert.equal(big.statusCode, 413);
    assert.match(big.body, /huge\.pdf(&quot;|")? is larger than 195 KB/);
    assert.equal((await t.system.attachments.attachmentsOf((await t.system.editions.latestEdition(id))!.id)).length, 2);
  });

  test('a correction needs a change note, which then shows on the public page', async () => {
    const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Budget briefing' });
    assert.equal((await writer.post(`/admin/releases/${release.id}/correct`)).statusCode, 303);
    const draft = await writer.get(`/admin/releases/${release.id}`);
    assert.match(draft.body, /correction draft has been started|Edit the draft/);
    await writer.post(`/admin/releases/${release.id}`, { ...BASE, title: 'Budget briefing', bodyMarkdown: 'Corrected figure: 12 billion won.', lockVersion: lockVersionIn(draft.body) });
    await writer.post(`/admin/releases/${release.id}/submit`);
    assert.equal((await editor.post(`/admin/releases/${release.id}/approve`)).statusCode, 303);

    const noNote = await editor.post(`/admin/releases/${release.id}/publish`, { changeNote: '' });
    assert.equal(noNote.statusCode, 409);
    assert.match(noNote.body, /Write a public change note, or mark the correction as a minor edit/);
    assert.match(noNote.body, /href="#field-changeNote"/);

    const published = await editor.post(`/admin/releases/${release.id}/publish`, { changeNote: 'Corrected the budget figure' });
    assert.equal(published.statusCode, 303);
    assert.match(String(published.headers.location), /done=corrected/);
    const pub = await t.app.inject({ method: 'GET', url: `/en/press-releases/${release.number}` });
    assert.match(pub.body, /Corrected the budget figure/);
    assert.match(pub.body, /12 billion won/);
  });

  test('withdrawal needs a public reason, kept on the public page', async () => {
    const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Issued by mistake' });
    const refused = await otherEditor.post(`/admin/releases/${release.id}/withdraw`, { reason: '  ' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Give a public reason/);
    const ok = await otherEditor.post(`/admin/releases/${release.id}/withdraw`, { reason: 'Sent before the figures were final', confirm: '1' });
    assert.equal(ok.statusCode, 303);
    const pub = await t.app.inject({ method: 'GET', url: `/en/press-releases/${release.number}` });
    assert.match(pub.body, /Sent before the figures were final/);
  });

  test('a preview link is shown once, listed with its use, and can be revoked', async () => {
    const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Embargoed plan', state: 'approved' });
    // A forged Host (or X-Forwarded-Host) must not change where the link points: PRESSROOM_BASE_URL decides.
    const created = await editor.post(`/admin/releases/${release.id}/preview-links`, { recipient: 'Yonhap News' }, { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } });
    assert.equal(created.statusCode, 201);
    const token = /https:\/\/news\.example\.org\/preview\/([A-Za-z0-9_-]{20,})/.exec(created.body)?.[1];
    assert.ok(token, 'the full preview URL is shown, on the configured base URL');
    assert.doesNotMatch(created.body, /evil\.example/);
    await t.system.previewLinks.open(token, '203.0.113.9');

    const page = await editor.get(`/admin/releases/${release.id}`);
    assert.doesNotMatch(page.body, new RegExp(token));
    assert.match(page.body, /Yonhap News/);
    assert.match(page.body, /<td>1<\/td>/);
    const linkId = /preview-links\/(\d+)\/revoke/.exec(page.body)?.[1];
    assert.equal((await editor.post(`/admin/releases/${release.id}/preview-links/${linkId}/revoke`)).statusCode, 303);
    assert.match((await editor.get(`/admin/releases/${release.id}`)).body, /Revoked 2026-/);
    await assert.rejects(t.system.previewLinks.open(token, null), { code: 'NOT_FOUND' });
    assert.equal((await writer.post(`/admin/releases/${release.id}/preview-links`, { recipient: 'Writer tries' })).statusCode, 403);
  });

  test('revisions compare word by word and restore as a new revision', async () => {
    const id = await createDraft(writer, 'Revision test');
    const page = await writer.get(`/admin/releases/${id}`);
    await writer.post(`/admin/releases/${id}`, { ...BASE, title: 'Revision test', bodyMarkdown: 'Second paragraph wording.', lockVersion: lockVersionIn(page.body) });
    const revs = await t.system.revisions.list((await t.system.editions.latestEdition(id))!.id);
    const [first, second] = [...revs].sort((a, b) => a.revisionNo - b.revisionNo);
    const diff = await writer.get(`/admin/releases/${id}/revisions?from=${first!.id}&to=${second!.id}`);
    assert.equal(diff.statusCode, 200);
    // Each change says what it is to a screen reader (#16).
    assert.match(diff.body, /<del><span class="visually-hidden">\[Removed: <\/span>First<span class="visually-hidden"> End of change.\]<\/span><\/del>/);
    assert.match(diff.body, /<ins><span class="visually-hidden">\[Added: <\/span>Second<span/);

    const current = await writer.get(`/admin/releases/${id}`);
    const restored = await writer.post(`/admin/releases/${id}/revisions/${first!.id}/restore`, { lockVersion: lockVersionIn(current.body) });
    assert.equal(restored.statusCode, 303);
    assert.equal((await t.system.editions.latestEdition(id))!.bodyMarkdown, 'First paragraph.');
    assert.equal((await writer.get(`/admin/releases/${id}/revisions?from=${first!.id}&to=999999`)).statusCode, 404);
  });

  test('the dashboard and the list show work by state, board, language and author', async () => {
    const mine = await createDraft(writer, 'Dashboard draft of the writer');
    const dash = await writer.get('/admin');
    assert.equal(dash.statusCode, 200);
    assert.match(dash.body, /My drafts/);
    assert.match(dash.body, new RegExp(`href="/admin/releases/${mine}"`));
    assert.match(dash.body, /In review/);
    assert.match(dash.body, /Recently published/);

    const list = await viewer.get('/admin/releases?state=draft&language=en&board=press-releases');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Dashboard draft of the writer/);
    assert.doesNotMatch(list.body, /Budget briefing/);
    const onlyMine = await editor.get('/admin/releases?mine=1');
    assert.doesNotMatch(onlyMine.body, /Dashboard draft of the writer/);
    assert.equal((await viewer.get('/admin/releases?state=bogus&page=-3')).statusCode, 200);
    assert.equal((await viewer.get('/admin/releases/99999')).statusCode, 404);
    assert.equal((await viewer.get('/admin/releases/abc')).statusCode, 404);
  });

  test('a form without its CSRF token is refused and changes nothing', async () => {
    const before = (await t.system.admin.list({ limit: 1, offset: 0 })).total;
    const res = await writer.post('/admin/releases', { ...BASE, title: 'Forged' }, { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /The form has expired/);
    assert.equal((await t.system.admin.list({ limit: 1, offset: 0 })).total, before);
  });
});
