import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newApiTokenSchema } from '../../src/app/api-tokens/api-tokens.js';
import { passwordChangeSchema } from '../../src/app/accounts/account.schema.js';
import { attachmentTextSchema } from '../../src/app/edit-attachments.js';
import { newReleaseSchema } from '../../src/app/release.schema.js';
import { hasCatalogueText, issueText } from '../../src/web/i18n/issue-messages.js';
import { translator } from '../../src/web/i18n/messages.js';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard, buildRelease, jpegBytes, pdfBytes } from '../support/factories.js';
import type { TestWeb } from '../support/web.js';
import type { z } from 'zod';

const ko = translator('ko');
const en = translator('en');
const hangul = /[\uAC00-\uD7A3]/;
const long = (n: number) => '가'.repeat(n);

/** The field issues a schema reports for some input, as the admin receives them. */
function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  assert.ok(!result.success, 'the input is invalid');
  return result.error.issues.map((i) => ({ code: i.code, message: i.message, field: i.path.join('.') || undefined }));
}

test('every zod issue of the admin forms has catalogue text: Korean in Korean, never a zod default in English', () => {
  const cases = [
    issuesOf(newReleaseSchema, {
      boardSlug: '',
      language: 'fr',
      title: '  ',
      subtitle: Array.from({ length: 11 }, () => 'x'),
      bodyMarkdown: 'x'.repeat(200_001),
      department: 'x'.repeat(121),
      contact: { name: '', phone: 'x'.repeat(61), email: 'not-an-email' },
      tags: [...Array.from({ length: 21 }, (_, i) => `t${i}`), 'x'.repeat(61)],
      embargoUntil: 'soon',
    }),
    issuesOf(newReleaseSchema, { boardSlug: 'b', language: 'ko', title: long(301), subtitle: [long(301)], tags: ['x'.repeat(61)] }),
    issuesOf(newApiTokenSchema, { name: '', ownerEmail: '', scopes: [] }),
    issuesOf(newApiTokenSchema, { name: 'x'.repeat(121), ownerEmail: 'x'.repeat(255), scopes: ['made:up'] }),
    issuesOf(passwordChangeSchema, { currentPassword: '', newPassword: 'short', confirmPassword: 'other' }),
    issuesOf(passwordChangeSchema, { currentPassword: 'same password 1', newPassword: 'same password 1', confirmPassword: 'same password 1' }),
    issuesOf(attachmentTextSchema, { caption: 'x'.repeat(501), credit: 'x'.repeat(201), altText: 'x'.repeat(501) }),
  ].flat();
  const codes = new Set(cases.map((i) => `${i.field}:${i.code}`));
  for (const expected of ['title:too_small', 'title:custom', 'subtitle:too_big', 'subtitle:custom', 'contact.email:invalid_format', 'tags:too_big', 'tags.0:too_big', 'embargoUntil:invalid_type', 'language:invalid_value', 'confirmPassword:custom', 'newPassword:custom', 'scopes.0:invalid_value']) {
    assert.ok(codes.has(expected), `the cases cover ${expected}`);
  }
  for (const issue of cases) {
    assert.ok(hasCatalogueText(issue), `${issue.field}: ${issue.code} has catalogue text`);
    assert.match(issueText(issue, ko), hangul, `${issue.field}: ${issue.code} in Korean`);
    assert.doesNotMatch(issueText(issue, en), /Too (big|small)|Invalid (input|option|string)|expected/, `${issue.field}: ${issue.code} is no zod default in English`);
  }
  assert.equal(issueText({ code: 'custom', message: 'x', field: 'title' }, en), 'A title has at most 300 characters', 'limits come from the limits module');
  assert.equal(issueText({ code: 'too_big', message: 'x', field: 'tags.3' }, ko), '태그 하나는 60자까지 쓸 수 있습니다');
  assert.equal(issueText({ code: 'too_big', message: 'x', field: 'attachments.12.caption' }, ko), '설명은 500자까지 쓸 수 있습니다', 'ids in the path are ignored');
  // A reason the application wrote stays as written in English (it may name a file).
  assert.equal(issueText({ code: 'alt_text_missing', message: 'Add alt text to the image "a.jpg"' }, en), 'Add alt text to the image "a.jpg"');
  assert.equal(issueText({ code: 'empty_file', message: '"a.pdf" is empty', field: 'files', params: { file: 'a.pdf' } }, ko), '"a.pdf" 파일이 비어 있습니다. 내용이 있는 파일을 고르십시오');
});

describe('admin forms refused in Korean show Korean reasons', () => {
  let t: TestWeb;
  let writer: StaffBrowser;
  let board: string;

  before(async () => {
    t = await createAdminTestWeb({ uploadMaxBytes: 256 * 1024 });
    board = (await buildBoard(t.system, { slug: 'press-releases' })).slug;
    writer = new StaffBrowser(t, staffUser('writer', '작성자'));
    await writer.get('/language?to=ko&next=/admin');
  });
  after(async () => t?.close());

  const form = { boardSlug: 'press-releases', language: 'ko', subtitle: '', bodyMarkdown: '본문', department: '', contactName: '', contactPhone: '', contactEmail: '', tags: '', embargoUntil: '' };

  test('a new release with every field wrong: each reason in Korean, linked to its field', async () => {
    const res = await writer.post('/admin/releases', { ...form, title: '   ', subtitle: long(301), contactName: '', contactEmail: 'not-an-email', tags: `좋은 태그, ${long(61)}`, embargoUntil: '2026-13-01T09:00' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<html lang="ko">/);
    for (const message of [/href="#field-title">제목을 입력하십시오/, /부제 한 줄은 300자까지 쓸 수 있습니다/, /문의처 담당자 이름을 입력하십시오/, /올바른 날짜와 시각을 입력하십시오/, /태그 하나는 60자까지 쓸 수 있습니다/]) {
      assert.match(res.body, message);
    }
    assert.doesNotMatch(res.body, /Enter a title|at most|Too small|Too big|Invalid|expected string/);
  });

  test('a draft saved with a title that is too long, a caption that is too long and an empty upload', async () => {
    const { release } = await buildRelease(t.system, { boardSlug: board, language: 'ko', state: 'draft', title: '초안', files: [{ fileName: 'p.jpg', bytes: await jpegBytes(), altText: '사진' }] });
    const page = await writer.get(`/admin/releases/${release.id}`);
    const lockVersion = /name="lockVersion" value="(\d+)"/.exec(page.body)?.[1] ?? '1';
    const saved = await writer.post(`/admin/releases/${release.id}`, { ...form, title: long(301), contactName: '담당자', contactEmail: 'a@b', lockVersion });
    assert.equal(saved.statusCode, 400);
    assert.match(saved.body, /제목은 300자까지 쓸 수 있습니다/);
    assert.match(saved.body, /name@example\.org와 같은 형식의 이메일 주소를 입력하십시오/);
    assert.doesNotMatch(saved.body, /A title has at most|Enter an email address/);

    const attachmentId = /action="\/admin\/releases\/\d+\/attachments\/(\d+)"/.exec(page.body)?.[1];
    const caption = await writer.post(`/admin/releases/${release.id}/attachments/${attachmentId}`, { caption: long(501), credit: '', altText: '사진' });
    assert.ok(caption.statusCode >= 400);
    assert.match(caption.body, /첨부파일을 저장하지 못했습니다/);
    assert.match(caption.body, /설명은 500자까지 쓸 수 있습니다/);
    assert.doesNotMatch(caption.body, /A caption has at most|Could not save/);

    const upload = await writer.upload(`/admin/releases/${release.id}/attachments`, [{ name: 'empty.pdf', bytes: new Uint8Array(0) }]);
    assert.equal(upload.statusCode, 415);
    assert.match(upload.body, /일부 파일을 첨부하지 못했습니다/);
    assert.match(upload.body, /&quot;empty\.pdf&quot; 파일이 비어 있습니다|"empty\.pdf" 파일이 비어 있습니다/);
    assert.doesNotMatch(upload.body, /is empty|Some files were not attached/);
    const captioned = await writer.upload(`/admin/releases/${release.id}/attachments`, [{ name: 'photo.jpg', bytes: await jpegBytes() }], { caption: long(501), credit: '', altText: '사진' });
    assert.equal(captioned.statusCode, 400);
    assert.match(captioned.body, /설명은 500자까지 쓸 수 있습니다/, 'a text field of the upload form, by its own field');
    const huge = await writer.upload(`/admin/releases/${release.id}/attachments`, [{ name: 'huge.pdf', bytes: Buffer.concat([Buffer.from(await pdfBytes('big')), Buffer.alloc(300 * 1024, 32)]) }]);
    assert.equal(huge.statusCode, 413);
    assert.match(huge.body, /huge\.pdf(&quot;|") 파일이 한 파일의 최대 크기 256 KB보다 큽니다/);
  });

  test('a password change with a short, mismatched new password', async () => {
    const res = await writer.post('/admin/account/password', { currentPassword: '', newPassword: 'short', confirmPassword: 'other' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /현재 비밀번호를 입력하십시오/);
    assert.match(res.body, /12자 이상 입력하십시오/);
    assert.match(res.body, /새 비밀번호 두 개가 서로 다릅니다/);
    assert.doesNotMatch(res.body, /Use at least|do not match|Enter your current password/);
  });

  test('wrong current passwords, then the lockout: both reasons in Korean, with the wait in seconds', async () => {
    const wrong = { currentPassword: 'not my password', newPassword: '새 비밀번호는 충분히 길다', confirmPassword: '새 비밀번호는 충분히 길다' };
    const first = await writer.post('/admin/account/password', wrong);
    assert.match(first.body, /비밀번호가 맞지 않습니다/);
    let locked = first;
    for (let i = 0; i < 6 && !/너무 많습니다/.test(locked.body); i++) locked = await writer.post('/admin/account/password', wrong);
    assert.equal(locked.statusCode, 400);
    assert.match(locked.body, /틀린 비밀번호 입력이 너무 많습니다\. \d+초 뒤 다시 시도하십시오\./);
    assert.doesNotMatch(locked.body, /Too many wrong passwords/);
  });

  test('in English the same form still reads in English, with the real limit', async () => {
    const english = new StaffBrowser(t, staffUser('writer', 'Writer Park'));
    const res = await english.post('/admin/releases', { ...form, language: 'en', title: 'x'.repeat(301) });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /A title has at most 300 characters/);
  });
});
