import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SearchInput } from '../../src/app/search-releases.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, pdfBytes, TEST_ACTOR, type ReleaseSpec } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

/** The corpus: a key per release, so expectations read as names rather than ids. */
const at = (day: number) => new Date(Date.UTC(2026, 10, day, 3));
const corpus: Record<string, Omit<ReleaseSpec, 'boardSlug'> & { board: 'press' | 'photo' }> = {
  K1: { language: 'ko', board: 'press', title: '국방부, 합참의장을 접견', bodyMarkdown: '국방부 장관은 오늘 합참의장을 만나 국방 협력을 논의했다.', department: '국방부 대변인실', tags: ['국방'], publishedAt: at(10) },
  K2: { language: 'ko', board: 'press', title: '장관, 해외 순방 일정 발표', bodyMarkdown: '외교부 장관이 다음 주 유럽을 방문한다.', department: '외교부', publishedAt: at(12) },
  K3: { language: 'ko', board: 'photo', title: '한미 연합훈련 실시', bodyMarkdown: '육군과 해군이 연합 훈련을 실시했다. 장병들의 사기가 높았다.', department: '합동참모본부', tags: ['훈련'], publishedAt: at(14) },
  K4: { language: 'ko', board: 'press', title: '청년 일자리 대책', bodyMarkdown: '고용노동부는 청년 고용 지원 방안을 발표했다.', department: '고용노동부', tags: ['일자리', '청년'], publishedAt: at(15) },
  K5: { language: 'ko', board: 'press', title: '국방예산 증액 확정', bodyMarkdown: '국회가 내년도 국방예산을 의결했다.', department: '국방부', publishedAt: at(16) },
  K6: { language: 'ko', board: 'press', title: '재난안전 점검 회의', bodyMarkdown: '행정안전부 장관은 겨울철 재난 대비 상황을 점검했다.', department: '행정안전부', publishedAt: at(17) },
  E1: { board: 'press', title: 'Minister meets NATO delegation', bodyMarkdown: 'The Minister of National Defense held a **meeting** with a visiting NATO delegation on regional security.', department: 'Ministry of National Defense', tags: ['defence'], publishedAt: at(10) },
  E2: { board: 'photo', title: 'Joint exercise concludes', bodyMarkdown: 'Army and navy units completed a joint exercise. The exercises focused on disaster response.', department: 'Joint Chiefs of Staff', publishedAt: at(12) },
  E3: { board: 'press', title: 'Youth employment plan announced', bodyMarkdown: 'The government announced new measures for young job seekers, including training programmes.', department: 'Ministry of Employment and Labor', tags: ['jobs'], publishedAt: at(14) },
  E4: { board: 'press', title: 'Budget for defence increases', bodyMarkdown: 'The National Assembly approved the budget for next year.', department: 'Finance Office', publishedAt: at(15) },
  E5: { board: 'press', title: 'Winter safety inspection', bodyMarkdown: 'Officials inspected preparedness for winter storms and heavy snow.', department: 'Ministry of the Interior and Safety', tags: ['safety'], publishedAt: at(16) },
  E6: { board: 'press', title: 'Press briefing on trade talks', bodyMarkdown: 'Trade negotiators met their counterparts. Talks will resume next month in Geneva.', department: 'Trade Office', publishedAt: at(17) },
  E7: { board: 'press', title: 'Defence white paper', bodyMarkdown: 'Defence policy for the defence industry, and defence exports.', department: 'Policy Office', publishedAt: at(5) },
};

type Case = [query: string, expected: string[], options?: Partial<Pick<SearchInput, 'board' | 'from' | 'to' | 'language'>>];

const koreanCases: Case[] = [
  ['국방', ['K1', 'K5']],
  ['장관', ['K1', 'K2', 'K6']],
  ['합참의장', ['K1']],
  ['합참의장을', ['K1']],
  ['국방부', ['K1', 'K5']],
  ['연합훈련', ['K3']],
  ['훈련', ['K3']],
  ['일자리', ['K4']],
  ['청년 고용', ['K4']],
  ['외교부', ['K2']],
  ['유럽', ['K2']],
  ['현장 사진', ['K3']],
  ['"국방 협력"', ['K1']],
  ['"협력 국방"', []],
  ['국방예산', ['K5']],
  ['예산', ['K5']],
  ['재난', ['K6']],
  ['겨울철', ['K6']],
  ['합동참모본부', ['K3']],
  ['없는단어', []],
  ['국방 장관', ['K1']],
  ['훈', ['K3']],
  ['국방', [], { board: 'photo' }],
  ['훈련', ['K3'], { board: 'photo' }],
  ['장관', ['K1', 'K2', 'K6'], { board: 'press' }],
  ['국방', ['K5'], { from: at(15) }],
  ['국방', ['K1'], { to: at(11) }],
  ['NATO', [], { language: 'ko' }],
];

const englishCases: Case[] = [
  ['meets', ['E1']],
  ['meeting', ['E1']],
  ['met', ['E6']],
  ['exercise', ['E2']],
  ['exercises', ['E2']],
  ['defence', ['E1', 'E4', 'E7']],
  ['defense', ['E1']],
  ['NATO', ['E1']],
  ['"joint exercise"', ['E2']],
  ['"exercise joint"', []],
  ['announced', ['E3']],
  ['announcement', ['E3']],
  ['young', ['E3']],
  ['youth', ['E3']],
  ['amphibious', ['E2']],
  ['Labor', ['E3']],
  ['safety', ['E5']],
  ['winter storms', ['E5']],
  ['storm', ['E5']],
  ['budget', ['E4']],
  ['assembly approved', ['E4']],
  ['talks', ['E6']],
  ['talk', ['E6']],
  ['GENEVA', ['E6']],
  ['national', ['E1', 'E4']],
  ['xylophone', []],
  ['ministry', ['E1', 'E3', 'E5']],
  ['ministry', ['E1', 'E3', 'E5'], { board: 'press' }],
  ['exercise', [], { board: 'press' }],
  ['ministry', ['E1', 'E3'], { to: at(15) }],
  ['국방', [], { language: 'en' }],
  ['<script>', []],
  ['', []],
];

for (const { kind, skip } of databaseKinds()) {
  describe(`full-text search on ${kind}`, { skip }, () => {
    let t: TestSystem;
    const ids = new Map<string, number>();
    const keyOf = (id: number) => [...ids].find(([, v]) => v === id)?.[0] ?? `#${id}`;

    async function find(query: string, options: Case[2] = {}, sort: 'newest' | 'relevance' = 'newest') {
      const language = options.language ?? (/[가-힣]/.test(query) ? 'ko' : 'en');
      const boards = { press: 'search-press', photo: 'search-photo' } as Record<string, string>;
      return t.system.search.releases({
        query,
        language,
        board: options.board ? boards[options.board]! : null,
        from: options.from ?? null,
        to: options.to ?? null,
        sort,
        page: 1,
        pageSize: 50,
      });
    }

    before(async () => {
      t = await createTestSystem(kind);
      await buildBoard(t.system, { slug: 'search-press' });
      await buildBoard(t.system, { slug: 'search-photo', kind: 'photo' });
      for (const [key, spec] of Object.entries(corpus)) {
        const files = key === 'K3' ? [{ fileName: 'k3.pdf', bytes: await pdfBytes(), caption: '연합훈련 현장 사진' }] : key === 'E2' ? [{ fileName: 'e2.pdf', bytes: await pdfBytes(), caption: 'Soldiers during the amphibious landing drill' }] : [];
        const { release } = await buildRelease(t.system, { ...spec, boardSlug: spec.board === 'press' ? 'search-press' : 'search-photo', files });
        ids.set(key, release.id);
      }
      await t.system.search.idle();
    });
    after(async () => t?.close());

    for (const [query, expected, options] of [...koreanCases, ...englishCases]) {
      const label = `${JSON.stringify(query)}${options ? ` ${JSON.stringify(options)}` : ''} finds ${expected.join(', ') || 'nothing'}`;
      test(label, async () => {
        const result = await find(query, options);
        assert.deepEqual(result.items.map((i) => keyOf(i.releaseId)).sort(), [...expected].sort());
        assert.equal(result.total, expected.length);
      });
    }

    test('newest first by default; relevance puts the strongest match first', async () => {
      assert.deepEqual((await find('defence')).items.map((i) => keyOf(i.releaseId)), ['E4', 'E1', 'E7']);
      assert.equal(keyOf((await find('defence', {}, 'relevance')).items[0]!.releaseId), 'E7');
      assert.equal((await find('defence', {}, 'relevance')).total, 3);
    });

    test('items carry number, board and date, and a snippet with the matches marked', async () => {
      const [hit] = (await find('meets')).items;
      assert.equal(hit?.boardSlug, 'search-press');
      assert.equal(hit?.title, 'Minister meets NATO delegation');
      assert.ok(hit && hit.number > 0);
      assert.equal(hit?.date.toISOString(), at(10).toISOString());
      assert.match(hit!.snippetHtml, /<mark>meeting<\/mark>/);
      assert.doesNotMatch(hit!.snippetHtml, /\*\*/);
      const [korean] = (await find('합참의장')).items;
      assert.match(korean!.snippetHtml, /<mark>합참의장<\/mark>을/);
    });

    test('paging splits the results and keeps the total', async () => {
      const base = { query: '장관', language: 'ko' as const, board: null, from: null, to: null, sort: 'newest' as const, pageSize: 2 };
      const page1 = await t.system.search.releases({ ...base, page: 1 });
      const page2 = await t.system.search.releases({ ...base, page: 2 });
      assert.equal(page1.total, 3);
      assert.equal(page1.pageCount, 2);
      assert.deepEqual([...page1.items, ...page2.items].map((i) => keyOf(i.releaseId)), ['K6', 'K2', 'K1']);
    });

    test('drafts, releases under embargo and withdrawn releases are never found', async () => {
      await buildRelease(t.system, { boardSlug: 'search-press', state: 'draft', title: 'Zeppelin draft', bodyMarkdown: 'Secret NATO zeppelin' });
      await buildRelease(t.system, { boardSlug: 'search-press', state: 'in_review', title: 'Zeppelin under review' });
      await buildRelease(t.system, { boardSlug: 'search-press', state: 'scheduled', title: 'Zeppelin scheduled' });
      await buildRelease(t.system, { boardSlug: 'search-press', state: 'withdrawn', title: 'Zeppelin withdrawn' });
      await buildRelease(t.system, { boardSlug: 'search-press', language: 'ko', state: 'draft', title: '비행선 초안', bodyMarkdown: '국방 기밀' });
      const embargoed = await buildRelease(t.system, { boardSlug: 'search-press', state: 'embargoed', title: 'Zeppelin embargoed', embargoUntil: new Date(t.clock.now().getTime() + 3_600_000) });
      await t.system.search.idle();
      assert.equal((await find('zeppelin')).total, 0);
      assert.deepEqual((await find('NATO')).items.map((i) => keyOf(i.releaseId)), ['E1']);
      assert.equal((await find('비행선')).total, 0);
      // The embargo lifts: found at once, with no reindexing.
      t.clock.advance(3_600_000 + 1000);
      assert.deepEqual((await find('zeppelin')).items.map((i) => i.releaseId), [embargoed.release.id]);
      // A rebuild keeps the same rule.
      await t.system.search.index.rebuild();
      assert.deepEqual((await find('zeppelin')).items.map((i) => i.releaseId), [embargoed.release.id]);
      // Withdrawn after being found: gone from results.
      await t.system.commands.withdrawRelease(embargoed.release.id, 'Issued in error', TEST_ACTOR);
      await t.system.search.idle();
      assert.equal((await find('zeppelin')).total, 0);
    });

    test('a published correction replaces the indexed text', async () => {
      const id = ids.get('E6')!;
      await t.system.commands.startCorrection(id, TEST_ACTOR);
      const edition = (await t.system.editions.latestEdition(id))!;
      await t.system.commands.saveDraft(id, { title: 'Press briefing on trade talks', bodyMarkdown: 'Talks moved to Lisbon.', lockVersion: edition.lockVersion }, TEST_ACTOR);
      await t.system.commands.submitRelease(id, TEST_ACTOR);
      await t.system.commands.approveRelease(id, TEST_ACTOR);
      await t.system.commands.publishRelease(id, TEST_ACTOR, { changeNote: 'The talks moved.' });
      await t.system.search.idle();
      assert.deepEqual((await find('lisbon')).items.map((i) => keyOf(i.releaseId)), ['E6']);
      assert.equal((await find('geneva')).total, 0);
    });

    test('reindex rebuilds everything with progress', async () => {
      const seen: [number, number][] = [];
      const count = await t.system.search.index.rebuild((done, total) => seen.push([done, total]));
      assert.ok(count >= Object.keys(corpus).length);
      assert.deepEqual(seen.at(-1), [count, count]);
      assert.deepEqual((await find('합참의장을')).items.map((i) => keyOf(i.releaseId)), ['K1']);
    });
  });
}
