import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard } from '../support/factories.js';
import type { TestWeb } from '../support/web.js';

describe('admin audit log over HTTP', () => {
  let t: TestWeb;
  let admin: StaffBrowser;
  let editor: StaffBrowser;
  let writer: StaffBrowser;
  let releaseId: number;

  before(async () => {
    t = await createAdminTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    admin = new StaffBrowser(t, staffUser('admin', 'Admin Han'));
    editor = new StaffBrowser(t, staffUser('editor', 'Editor Oh'));
    writer = new StaffBrowser(t, staffUser('writer', 'Writer Jung'));
    const created = await writer.post('/admin/releases', { boardSlug: 'press-releases', language: 'en', title: 'Audited release', bodyMarkdown: 'Body.' });
    releaseId = Number(/\/admin\/releases\/(\d+)/.exec(String(created.headers.location))?.[1]);
    await writer.post(`/admin/releases/${releaseId}/submit`);
    await editor.post(`/admin/releases/${releaseId}/reject`, { comment: 'Add the minister quote' });
  });
  after(async () => t?.close());

  test('an administrator sees every action, newest first, with who did it', async () => {
    const res = await admin.get('/admin/audit');
    assert.equal(res.statusCode, 200);
    const actions = [...res.body.matchAll(/<td>(release\.[a-z_]+)<\/td>/g)].map((m) => m[1]);
    assert.deepEqual(actions.slice(0, 3), ['release.rejected', 'release.submitted', 'release.created']);
    assert.match(res.body, /editor\d+@press\.example/);
    assert.match(res.body, /Add the minister quote/);
    assert.match(res.body, new RegExp(`href="/admin/releases/${releaseId}"`));
  });

  test('filters by action and by subject', async () => {
    const byAction = await admin.get('/admin/audit?action=release.submitted');
    assert.match(byAction.body, /<td>release\.submitted<\/td>/);
    assert.doesNotMatch(byAction.body, /<td>release\.(created|rejected)<\/td>/);
    const bySubject = await admin.get(`/admin/audit?subjectType=release&subjectId=${releaseId + 1000}`);
    assert.match(bySubject.body, /No entries match/);
  });

  test('is for administrators only', async () => {
    assert.equal((await editor.get('/admin/audit')).statusCode, 403);
    assert.equal((await writer.get('/admin/audit')).statusCode, 403);
    assert.doesNotMatch((await editor.get('/admin')).body, /href="\/admin\/audit"/);
    assert.match((await admin.get('/admin')).body, /href="\/admin\/audit"/);
  });
});
