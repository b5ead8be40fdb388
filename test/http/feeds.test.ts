import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { buildBoard, buildRelease, jpegBytes, pdfBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

// Real XML parsing: attributes kept (prefixed "@"), CDATA merged into text, repeated elements as arrays.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name, jpath) => ['item', 'entry', 'category', 'enclosure'].includes(name) || String(jpath) === 'feed.entry.link' });
/** Titles are written as HTML (type="html"): one round of HTML entity decoding gives the text. */
const htmlText = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

interface RssItem {
  title: string;
  link: string;
  guid: { '#text': string; '@isPermaLink': string };
  pubDate: string;
  enclosure?: { '@url': string; '@length': string; '@type': string }[];
  category?: string[];
  'content:encoded': string;
}
interface AtomEntry {
  title: { '#text': string; '@type': string };
  id: string;
  updated: string;
  published: string;
  link: { '@href': string; '@rel'?: string; '@type'?: string; '@length'?: string }[];
  category?: { '@term': string }[];
  content: { '#text': string };
}

/** Markup, an apostrophe, a literal entity and two CDATA terminators: RSS must carry it as plain text. */
const TRICKY = `Budget <2027> & 국방 예산 "final": minister's &amp; ]]> and ]]> notes`;
const BASE = 'https://news.example.org';

describe('RSS and Atom feeds', () => {
  let t: TestWeb;
  let tricky: { id: number; number: number };
  let withFiles: { id: number; number: number };
  let pdfSize: number;

  before(async () => {
    t = await createTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    await buildBoard(t.system, { slug: 'photos', kind: 'photo' });
    for (let i = 1; i <= 22; i++) {
      t.clock.advance(1000);
      await buildRelease(t.system, { boardSlug: 'press-releases', title: `Routine notice ${i}` });
    }
    const pdf = await pdfBytes('budget');
    pdfSize = pdf.byteLength;
    const f = await buildRelease(t.system, {
      boardSlug: 'photos',
      title: 'Photo call',
      files: [
        { fileName: '예산 자료.pdf', bytes: pdf },
        { fileName: 'call.jpg', bytes: await jpegBytes(), altText: 'A photo call' },
      ],
    });
    withFiles = { id: f.release.id, number: f.release.number! };
    const r = await buildRelease(t.system, { boardSlug: 'press-releases', title: TRICKY, bodyMarkdown: 'Text with <script>alert(1)</script> and ]]> inside.' });
    tricky = { id: r.release.id, number: r.release.number! };
    const tagged = await t.system.commands.startCorrection(r.release.id, TEST_ACTOR);
    await t.system.commands.saveDraft(r.release.id, { title: TRICKY, subtitle: [], bodyMarkdown: 'Text with <script>alert(1)</script> and ]]> inside.', department: '', contact: null, tags: ['국방', 'a<b'], lockVersion: tagged.lockVersion }, TEST_ACTOR);
    await t.system.commands.submitRelease(r.release.id, TEST_ACTOR);
    await t.system.commands.approveRelease(r.release.id, TEST_ACTOR);
    await t.system.commands.publishRelease(r.release.id, TEST_ACTOR, { isMinorChange: true });
    await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Unfinished draft text', state: 'draft' });
    await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Embargoed announcement', state: 'embargoed' });
    await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Pulled notice', state: 'withdrawn' });
  });
  after(async () => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  async function rss(url: string) {
    const res = await get(url);
    assert.equal(res.statusCode, 200, url);
    assert.match(res.headers['content-type'] as string, /^application\/rss\+xml; charset=utf-8/);
    const doc = parser.parse(res.body) as { rss: { '@version': string; channel: { title: string; link: string; language: string; item?: RssItem[] } } };
    assert.equal(doc.rss['@version'], '2.0');
    return { res, channel: doc.rss.channel, items: doc.rss.channel.item ?? [] };
  }
  async function atom(url: string) {
    const res = await get(url);
    assert.equal(res.statusCode, 200, url);
    assert.match(res.headers['content-type'] as string, /^application\/atom\+xml; charset=utf-8/);
    const doc = parser.parse(res.body) as { feed: { '@xmlns': string; id: string; updated: string; entry?: AtomEntry[] } };
    assert.equal(doc.feed['@xmlns'], 'http://www.w3.org/2005/Atom');
    return { res, feed: doc.feed, entries: doc.feed.entry ?? [] };
  }
  const releaseUrl = (board: string, n: number) => `${BASE}/en/${board}/${n}`;

  test('the site RSS feed lists the 20 newest listed releases with escaped titles and permanent GUIDs', async () => {
    const { channel, items } = await rss('/en/feed.xml');
    assert.equal(channel.title, 'Test Newsroom');
    assert.equal(channel.link, `${BASE}/en/`);
    assert.equal(channel.language, 'en');
    assert.equal(items.length, 20);
    // RSS titles are plain text (CDATA, not HTML): no `&#39;` for an apostrophe, no entity decoding.
    const titles = items.map((i) => i.title);
    assert.equal(titles[0], TRICKY, 'the tricky title round-trips exactly, newest first');
    for (const hidden of ['Unfinished draft text', 'Embargoed announcement', 'Pulled notice']) assert.ok(!titles.includes(hidden), hidden);
    const first = items[0]!;
    assert.equal(first.link, releaseUrl('press-releases', tricky.number));
    assert.equal(first.guid['#text'], releaseUrl('press-releases', tricky.number));
    assert.equal(first.guid['@isPermaLink'], 'true');
    assert.doesNotMatch(first['content:encoded'], /<script/, 'content is the sanitized rendering');
    assert.deepEqual(first.category, ['국방', 'a<b']);
    assert.ok(!Number.isNaN(Date.parse(first.pubDate)));
  });

  test('Atom entries carry escaped titles, ids, published and updated, categories and every attachment', async () => {
    const { feed, entries } = await atom('/en/feed.atom');
    assert.equal(feed.id, `${BASE}/en/feed.atom`);
    assert.equal(entries.length, 20);
    const first = entries[0]!;
    assert.equal(first.title['@type'], 'html');
    assert.equal(htmlText(first.title['#text']), TRICKY);
    assert.equal(first.id, releaseUrl('press-releases', tricky.number));
    assert.deepEqual(
      first.category?.map((c) => c['@term']),
      ['국방', 'a<b'],
    );
    const photo = entries.find((e) => e.id === releaseUrl('photos', withFiles.number))!;
    const enclosures = photo.link.filter((l) => l['@rel'] === 'enclosure');
    assert.equal(enclosures.length, 2);
    assert.equal(enclosures[0]!['@type'], 'application/pdf');
    assert.equal(enclosures[0]!['@length'], String(pdfSize));
    assert.match(enclosures[0]!['@href'], new RegExp(`^${BASE}/files/[0-9a-f]{64}/${encodeURIComponent('예산 자료.pdf')}$`));
    assert.equal(enclosures[1]!['@type'], 'image/jpeg');
  });

  test('a board feed carries only that board, with the first attachment as the RSS enclosure', async () => {
    const { items } = await rss('/en/photos/feed.xml');
    assert.equal(items.length, 1);
    const enclosure = items[0]!.enclosure![0]!;
    assert.equal(enclosure['@type'], 'application/pdf');
    assert.equal(enclosure['@length'], String(pdfSize));
    assert.match(enclosure['@url'], new RegExp(`^${BASE}/files/[0-9a-f]{64}/`));
    const board = await atom('/en/press-releases/feed.atom');
    assert.ok(board.entries.every((e) => e.id.startsWith(`${BASE}/en/press-releases/`)));
    assert.equal((await get('/en/no-such-board/feed.xml')).statusCode, 404);
    assert.equal((await get('/fr/feed.xml')).statusCode, 404);
  });

  test('a tag feed lists the releases with that exact tag; an unknown tag is a 404', async () => {
    const { items } = await rss(`/en/tags/${encodeURIComponent('국방')}/feed.xml`);
    assert.deepEqual(
      items.map((i) => i.title),
      [TRICKY],
    );
    const { entries } = await atom(`/en/tags/${encodeURIComponent('a<b')}/feed.atom`);
    assert.equal(entries.length, 1);
    assert.equal((await get(`/en/tags/${encodeURIComponent('국')}/feed.xml`)).statusCode, 404, 'a part of a tag is not the tag');
    assert.equal((await get('/ko/feed.xml')).statusCode, 200, 'the other language has its own, empty feed');
  });

  test('ETag and Last-Modified: unchanged feeds answer 304', async () => {
    const first = await get('/en/feed.xml');
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    assert.ok(etag);
    assert.ok(lastModified);
    assert.equal((await get('/en/feed.xml', { 'if-none-match': etag })).statusCode, 304);
    assert.equal((await get('/en/feed.xml', { 'if-none-match': `"other", ${etag}` })).statusCode, 304);
    assert.equal((await get('/en/feed.xml', { 'if-modified-since': lastModified })).statusCode, 304);
    assert.equal((await get('/en/feed.xml', { 'if-modified-since': new Date(Date.parse(lastModified) - 60_000).toUTCString() })).statusCode, 200);
    assert.equal((await get('/en/feed.xml', { 'if-none-match': '"stale"', 'if-modified-since': lastModified })).statusCode, 200, 'If-None-Match wins');
  });

  test('a published correction moves Atom updated, keeps the GUID and changes the ETag', async () => {
    const before = await atom('/en/feed.atom');
    const entryBefore = before.entries.find((e) => e.id === releaseUrl('press-releases', tricky.number))!;
    const rssBefore = await rss('/en/feed.xml');
    t.clock.advance(600_000);
    const draft = await t.system.commands.startCorrection(tricky.id, TEST_ACTOR);
    await t.system.commands.saveDraft(tricky.id, { title: TRICKY, subtitle: [], bodyMarkdown: 'Corrected figures.', department: '', contact: null, tags: ['국방'], lockVersion: draft.lockVersion }, TEST_ACTOR);
    await t.system.commands.submitRelease(tricky.id, TEST_ACTOR);
    await t.system.commands.approveRelease(tricky.id, TEST_ACTOR);
    await t.system.commands.publishRelease(tricky.id, TEST_ACTOR, { changeNote: 'Corrected the figures' });
    const after = await atom('/en/feed.atom');
    const entryAfter = after.entries.find((e) => e.id === releaseUrl('press-releases', tricky.number))!;
    assert.ok(Date.parse(entryAfter.updated) > Date.parse(entryBefore.updated), 'updated moves');
    assert.equal(entryAfter.published, entryBefore.published, 'first publication stays');
    assert.match(entryAfter.content['#text'], /Corrected figures/);
    assert.ok(Date.parse(after.feed.updated) > Date.parse(before.feed.updated));
    assert.notEqual(after.res.headers.etag, before.res.headers.etag);
    const rssAfter = await rss('/en/feed.xml');
    assert.deepEqual(
      rssAfter.items.map((i) => i.guid['#text']),
      rssBefore.items.map((i) => i.guid['#text']),
      'GUIDs are stable',
    );
    assert.equal(rssAfter.items[0]!.pubDate, rssBefore.items[0]!.pubDate, 'pubDate is the first publication');
  });

  test('a withdrawn release leaves every feed', async () => {
    await t.system.commands.withdrawRelease(withFiles.id, 'Issued in error', TEST_ACTOR);
    const { items } = await rss('/en/feed.xml');
    assert.ok(!items.some((i) => i.link === releaseUrl('photos', withFiles.number)));
    assert.equal((await rss('/en/photos/feed.xml')).items.length, 0);
    assert.ok(!(await atom('/en/feed.atom')).entries.some((e) => e.id === releaseUrl('photos', withFiles.number)));
  });

  test('home and board pages announce their feeds', async () => {
    const home = await get('/en/');
    assert.match(home.body, /<link rel="alternate" type="application\/rss\+xml" title="Test Newsroom" href="https:\/\/news\.example\.org\/en\/feed\.xml"\/>/);
    assert.match(home.body, /<link rel="alternate" type="application\/atom\+xml" title="Test Newsroom" href="https:\/\/news\.example\.org\/en\/feed\.atom"\/>/);
    const board = await get('/en/press-releases');
    assert.match(board.body, /<link rel="alternate" type="application\/rss\+xml" title="Test Newsroom: Board \d+" href="https:\/\/news\.example\.org\/en\/press-releases\/feed\.xml"\/>/);
  });
});
