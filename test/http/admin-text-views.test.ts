import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { damagedPdf, headedPdf, hwp5Document } from '../support/document-fixtures.js';
import { buildBoard, jpegBytes, TEST_ACTOR } from '../support/factories.js';
import type { TestWeb } from '../support/web.js';

/** The attachment table's row of one file, tags and all. */
function rowOf(page: string, fileName: string): string {
  // The name cell may start with the image's thumbnail: the name ends the cell.
  const row = page.split('<tr').find((r) => r.includes(`${fileName}</td>`));
  assert.ok(row, `a row for ${fileName}`);
  return row;
}
const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

// The admin's attachment list says where each document's text view stands (#19): queued, ready
// (linked once public), incomplete, or no text view with the reason; in English and Korean.
describe('text-view state in the admin attachment list', () => {
  let t: TestWeb;
  let writer: StaffBrowser;
  let id: number;

  before(async () => {
    t = await createAdminTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    writer = new StaffBrowser(t, staffUser('writer', 'Text Writer'));
    const res = await writer.post('/admin/releases', { boardSlug: 'press-releases', language: 'en', title: 'Budget with annexes', bodyMarkdown: 'Body.' });
    id = Number(/\/admin\/releases\/(\d+)/.exec(String(res.headers.location))?.[1]);
    const up = await writer.upload(`/admin/releases/${id}/attachments`, [
      { name: 'report.pdf', bytes: await headedPdf({ title: 'Annual Report', heading: 'Overview', body: ['An opening paragraph.', 'More text.'] }) },
      { name: 'broken.pdf', bytes: damagedPdf() },
      { name: 'old.hwp', bytes: hwp5Document('미리보기 본문') },
      { name: 'photo.jpg', bytes: await jpegBytes(80, 60) },
    ], { altText: 'A photo' });
    assert.equal(up.statusCode, 303, up.body.slice(0, 300));
  });
  after(async () => t?.close());

  test('documents show "queued" until read; photos have none', async () => {
    const page = (await writer.get(`/admin/releases/${id}`)).body;
    assert.match(page, /<th scope="col">Text view \(Read online\)<\/th>/);
    for (const name of ['report.pdf', 'broken.pdf', 'old.hwp']) assert.match(textOf(rowOf(page, name)), /Queued: the text view is being prepared/, name);
    assert.match(textOf(rowOf(page, 'photo.jpg')), /None for this type/);
  });

  test('once read: ready (online once published), incomplete with why, or no text view with the reason', async () => {
    assert.equal(await t.system.texts.extraction.runAll(), 3);
    const page = (await writer.get(`/admin/releases/${id}`)).body;
    assert.match(textOf(rowOf(page, 'report.pdf')), /Ready: online once published/);
    assert.doesNotMatch(rowOf(page, 'report.pdf'), /\/files\/\d+"/, 'no link while the release is not public');
    assert.match(textOf(rowOf(page, 'old.hwp')), /Ready: online once published Incomplete: preview text only/);
    assert.match(textOf(rowOf(page, 'broken.pdf')), /No text view: it is not a readable PDF \(damaged or incomplete\)\. Readers can only download the file\./);
  });

  test('published, a ready view links to its public page; the list is in Korean for a Korean-speaking editor', async () => {
    await t.system.commands.submitRelease(id, TEST_ACTOR);
    await t.system.commands.approveRelease(id, TEST_ACTOR);
    await t.system.commands.publishRelease(id, TEST_ACTOR);
    const number = (await t.system.releases.getRelease(id))!.number!;
    const page = (await writer.get(`/admin/releases/${id}`)).body;
    const link = new RegExp(`<a href="(/en/press-releases/${number}/files/\\d+)">Ready: read online<span class="visually-hidden"> report\\.pdf</span></a>`).exec(rowOf(page, 'report.pdf'));
    assert.ok(link, rowOf(page, 'report.pdf'));
    const view = await t.app.inject({ method: 'GET', url: link[1]! });
    assert.equal(view.statusCode, 200);
    assert.match(view.body, /<h2>Annual Report<\/h2>/);
    assert.doesNotMatch(rowOf(page, 'broken.pdf'), /<a /);

    const { cookie } = await writer.credentials();
    const ko = (await t.app.inject({ method: 'GET', url: `/admin/releases/${id}`, headers: { cookie: `${cookie}; pressroom_lang=ko` } })).body;
    assert.match(ko, /<th scope="col">본문 보기\(바로 보기\)<\/th>/);
    assert.match(textOf(rowOf(ko, 'report.pdf')), /준비됨: 바로 보기/);
    assert.match(textOf(rowOf(ko, 'old.hwp')), /일부만 변환됨: 미리 보기 글만 담았습니다/, 'the reason is worded in Korean too');
    assert.match(textOf(rowOf(ko, 'broken.pdf')), /본문 보기 없음: 읽을 수 있는 PDF가 아닙니다/);
    assert.match(textOf(rowOf(ko, 'photo.jpg')), /이 형식은 해당 없음/);
  });
});
