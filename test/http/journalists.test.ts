import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { StaffBrowser, staffUser, type FormFields } from '../support/admin-web.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const EMBARGO = new Date('2026-11-20T03:00:00Z'); // 12:00 in Seoul; the test clock starts at 10:00
const PREVIEW = /https:\/\/news\.example\.org(\/preview\/[A-Za-z0-9_-]{43})/;

// Journalist lists and embargoed sends on both databases: CRUD and audit, sending (held outbox rows
// parsed), idempotency, non-accredited skipped, notices when the embargo moves or lifts, previews.
for (const { kind, skip } of databaseKinds()) {
  describe(`embargoed distribution to journalists on ${kind}`, { skip }, () => {
    let web: TestWeb;
    let editor: StaffBrowser;
    let writer: StaffBrowser;
    let listId: number;
    let releaseId: number;
    before(async () => {
      web = await createTestWeb(kind);
      editor = new StaffBrowser(web, staffUser('editor', 'Editor Han'));
      writer = new StaffBrowser(web, staffUser('writer', 'Writer Yoon'));
      await buildBoard(web.system, { slug: 'press-releases' });
      const { release } = await buildRelease(web.system, { boardSlug: 'press-releases', state: 'approved', embargoUntil: EMBARGO, title: 'Defence budget 2027', bodyMarkdown: 'The budget grows.\n\nSecond paragraph.' });
      releaseId = release.id;
    });
    after(async () => web?.close());

    // The emails about the main release ("Defence budget 2027"); one test sends another release of its own.
    const embargoedEmails = async () => (await web.system.distribution.outbox.list({ limit: 100 })).filter((e) => e.kind === 'embargoed' && e.subject.endsWith('Defence budget 2027'));
    const notices = async () => (await web.system.distribution.outbox.list({ limit: 100 })).filter((e) => e.kind === 'embargo_notice' && e.subject.endsWith('Defence budget 2027'));

    test('editors keep lists: create, add, refuse a duplicate, edit, remove; every write audited', async () => {
      const created = await editor.post('/admin/journalists', { name: 'Defence desk' });
      assert.equal(created.statusCode, 303);
      listId = Number(/\/admin\/journalists\/(\d+)/.exec(String(created.headers.location))![1]);
      const rows: FormFields[] = [
        { name: 'Kim Minji', outlet: 'Hankook Daily', email: 'minji@hankook.example', language: 'ko', accredited: 'yes' },
        { name: 'Jane Roe', outlet: 'Wire Service', email: 'jane@wire.example', language: 'en', accredited: 'yes' },
        { name: 'Sam Free', outlet: 'Blog', email: 'sam@blog.example', language: 'en' },
        { name: 'Gone Soon', outlet: '', email: 'gone@example.com', language: 'en', accredited: 'yes' },
      ];
      for (const j of rows) {
        assert.equal((await editor.post(`/admin/journalists/${listId}/members`, j)).statusCode, 303);
      }
      const dup = await editor.post(`/admin/journalists/${listId}/members`, { name: 'Again', outlet: '', email: 'jane@wire.example', language: 'en', accredited: 'yes' });
      assert.equal(dup.statusCode, 400);
      assert.match(dup.body, /already on the list/);
      const bad = await editor.post(`/admin/journalists/${listId}/members`, { name: '', outlet: '', email: 'not-an-address', language: 'fr' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /class="error-summary"/);
      const { members } = await web.system.journalists.lists.show(listId);
      const gone = members.find((m) => m.email === 'gone@example.com')!;
      assert.equal((await editor.post(`/admin/journalists/members/${gone.id}`, { name: 'Gone Later', outlet: 'X', email: 'gone@example.com', language: 'ko' })).statusCode, 303);
      assert.equal((await web.system.journalists.lists.getJournalist(gone.id))!.accredited, false);
      assert.equal((await editor.post(`/admin/journalists/members/${gone.id}/remove`)).statusCode, 303);
      const page = await editor.get(`/admin/journalists/${listId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Kim Minji/);
      assert.doesNotMatch(page.body, /Gone Later/);
      assert.match(page.body, /3 journalists, 2 accredited/);
      const actions = (await web.system.audit.list({ subjectType: 'journalist', limit: 50 })).map((e) => e.action).sort();
      assert.deepEqual(actions, ['journalist.added', 'journalist.added', 'journalist.added', 'journalist.added', 'journalist.removed', 'journalist.updated']);
      assert.equal((await web.system.audit.list({ action: 'journalist_list.created', limit: 5 })).length, 1);
      assert.ok((await web.system.audit.list({ subjectType: 'journalist', limit: 50 })).every((e) => !JSON.stringify(e.details).includes('@')), 'the audit trail keeps ids, not addresses');
    });

    test('writers are refused (403) and a missing CSRF token is refused', async () => {
      assert.equal((await writer.get('/admin/journalists')).statusCode, 403);
      assert.equal((await writer.post('/admin/journalists', { name: 'Mine' })).statusCode, 403);
      assert.equal((await writer.post(`/admin/releases/${releaseId}/journalists`, { lists: String(listId) })).statusCode, 403);
      assert.equal((await editor.post('/admin/journalists', { name: 'No token' }, { csrf: false })).statusCode, 403);
    });

    test('sending: one email per accredited journalist in their language, with the embargo and their own preview link; non-accredited skipped', async () => {
      assert.match((await editor.get(`/admin/releases/${releaseId}`)).body, new RegExp(`<a href="/admin/releases/${releaseId}/journalists">Send to journalists</a>`), 'the release page links the send form');
      const form = await editor.get(`/admin/releases/${releaseId}/journalists`);
      assert.match(form.body, /Embargoed until/);
      const res = await editor.post(`/admin/releases/${releaseId}/journalists`, { lists: String(listId) });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Sent to 2 journalists/);
      assert.match(res.body, /Not accredited \(skipped\): Sam Free &lt;sam@blog\.example>/);
      const emails = await embargoedEmails();
      assert.equal(emails.length, 2);
      const en = emails.find((e) => e.recipient === 'jane@wire.example')!;
      const ko = emails.find((e) => e.recipient === 'minji@hankook.example')!;
      assert.equal(en.status, 'held');
      assert.equal(en.subject, '[Embargoed until 20 November 2026 at 12:00 (GMT+9)] Defence budget 2027');
      assert.match(en.text, /^Embargoed until 20 November 2026 at 12:00 \(GMT\+9\)/);
      assert.match(en.text, /The budget grows\.\n\nSecond paragraph\./);
      assert.match(en.html, /Embargoed until 20 November 2026 at 12:00 \(GMT\+9\)/);
      assert.match(ko.subject, /^\[엠바고 2026년 11월 20일 12:00 \(KST\)까지\] Defence budget 2027$/);
      assert.match(ko.text, /Kim Minji 님께/);
      const enLink = PREVIEW.exec(en.text)![1]!;
      const koLink = PREVIEW.exec(ko.text)![1]!;
      assert.notEqual(enLink, koLink, 'each journalist has their own link');
      const links = await web.system.previewLinks.list(releaseId);
      assert.equal(links.length, 2);
      assert.ok(links.some((l) => l.recipient.includes('jane@wire.example')));
      assert.equal((await web.system.audit.list({ action: 'preview_link.created', limit: 10 })).length, 2, 'links come from the preview-link command (audited)');

      // Before publication the preview says so, with the planned time (no "No. 0", no 1970).
      const preview = await web.app.inject({ url: enLink });
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /Not yet published \(planned for 20 November 2026 at 12:00 \(GMT\+9\)\)/);
      assert.doesNotMatch(preview.body, /1970/);
      assert.doesNotMatch(preview.body, /<dd>0<\/dd>/);
      // Nothing leaks: the public board has no page for it.
      assert.doesNotMatch((await web.app.inject({ url: '/en/press-releases' })).body, /Defence budget 2027/);
    });

    test('sending again mails nobody twice for the same edition', async () => {
      const res = await editor.post(`/admin/releases/${releaseId}/journalists`, { lists: String(listId) });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Sent to 0 journalists/);
      assert.match(res.body, /Already sent this edition \(not mailed again\): .*jane@wire\.example/);
      assert.equal((await embargoedEmails()).length, 2);
      assert.equal((await web.system.previewLinks.list(releaseId)).length, 2);
    });

    test('several lists chosen at once are all sent to (the checkbox group keeps every value)', async () => {
      const second = await editor.post('/admin/journalists', { name: 'Wire desk' });
      const secondId = Number(/\/admin\/journalists\/(\d+)/.exec(String(second.headers.location))![1]);
      await editor.post(`/admin/journalists/${secondId}/members`, { name: 'Lee Wire', outlet: 'Wire Two', email: 'lee@wire2.example', language: 'en', accredited: 'yes' });
      // Its own embargoed release, so the notices counted below stay those of the first one.
      const { release } = await buildRelease(web.system, { boardSlug: 'press-releases', state: 'approved', embargoUntil: EMBARGO, title: 'Two lists at once' });
      const res = await editor.post(`/admin/releases/${release.id}/journalists`, { lists: [String(listId), String(secondId)] });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Sent to 3 journalists/);
      const sent = await web.system.db.selectFrom('outbox_emails').select('recipient').where('kind', '=', 'embargoed').where('subject', 'like', '%Two lists at once').execute();
      assert.deepEqual(sent.map((e) => e.recipient).sort(), ['jane@wire.example', 'lee@wire2.example', 'minji@hankook.example']);
    });

    test('a moved embargo sends each recipient one notice', async () => {
      const later = new Date(EMBARGO.getTime() + 3_600_000);
      await web.system.commands.scheduleRelease(releaseId, later, TEST_ACTOR);
      // Two sender loops at once (two server processes): each journalist is told once.
      const [a, b] = await Promise.all([web.system.journalists.notifyEmbargoChanges(), web.system.journalists.notifyEmbargoChanges()]);
      assert.equal(a + b, 2);
      assert.equal(await web.system.journalists.notifyEmbargoChanges(), 0, 'derived from state: a later pass sends nothing');
      const moved = await notices();
      assert.deepEqual(moved.map((e) => e.recipient).sort(), ['jane@wire.example', 'minji@hankook.example']);
      assert.equal(moved.find((e) => e.recipient === 'jane@wire.example')!.subject, 'Embargo moved to 20 November 2026 at 13:00 (GMT+9): Defence budget 2027');
    });

    test('lifted early: a notice, and the preview then redirects (303) to the public page, still logged', async () => {
      await web.system.commands.unscheduleRelease(releaseId, TEST_ACTOR);
      await web.system.commands.rejectRelease(releaseId, 'Lift the embargo', TEST_ACTOR);
      const edition = (await web.system.editions.latestEdition(releaseId))!;
      await web.system.commands.saveDraft(releaseId, { title: edition.title, subtitle: edition.subtitle, bodyMarkdown: edition.bodyMarkdown, department: edition.department, contact: edition.contact, tags: edition.tags, embargoUntil: null, lockVersion: edition.lockVersion }, TEST_ACTOR);
      await web.system.commands.submitRelease(releaseId, TEST_ACTOR);
      await web.system.commands.approveRelease(releaseId, TEST_ACTOR);
      await web.system.commands.publishRelease(releaseId, TEST_ACTOR);
      assert.equal(await web.system.journalists.notifyEmbargoChanges(1), 2, 'batches of one reach every record');
      const lifted = (await notices()).filter((e) => e.subject.startsWith('Embargo lifted') || e.subject.startsWith('엠바고 해제'));
      assert.equal(lifted.length, 2);
      assert.match(lifted.find((e) => e.recipient === 'jane@wire.example')!.text, /lifted early: it is public since 20 November 2026 at 10:00 \(GMT\+9\)/);
      assert.equal(await web.system.journalists.notifyEmbargoChanges(), 0);
      const publicNumber = (await web.system.releases.getRelease(releaseId))!.number;
      assert.match(lifted[0]!.text, new RegExp(`https://news\\.example\\.org/en/press-releases/${publicNumber}`), 'the notice links the public page');

      const link = PREVIEW.exec((await embargoedEmails()).find((e) => e.recipient === 'jane@wire.example')!.text)![1]!;
      const opened = (await web.system.audit.list({ action: 'preview_link.opened', limit: 50 })).length;
      const res = await web.app.inject({ url: link });
      assert.equal(res.statusCode, 303);
      const number = (await web.system.releases.getRelease(releaseId))!.number;
      assert.equal(res.headers.location, `/en/press-releases/${number}`);
      assert.equal((await web.system.audit.list({ action: 'preview_link.opened', limit: 50 })).length, opened + 1);
      assert.equal((await web.app.inject({ url: String(res.headers.location) })).statusCode, 200);
    });

    test('a release that is not embargoed cannot be sent', async () => {
      const { release } = await buildRelease(web.system, { boardSlug: 'press-releases', state: 'approved', title: 'No embargo' });
      const form = await editor.get(`/admin/releases/${release.id}/journalists`);
      assert.match(form.body, /not under embargo/);
      const res = await editor.post(`/admin/releases/${release.id}/journalists`, { lists: String(listId) });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, String(res.statusCode));
      assert.equal((await web.system.previewLinks.list(release.id)).length, 0);
    });
  });
}

describe('embargoed emails over a loopback SMTP server', () => {
  test('a Korean journalist gets an RFC 2047 subject with the embargo and a working preview link', async () => {
    const { startTestSmtp } = await import('../support/smtp.js');
    const smtp = await startTestSmtp();
    const web = await createTestWeb('sqlite', { distribution: { smtpUrl: smtp.url, mailFrom: 'Press Office <press@news.example.org>' } });
    try {
      await buildBoard(web.system, { slug: 'press-releases' });
      const { release } = await buildRelease(web.system, { boardSlug: 'press-releases', state: 'scheduled', embargoUntil: EMBARGO, scheduledAt: EMBARGO, language: 'ko', title: '국방 예산 발표' });
      const listId = await web.system.journalists.lists.createList('국방부 출입', TEST_ACTOR);
      await web.system.journalists.lists.addJournalist(listId, { name: '김민지', outlet: '한국일보', email: 'minji@hankook.example', language: 'ko', accredited: true }, TEST_ACTOR);
      const report = await web.system.journalists.send(release.id, [listId], TEST_ACTOR);
      assert.equal(report.sent.length, 1);
      await web.system.distribution.run();
      const [mail] = await smtp.waitFor(1);
      assert.match(String(mail!.parsed.subject), /^\[엠바고 2026년 11월 20일 12:00 \(KST\)까지\] 국방 예산 발표$/);
      const rawSubject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(mail!.raw)![1]!;
      assert.ok([...rawSubject].every((c) => c.charCodeAt(0) < 128), rawSubject);
      assert.match(String(mail!.parsed.text), /엠바고: 2026년 11월 20일 12:00 \(KST\)까지/);
      const link = PREVIEW.exec(String(mail!.parsed.text))![1]!;
      const preview = await web.app.inject({ url: link });
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /아직 공개 전/);
    } finally {
      await web.close();
      await smtp.close();
    }
  });
});
