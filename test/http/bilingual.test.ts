import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { catalogues } from '../../src/web/i18n/messages.js';
import { StaffBrowser, staffUser, type FormFields } from '../support/admin-web.js';
import { buildBoard, buildRelease, jpegBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const BASE = 'https://news.example.org';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'xhtml:link', 'item'].includes(name) });

/** `<link rel="alternate" hreflang=...>` of a page, as { hreflang: href }. */
function hreflangs(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1]!, m[2]!]));
}

/** What a reader sees or a screen reader hears: text content plus labelling attributes. */
function visibleText(html: string): string {
  const attrs = [...html.matchAll(/\s(?:aria-label|title|alt)="([^"]*)"/g)].map((m) => m[1]);
  const text = html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    // Data, not UI: event names and details in the audit log, e-mail addresses.
    .replace(/<code[^>]*>[\s\S]*?<\/code>/g, ' ')
    .replace(/<td>[a-z_]+\.[a-z_]+<\/td>/g, ' ')
    // Names and recorded details (staff pickers and the audit trail mark them translate="no").
    .replace(/<(option|span|dl)[^>]*translate="no"[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/[\w.+-]+@[\w.-]+/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  return `${text} ${attrs.join(' ')}`.replace(/\s+/g, ' ');
}

/** English catalogue strings (their literal parts) that differ from every Korean one. */
const englishOnly = (() => {
  const korean = new Set(Object.values(catalogues.ko));
  const fragments = new Set<string>();
  for (const value of Object.values(catalogues.en)) {
    if (korean.has(value)) continue; // e.g. "English", the name of the other language on the switcher
    for (const part of value.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/)) {
      const literal = part.trim().replace(/[.:,()]+$/, '');
      if (/[A-Za-z]{3}/.test(literal) && literal.length >= 4) fragments.add(literal);
    }
  }
  return [...fragments];
})();

function englishLeftIn(html: string): string[] {
  const text = visibleText(html);
  return englishOnly.filter((fragment) => new RegExp(`(^|[^A-Za-z])${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`).test(text));
}

describe('a bilingual newsroom over HTTP', () => {
  let t: TestWeb;
  let paired: { ko: number; en: number; koId: number; enId: number };
  let pending: { ko: number; koId: number; enId: number };
  let englishOnlyRelease: number;
  let englishOnlyId: number;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  before(async () => {
    t = await createTestWeb('sqlite');
    await buildBoard(t.system, { slug: 'press-releases' });
    // A Korean release whose English version is published: linked both ways.
    const ko = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', title: '국방부 급식 개선 방안 발표', bodyMarkdown: '급식 본문.' });
    const en = await t.system.commands.startTranslation(ko.release.id, {}, TEST_ACTOR);
    await t.system.commands.saveDraft(en.release.id, { title: 'Ministry announces plan for better meals', bodyMarkdown: 'English body.', lockVersion: en.edition.lockVersion }, TEST_ACTOR);
    await t.system.commands.submitRelease(en.release.id, TEST_ACTOR);
    await t.system.commands.approveRelease(en.release.id, TEST_ACTOR);
    await t.system.commands.publishRelease(en.release.id, TEST_ACTOR);
    const enPublished = (await t.system.releases.getRelease(en.release.id))!;
    paired = { ko: ko.release.number!, en: enPublished.number!, koId: ko.release.id, enId: en.release.id };
    // A Korean release whose English version is still in review: never linked.
    const ko2 = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', title: '합참의장 해안 경계부대 점검', bodyMarkdown: '점검 본문.' });
    const en2 = await t.system.commands.startTranslation(ko2.release.id, {}, TEST_ACTOR);
    await t.system.commands.saveDraft(en2.release.id, { title: 'Chairman inspects coastal units (in review)', bodyMarkdown: 'Coastal inspection text.', lockVersion: en2.edition.lockVersion }, TEST_ACTOR);
    await t.system.commands.submitRelease(en2.release.id, TEST_ACTOR);
    pending = { ko: ko2.release.number!, koId: ko2.release.id, enId: en2.release.id };
    const lone = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'en', title: 'English-only statement' });
    englishOnlyRelease = lone.release.number!;
    englishOnlyId = lone.release.id;
  });
  after(async () => t?.close());

  test('/ picks the language by Accept-Language, and the remembered choice wins over it', async () => {
    const byHeader = await get('/', { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.5' });
    assert.equal(byHeader.statusCode, 302);
    assert.equal(byHeader.headers.location, '/ko/');
    assert.match(String(byHeader.headers.vary), /Accept-Language/);
    assert.match(String(byHeader.headers.vary), /Cookie/);
    assert.equal((await get('/', { 'accept-language': 'fr-FR,en;q=0.8,ko;q=0.7' })).headers.location, '/en/');
    assert.equal((await get('/', { 'accept-language': 'ko-KR,ko;q=0.9', cookie: 'pressroom_lang=en' })).headers.location, '/en/');
    assert.equal((await get('/', { 'accept-language': 'en-GB', cookie: 'pressroom_lang=ko' })).headers.location, '/ko/');
    assert.equal((await get('/', { 'accept-language': 'ko', cookie: 'pressroom_lang=fr' })).headers.location, '/ko/', 'a bad cookie is ignored');
  });

  test('the switcher remembers the choice in a cookie and goes on to the page, never off the site', async () => {
    const res = await get(`/language?to=en&next=${encodeURIComponent(`/en/press-releases/${paired.en}`)}`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/en/press-releases/${paired.en}`);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /^pressroom_lang=en;/);
    assert.match(cookie, /Max-Age=31536000/);
    assert.match(cookie, /SameSite=Lax/);
    for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/\t/evil.example', '/%09/evil.example', '/\r\nSet-Cookie: a=1', '/%0d%0aSet-Cookie:%20a=1', '/\u3000/evil.example']) {
      const r = await get(`/language?to=ko&next=${encodeURIComponent(evil)}`);
      assert.equal(r.statusCode, 303, `next=${evil}`);
      assert.equal(r.headers.location, '/ko/', `next=${evil}`);
    }
    // The reported request, exactly as sent: a raw %09 after the slash.
    assert.equal((await get('/language?to=en&next=/%09/evil.example')).headers.location, '/en/');
    const korean = await get(`/language?to=ko&next=${encodeURIComponent('/ko/search?q=국방부')}`);
    assert.equal(korean.statusCode, 303, 'a Korean target is encoded for the header, not a 500');
    assert.equal(korean.headers.location, '/ko/search?q=%EA%B5%AD%EB%B0%A9%EB%B6%80');
    assert.equal((await get('/language?to=fr&next=/')).statusCode, 404);
  });

  test('a release links to its public translation ("Also in", hreflang with x-default) and the switcher goes there', async () => {
    const ko = await get(`/ko/press-releases/${paired.ko}`);
    assert.equal(ko.statusCode, 200);
    assert.match(ko.body, /<html lang="ko">/);
    assert.match(ko.body, new RegExp(`<nav class="also-in" aria-label="다른 언어">다른 언어: <ul><li><a href="/en/press-releases/${paired.en}" hreflang="en" lang="en" rel="alternate">English</a>`));
    assert.deepEqual(hreflangs(ko.body), {
      ko: `${BASE}/ko/press-releases/${paired.ko}`,
      en: `${BASE}/en/press-releases/${paired.en}`,
      'x-default': `${BASE}/ko/press-releases/${paired.ko}`,
    });
    assert.match(ko.body, new RegExp(`class="lang-switch"[^]*?href="/language\\?to=en&amp;next=%2Fen%2Fpress-releases%2F${paired.en}"`));
    const en = await get(`/en/press-releases/${paired.en}`);
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, new RegExp(`Also in: <ul><li><a href="/ko/press-releases/${paired.ko}" hreflang="ko" lang="ko" rel="alternate">한국어</a>`));
    assert.match(en.body, /The Korean version is authoritative\./);
    assert.equal(hreflangs(en.body)['x-default'], `${BASE}/ko/press-releases/${paired.ko}`, 'x-default is the authoritative version');
  });

  test('a page never links to a version in review, and an unpaired release has no alternates', async () => {
    const ko = await get(`/ko/press-releases/${pending.ko}`);
    assert.equal(ko.statusCode, 200);
    assert.doesNotMatch(ko.body, /also-in/);
    assert.deepEqual(hreflangs(ko.body), {});
    assert.doesNotMatch(ko.body, /\/en\/press-releases\/\d+/);
    assert.doesNotMatch(ko.body, /in review/);
    const en = await get(`/en/press-releases/${englishOnlyRelease}`);
    assert.doesNotMatch(en.body, /also-in/);
    assert.match(en.body, /class="lang-switch"[^]*?href="\/language\?to=ko&amp;next=%2Fko%2F"/, 'the switcher goes to the Korean home');
  });

  test('the sitemap lists each release with its public language versions as xhtml:link alternates', async () => {
    const res = await get('/sitemap.xml');
    const doc = parser.parse(res.body) as { urlset: { '@xmlns:xhtml': string; url: { loc: string; 'xhtml:link'?: { '@hreflang': string; '@href': string }[] }[] } };
    assert.equal(doc.urlset['@xmlns:xhtml'], 'http://www.w3.org/1999/xhtml');
    const entry = (path: string) => doc.urlset.url.find((u) => u.loc === `${BASE}${path}`);
    const alternates = (path: string) => Object.fromEntries((entry(path)?.['xhtml:link'] ?? []).map((l) => [l['@hreflang'], l['@href']]));
    const pair = { ko: `${BASE}/ko/press-releases/${paired.ko}`, en: `${BASE}/en/press-releases/${paired.en}` };
    assert.deepEqual(alternates(`/ko/press-releases/${paired.ko}`), pair);
    assert.deepEqual(alternates(`/en/press-releases/${paired.en}`), pair);
    assert.ok(entry(`/ko/press-releases/${pending.ko}`), 'the Korean release is listed');
    assert.deepEqual(alternates(`/ko/press-releases/${pending.ko}`), {}, 'but not its English version in review');
    assert.deepEqual(alternates('/ko/'), { ko: `${BASE}/ko/`, en: `${BASE}/en/` });
    assert.ok(!res.body.includes('in review'));
  });

  test('homes and board lists announce both languages; lists and feeds are scoped to their language', async () => {
    const home = await get('/en/');
    assert.deepEqual(hreflangs(home.body), { ko: `${BASE}/ko/`, en: `${BASE}/en/`, 'x-default': `${BASE}/` });
    const koList = await get('/ko/press-releases');
    assert.equal(hreflangs(koList.body).en, `${BASE}/en/press-releases`);
    assert.match(koList.body, /국방부 급식 개선 방안 발표/);
    assert.doesNotMatch(koList.body, /Ministry announces plan|English-only statement/);
    const enList = await get('/en/press-releases');
    assert.match(enList.body, /Ministry announces plan for better meals/);
    assert.match(enList.body, /English-only statement/);
    assert.doesNotMatch(enList.body, /국방부 급식|Chairman inspects/);
    const koFeed = parser.parse((await get('/ko/feed.xml')).body) as { rss: { channel: { item: { title: string }[] } } };
    assert.deepEqual(koFeed.rss.channel.item.map((i) => i.title).sort(), ['국방부 급식 개선 방안 발표', '합참의장 해안 경계부대 점검'].sort());
    const enFeed = parser.parse((await get('/en/press-releases/feed.xml')).body) as { rss: { channel: { item: { title: string }[] } } };
    assert.deepEqual(enFeed.rss.channel.item.map((i) => i.title).sort(), ['English-only statement', 'Ministry announces plan for better meals']);
  });

  test('search is scoped to the page language', async () => {
    await t.system.search.idle();
    const ko = await get(`/ko/search?q=${encodeURIComponent('급식')}`);
    assert.match(ko.body, new RegExp(`href="/ko/press-releases/${paired.ko}"`));
    assert.doesNotMatch(ko.body, /href="\/en\/press-releases\/\d+"/);
    const en = await get('/en/search?q=meals');
    assert.match(en.body, new RegExp(`href="/en/press-releases/${paired.en}"`));
    assert.doesNotMatch(en.body, /href="\/ko\/press-releases\/\d+"/);
    assert.doesNotMatch((await get('/ko/search?q=meals')).body, /href="\/(ko|en)\/press-releases\/\d+"/);
  });

  test('<html lang> and the switcher are right on every public page, errors included', async () => {
    for (const [url, lang] of [
      ['/ko/', 'ko'],
      ['/en/', 'en'],
      ['/ko/press-releases', 'ko'],
      ['/ko/search?q=급식', 'ko'],
      ['/en/search?q=meals', 'en'],
      [`/ko/press-releases/${paired.ko}/print`, 'ko'],
      ['/ko/press-releases/9999', 'ko'],
      ['/en/no-such-board', 'en'],
    ] as const) {
      const res = await get(url);
      assert.match(res.body, new RegExp(`<html lang="${lang}">`), url);
      if (!url.endsWith('/print')) assert.match(res.body, /class="lang-switch"/, `${url} has the switcher`);
    }
  });

  test('Korean public pages carry no English UI text', async () => {
    for (const url of ['/ko/', '/ko/press-releases', `/ko/press-releases/${paired.ko}`, '/ko/search?q=급식', '/ko/press-releases/9999']) {
      assert.deepEqual(englishLeftIn((await get(url)).body), [], url);
    }
    // The check can fail: an English page is full of them.
    assert.ok(englishLeftIn((await get('/en/press-releases')).body).length > 3);
  });

  describe('translation workflow in the press office', () => {
    test('flag "translation needed", see it on the dashboard, start the translation, mark the authoritative version', async () => {
      const writer = new StaffBrowser(t, staffUser('writer'));
      const editor = new StaffBrowser(t, staffUser('editor'));
      const source = await buildRelease(t.system, {
        boardSlug: 'press-releases',
        language: 'ko',
        title: '국방백서 발간',
        bodyMarkdown: '백서 본문.',
        subtitle: ['국방정책을 알기 쉽게 설명'],
        files: [{ fileName: 'cover.jpg', bytes: await jpegBytes(), caption: '백서 표지', altText: '국방백서 표지 사진' }],
      });
      let res = await writer.post(`/admin/releases/${source.release.id}/translation-needed`, { needed: ['0', '1'] });
      assert.equal(res.statusCode, 303);
      const dashboard = await writer.get('/admin');
      const missing = /<section aria-labelledby="missing-translations">([^]*?)<\/section>/.exec(dashboard.body)?.[1] ?? '';
      assert.match(missing, /국방백서 발간/);
      assert.match(missing, /Start the English version/);

      res = await writer.post(`/admin/releases/${source.release.id}/translations`, { language: 'en' });
      assert.equal(res.statusCode, 303);
      const newId = Number(/\/admin\/releases\/(\d+)\?done=translation_started/.exec(String(res.headers.location))?.[1]);
      assert.ok(newId > source.release.id);
      const page = await writer.get(String(res.headers.location));
      assert.match(page.body, /Translation draft started/);
      assert.match(page.body, /<textarea id="field-subtitle"[^>]*>국방정책을 알기 쉽게 설명<\/textarea>/, 'subtitle lines to translate');
      assert.match(page.body, /value="백서 표지"/, 'photo caption to translate');
      assert.match(page.body, /value="국방백서 표지 사진"/, 'alt text to translate');
      assert.match(page.body, /<section aria-labelledby="versions-title">[^]*?Korean[^]*?<strong>Authoritative<\/strong>[^]*?English/);
      const after = await writer.get('/admin');
      assert.doesNotMatch(/<section aria-labelledby="missing-translations">([^]*?)<\/section>/.exec(after.body)?.[1] ?? '', /국방백서 발간/);

      assert.equal((await writer.post(`/admin/releases/${newId}/authoritative`, { back: String(newId) })).statusCode, 403, 'writers cannot choose');
      res = await editor.post(`/admin/releases/${newId}/authoritative`, { back: String(newId) });
      assert.equal(res.statusCode, 303);
      const versions = await t.system.translations.versionsOf(newId);
      assert.deepEqual(
        versions.map((v) => [v.language, v.isAuthoritative]),
        [
          ['ko', false],
          ['en', true],
        ],
      );
      const audit = await t.system.audit.list({ subjectId: String(newId), limit: 10 });
      assert.ok(audit.some((a) => a.action === 'release.authoritative_set' && a.actor.label === editor.user.email));
    });

    test('every admin page renders in Korean with no English UI text left', async () => {
      const admin = new StaffBrowser(t, staffUser('admin', '관리자'));
      const draft = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', state: 'draft', title: '초안 보도자료', bodyMarkdown: '초안 본문.', files: [{ fileName: 'p.jpg', bytes: await jpegBytes(), altText: '' }] });
      const res = await admin.get('/language?to=ko&next=/admin');
      assert.equal(res.headers.location, '/admin');
      const english = await new StaffBrowser(t, staffUser('editor', '편집자')).get('/admin');
      assert.ok(englishLeftIn(english.body).length > 3, 'the check can fail: an English page is full of them');
      // The tokens page with a token listed (owner role, dates, status and scope descriptions shown).
      const token = await admin.post('/admin/tokens', { name: '보도자료 연동', ownerEmail: admin.user.email, scopes: ['drafts:write', 'workflow:submit'], expiresAt: '2027-01-01T09:00' });
      assert.equal(token.statusCode, 201);
      assert.deepEqual(englishLeftIn(token.body), [], 'token created');
      for (const url of ['/admin', '/admin/releases', '/admin/releases/new', `/admin/releases/${draft.release.id}`, `/admin/releases/${paired.koId}`, `/admin/releases/${pending.enId}`, '/admin/audit', '/admin/tokens', '/admin/tokens?done=revoked', `/admin/releases/${paired.koId}/pair`, `/admin/releases/${englishOnlyId}/pair?other=${draft.release.id}`, '/admin/account/password', '/admin/account/two-factor', '/admin/releases/999999']) {
        const page = await admin.get(url);
        assert.match(page.body, /<html lang="ko">/, url);
        assert.deepEqual(englishLeftIn(page.body), [], url);
      }
      // A refusal's reasons are shown in Korean too (by their stable codes).
      const refused = await admin.post(`/admin/releases/${pending.enId}/reject`, { comment: '' });
      assert.ok(refused.statusCode >= 400);
      assert.match(refused.body, /고칠 내용을 적으십시오/);
      assert.doesNotMatch(refused.body, /Say what needs to change/);
      assert.deepEqual(englishLeftIn(refused.body), [], 'refused reject');
      const tokenCases: [FormFields, RegExp[]][] = [
        [{ name: 'x', ownerEmail: admin.user.email, scopes: ['made:up'], expiresAt: 'tomorrow' }, [/목록에 있는 범위를 고르십시오/, /올바른 날짜와 시각을 입력하십시오/]],
        [{ name: '', ownerEmail: 'nobody@press.example', scopes: [] }, [/토큰 이름을 입력하십시오/, /이 이메일 주소를 쓰는 직원이 없습니다/, /범위를 하나 이상 고르십시오/]],
      ];
      for (const [fields, expected] of tokenCases) {
        const refusedToken = await admin.post('/admin/tokens', fields);
        assert.equal(refusedToken.statusCode, 400);
        assert.match(refusedToken.body, /토큰을 만들지 못했습니다/);
        for (const message of expected) assert.match(refusedToken.body, message);
        assert.deepEqual(englishLeftIn(refusedToken.body), [], 'refused token form');
      }
      const login = await t.app.inject({ method: 'GET', url: '/admin/login', headers: { cookie: 'pressroom_lang=ko' } });
      assert.match(login.body, /<html lang="ko">/);
      assert.deepEqual(englishLeftIn(login.body), [], '/admin/login');
    });
  });
});
