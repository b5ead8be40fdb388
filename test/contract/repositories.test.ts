import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, jpegBytes, pdfBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

// One suite, run unchanged against every database adapter.
for (const { kind, skip } of databaseKinds()) {
  describe(`repositories on ${kind}`, { skip }, () => {
    let t: TestSystem;
    before(async () => {
      t = await createTestSystem(kind);
    });
    after(async () => t?.close());

    test('boards are created, listed in order and found by slug', async () => {
      const a = await buildBoard(t.system, { slug: 'contract-a' });
      const b = await buildBoard(t.system, { slug: 'contract-b', kind: 'photo' });
      const slugs = (await t.system.boards.list()).map((x) => x.slug);
      assert.ok(slugs.indexOf('contract-a') < slugs.indexOf('contract-b'));
      assert.deepEqual(await t.system.boards.bySlug('contract-b'), b);
      assert.deepEqual(await t.system.boards.byId(a.id), a);
      assert.equal(await t.system.boards.bySlug('missing'), null);
    });

    test('numbers are given at publication, per board and language, in order, never reused', async () => {
      const board = await buildBoard(t.system);
      const draft = await buildRelease(t.system, { boardSlug: board.slug, state: 'draft' });
      assert.equal(draft.release.number, null, 'a draft has no public number');
      const first = await buildRelease(t.system, { boardSlug: board.slug });
      const second = await buildRelease(t.system, { boardSlug: board.slug });
      const korean = await buildRelease(t.system, { boardSlug: board.slug, language: 'ko' });
      assert.deepEqual([first.release.number, second.release.number, korean.release.number], [1, 2, 1]);
      await t.system.commands.submitRelease(draft.release.id, TEST_ACTOR);
      await t.system.commands.approveRelease(draft.release.id, TEST_ACTOR);
      await t.system.commands.publishRelease(draft.release.id, TEST_ACTOR);
      assert.equal((await t.system.releases.getRelease(draft.release.id))!.number, 3);
    });

    test('a stale save is refused and the newer content is kept', async () => {
      const board = await buildBoard(t.system);
      const { edition } = await buildRelease(t.system, { boardSlug: board.slug, state: 'draft', title: 'Original' });
      const content = { title: 'First writer', subtitle: ['Line'], bodyMarkdown: 'A', department: 'Office', contact: null, tags: ['x'] };
      const saved = await t.system.editions.updateEditionContent(edition.id, content, edition.lockVersion, t.clock.now());
      assert.equal(saved?.lockVersion, edition.lockVersion + 1);
      const stale = await t.system.editions.updateEditionContent(edition.id, { ...content, title: 'Second writer' }, edition.lockVersion, t.clock.now());
      assert.equal(stale, null);
      const current = await t.system.editions.getEdition(edition.id);
      assert.equal(current?.title, 'First writer');
      assert.deepEqual(current?.subtitle, ['Line']);
      assert.deepEqual(current?.tags, ['x']);
    });

    test('board pages list only public releases, newest number first, with a correct total', async () => {
      const board = await buildBoard(t.system);
      const published = [];
      for (let i = 1; i <= 12; i++) published.push(await buildRelease(t.system, { boardSlug: board.slug, title: `Item ${i}` }));
      await buildRelease(t.system, { boardSlug: board.slug, state: 'draft', title: 'Secret draft' });
      await buildRelease(t.system, { boardSlug: board.slug, state: 'embargoed', title: 'Embargoed item' });
      await buildRelease(t.system, { boardSlug: board.slug, language: 'ko', title: '한국어 항목' });
      const now = t.clock.now();
      const page1 = await t.system.catalog.boardPage({ boardId: board.id, language: 'en', page: 1, pageSize: 5, filter: null, now });
      assert.equal(page1.total, 12);
      assert.deepEqual(
        page1.items.map((i) => i.title),
        ['Item 12', 'Item 11', 'Item 10', 'Item 9', 'Item 8'],
      );
      const page3 = await t.system.catalog.boardPage({ boardId: board.id, language: 'en', page: 3, pageSize: 5, filter: null, now });
      assert.deepEqual(
        page3.items.map((i) => i.title),
        ['Item 2', 'Item 1'],
      );
      const beyond = await t.system.catalog.boardPage({ boardId: board.id, language: 'en', page: 4, pageSize: 5, filter: null, now });
      assert.equal(beyond.items.length, 0);
      const ko = await t.system.catalog.boardPage({ boardId: board.id, language: 'ko', page: 1, pageSize: 5, filter: null, now });
      assert.deepEqual(
        ko.items.map((i) => i.title),
        ['한국어 항목'],
      );
    });

    test('the board filter matches title or body, ignores case and treats % and _ literally', async () => {
      const board = await buildBoard(t.system);
      await buildRelease(t.system, { boardSlug: board.slug, title: 'Minister Visits Harbour', bodyMarkdown: 'Nothing else.' });
      await buildRelease(t.system, { boardSlug: board.slug, title: 'Budget update', bodyMarkdown: 'Spending rose 5% in total.' });
      await buildRelease(t.system, { boardSlug: board.slug, title: '국방 장관 담화', bodyMarkdown: '국방부는 합참의장을 만났다.', language: 'ko' });
      const q = (filter: string, language: 'en' | 'ko' = 'en') =>
        t.system.catalog.boardPage({ boardId: board.id, language, page: 1, pageSize: 10, filter, now: t.clock.now() }).then((p) => p.items.map((i) => i.title));
      assert.deepEqual(await q('HARBOUR'), ['Minister Visits Harbour']);
      assert.deepEqual(await q('5%'), ['Budget update']);
      assert.deepEqual(await q('%'), ['Budget update']);
      assert.deepEqual(await q('_'), []);
      assert.deepEqual(await q('합참의장', 'ko'), ['국방 장관 담화']);
    });

    test('an embargoed release appears nowhere public until its time, then everywhere', async () => {
      const board = await buildBoard(t.system);
      const before = await buildRelease(t.system, { boardSlug: board.slug, title: 'Before' });
      const pdf = await pdfBytes('embargoed');
      const lift = new Date(t.clock.now().getTime() + 10 * 60_000);
      const embargoed = await buildRelease(t.system, { boardSlug: board.slug, state: 'embargoed', embargoUntil: lift, title: 'Under embargo', files: [{ fileName: 'e.pdf', bytes: pdf }] });
      const sha = (await t.system.attachments.attachmentsOf(embargoed.edition.id))[0]!.sha256;
      const check = async (now: Date) => ({
        page: await t.system.catalog.release(board.id, 'en', embargoed.release.number!, now),
        list: (await t.system.catalog.boardPage({ boardId: board.id, language: 'en', page: 1, pageSize: 10, filter: null, now })).items.map((i) => i.title),
        latest: (await t.system.catalog.latest(board.id, 'en', 5, now)).map((i) => i.title),
        next: (await t.system.catalog.neighbours(before.release, now)).next,
        file: await t.system.catalog.file(sha, now),
      });
      assert.deepEqual(await t.system.catalog.nextPublicTransition(t.clock.now()), lift);
      const early = await check(new Date(lift.getTime() - 1));
      assert.equal(early.page, null);
      assert.deepEqual(early.list, ['Before']);
      assert.deepEqual(early.latest, ['Before']);
      assert.equal(early.next, null);
      assert.equal(early.file, null);
      const late = await check(lift);
      assert.equal(late.page?.edition.title, 'Under embargo');
      assert.deepEqual(late.list, ['Under embargo', 'Before']);
      assert.equal(late.next?.title, 'Under embargo');
      assert.equal(late.file?.fileName, 'e.pdf');
    });

    test('releases carry attachments in order with their metadata and neighbours in the board', async () => {
      const board = await buildBoard(t.system);
      const older = await buildRelease(t.system, { boardSlug: board.slug, title: 'Older' });
      const jpg = await jpegBytes(120, 80);
      const middle = await buildRelease(t.system, {
        boardSlug: board.slug,
        title: 'Middle',
        subtitle: ['- Dash-led line'],
        files: [
          { fileName: '사진.jpg', bytes: jpg, altText: 'A ship', caption: 'The ship', credit: 'Photo team' },
          { fileName: 'note.pdf', bytes: await pdfBytes() },
        ],
      });
      const newer = await buildRelease(t.system, { boardSlug: board.slug, title: 'Newer' });
      const detail = await t.system.catalog.release(board.id, 'en', middle.release.number!, t.clock.now());
      assert.ok(detail);
      assert.deepEqual(detail.edition.subtitle, ['Dash-led line']);
      assert.deepEqual(
        detail.attachments.map((a) => [a.fileName, a.mimeType, a.width, a.height, a.altText]),
        [
          ['사진.jpg', 'image/jpeg', 120, 80, 'A ship'],
          ['note.pdf', 'application/pdf', null, null, ''],
        ],
      );
      const n = await t.system.catalog.neighbours(detail.release, t.clock.now());
      assert.deepEqual(n, { previous: { number: older.release.number, title: 'Older' }, next: { number: newer.release.number, title: 'Newer' } });
      const summary = (await t.system.catalog.latest(board.id, 'en', 3, t.clock.now())).find((s) => s.title === 'Middle');
      assert.equal(summary?.hasAttachments, true);
      assert.equal(summary?.thumbnail?.fileName, '사진.jpg');
    });

    test('batched views are added and the content version moves on publication', async () => {
      const board = await buildBoard(t.system);
      const { release } = await buildRelease(t.system, { boardSlug: board.slug });
      await t.system.siteState.addViews(new Map([[release.id, 3], [999_999, 2]]));
      await t.system.siteState.addViews(new Map([[release.id, 4]]));
      assert.equal((await t.system.releases.getRelease(release.id))?.viewCount, 7);
      const v1 = await t.system.catalog.contentVersion();
      await buildRelease(t.system, { boardSlug: board.slug });
      assert.equal(await t.system.catalog.contentVersion(), v1 + 1);
    });
  });
}
