import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import type { Role } from '../../src/domain/user.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

const SYSTEM = { userId: null, label: 'system:test', ip: null };

for (const { kind, skip } of databaseKinds()) {
  describe(`staff notifications on ${kind}`, { skip }, () => {
    let t: TestSystem;
    const people = {} as Record<'writer' | 'editor' | 'editor2' | 'admin' | 'viewer', StaffActor & { email: string }>;
    before(async () => {
      t = await createTestSystem(kind);
      for (const [key, role, name] of [
        ['writer', 'writer', 'Writer Jung'],
        ['editor', 'editor', 'Editor Oh'],
        ['editor2', 'editor', 'Editor Seo'],
        ['admin', 'admin', 'Admin Kang'],
        ['viewer', 'viewer', 'Viewer Min'],
      ] as const) {
        const email = `${key}@ministry.example`;
        const user = await t.system.accounts.createUser({ email, name, role: role as Role, password: 'correct horse battery staple' }, SYSTEM);
        people[key] = { userId: user.id, label: name, ip: null, role: role as Role, email };
      }
    });
    after(() => t.close());

    const n = () => t.system.distribution.notifications;
    const texts = async (who: keyof typeof people) => (await n().repo.list(people[who].userId!, 50)).map((x) => `${x.kind}|${x.details.title}|${x.details.actor}${x.details.comment ? `|${x.details.comment}` : ''}`);

    test('submitted -> editors and admins; sent back, approved, scheduled, published -> the author; preview opened -> its maker', async () => {
      const board = await buildBoard(t.system);
      const { writer, editor } = people;
      const c = t.system.commands;
      const { release } = await c.createRelease({ boardSlug: board.slug, language: 'en', title: 'Port reopens', subtitle: [], bodyMarkdown: 'Body.', embargoUntil: null }, writer);
      await c.submitRelease(release.id, writer);
      await c.rejectRelease(release.id, 'Fix the date', editor);
      await c.submitRelease(release.id, writer);
      await c.approveRelease(release.id, editor);
      await c.scheduleRelease(release.id, new Date(t.clock.now().getTime() + 600_000), editor);
      await c.unscheduleRelease(release.id, editor);
      await c.publishRelease(release.id, editor, {});
      const { token } = await t.system.previewLinks.create(release.id, 'Yonhap desk', editor);
      await t.system.previewLinks.open(token, '203.0.113.9');
      assert.deepEqual(await texts('editor'), [], 'nothing before the sender loop runs: commands notify nobody themselves');

      await t.system.distribution.run();
      await t.system.distribution.run();
      assert.deepEqual((await texts('writer')).reverse(), [
        'release.rejected|Port reopens|Editor Oh|Fix the date',
        'release.approved|Port reopens|Editor Oh',
        'release.scheduled|Port reopens|Editor Oh',
        'release.published|Port reopens|Editor Oh',
      ]);
      assert.deepEqual((await texts('editor')).reverse(), ['release.submitted|Port reopens|Writer Jung', 'release.submitted|Port reopens|Writer Jung', 'preview_link.opened|Port reopens|Yonhap desk']);
      assert.equal((await texts('editor2')).length, 2, 'every editor hears of a submission');
      assert.equal((await texts('admin')).length, 2, 'and administrators');
      assert.deepEqual(await texts('viewer'), []);
      assert.equal(await n().repo.unreadCount(editor.userId!), 3);
    });

    test('mark all read; the count falls to zero, audited', async () => {
      const { editor } = people;
      assert.equal(await n().markAllRead(editor.userId!, editor), 3);
      assert.equal(await n().repo.unreadCount(editor.userId!), 0);
      const [entry] = await t.system.audit.list({ action: 'notifications.read', limit: 1 });
      assert.equal(entry?.details.count, 3);
    });

    test('by email only for people who chose it, through the outbox, in Korean and English', async () => {
      const { writer, editor } = people;
      await n().setEmail(writer.userId!, true, writer);
      assert.equal(await n().repo.emailPreference(writer.userId!), true);
      const board = await buildBoard(t.system);
      const { release } = await t.system.commands.createRelease({ boardSlug: board.slug, language: 'ko', title: '항만 재개', subtitle: [], bodyMarkdown: '본문', embargoUntil: null }, writer);
      await t.system.commands.submitRelease(release.id, writer);
      await t.system.commands.approveRelease(release.id, editor);
      await t.system.distribution.run();
      const toWriter = await t.system.distribution.outbox.listByRecipient(writer.email);
      assert.equal(toWriter.length, 1, 'the approval, once');
      assert.equal(toWriter[0]!.kind, 'staff_notification');
      assert.equal(toWriter[0]!.status, 'held');
      assert.match(toWriter[0]!.subject, /Editor Oh 님이 “항만 재개”을\(를\) 승인했습니다/);
      assert.match(toWriter[0]!.text, /Editor Oh approved “항만 재개”/);
      assert.match(toWriter[0]!.text, new RegExp(`/admin/releases/${release.id}`));
      assert.deepEqual(await t.system.distribution.outbox.listByRecipient(editor.email), [], 'the editor did not choose email');
      const [audit] = await t.system.audit.list({ action: 'notifications.email_on', limit: 1 });
      assert.equal(audit?.subjectId, String(writer.userId));
    });
  });
}
