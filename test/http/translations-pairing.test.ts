import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import type { TestWeb } from '../support/web.js';

const BASE = 'https://news.example.org';

/** `<link rel="alternate" hreflang=...>` of a page, as { hreflang: href }. */
function hreflangs(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1]!, m[2]!]));
}

describe('pairing existing releases as language versions in the admin', () => {
  let t: TestWeb;
  let editor: StaffBrowser;
  let writer: StaffBrowser;
  const publicPage = (url: string) => t.app.inject({ method: 'GET', url });

  before(async () => {
    t = await createAdminTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    editor = new StaffBrowser(t, staffUser('editor', 'Editor Kim'));
    writer = new StaffBrowser(t, staffUser('writer', 'Writer Lee'));
  });
  after(async () => t?.close());

  test('pick by board and number, confirm with the authoritative choice, then both public pages link each other; unpair removes the links', async () => {
    const ko = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', title: '따로 가져온 한국어 보도자료' });
    const en = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'en', title: 'Separately imported English release' });
    const koUrl = `/ko/press-releases/${ko.release.number}`;
    const enUrl = `/en/press-releases/${en.release.number}`;
    // Cached before the pairing: the pairing must still show at once.
    assert.doesNotMatch((await publicPage(koUrl)).body, /also-in/);
    assert.doesNotMatch((await publicPage(enUrl)).body, /also-in/);

    const releasePage = await editor.get(`/admin/releases/${ko.release.id}`);
    assert.match(releasePage.body, new RegExp(`<a href="/admin/releases/${ko.release.id}/pair">Pair with an existing English release</a>`));
    const picker = await editor.get(`/admin/releases/${ko.release.id}/pair`);
    assert.equal(picker.statusCode, 200);
    assert.match(picker.body, /<form method="get" action="\/admin\/releases\/\d+\/pair"/);
    assert.match(picker.body, new RegExp(`<option value="${en.release.id}">Separately imported English release \\(Board \\d+ · No\\. ${en.release.number}, Published\\)</option>|<option value="${en.release.id}">Separately imported English release`));
    assert.doesNotMatch(picker.body, new RegExp(`<option value="${ko.release.id}"`), 'only releases in the other language are offered');

    const confirm = await editor.get(`/admin/releases/${ko.release.id}/pair?other=&board=press-releases&number=${en.release.number}`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Check and confirm the pairing/);
    assert.match(confirm.body, new RegExp(`<input type="hidden" name="other" value="${en.release.id}"/>`));
    assert.match(confirm.body, /<input type="radio" id="field-authoritative-this" name="authoritative" value="this" checked/, 'the earlier release is proposed as authoritative');
    assert.match(confirm.body, /name="_csrf"/);

    assert.equal((await writer.get(`/admin/releases/${ko.release.id}/pair`)).statusCode, 403, 'editors decide');
    assert.equal((await writer.post(`/admin/releases/${ko.release.id}/pair`, { other: String(en.release.id), authoritative: 'this' })).statusCode, 403);
    assert.equal((await editor.post(`/admin/releases/${ko.release.id}/pair`, { other: String(en.release.id), authoritative: 'this' }, { csrf: false })).statusCode, 403, 'CSRF-protected');
    assert.equal((await t.system.translations.versionsOf(ko.release.id)).length, 1, 'nothing changed yet');

    const paired = await editor.post(`/admin/releases/${ko.release.id}/pair`, { other: String(en.release.id), authoritative: 'other' });
    assert.equal(paired.statusCode, 303);
    assert.equal(paired.headers.location, `/admin/releases/${ko.release.id}?done=translations_paired`);
    const after = await editor.get(String(paired.headers.location));
    assert.match(after.body, /The releases are now language versions of each other\./);
    assert.match(after.body, /<section aria-labelledby="versions-title">[^]*?Korean[^]*?English[^]*?<strong>Authoritative<\/strong>/);
    assert.match(after.body, /action="\/admin\/releases\/\d+\/unpair"/);

    const koPage = await publicPage(koUrl);
    assert.match(koPage.body, new RegExp(`<nav class="also-in"[^>]*>[^]*?href="/en/press-releases/${en.release.number}"`));
    assert.deepEqual(hreflangs(koPage.body), { ko: `${BASE}${koUrl}`, en: `${BASE}${enUrl}`, 'x-default': `${BASE}${enUrl}` }, 'x-default is the authoritative version');
    assert.match((await publicPage(enUrl)).body, new RegExp(`href="/ko/press-releases/${ko.release.number}"`));
    const audit = await t.system.audit.list({ action: 'release.translations_paired', limit: 10 });
    assert.deepEqual(audit.map((a) => a.subjectId).sort(), [String(ko.release.id), String(en.release.id)].sort());
    assert.ok(audit.every((a) => a.actor.label === editor.user.email));

    const unpaired = await editor.post(`/admin/releases/${en.release.id}/unpair`, { back: String(en.release.id) });
    assert.equal(unpaired.statusCode, 303);
    assert.equal(unpaired.headers.location, `/admin/releases/${en.release.id}?done=translations_unpaired`);
    assert.match((await editor.get(String(unpaired.headers.location))).body, /The language versions have been unpaired\./);
    assert.doesNotMatch((await publicPage(koUrl)).body, /also-in/);
    assert.deepEqual(hreflangs((await publicPage(enUrl)).body), {});
    assert.equal((await t.system.audit.list({ action: 'release.translations_unpaired', limit: 10 })).length, 2);
  });

  test('refusals: the same language, an unknown number, nothing chosen; a draft version is paired but never linked publicly', async () => {
    const ko = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', title: '원문 보도자료' });
    const ko2 = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', title: '또 다른 한국어' });
    const enDraft = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'en', state: 'draft', title: 'Draft translation' });

    const same = await editor.get(`/admin/releases/${ko.release.id}/pair?other=${ko2.release.id}`);
    assert.equal(same.statusCode, 400);
    assert.match(same.body, /These releases cannot be paired/);
    assert.match(same.body, /Both releases are in Korean/);
    assert.doesNotMatch(same.body, /name="authoritative"/, 'no confirmation for a refused pick');
    const posted = await editor.post(`/admin/releases/${ko.release.id}/pair`, { other: String(ko2.release.id), authoritative: 'this' });
    assert.equal(posted.statusCode, 409);
    assert.match(posted.body, /Both releases are in Korean/);

    const unknown = await editor.get(`/admin/releases/${ko.release.id}/pair?other=&board=press-releases&number=99999`);
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /There is no release with this number on that board in the other language/);
    assert.match(unknown.body, /value="99999"/, 'the pick comes back as typed');
    for (const query of ['other=&board=&number=', 'other=&board=press-releases&number=']) {
      const nothing = await editor.get(`/admin/releases/${ko.release.id}/pair?${query}`);
      assert.equal(nothing.statusCode, 400, query);
      assert.match(nothing.body, /Choose a release from the list, or give its board and number/, query);
    }
    assert.match((await editor.get(`/admin/releases/${ko.release.id}/pair`)).body, /<option value="press-releases" selected>/, "the release's own board is proposed");
    assert.match((await editor.get(`/admin/releases/${ko.release.id}/pair?other=&board=press-releases&number=twelve`)).body, /Enter the number as digits/);

    const paired = await editor.post(`/admin/releases/${ko.release.id}/pair`, { other: String(enDraft.release.id), authoritative: 'this' });
    assert.equal(paired.statusCode, 303);
    const koPage = await publicPage(`/ko/press-releases/${ko.release.number}`);
    assert.doesNotMatch(koPage.body, /also-in/, 'a draft version is never linked');
    assert.deepEqual(hreflangs(koPage.body), {});
    assert.doesNotMatch(koPage.body, /Draft translation/);
    const again = await editor.get(`/admin/releases/${ko2.release.id}/pair?other=${enDraft.release.id}`);
    assert.match(again.body, /The chosen release already has a version in this language|already has a Korean version/);
  });

  test('in Korean: the pairing pages and their refusals', async () => {
    const korean = new StaffBrowser(t, staffUser('editor', '편집자 박'));
    await korean.get('/language?to=ko&next=/admin');
    const ko = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', title: '한국어 원문' });
    const ko2 = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', title: '같은 언어' });
    const page = await korean.get(`/admin/releases/${ko.release.id}/pair`);
    assert.match(page.body, /<html lang="ko">/);
    assert.match(page.body, /기존 보도자료와 연결/);
    assert.match(page.body, /번역이 연결되지 않은 최근 영어 보도자료/);
    const refused = await korean.get(`/admin/releases/${ko.release.id}/pair?other=${ko2.release.id}`);
    assert.match(refused.body, /두 보도자료를 연결할 수 없습니다/);
    assert.match(refused.body, /두 보도자료의 언어가 같습니다/);
    assert.doesNotMatch(refused.body, /Both releases are in/);
  });
});
