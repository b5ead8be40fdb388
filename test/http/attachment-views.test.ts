import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { databaseKinds } from '../support/databases.js';
import { damagedPdf, docxDocument, encryptedPdf, headedPdf, hwp5Document, hwpxDocument, koreanPdf } from '../support/document-fixtures.js';
import { buildBoard, buildRelease, jpegBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

interface ApiSearch {
  data: { title: string; snippet_html: string; snippet: { text: string } }[];
  total: number;
}

// Text views, search inside attachments and media kits (#19), on both databases.
for (const { kind, skip } of databaseKinds()) {
  describe(`attachment text views, search and media kits on ${kind}`, { skip }, () => {
    let t: TestWeb;
    let number: number;
    const ids: Record<string, number> = {};
    const TITLE = 'Defence budget briefing';

    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      const { release, edition } = await buildRelease(t.system, {
        boardSlug: 'press-releases',
        title: TITLE,
        bodyMarkdown: 'The ministry announced its budget today.',
        files: [
          { fileName: 'report.pdf', bytes: await headedPdf({ title: 'Annual Defence Report', heading: 'Budget Overview', body: ['An opening paragraph.', 'The xylophonic procurement plan.'] }) },
          { fileName: 'plan.docx', bytes: docxDocument({ heading: 'Mobilisation Plan', paragraph: '예비군 훈련 개편안을 발표했다', items: ['First step', 'Second step'], cells: [['Year', 'Budget'], ['2027', '120']] }) },
          { fileName: '붙임1_세부내용.hwpx', bytes: hwpxDocument({ heading: '붙임1 세부 추진계획', paragraphs: ['드론방호체계 구축을 추진한다.'], cells: [['구분', '예산'], ['1차', '100억 원']] }) },
          { fileName: 'old-format.hwp', bytes: hwp5Document('한글 미리보기 본문입니다') },
          { fileName: 'broken.pdf', bytes: damagedPdf() },
          { fileName: 'locked.pdf', bytes: await encryptedPdf() },
          { fileName: 'briefing.jpg', bytes: await jpegBytes(120, 80), altText: 'The minister at the podium', caption: 'The minister briefs reporters', credit: 'Ministry photographer' },
          { fileName: 'hall.jpg', bytes: await jpegBytes(90, 60), altText: 'The briefing hall', caption: 'Reporters in the hall', credit: 'Pool' },
        ],
      });
      number = release.number!;
      for (const a of await t.system.attachments.attachmentsOf(edition.id)) ids[a.fileName] = a.id;
      // Published before any text was read: extraction never blocks publishing.
      assert.equal((await t.app.inject({ method: 'GET', url: `/en/press-releases/${number}` })).statusCode, 200);
      assert.equal(await t.system.texts.extraction.outstanding(), 6, 'each document was queued when attached, the photos were not');
      assert.equal(await t.system.texts.extraction.runAll(), 6);
      await t.system.search.idle();
    });
    after(async () => t?.close());

    const get = (url: string) => t.app.inject({ method: 'GET', url });
    const view = (name: string) => get(`/en/press-releases/${number}/files/${ids[name]}`);

    test('the release page offers "Read online" beside each document that has a text view', async () => {
      // The page was cached before the texts were read; a stored text drops it.
      await t.settled();
      const page = await get(`/en/press-releases/${number}`);
      assert.equal(page.statusCode, 200);
      for (const name of ['report.pdf', 'plan.docx', '붙임1_세부내용.hwpx', 'old-format.hwp']) {
        assert.ok(page.body.includes(`href="/en/press-releases/${number}/files/${ids[name]}"`), `Read online for ${name}`);
      }
      for (const name of ['broken.pdf', 'locked.pdf']) assert.ok(!page.body.includes(`/files/${ids[name]}"`), `no Read online for ${name}`);
      assert.match(page.body, /Read online/);
      // Label in Name (WCAG 2.5.3): the accessible name starts with the visible words.
      assert.ok(page.body.includes(`<a class="read-online" href="/en/press-releases/${number}/files/${ids['report.pdf']}" aria-label="Read online: report.pdf">Read online</a>`));
    });

    test('each text view shows the document in the site layout, with its language and a link to the original', async () => {
      const pdf = await view('report.pdf');
      assert.equal(pdf.statusCode, 200);
      assert.match(pdf.body, /<h1 id="attachment-title">report\.pdf<\/h1>/);
      assert.match(pdf.body, /<h2>Annual Defence Report<\/h2>/);
      assert.match(pdf.body, /<h3>Budget Overview<\/h3>/);
      assert.match(pdf.body, /<p>The xylophonic procurement plan\.<\/p>/);
      assert.match(pdf.body, /<article class="attachment-text" aria-labelledby="attachment-title" lang="en">/);
      assert.match(pdf.body, /href="\/files\/[0-9a-f]{64}\/report\.pdf"/, 'links the original');
      assert.match(pdf.body, /<meta name="robots" content="noindex"\/>/);

      const docx = await view('plan.docx');
      assert.match(docx.body, /<h2>Mobilisation Plan<\/h2>/);
      assert.match(docx.body, /<ul><li>First step<\/li><li>Second step<\/li><\/ul>/);
      assert.match(docx.body, /<table>/);

      const hwpx = await view('붙임1_세부내용.hwpx');
      assert.match(hwpx.body, /<h2>붙임1 세부 추진계획<\/h2>/);
      assert.match(hwpx.body, /<td>1차<\/td><td>100억 원<\/td>/);
      assert.match(hwpx.body, /lang="ko"/, 'the Korean document is marked as Korean');

      const hwp = await view('old-format.hwp');
      assert.match(hwp.body, /한글 미리보기 본문입니다/);
      assert.match(hwp.body, /This text version is incomplete: preview text only/);
    });

    test('a damaged or encrypted file says it has no text view, and why; photos have no text view', async () => {
      const broken = await view('broken.pdf');
      assert.equal(broken.statusCode, 200);
      assert.match(broken.body, /This file has no text version: it is not a readable PDF \(damaged or incomplete\)/);
      assert.match((await view('locked.pdf')).body, /no text version: it is encrypted \(password protected\)/);
      assert.equal((await view('briefing.jpg')).statusCode, 404);
      assert.equal((await get(`/en/press-releases/${number}/files/999999`)).statusCode, 404);
    });

    test('a release whose file has no text view (encrypted) still goes through review and publishes', async () => {
      const { release, edition } = await buildRelease(t.system, { boardSlug: 'press-releases', state: 'draft', title: 'Locked annex release', files: [{ fileName: 'sealed.pdf', bytes: await encryptedPdf() }] });
      assert.equal(await t.system.texts.extraction.runAll(), 1);
      const sha256 = (await t.system.attachments.attachmentsOf(edition.id))[0]!.sha256;
      assert.equal((await t.system.texts.store.get(sha256))?.reason, 'it is encrypted (password protected)');
      await t.system.commands.submitRelease(release.id, TEST_ACTOR);
      await t.system.commands.approveRelease(release.id, TEST_ACTOR);
      await t.system.commands.publishRelease(release.id, TEST_ACTOR);
      const published = (await t.system.releases.getRelease(release.id))!;
      assert.equal(published.status, 'published');
      const page = await get(`/en/press-releases/${published.number}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /href="\/files\/[0-9a-f]{64}\/sealed\.pdf" download="sealed\.pdf"/, 'the file downloads');
      assert.doesNotMatch(page.body, /class="read-online"/, 'without "Read online"');
    });

    test('search finds words that occur only inside attachments, and the snippet names the file', async () => {
      const english = (await get('/api/v1/search?q=xylophonic')).json() as ApiSearch;
      assert.equal(english.total, 1);
      assert.equal(english.data[0]!.title, TITLE);
      assert.match(english.data[0]!.snippet.text, /^in report\.pdf: .*xylophonic/);
      const korean = (await get(`/api/v1/search?q=${encodeURIComponent('드론방호')}`)).json() as ApiSearch;
      assert.equal(korean.total, 1, 'Korean bigrams of the HWPX text are indexed');
      assert.match(korean.data[0]!.snippet.text, /^in 붙임1_세부내용\.hwpx: /);
      assert.match(korean.data[0]!.snippet_html, /<mark>드론방호<\/mark>/);
      const docx = (await get(`/api/v1/search?q=${encodeURIComponent('예비군')}`)).json() as ApiSearch;
      assert.equal(docx.total, 1);
      const page = await get('/en/search?q=xylophonic');
      assert.match(page.body, /in report\.pdf: /);
      const body = (await get('/api/v1/search?q=ministry+budget')).json() as ApiSearch;
      assert.doesNotMatch(body.data[0]!.snippet.text, /^in /, 'a match in the release itself quotes the release');
    });

    test('a Korean PDF gives a Korean text view with its heading and paragraphs, and a Korean word only in it is found', async () => {
      const { release, edition } = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', title: '해역 경계 강화 브리핑', bodyMarkdown: '국방부가 오늘 계획을 발표했다.', files: [{ fileName: '붙임2_감시체계.pdf', bytes: koreanPdf() }] });
      assert.equal(await t.system.texts.extraction.runAll(), 1);
      await t.system.search.idle();
      const id = (await t.system.attachments.attachmentsOf(edition.id))[0]!.id;
      const page = await get(`/ko/press-releases/${release.number}/files/${id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<article class="attachment-text" aria-labelledby="attachment-title" lang="ko">/);
      assert.match(page.body, /<h2>해상 감시체계 개선 계획<\/h2>/);
      assert.match(page.body, /<h3>추진 배경<\/h3>/);
      assert.match(page.body, /<p>잠수정탐지체계를 2027년까지 모든 해안 기지에 배치하고, 운용 인력 교육을 함께 추진한다\.<\/p>/);
      // 잠수정탐지 occurs only inside the PDF: found through its Korean bigrams, the snippet names the file.
      const found = (await get(`/api/v1/search?q=${encodeURIComponent('잠수정탐지')}`)).json() as ApiSearch;
      assert.equal(found.total, 1);
      assert.equal(found.data[0]!.title, '해역 경계 강화 브리핑');
      assert.match(found.data[0]!.snippet.text, /^in 붙임2_감시체계\.pdf: /);
      assert.match(found.data[0]!.snippet_html, /<mark>잠수정탐지<\/mark>/);
      const koPage = await get(`/ko/search?q=${encodeURIComponent('잠수정탐지')}`);
      assert.match(koPage.body, /붙임2_감시체계\.pdf 내용: /);
    });

    test('"Download all photos" streams a zip of the originals with their captions and credits', async () => {
      const page = await get(`/en/press-releases/${number}`);
      assert.match(page.body, new RegExp(`href="/en/press-releases/${number}/photos\\.zip"`));
      assert.match(page.body, /Download all photos \(2, ZIP\)/);
      assert.match(page.body, /<a class="photo-original" href="\/files\/[0-9a-f]{64}\/briefing\.jpg">Original \(120 × 80 px, [^)]+\)<\/a>/);
      const zip = await get(`/en/press-releases/${number}/photos.zip`);
      assert.equal(zip.statusCode, 200);
      assert.equal(zip.headers['content-type'], 'application/zip');
      const entries = unzipSync(new Uint8Array(zip.rawPayload));
      assert.deepEqual(Object.keys(entries), ['captions.txt', 'briefing.jpg', 'hall.jpg']);
      const captions = strFromU8(entries['captions.txt']!);
      assert.match(captions, /briefing\.jpg \(120 x 80 px\)\r\nThe minister briefs reporters\r\nPhoto: Ministry photographer/);
      assert.match(captions, /Reporters in the hall\r\nPhoto: Pool/);
      const original = await get(page.body.match(/href="(\/files\/[0-9a-f]{64}\/briefing\.jpg)"/)![1]!);
      assert.deepEqual(Buffer.from(entries['briefing.jpg']!), original.rawPayload, 'the zip carries the original bytes');
      const noPhotos = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'No photos here' });
      assert.equal((await get(`/en/press-releases/${noPhotos.release.number}/photos.zip`)).statusCode, 404);
    });

    test('a takedown makes text views and the media kit 410 Gone, exactly as the files', async () => {
      const release = (await t.system.admin.list({ limit: 50, offset: 0 })).rows.find((r) => r.title === TITLE)!;
      const fileUrl = (await get(`/en/press-releases/${number}/files/${ids['report.pdf']}`)).body.match(/href="(\/files\/[0-9a-f]{64}\/report\.pdf)"/)![1]!;
      await t.system.commands.withdrawRelease(release.releaseId, 'Withdrawn: figures under review', TEST_ACTOR);
      assert.equal((await view('report.pdf')).statusCode, 200, 'withdrawn with content kept: as the file, still served');
      assert.equal((await get(fileUrl)).statusCode, 200);
      await t.system.commands.withdrawRelease(release.releaseId, 'Legal takedown', TEST_ACTOR, { removeContent: true });
      assert.equal((await get(fileUrl)).statusCode, 410);
      assert.equal((await view('report.pdf')).statusCode, 410);
      assert.equal((await get(`/en/press-releases/${number}/photos.zip`)).statusCode, 410);
      await t.system.search.idle();
      assert.equal(((await get('/api/v1/search?q=xylophonic')).json() as ApiSearch).total, 0, 'search no longer finds it');
    });
  });
}
