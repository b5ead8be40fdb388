import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import { userDisableCommand } from '../../src/cli/user-disable.command.js';
import { userEnableCommand } from '../../src/cli/user-enable.command.js';
import { userSetRoleCommand } from '../../src/cli/user-set-role.command.js';
import { StaffBrowser, staffUser } from '../support/admin-web.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const PASSWORD = 'correct horse battery staple';
const client = { ip: '192.0.2.9', userAgent: 'test' };

/** Runs a CLI command with its console output captured. */
async function cli(t: TestContext, run: () => Promise<number>): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = t.mock.method(console, 'log', (...args: unknown[]) => void lines.push(args.join(' ')));
  const err = t.mock.method(console, 'error', (...args: unknown[]) => void lines.push(args.join(' ')));
  try {
    return { code: await run(), out: lines.join('\n') };
  } finally {
    log.mock.restore();
    err.mock.restore();
  }
}

for (const { kind, skip } of databaseKinds()) {
  describe(`staff offboarding (pressroom user disable / enable / set-role) on ${kind}`, { skip }, () => {
    let web: TestWeb;
    let boss: StaffActor;
    before(async () => {
      web = await createTestWeb(kind);
      await buildBoard(web.system, { slug: 'press-releases' });
      const admin = await web.system.accounts.createUser({ email: 'boss@press.example', name: 'Boss', role: 'admin', password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
      boss = { userId: admin.id, label: admin.email, ip: null, role: 'admin' };
    });
    after(async () => web?.close());

    const api = (secret: string) => web.app.inject({ method: 'POST', url: '/api/v1/releases', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, payload: JSON.stringify({ board: 'press-releases', language: 'en', title: 'Offboarding check', body_markdown: 'Body.', department: 'Press office' }) });

    test('disabling ends the signed-in session and refuses the API token on the next request; enabling restores sign-in and the token', async (t) => {
      const editor = new StaffBrowser(web, staffUser('editor'));
      assert.equal((await editor.get('/admin')).statusCode, 200);
      const { secret } = await web.system.apiTokens.create({ name: 'newswire', ownerEmail: editor.user.email, scopes: ['drafts:write'] }, boss);
      assert.equal((await api(secret)).statusCode, 201);

      const disabled = await cli(t, () => userDisableCommand.run(web.system, [editor.user.email.toUpperCase()]));
      assert.equal(disabled.code, 0, disabled.out);
      assert.match(disabled.out, /Disabled editor account editor\d+@press\.example .*1 session ended; its API tokens are refused/);

      const afterDisable = await editor.get('/admin');
      assert.notEqual(afterDisable.statusCode, 200);
      assert.match(String(afterDisable.headers.location), /^\/admin\/login/);
      const refused = await api(secret);
      assert.equal(refused.statusCode, 401);
      assert.match((refused.json() as { errors: { message: string }[] }).errors[0]?.message ?? '', /owner can no longer sign in/);
      assert.equal((await web.system.accounts.authenticate({ email: editor.user.email, password: PASSWORD, ...client })).outcome, 'refused');

      const again = await cli(t, () => userDisableCommand.run(web.system, [editor.user.email]));
      assert.equal(again.code, 0);
      assert.match(again.out, /already disabled/);

      const enabled = await cli(t, () => userEnableCommand.run(web.system, [editor.user.email]));
      assert.equal(enabled.code, 0, enabled.out);
      assert.match(enabled.out, /Enabled editor account/);
      assert.equal((await web.system.accounts.authenticate({ email: editor.user.email, password: PASSWORD, ...client })).outcome, 'session');
      assert.equal((await api(secret)).statusCode, 201);

      const subject = String(editor.user.id);
      const actions = (await web.system.audit.list({ subjectType: 'user', subjectId: subject, limit: 50 })).map((e) => e.action);
      assert.equal(actions.filter((a) => a === 'user.disabled').length, 1, 'disabling twice is audited once');
      assert.ok(actions.includes('user.enabled'));
      const [entry] = await web.system.audit.list({ action: 'user.disabled', subjectId: subject, limit: 1 });
      assert.equal(entry?.actor.label, 'system:cli');
      assert.equal(entry?.details.endedSessions, 1);
    });

    test('a role change applies to the next request and is audited with both roles', async (t) => {
      const admin = new StaffBrowser(web, staffUser('admin'));
      assert.equal((await admin.get('/admin/tokens')).statusCode, 200);
      const changed = await cli(t, () => userSetRoleCommand.run(web.system, [admin.user.email, 'writer']));
      assert.equal(changed.code, 0, changed.out);
      assert.match(changed.out, /is now a writer \(was admin\)/);
      assert.equal((await admin.get('/admin/tokens')).statusCode, 403);
      const [entry] = await web.system.audit.list({ action: 'user.role_changed', subjectId: String(admin.user.id), limit: 1 });
      assert.deepEqual([entry?.details.from, entry?.details.to], ['admin', 'writer']);

      const bad = await cli(t, () => userSetRoleCommand.run(web.system, [admin.user.email, 'owner']));
      assert.equal(bad.code, 1);
      assert.match(bad.out, /ROLE: Choose one of: viewer, writer, editor, admin/);
      const unknown = await cli(t, () => userDisableCommand.run(web.system, ['nobody@press.example']));
      assert.equal(unknown.code, 1);
      assert.match(unknown.out, /No staff account has the email address nobody@press\.example/);
    });

    test('the last active administrator can be neither disabled nor demoted', async (t) => {
      // Every other administrator made by earlier tests is gone or demoted; boss is the only one.
      for (const user of await web.system.accounts.users.list()) {
        if (user.role === 'admin' && user.email !== 'boss@press.example') await web.system.accounts.setRole({ email: user.email, role: 'editor' }, { userId: null, label: 'system:test', ip: null });
      }
      const disable = await cli(t, () => userDisableCommand.run(web.system, ['boss@press.example']));
      assert.equal(disable.code, 1);
      assert.match(disable.out, /boss@press\.example is the only active administrator; disabling it would leave nobody to manage staff/);
      const demote = await cli(t, () => userSetRoleCommand.run(web.system, ['boss@press.example', 'editor']));
      assert.equal(demote.code, 1);
      assert.match(demote.out, /only active administrator; demoting it/);

      // A disabled administrator does not count as a second one.
      await web.system.accounts.createUser({ email: 'deputy@press.example', name: 'Deputy', role: 'admin', password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
      assert.equal((await cli(t, () => userDisableCommand.run(web.system, ['deputy@press.example']))).code, 0);
      assert.equal((await cli(t, () => userSetRoleCommand.run(web.system, ['boss@press.example', 'editor']))).code, 1);
      assert.equal((await cli(t, () => userEnableCommand.run(web.system, ['deputy@press.example']))).code, 0);
      assert.equal((await cli(t, () => userSetRoleCommand.run(web.system, ['boss@press.example', 'editor']))).code, 0);
      assert.equal((await web.system.accounts.users.byEmail('boss@press.example'))?.role, 'editor');
    });
  });
}
