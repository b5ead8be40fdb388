import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEmailTemplates } from '../../src/web/email/email-templates.js';
import { StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

// Issue #16 bug 4: Korean pages, the Korean admin and Korean emails printed "PM 4:40" and "GMT+9".
// 07:40 UTC is 16:40 in Seoul: an afternoon time, where a 12-hour clock would say PM.
const AFTERNOON = new Date('2026-12-03T07:40:00Z');

/** The visible text of an HTML page (tags dropped), where a date could show "PM" or "GMT+9". */
const textOf = (html: string) => html.replace(/<[^>]*>/g, ' ');

describe('Korean dates read as Korean readers expect', () => {
  let t: TestWeb;

  before(async () => {
    t = await createTestWeb('sqlite');
    await buildBoard(t.system, { slug: 'press-releases' });
    t.clock.set(AFTERNOON);
  });
  after(async () => t?.close());

  test('the Korean release page: 24-hour time and KST, never PM or GMT+9', async () => {
    const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', title: '오후 발표' });
    const page = await t.app.inject({ method: 'GET', url: `/ko/press-releases/${release.number}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<time dateTime="2026-12-03T07:40:00\.000Z">2026년 12월 3일 16:40 \(KST\)<\/time>/i);
    assert.doesNotMatch(textOf(page.body), /\b[AP]M\b|GMT\+9/);
  });

  test('the Korean admin release list: 16:40 KST', async () => {
    const editor = new StaffBrowser(t, staffUser('editor', '편집자 김'));
    await editor.get('/language?to=ko&next=/admin');
    await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', title: '목록에 보이는 보도' });
    const list = await editor.get('/admin/releases');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<html lang="ko">/);
    assert.match(list.body, /<time datetime="2026-12-03T07:40:00\.000Z">2026\. 12\. 03\. 16:40 KST<\/time>/);
    assert.doesNotMatch(textOf(list.body), /\b[AP]M\b|GMT\+9/);
  });

  test('a Korean alert email: 16:40 (KST) in its text and HTML', () => {
    const templates = makeEmailTemplates({ siteName: 'Pressroom', timeZone: 'Asia/Seoul' });
    const email = templates.alert({
      language: 'ko',
      item: { releaseId: 1, editionId: 1, language: 'ko', boardSlug: 'press-releases', boardName: { en: 'Press Release', ko: '보도자료' }, number: 1, title: '해양경찰 파출소 개소', subtitle: [], department: '해양경찰청', publicAt: AFTERNOON, changeNote: null, isPublished: true },
      releaseUrl: 'https://news.example.org/ko/press-releases/1',
      criteria: { language: 'ko', boardId: 1, tag: null, query: null, boardName: { en: 'Press Release', ko: '보도자료' } },
      manageUrl: 'https://news.example.org/m',
      unsubscribeUrl: 'https://news.example.org/u',
    });
    assert.match(email.text, /2026년 12월 3일 16:40 \(KST\)/);
    assert.match(email.html, /2026년 12월 3일 16:40 \(KST\)/);
    for (const body of [email.subject, email.text, textOf(email.html)]) assert.doesNotMatch(body, /\b[AP]M\b|GMT\+9/);
  });
});
