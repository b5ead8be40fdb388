import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import { DomainError, InvalidStateError, NotFoundError, ValidationError } from '../../src/domain/errors.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

const writer: StaffActor = { userId: 11, label: 'writer@news.example', ip: '192.0.2.10', role: 'writer' };
const editor: StaffActor = { userId: 22, label: 'editor@news.example', ip: '192.0.2.20', role: 'editor' };

async function codesOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.issues.map((i) => i.code);
    throw error;
  }
  assert.fail('expected a refusal');
}

for (const { kind, skip } of databaseKinds()) {
  describe(`pairing existing releases as language versions on ${kind}`, { skip }, () => {
    let t: TestSystem;
    let board: string;
    before(async () => {
      t = await createTestSystem(kind);
      board = (await buildBoard(t.system)).slug;
    });
    after(async () => t?.close());

    test('two releases imported separately join one group by board and number; the chosen one is authoritative; audited; public links follow', async () => {
      const ko = await buildRelease(t.system, { boardSlug: board, language: 'ko', title: '국방부 보도자료' });
      const en = await buildRelease(t.system, { boardSlug: board, language: 'en', title: 'Ministry release' });
      await t.system.commands.setTranslationNeeded(ko.release.id, true, writer);

      const unpaired = await t.system.translations.unpairedReleases('en', 50);
      assert.ok(unpaired.some((v) => v.releaseId === en.release.id && v.title === 'Ministry release'));
      assert.ok(!unpaired.some((v) => v.language !== 'en'));
      assert.equal(await t.system.translations.findByNumber(board, 'en', en.release.number!), en.release.id);
      assert.equal(await t.system.translations.findByNumber(board, 'ko', 99_999), null);

      await assert.rejects(t.system.commands.pairTranslations(ko.release.id, { board, number: en.release.number!, authoritative: 'other' }, writer), InvalidStateError, 'editors decide');
      const { group } = await t.system.commands.pairTranslations(ko.release.id, { board, number: en.release.number!, authoritative: 'other' }, editor);
      const versions = await t.system.translations.versionsOf(ko.release.id);
      assert.deepEqual(
        versions.map((v) => [v.releaseId, v.language, v.isAuthoritative, v.translationNeeded]),
        [
          [ko.release.id, 'ko', false, false],
          [en.release.id, 'en', true, false],
        ],
      );
      assert.equal((await t.system.releases.getRelease(en.release.id))?.translationGroup, group);
      assert.ok(!(await t.system.translations.unpairedReleases('en', 50)).some((v) => v.releaseId === en.release.id), 'no longer offered');

      const pub = await t.system.publicVersions.of({ id: ko.release.id, language: 'ko' });
      assert.deepEqual(
        pub.alternates.map((v) => v.releaseId),
        [en.release.id],
      );
      assert.equal(pub.authoritative, 'en');
      const audit = await t.system.audit.list({ action: 'release.translations_paired', limit: 10 });
      assert.deepEqual(audit.map((a) => a.subjectId).sort(), [String(ko.release.id), String(en.release.id)].sort());
      assert.ok(audit.every((a) => a.actor.label === editor.label));

      // Unpairing takes both out of the group; neither links the other any more.
      await t.system.commands.unpairTranslation(en.release.id, editor);
      assert.deepEqual((await t.system.translations.versionsOf(ko.release.id)).map((v) => v.releaseId), [ko.release.id]);
      assert.equal((await t.system.releases.getRelease(ko.release.id))?.translationGroup, null);
      assert.equal((await t.system.releases.getRelease(en.release.id))?.translationGroup, null);
      assert.deepEqual((await t.system.publicVersions.of({ id: ko.release.id, language: 'ko' })).alternates, []);
      assert.deepEqual(await codesOf(t.system.commands.unpairTranslation(en.release.id, editor)), ['not_paired']);
      assert.equal((await t.system.audit.list({ action: 'release.translations_unpaired', limit: 10 })).length, 2);
    });

    test('refused: the same language, itself, a release that already has that language, unknown numbers, nothing chosen', async () => {
      const ko = await buildRelease(t.system, { boardSlug: board, language: 'ko', title: '원문' });
      const ko2 = await buildRelease(t.system, { boardSlug: board, language: 'ko', title: '다른 한국어' });
      const enDraft = await buildRelease(t.system, { boardSlug: board, language: 'en', state: 'draft', title: 'English draft' });
      assert.deepEqual(await codesOf(t.system.commands.pairTranslations(ko.release.id, { otherReleaseId: ko2.release.id, authoritative: 'this' }, editor)), ['pair_same_language']);
      assert.deepEqual(await codesOf(t.system.commands.pairTranslations(ko.release.id, { otherReleaseId: ko.release.id, authoritative: 'this' }, editor)), ['pair_self']);
      await assert.rejects(t.system.commands.pairTranslations(ko.release.id, { board, number: 99_999, authoritative: 'this' }, editor), NotFoundError);
      await assert.rejects(t.system.commands.pairTranslations(ko.release.id, { authoritative: 'this' }, editor), ValidationError);

      // A draft (no number yet) can be paired by id; the draft is then never linked publicly.
      await t.system.commands.pairTranslations(ko.release.id, { otherReleaseId: enDraft.release.id, authoritative: 'this' }, editor);
      assert.deepEqual((await t.system.publicVersions.of({ id: ko.release.id, language: 'ko' })).alternates, [], 'a draft version is never linked');
      assert.deepEqual(await codesOf(t.system.commands.pairTranslations(ko.release.id, { otherReleaseId: enDraft.release.id, authoritative: 'this' }, editor)), ['already_paired']);

      // One version per language per group, checked from both sides.
      const en2 = await buildRelease(t.system, { boardSlug: board, language: 'en', title: 'Second English' });
      assert.deepEqual(await codesOf(t.system.commands.pairTranslations(ko.release.id, { otherReleaseId: en2.release.id, authoritative: 'this' }, editor)), ['translation_exists']);
      assert.deepEqual(await codesOf(t.system.commands.pairTranslations(en2.release.id, { otherReleaseId: ko.release.id, authoritative: 'this' }, editor)), ['other_translation_exists']);
      assert.deepEqual(await codesOf(t.system.commands.pairTranslations(ko2.release.id, { otherReleaseId: enDraft.release.id, authoritative: 'this' }, editor)), ['other_translation_exists']);

      // A started translation can be unpaired and the source paired with another release.
      const source = await buildRelease(t.system, { boardSlug: board, language: 'ko', title: '번역 시작' });
      const started = await t.system.commands.startTranslation(source.release.id, {}, writer);
      await t.system.commands.unpairTranslation(source.release.id, editor);
      assert.equal((await t.system.releases.getRelease(started.release.id))?.translationGroup, null);
      await t.system.commands.pairTranslations(source.release.id, { otherReleaseId: en2.release.id, authoritative: 'this' }, editor);
      assert.deepEqual(
        (await t.system.translations.versionsOf(en2.release.id)).map((v) => [v.releaseId, v.isAuthoritative]).sort(([a], [b]) => Number(a) - Number(b)),
        [
          [en2.release.id, false],
          [source.release.id, true],
        ],
      );
    });
  });
}
