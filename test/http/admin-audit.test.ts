import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { parseCsv } from '../support/csv.js';
import { buildBoard } from '../support/factories.js';
import type { TestWeb } from '../support/web.js';

/** The actions shown in the audit table, top to bottom (the code under each action's name). */
const actionsOf = (html: string) => [...html.matchAll(/<code class="hint">([a-z_]+\.[a-z_]+)<\/code>/g)].map((m) => m[1]);
/** The same, releases' actions only (sign-ins and accounts made by the test are audited too). */
const releaseActionsOf = (html: string) => actionsOf(html).filter((a) => a?.startsWith('release.'));

describe('admin audit log over HTTP', () => {
  let t: TestWeb;
  let admin: StaffBrowser;
  let editor: StaffBrowser;
  let writer: StaffBrowser;
  let releaseId: number;
  let koreanId: number;

  before(async () => {
    t = await createAdminTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    admin = new StaffBrowser(t, staffUser('admin', 'Admin Han'));
    editor = new StaffBrowser(t, staffUser('editor', 'Editor Oh'));
    writer = new StaffBrowser(t, staffUser('writer', 'Writer Jung'));
    // 23:00 on 20 November in Seoul; everyone signs in first (sign-ins are audited too).
    t.clock.set(new Date('2026-11-20T14:00:00Z'));
    for (const who of [admin, editor, writer]) await who.get('/admin');
    const created = await writer.post('/admin/releases', { boardSlug: 'press-releases', language: 'en', title: 'Audited release', bodyMarkdown: 'Body.' });
    releaseId = Number(/\/admin\/releases\/(\d+)/.exec(String(created.headers.location))?.[1]);
    await writer.post(`/admin/releases/${releaseId}/submit`);
    // 00:30 on 21 November in Seoul.
    t.clock.set(new Date('2026-11-20T15:30:00Z'));
    await editor.post(`/admin/releases/${releaseId}/reject`, { comment: 'Add the minister quote' });
    const korean = await writer.post('/admin/releases', { boardSlug: 'press-releases', language: 'ko', title: '=국방부 합동 브리핑', bodyMarkdown: '본문.' });
    koreanId = Number(/\/admin\/releases\/(\d+)/.exec(String(korean.headers.location))?.[1]);
  });
  after(async () => t?.close());

  test('entries read as words: names, release titles, the action and a one-line summary, details folded', async () => {
    const res = await admin.get('/admin/audit');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(releaseActionsOf(res.body), ['release.created', 'release.rejected', 'release.submitted', 'release.created']);
    assert.match(res.body, /<td><span translate="no">Editor Oh<\/span><span class="hint"> \(editor\d+@press\.example/, 'the name, with the account beside it');
    assert.match(res.body, new RegExp(`<a href="/admin/releases/${releaseId}">Audited release</a>`));
    assert.match(res.body, /<td>Sent back <code class="hint">release\.rejected<\/code><\/td>/);
    assert.match(res.body, /<td class="audit-what">Comment: Add the minister quote<details><summary>All details<\/summary><dl translate="no"><dt><code>comment<\/code><\/dt><dd>Add the minister quote<\/dd><\/dl><\/details><\/td>/);
    assert.match(res.body, /Edition 1/);
    assert.doesNotMatch(res.body, /\{&quot;|\{"comment"/, 'no raw JSON on the page');
  });

  test('the pickers offer every person and every recorded action, and keep what was chosen', async () => {
    const res = await admin.get(`/admin/audit?person=${editor.user.id}&action=release.rejected&from=2026-11-21&to=2026-11-21`);
    assert.match(res.body, new RegExp(`<option value="${editor.user.id}" selected translate="no">Editor Oh \\(editor\\d+@press\\.example\\)</option>`));
    assert.match(res.body, new RegExp(`<option value="${writer.user.id}" translate="no">Writer Jung`));
    assert.match(res.body, /<option value="release\.rejected" selected>Sent back<\/option>/);
    assert.match(res.body, /<option value="release\.submitted">Submitted for review<\/option>/);
    assert.match(res.body, /<input type="date" id="filter-from" name="from" value="2026-11-21"/);
    assert.match(res.body, new RegExp(`<option value="${koreanId}" label="=국방부 합동 브리핑"></option>`), 'recent releases in the release picker');
  });

  test('filters by person, release, action and Seoul days, alone and together', async () => {
    const byPerson = await admin.get(`/admin/audit?person=${editor.user.id}`);
    assert.deepEqual(actionsOf(byPerson.body), ['release.rejected', 'user.login_succeeded']);
    const byRelease = await admin.get(`/admin/audit?release=${releaseId}`);
    assert.deepEqual(actionsOf(byRelease.body), ['release.rejected', 'release.submitted', 'release.created']);
    const byAction = await admin.get('/admin/audit?action=release.submitted');
    assert.deepEqual(actionsOf(byAction.body), ['release.submitted']);
    const day20 = await admin.get(`/admin/audit?release=${releaseId}&from=2026-11-20&to=2026-11-20`);
    assert.deepEqual(actionsOf(day20.body), ['release.submitted', 'release.created']);
    const from21 = await admin.get(`/admin/audit?person=${writer.user.id}&from=2026-11-21`);
    assert.deepEqual(actionsOf(from21.body), ['release.created']);
    const to20 = await admin.get(`/admin/audit?person=${writer.user.id}&to=2026-11-20`);
    assert.deepEqual(actionsOf(to20.body), ['release.submitted', 'release.created', 'user.login_succeeded']);
    assert.match(from21.body, /=국방부 합동 브리핑/);
    const none = await admin.get(`/admin/audit?release=${releaseId + 1000}`);
    assert.match(none.body, /No entries match/);
    const oldLink = await admin.get('/admin/audit?subjectType=user');
    assert.ok(actionsOf(oldLink.body).every((a) => a?.startsWith('user.')), 'links by subject type still filter');
  });

  test('pages of 100 follow one another by entry, with none skipped when many share a millisecond', async () => {
    const at = t.clock.now();
    for (let i = 0; i < 130; i++) await t.system.audit.record({ at, actor: { userId: null, label: 'system:test', ip: null }, action: 'files.migrated', subjectType: 'file_store', subjectId: null, details: { batch: i } });
    const first = await admin.get('/admin/audit?action=files.migrated');
    const older = /<a href="(\/admin\/audit\?action=files\.migrated&amp;before=\d+)">Older entries<\/a>/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(older, 'an older-entries link');
    const second = await admin.get(older);
    const batches = (html: string) => [...html.matchAll(/<dt><code>batch<\/code><\/dt><dd>(\d+)<\/dd>/g)].map((m) => Number(m[1]));
    assert.equal(batches(first.body).length, 100);
    assert.deepEqual([...batches(first.body), ...batches(second.body)], Array.from({ length: 130 }, (_, i) => 129 - i));
    assert.doesNotMatch(second.body, /Older entries/);
    assert.match(second.body, /<a href="\/admin\/audit\?action=files\.migrated">Newest entries<\/a>/);
  });

  test('the CSV export has the filtered rows in words, UTF-8 with a BOM, as an attachment', async () => {
    const res = await admin.get(`/admin/audit.csv?person=${writer.user.id}&action=release.created`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="audit-2026-11-21\.csv"$/);
    assert.equal(res.headers['cache-control'], 'no-store');
    const bytes = res.rawPayload;
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark for Excel');
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    assert.deepEqual(rows[0], ['Time (Asia/Seoul)', 'Who', 'Account or actor', 'Address', 'Action', 'Action code', 'Subject', 'Subject id', 'What happened', 'Details (JSON)']);
    const data = rows.slice(1).filter((r) => r.length > 1);
    assert.deepEqual(data.map((r) => [r[5], r[7]]), [['release.created', String(koreanId)], ['release.created', String(releaseId)]], 'only the filtered entries');
    assert.equal(data[0]![0], '2026-11-21 00:30:00');
    assert.equal(data[0]![1], 'Writer Jung');
    assert.equal(data[0]![6], "'=국방부 합동 브리핑", 'Korean survives; a leading = is kept as text, not run as a formula');
    assert.equal(data[1]![8], 'Board press-releases, language English');
  });

  test('the CSV export speaks the staff member’s language', async () => {
    const { cookie } = await admin.credentials();
    const res = await t.app.inject({ method: 'GET', url: `/admin/audit.csv?release=${releaseId}&action=release.rejected`, headers: { cookie: `${cookie}; pressroom_lang=ko` } });
    const rows = parseCsv(res.rawPayload.subarray(3).toString('utf8')).filter((r) => r.length > 1);
    assert.equal(rows[0]![0], '시각(Asia/Seoul)');
    assert.deepEqual([rows[1]![4], rows[1]![8]], ['반려', '의견: Add the minister quote']);
    assert.equal(rows.length, 2);
  });

  test('is for administrators only', async () => {
    assert.equal((await editor.get('/admin/audit')).statusCode, 403);
    assert.equal((await writer.get('/admin/audit')).statusCode, 403);
    assert.equal((await editor.get('/admin/audit.csv')).statusCode, 403);
    assert.doesNotMatch((await editor.get('/admin')).body, /href="\/admin\/audit"/);
    assert.match((await admin.get('/admin')).body, /href="\/admin\/audit"/);
  });
});
