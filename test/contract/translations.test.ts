import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import { InvalidStateError } from '../../src/domain/errors.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, jpegBytes, pdfBytes } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

const writer: StaffActor = { userId: 11, label: 'writer@news.example', ip: '192.0.2.10', role: 'writer' };
const editor: StaffActor = { userId: 22, label: 'editor@news.example', ip: '192.0.2.20', role: 'editor' };

for (const { kind, skip } of databaseKinds()) {
  describe(`language versions on ${kind}`, { skip }, () => {
    let t: TestSystem;
    let board: string;
    before(async () => {
      t = await createTestSystem(kind);
      board = (await buildBoard(t.system)).slug;
    });
    after(async () => t?.close());

    test('start translation: a draft in the other language, same board and group, pre-filled with the structure; the source is authoritative', async () => {
      const source = await buildRelease(t.system, {
        boardSlug: board,
        language: 'ko',
        title: '국방부, 급식 개선 방안 발표',
        subtitle: ['기본급식비 인상', '선택형 메뉴 확대'],
        files: [
          { fileName: 'photo.jpg', bytes: await jpegBytes(), caption: '장병 식당', altText: '식판을 든 장병들', credit: '국방부' },
          { fileName: '계획.pdf', bytes: await pdfBytes() },
        ],
      });
      await t.system.commands.setTranslationNeeded(source.release.id, true, writer);
      assert.deepEqual(
        (await t.system.translations.missingTranslations(10)).rows.map((r) => [r.releaseId, r.missing]),
        [[source.release.id, ['en']]],
      );

      const { release, edition } = await t.system.commands.startTranslation(source.release.id, {}, writer);
      assert.equal(release.language, 'en');
      assert.equal(release.boardId, source.release.boardId);
      assert.equal(release.status, 'unpublished');
      assert.equal(edition.state, 'draft');
      assert.deepEqual(edition.subtitle, ['기본급식비 인상', '선택형 메뉴 확대']);
      const files = await t.system.attachments.attachmentsOf(edition.id);
      assert.deepEqual(
        files.map((f) => [f.fileName, f.caption, f.altText, f.credit]),
        [
          ['photo.jpg', '장병 식당', '식판을 든 장병들', '국방부'],
          ['계획.pdf', '', '', ''],
        ],
      );
      const sourceFiles = await t.system.attachments.attachmentsOf(source.edition.id);
      assert.deepEqual(
        files.map((f) => f.sha256),
        sourceFiles.map((f) => f.sha256),
        'the stored bytes are shared',
      );
      assert.notDeepEqual(
        files.map((f) => f.id),
        sourceFiles.map((f) => f.id),
        'each language keeps its own list',
      );

      const versions = await t.system.translations.versionsOf(source.release.id);
      assert.deepEqual(
        versions.map((v) => [v.releaseId, v.language, v.isAuthoritative, v.editionState]),
        [
          [source.release.id, 'ko', true, 'published'],
          [release.id, 'en', false, 'draft'],
        ],
      );
      assert.equal((await t.system.translations.missingTranslations(10)).total, 0, 'no longer missing once a version exists');

      await assert.rejects(t.system.commands.startTranslation(source.release.id, { language: 'en' }, writer), InvalidStateError, 'one version per language');
      await assert.rejects(t.system.commands.startTranslation(source.release.id, {}, { ...writer, role: 'viewer' }), InvalidStateError);
      const audit = await t.system.audit.list({ action: 'release.translation_started', limit: 10 });
      assert.deepEqual(audit.map((a) => a.subjectId).sort(), [String(source.release.id), String(release.id)].sort());

      await t.system.commands.setAuthoritative(release.id, editor);
      assert.deepEqual(
        (await t.system.translations.versionsOf(release.id)).map((v) => v.isAuthoritative),
        [false, true],
      );
      await assert.rejects(t.system.commands.setAuthoritative(release.id, writer), InvalidStateError, 'editors decide which version is authoritative');
    });

    test('public versions follow the visibility rule: draft, in review, embargoed and withdrawn versions are never returned', async () => {
      const ko = await buildRelease(t.system, { boardSlug: board, language: 'ko', title: '한국어 원문' });
      const { release: en } = await t.system.commands.startTranslation(ko.release.id, {}, writer);
      const listed = () => t.system.publicVersions.of({ id: ko.release.id, language: 'ko' });
      assert.deepEqual((await listed()).alternates, [], 'draft');
      await t.system.commands.submitRelease(en.id, writer);
      assert.deepEqual((await listed()).alternates, [], 'in review');
      await t.system.commands.approveRelease(en.id, editor);
      assert.deepEqual((await listed()).alternates, [], 'approved');

      // Published under embargo: still not public until its time.
      const embargoed = await buildRelease(t.system, { boardSlug: board, language: 'ko', title: '엠바고 원문' });
      const { release: enEmbargoed } = await t.system.commands.startTranslation(embargoed.release.id, {}, writer);
      await t.system.commands.saveDraft(enEmbargoed.id, { title: 'Embargoed English', bodyMarkdown: 'Body', embargoUntil: new Date(t.clock.now().getTime() + 3_600_000), lockVersion: 1 }, writer);
      await t.system.commands.submitRelease(enEmbargoed.id, writer);
      await t.system.commands.approveRelease(enEmbargoed.id, editor);
      await t.system.commands.publishRelease(enEmbargoed.id, editor);
      assert.deepEqual((await t.system.publicVersions.of({ id: embargoed.release.id, language: 'ko' })).alternates, [], 'embargoed');
      const groupsBefore = await t.system.publicVersions.listedGroups();
      assert.ok(![...groupsBefore.values()].flat().some((v) => v.releaseId === enEmbargoed.id), 'not in the sitemap groups while embargoed');
      t.clock.set(new Date(t.clock.now().getTime() + 3_600_001));
      assert.deepEqual(
        (await t.system.publicVersions.of({ id: embargoed.release.id, language: 'ko' })).alternates.map((v) => v.releaseId),
        [enEmbargoed.id],
        'public once the embargo ends',
      );

      await t.system.commands.publishRelease(en.id, editor);
      const now = await listed();
      assert.deepEqual(
        now.alternates.map((v) => [v.releaseId, v.language]),
        [[en.id, 'en']],
      );
      assert.equal(now.authoritative, 'ko');
      const groups = await t.system.publicVersions.listedGroups();
      assert.ok([...groups.values()].some((g) => g.map((v) => v.releaseId).sort().join() === [ko.release.id, en.id].sort().join()));

      await t.system.commands.withdrawRelease(en.id, 'Mistranslated', editor);
      assert.deepEqual((await listed()).alternates, [], 'withdrawn');
      assert.ok(![...(await t.system.publicVersions.listedGroups()).values()].flat().some((v) => v.releaseId === en.id));
    });
  });
}
