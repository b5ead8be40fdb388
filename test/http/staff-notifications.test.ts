import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard } from '../support/factories.js';
import type { TestWeb } from '../support/web.js';

describe('staff notifications in the admin: the dashboard list and the email choice', () => {
  let web: TestWeb;
  let writer: StaffBrowser;
  let editor: StaffBrowser;
  before(async () => {
    web = await createAdminTestWeb();
    writer = new StaffBrowser(web, staffUser('writer', 'Writer Jung'));
    editor = new StaffBrowser(web, staffUser('editor', 'Editor Oh'));
    await writer.get('/admin');
    await editor.get('/admin');
  });
  after(() => web.close());

  test('a submission shows on the editor dashboard, unread, then marked read (CSRF checked)', async () => {
    const board = await buildBoard(web.system);
    const actor = { userId: writer.user.id!, label: 'Writer Jung', ip: null, role: 'writer' as const };
    const { release } = await web.system.commands.createRelease({ boardSlug: board.slug, language: 'en', title: 'Port <b>reopens</b>', subtitle: [], bodyMarkdown: 'Body.', embargoUntil: null }, actor);
    await web.system.commands.submitRelease(release.id, actor);
    await web.system.distribution.run();
    const dash = await editor.get('/admin');
    assert.match(dash.body, /id="notifications-unread">\(1 unread\)/);
    assert.match(dash.body, new RegExp(`<a href="/admin/releases/${release.id}">Writer Jung submitted “Port &lt;b>reopens&lt;/b>” for review</a>`));
    assert.doesNotMatch((await writer.get('/admin')).body, /submitted “Port/, 'not to the writer who did it');
    assert.equal((await editor.post('/admin/notifications/read', {}, { csrf: false })).statusCode, 403);
    const read = await editor.post('/admin/notifications/read');
    assert.equal(read.statusCode, 303);
    const after = await editor.get(String(read.headers.location));
    assert.match(after.body, /Notifications marked as read/);
    assert.match(after.body, /\(none unread\)/);
  });

  test('the account page saves the email choice; in Korean too', async () => {
    const page = await writer.get('/admin/account/notifications');
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /name="byEmail" value="1" checked/);
    const saved = await writer.post('/admin/account/notifications', { present: '1', byEmail: '1' });
    assert.equal(saved.statusCode, 303);
    assert.match((await writer.get(String(saved.headers.location))).body, /name="byEmail" value="1" checked/);
    assert.equal(await web.system.distribution.notifications.repo.emailPreference(writer.user.id!), true);
    await writer.post('/admin/account/notifications', { present: '1' });
    assert.equal(await web.system.distribution.notifications.repo.emailPreference(writer.user.id!), false);
    await writer.get('/language?to=ko&next=/admin/account/notifications');
    const ko = await writer.get('/admin/account/notifications');
    assert.match(ko.body, /알림을 이메일로도 받기/);
  });
});
