import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { databaseKinds } from '../support/databases.js';
import { headedPdf } from '../support/document-fixtures.js';
import { buildBoard, buildRelease, jpegBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

interface ApiList {
  data: { title: string; number: number }[];
}
interface ApiSearch {
  data: { title: string; number: number; snippet: { text: string } }[];
  total: number;
}
interface ApiDetail {
  data: { title: string; status: string; withdrawal: { reason: string } | null };
}

// Walks an embargoed release along its timeline and checks every public surface at each step, on
// both databases (the visibility rule is SQL, written once for both).
for (const { kind, skip } of databaseKinds()) {
  describe(`embargo timeline across every public surface on ${kind}`, { skip }, () => {
    let t: TestWeb;
    let number: number;
    let pdfUrl: string;
    let imageUrl: string;
    let previewUrl: string;
    let textViewUrl: string;
    let mediaKitUrl: string;
    const embargo = new Date('2026-11-20T03:00:00Z'); // 12:00 in Seoul
    const TITLE = 'Embargoed defence white paper';

    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Earlier release' });
      const { release, edition } = await buildRelease(t.system, {
        boardSlug: 'press-releases',
        state: 'embargoed',
        embargoUntil: embargo,
        title: TITLE,
        files: [
          { fileName: 'white-paper.pdf', bytes: await headedPdf({ title: 'Defence White Paper 2026', heading: 'Summary', body: ['Embargoed attachment text.', 'The paper sets out the quinquennial plan.'] }) },
          { fileName: 'cover.jpg', bytes: await jpegBytes(90, 60), altText: 'Cover of the white paper' },
        ],
      });
      number = release.number!;
      const [pdf, image] = await t.system.attachments.attachmentsOf(edition.id);
      pdfUrl = `/files/${pdf!.sha256}/white-paper.pdf`;
      imageUrl = `/files/${image!.sha256}/cover.jpg`;
      // The PDF's text view and the photos' media kit follow the files' rule (#19).
      await t.system.texts.extraction.runAll();
      textViewUrl = `/en/press-releases/${number}/files/${pdf!.id}`;
      mediaKitUrl = `/en/press-releases/${number}/photos.zip`;
      const { token } = await t.system.previewLinks.create(release.id, 'Evening Post', TEST_ACTOR);
      previewUrl = `/preview/${token}`;
    });
    after(async () => t?.close());

    const get = (url: string) => t.app.inject({ method: 'GET', url });

    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['item', 'entry', 'url'].includes(name) });
    const FEEDS = ['/en/feed.xml', '/en/feed.atom', '/en/press-releases/feed.xml', '/en/press-releases/feed.atom'];

    /** The release URLs each feed lists and the sitemap's URLs, read with a real XML parser. */
    async function distribution() {
      const feeds: Record<string, string[]> = {};
      for (const url of FEEDS) {
        const res = await get(url);
        assert.equal(res.statusCode, 200, url);
        const doc = xml.parse(res.body) as { rss?: { channel: { item?: { link: string }[] } }; feed?: { entry?: { id: string }[] } };
        feeds[url] = doc.rss ? (doc.rss.channel.item ?? []).map((i) => i.link) : (doc.feed!.entry ?? []).map((e) => e.id);
      }
      const sitemap = await get('/sitemap.xml');
      assert.equal(sitemap.statusCode, 200);
      const locs = (xml.parse(sitemap.body) as { urlset: { url: { loc: string }[] } }).urlset.url.map((u) => u.loc);
      return { feeds, locs, bodies: await Promise.all([...FEEDS, '/sitemap.xml'].map(async (url) => (await get(url)).body)) };
    }
    const releaseUrl = () => `https://news.example.org/en/press-releases/${number}`;

    /** The JSON API's view: the list (whole, and this board's English releases), search, the release's own URL, tags. */
    async function apiSurfaces() {
      await t.system.search.idle();
      const [list, boardList, search, release, tags] = await Promise.all([
        get('/api/v1/releases'),
        get('/api/v1/releases?board=press-releases&language=en&since=2026-11-20'),
        get('/api/v1/search?q=white+paper'),
        get(`/api/v1/boards/press-releases/releases/en/${number}`),
        get('/api/v1/tags'),
      ]);
      for (const [name, res] of Object.entries({ list, boardList, search, tags })) assert.equal(res.statusCode, 200, name);
      return {
        list: (list.json() as ApiList).data.map((r) => r.title),
        boardList: (boardList.json() as ApiList).data.map((r) => r.title),
        search: search.json() as ApiSearch,
        release,
        bodies: [list.body, boardList.body, search.body, tags.body],
      };
    }

    async function publicSurfaces() {
      const [page, print, list, home, earlier, pdf, image, filtered, textView, mediaKit] = await Promise.all([
        get(`/en/press-releases/${number}`),
        get(`/en/press-releases/${number}/print`),
        get('/en/press-releases'),
        get('/en/'),
        get(`/en/press-releases/${number - 1}`),
        get(pdfUrl),
        get(imageUrl),
        get('/en/press-releases?q=white+paper'),
        get(textViewUrl),
        get(mediaKitUrl),
      ]);
      return { page, print, list, home, earlier, pdf, image, filtered, textView, mediaKit };
    }

    test('before the embargo: 404 everywhere public, counted nowhere; the journalist preview works with a banner', async () => {
      t.clock.set(new Date(embargo.getTime() - 60_000));
      const s = await publicSurfaces();
      assert.equal(s.page.statusCode, 404);
      assert.equal(s.print.statusCode, 404);
      assert.equal(s.pdf.statusCode, 404, 'attachment URL answers 404, not 403');
      assert.equal(s.image.statusCode, 404);
      assert.equal(s.textView.statusCode, 404, 'the text view answers 404, as the file does');
      assert.equal(s.mediaKit.statusCode, 404, 'the media kit answers 404, as the photos do');
      assert.ok(!s.textView.body.includes('Embargoed attachment text') && !s.textView.body.includes(TITLE));
      for (const [name, res] of Object.entries({ list: s.list, home: s.home, earlier: s.earlier, filtered: s.filtered })) {
        assert.equal(res.statusCode, 200, name);
        assert.ok(!res.body.includes(TITLE), `${name} must not show the embargoed title`);
      }
      assert.match(s.list.body, /1 items/, 'the count does not include it');
      assert.match(s.earlier.body, /<dt>Next<\/dt><dd>-<\/dd>/, 'no next link to it');
      const d = await distribution();
      for (const [url, links] of Object.entries(d.feeds)) {
        assert.ok(links.length > 0, `${url} lists the earlier release`);
        assert.ok(!links.includes(releaseUrl()), `${url} must not list the embargoed release`);
      }
      assert.ok(!d.locs.includes(releaseUrl()), 'the sitemap must not list it');
      for (const body of d.bodies) assert.ok(!body.includes(TITLE), 'no feed or sitemap carries the title');
      const api = await apiSurfaces();
      assert.deepEqual(api.list, ['Earlier release'], 'the API list does not have it');
      assert.deepEqual(api.boardList, ['Earlier release']);
      assert.equal(api.search.total, 0, 'API search does not find it');
      assert.equal(api.release.statusCode, 404, 'its API URL is a 404');
      assert.equal((api.release.json() as { errors: { code: string }[] }).errors[0]!.code, 'NOT_FOUND');
      for (const body of api.bodies) assert.ok(!body.includes(TITLE), 'no API answer carries the title');
      assert.ok((await get('/api/v1/search?q=white+paper&sort=relevance')).body.includes('"total":0'));
      // A word only inside the attachment: its extracted text is indexed, and hidden like the rest (#19).
      assert.equal((await get('/api/v1/search?q=quinquennial')).json<ApiSearch>().total, 0, 'search inside the attachment does not find it');
      assert.doesNotMatch((await get('/en/search?q=quinquennial')).body, /white-paper\.pdf/);

      const preview = await get(previewUrl);
      assert.equal(preview.statusCode, 200);
      assert.ok(preview.body.includes(TITLE));
      assert.match(preview.body, /Embargoed until 20 November 2026 at 12:00 \(GMT\+9\)/);
      assert.equal(preview.headers['cache-control'], 'private, no-store');
      assert.match(preview.body, /<meta name="robots" content="noindex"\/>/);
      assert.doesNotMatch(preview.body, /application\/ld\+json/, 'a preview carries no structured data');
      const previewPdf = preview.body.match(/href="(\/preview\/[^"]+\/white-paper\.pdf)"/)![1]!;
      const file = await get(previewPdf);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.equal((await get(`${previewUrl.slice(0, -3)}abc`)).statusCode, 404, 'a wrong token is a 404');
    });

    test('at the embargo time: public everywhere by itself, with no job to run', async () => {
      t.clock.set(embargo);
      const s = await publicSurfaces();
      assert.equal(s.page.statusCode, 200);
      assert.ok(s.page.body.includes(TITLE));
      assert.equal(s.print.statusCode, 200);
      assert.equal(s.pdf.statusCode, 200);
      assert.equal(s.image.statusCode, 200);
      assert.equal(s.textView.statusCode, 200);
      assert.match(s.textView.body, /<h2>Defence White Paper 2026<\/h2>/, 'the text view shows the PDF text');
      assert.ok(s.page.body.includes(`href="${textViewUrl}"`), 'the page offers Read online');
      assert.equal(s.mediaKit.statusCode, 200);
      assert.equal(s.mediaKit.headers['content-type'], 'application/zip');
      for (const res of [s.list, s.home, s.filtered]) assert.ok(res.body.includes(TITLE));
      assert.match(s.list.body, /2 items/);
      assert.match(s.earlier.body, new RegExp(`<dt>Next</dt><dd><a href="/en/press-releases/${number}">${TITLE}</a>`));
      const d = await distribution();
      for (const [url, links] of Object.entries(d.feeds)) assert.equal(links[0], releaseUrl(), `${url} lists it first`);
      assert.ok(d.locs.includes(releaseUrl()), 'the sitemap lists it');
      const api = await apiSurfaces();
      assert.deepEqual(api.list, [TITLE, 'Earlier release'], 'the (cached) API list has it at once');
      assert.deepEqual(api.boardList, [TITLE, 'Earlier release']);
      assert.deepEqual(
        api.search.data.map((h) => h.title),
        [TITLE],
        'API search finds it',
      );
      const inside = (await get('/api/v1/search?q=quinquennial')).json<ApiSearch>();
      assert.deepEqual(inside.data.map((h) => h.title), [TITLE], 'a word only inside the attachment finds it now');
      assert.match(inside.data[0]!.snippet.text, /^in white-paper\.pdf: /);
      assert.equal(api.release.statusCode, 200);
      assert.equal((api.release.json() as ApiDetail).data.title, TITLE);
      assert.equal((api.release.json() as ApiDetail).data.status, 'published');
      const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(s.page.body);
      assert.ok(ld, 'the page carries JSON-LD');
      const data = JSON.parse(ld[1]!) as { headline: string; datePublished: string };
      assert.equal(data.headline, TITLE);
      assert.ok(!Number.isNaN(Date.parse(data.datePublished)));
      // The journalist's preview link now leads to the public page (#14).
      const preview = await get(previewUrl);
      assert.equal(preview.statusCode, 303);
      assert.equal(preview.headers.location, `/en/press-releases/${number}`);
    });

    test('after withdrawal: the page keeps a notice, lists and files of lists drop it, previews stop', async () => {
      const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Another item' });
      void release;
      const target = (await t.system.admin.list({ limit: 50, offset: 0 })).rows.find((r) => r.title === TITLE)!;
      await t.system.commands.withdrawRelease(target.releaseId, 'Superseded by the revised white paper', TEST_ACTOR);
      const page = await get(`/en/press-releases/${number}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /This release was withdrawn/);
      assert.match(page.body, /Superseded by the revised white paper/);
      assert.ok(!(await get('/en/press-releases')).body.includes(TITLE));
      assert.equal((await get(previewUrl)).statusCode, 404);
      // Withdrawn, content kept: the files stay served, and so do the text view and media kit.
      const after = await publicSurfaces();
      assert.equal(after.pdf.statusCode, 200);
      assert.equal(after.textView.statusCode, 200);
      assert.equal(after.mediaKit.statusCode, 200);
      const d = await distribution();
      for (const [url, links] of Object.entries(d.feeds)) assert.ok(!links.includes(releaseUrl()), `${url} drops it`);
      assert.ok(!d.locs.includes(releaseUrl()), 'the sitemap drops it');
      assert.doesNotMatch(page.body, /application\/ld\+json/, 'a withdrawn page carries no structured data');
      const api = await apiSurfaces();
      assert.deepEqual(api.list, ['Another item', 'Earlier release'], 'the API list drops it');
      assert.deepEqual(api.boardList, ['Another item', 'Earlier release']);
      assert.equal(api.search.total, 0, 'API search drops it');
      for (const body of api.bodies) assert.ok(!body.includes(TITLE), 'no API list, search or tag answer carries the title');
      assert.equal(api.release.statusCode, 200, 'its API URL answers with the notice, as its page does');
      const detail = (api.release.json() as ApiDetail).data;
      assert.equal(detail.status, 'withdrawn');
      assert.equal(detail.withdrawal!.reason, 'Superseded by the revised white paper');
    });
  });
}
