import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ApiScope } from '../../src/domain/api-scopes.js';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import { openApiPath } from '../../src/web/api/openapi.js';
import { API_WRITE_ROUTES } from '../../src/web/api/write-routes.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

interface ErrorBody {
  errors: { code: string; message: string; field: string | null }[];
}
interface StaffRelease {
  id: number;
  status: string;
  number: number | null;
  public_url: string | null;
  withdrawal_reason: string | null;
  api_url: string;
  edition: { number: number; state: string; version: number; title: string; body_markdown: string; department: string; tags: string[]; review_comment: string | null; embargo_until: string | null; scheduled_at: string | null };
}

// Runs on both databases: the tokens, the commands and the optimistic lock all go through storage.
for (const { kind, skip } of databaseKinds()) {
  describe(`JSON API v1 (write side, API tokens) on ${kind}`, { skip }, () => {
    let t: TestWeb;
    let admin: StaffActor;
    const secrets: Record<string, string> = {};

    /** A staff account and a token for it with the given scopes. */
    async function tokenFor(key: string, role: 'writer' | 'editor' | 'admin', scopes: ApiScope[], expiresAt: Date | null = null) {
      const user = await t.system.accounts.createUser({ email: `${key}@press.example`, name: key, role, password: 'correct horse battery staple' }, { userId: null, label: 'system:test', ip: null });
      const { secret } = await t.system.apiTokens.create({ name: `${key} token`, ownerEmail: user.email, scopes, expiresAt }, admin);
      secrets[key] = secret;
      return user;
    }

    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      const adminUser = await t.system.accounts.createUser({ email: 'boss@press.example', name: 'Boss', role: 'admin', password: 'correct horse battery staple' }, { userId: null, label: 'system:test', ip: null });
      admin = { userId: adminUser.id, label: adminUser.email, ip: null, role: 'admin' };
      await tokenFor('writer', 'writer', ['drafts:write', 'workflow:submit']);
      await tokenFor('editor', 'editor', ['drafts:write', 'workflow:submit', 'workflow:approve', 'workflow:publish', 'workflow:withdraw']);
      await tokenFor('narrow', 'editor', ['drafts:write']);
      await tokenFor('expiring', 'editor', ['drafts:write'], new Date(t.clock.now().getTime() + 3_600_000));
    });
    after(async () => t?.close());

    const call = (method: 'GET' | 'POST' | 'PATCH' | 'OPTIONS', url: string, who: string | null, body?: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method, url, headers: { ...(who ? { authorization: `Bearer ${secrets[who] ?? who}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
    const data = (res: { json(): unknown }) => (res.json() as { data: StaffRelease }).data;
    const errors = (res: { json(): unknown }) => (res.json() as ErrorBody).errors;
    const newDraft = async (who = 'writer', extra: Record<string, unknown> = {}) => {
      const res = await call('POST', '/api/v1/releases', who, { board: 'press-releases', language: 'en', title: 'Ministry opens new office', body_markdown: 'Body.', department: 'Press office', ...extra });
      assert.equal(res.statusCode, 201, res.body);
      return data(res);
    };

    test('no, unknown, revoked or expired tokens answer 401 in the errors shape, and refused uses are audited', async () => {
      const none = await call('POST', '/api/v1/releases', null, { board: 'press-releases', language: 'en', title: 'x' });
      assert.equal(none.statusCode, 401);
      assert.match(none.headers['www-authenticate'] as string, /^Bearer realm="pressroom"$/);
      assert.equal(errors(none)[0]!.code, 'UNAUTHENTICATED');
      const forged = await call('POST', '/api/v1/releases/1/submit', `prt_${'A'.repeat(43)}`);
      assert.equal(forged.statusCode, 401);
      assert.match(forged.headers['www-authenticate'] as string, /error="invalid_token"/);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/releases/1/edition', headers: { authorization: 'Basic dXNlcjpwYXNz' } })).statusCode, 401);

      const victim = await tokenFor('victim', 'writer', ['drafts:write']);
      assert.equal((await newDraft('victim')).edition.state, 'draft');
      const [listed] = (await t.system.apiTokens.list()).filter((tk) => tk.ownerId === victim.id);
      await t.system.apiTokens.revoke(listed!.id, admin);
      const revoked = await call('POST', '/api/v1/releases', 'victim', { board: 'press-releases', language: 'en', title: 'After revocation' });
      assert.equal(revoked.statusCode, 401);
      assert.match(errors(revoked)[0]!.message, /revoked/);

      assert.equal((await newDraft('expiring')).edition.state, 'draft');
      t.clock.advance(3_600_000);
      const expired = await call('POST', '/api/v1/releases', 'expiring', { board: 'press-releases', language: 'en', title: 'Too late' });
      assert.equal(expired.statusCode, 401);
      assert.match(errors(expired)[0]!.message, /expired/);

      const failures = await t.system.audit.list({ action: 'api_token.use_failed', limit: 20 });
      assert.deepEqual(failures.map((f) => f.details.reason).sort(), ['expired', 'malformed', 'revoked', 'unknown']);
      assert.ok(!JSON.stringify(failures).includes(secrets.victim!), 'the secret is never written to the audit log');
    });

    test('create a draft: 201 with Location and ETag, audited as the owner, and nowhere public', async () => {
      const res = await call('POST', '/api/v1/releases', 'writer', { board: 'press-releases', language: 'ko', title: '국방부, 새 청사 개청', subtitle: ['- 장관 참석'], tags: ['국방'], contact: { name: '홍길동' } });
      assert.equal(res.statusCode, 201);
      const draft = data(res);
      assert.equal(res.headers.location, draft.api_url);
      assert.equal(res.headers.etag, `"1-${draft.edition.version}"`);
      assert.equal(res.headers['access-control-allow-origin'], undefined, 'writes are not CORS-open');
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(draft.status, 'unpublished');
      assert.equal(draft.number, null);
      assert.equal(draft.edition.state, 'draft');
      assert.deepEqual(draft.edition.tags, ['국방']);
      const [entry] = await t.system.audit.list({ action: 'release.created', subjectType: 'release', subjectId: String(draft.id), limit: 1 });
      assert.ok(entry!.actor.userId !== null);
      assert.match(entry!.actor.label, /^writer@press\.example \(API token \d+\)$/);
      // The same release as the admin UI sees it, and invisible to the public.
      assert.equal((await t.system.editions.latestEdition(draft.id))!.title, '국방부, 새 청사 개청');
      const listed = (await call('GET', '/api/v1/releases', null)).json() as { data: { id: number }[] };
      assert.ok(!listed.data.some((r) => r.id === draft.id));
      assert.equal((await call('GET', `/api/v1/search?q=${encodeURIComponent('청사')}`, null)).json().total, 0);
    });

    test('create refuses invalid input with every field, and an unknown board with 404', async () => {
      const bad = await call('POST', '/api/v1/releases', 'writer', { board: 'Bad Slug', language: 'fr', title: 'x', body: 'typo' });
      assert.equal(bad.statusCode, 400);
      const fields = errors(bad).map((e) => e.field).sort();
      assert.deepEqual(fields, ['board', 'body', 'language']);
      const empty = await call('POST', '/api/v1/releases', 'writer', { board: 'press-releases', language: 'en', title: '  ' });
      assert.equal(empty.statusCode, 400);
      assert.deepEqual(errors(empty).map((e) => e.field), ['title']);
      const nowhere = await call('POST', '/api/v1/releases', 'writer', { board: 'no-such-board', language: 'en', title: 'Lost' });
      assert.equal(nowhere.statusCode, 404);
      assert.equal(errors(nowhere)[0]!.field, 'board');
      const notJson = await t.app.inject({ method: 'POST', url: '/api/v1/releases', headers: { authorization: `Bearer ${secrets.writer}`, 'content-type': 'text/plain' }, payload: 'hello' });
      assert.equal(notJson.statusCode, 400);
      assert.equal(errors(notJson)[0]!.code, 'VALIDATION_FAILED');
    });

    test('update with If-Match or version; a stale write is a 409 EDIT_CONFLICT that loses nothing', async () => {
      const draft = await newDraft();
      const first = await call('GET', `/api/v1/releases/${draft.id}/edition`, 'writer');
      assert.equal(first.statusCode, 200);
      const etag = first.headers.etag as string;
      const saved = await call('PATCH', `/api/v1/releases/${draft.id}/edition`, 'writer', { title: 'Ministry opens its new office' }, { 'if-match': etag });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(data(saved).edition.title, 'Ministry opens its new office');
      assert.equal(data(saved).edition.body_markdown, 'Body.', 'fields left out keep their value');
      assert.equal(data(saved).edition.department, 'Press office');
      const v = data(saved).edition.version;
      assert.equal(v, draft.edition.version + 1);

      // Someone saves through the admin UI (the same command) meanwhile.
      await t.system.commands.saveDraft(draft.id, { title: 'Edited in the admin', bodyMarkdown: 'Newer body.', lockVersion: v }, admin);
      const stale = await call('PATCH', `/api/v1/releases/${draft.id}/edition`, 'writer', { body_markdown: 'My older change', version: v });
      assert.equal(stale.statusCode, 409);
      const conflict = stale.json() as ErrorBody & { current: StaffRelease };
      assert.equal(conflict.errors[0]!.code, 'EDIT_CONFLICT');
      assert.equal(conflict.errors[0]!.field, 'version');
      assert.equal(conflict.current.edition.title, 'Edited in the admin');
      assert.equal(conflict.current.edition.version, v + 1);
      const after = data(await call('GET', `/api/v1/releases/${draft.id}/edition`, 'writer'));
      assert.equal(after.edition.body_markdown, 'Newer body.', 'the newer content was not overwritten');
      assert.equal((await call('PATCH', `/api/v1/releases/${draft.id}/edition`, 'writer', { title: 'x' }, { 'if-match': `"1-${v}"` })).statusCode, 409);
      assert.equal((await call('PATCH', `/api/v1/releases/${draft.id}/edition`, 'writer', { title: 'x' }, { 'if-match': `"7-${v + 1}"` })).statusCode, 409, 'a version of another edition is stale');

      const noVersion = await call('PATCH', `/api/v1/releases/${draft.id}/edition`, 'writer', { title: 'x' });
      assert.equal(noVersion.statusCode, 400);
      assert.equal(errors(noVersion)[0]!.field, 'version');
      const fresh = await call('PATCH', `/api/v1/releases/${draft.id}/edition`, 'writer', { title: 'Resolved title' }, { 'if-match': stale.headers.etag as string });
      assert.equal(fresh.statusCode, 200);
      assert.equal(data(fresh).edition.body_markdown, 'Newer body.');
    });

    test('the whole workflow through the API: submit, reject with comment, approve, schedule, unschedule, publish, correct, withdraw', async () => {
      const draft = await newDraft('writer', { title: 'Workflow release' });
      const id = draft.id;
      assert.equal(data(await call('POST', `/api/v1/releases/${id}/submit`, 'writer')).edition.state, 'in_review');
      const noComment = await call('POST', `/api/v1/releases/${id}/reject`, 'editor', { comment: ' ' });
      assert.equal(noComment.statusCode, 409);
      assert.equal(errors(noComment)[0]!.field, 'comment');
      const rejected = data(await call('POST', `/api/v1/releases/${id}/reject`, 'editor', { comment: 'Add the minister quote' }));
      assert.equal(rejected.edition.state, 'draft');
      assert.equal(rejected.edition.review_comment, 'Add the minister quote');
      // Approve, schedule and publish name the edition version they were chosen on (body or If-Match).
      const resubmitted = data(await call('POST', `/api/v1/releases/${id}/submit`, 'writer'));
      const approved = data(await call('POST', `/api/v1/releases/${id}/approve`, 'editor', { version: resubmitted.edition.version }));
      assert.equal(approved.edition.state, 'approved');
      const at = new Date(t.clock.now().getTime() + 7_200_000).toISOString();
      const scheduled = data(await call('POST', `/api/v1/releases/${id}/schedule`, 'editor', { at }, { 'if-match': `"${approved.edition.number}-${approved.edition.version}"` }));
      assert.equal(scheduled.edition.state, 'scheduled');
      assert.equal(scheduled.edition.scheduled_at, at);
      const unscheduled = data(await call('POST', `/api/v1/releases/${id}/unschedule`, 'editor'));
      assert.equal(unscheduled.edition.state, 'approved');
      const published = data(await call('POST', `/api/v1/releases/${id}/publish`, 'editor', { version: unscheduled.edition.version }));
      assert.equal(published.status, 'published');
      assert.ok(published.number! >= 1);
      assert.equal(published.public_url, `https://news.example.org/en/press-releases/${published.number}`);
      assert.equal((await call('GET', `/api/v1/boards/press-releases/releases/en/${published.number}`, null)).statusCode, 200, 'public at once');

      const correction = data(await call('POST', `/api/v1/releases/${id}/correct`, 'writer'));
      assert.equal(correction.edition.number, 2);
      assert.equal(correction.edition.state, 'draft');
      assert.equal(correction.status, 'published', 'the live edition stays public');

      const actions = (await t.system.audit.list({ subjectType: 'release', subjectId: String(id), limit: 50 })).map((e) => e.action).reverse();
      assert.deepEqual(actions, ['release.created', 'release.submitted', 'release.rejected', 'release.submitted', 'release.approved', 'release.scheduled', 'release.unscheduled', 'release.published', 'release.correction_started']);

      const other = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'To be withdrawn' });
      const noReason = await call('POST', `/api/v1/releases/${other.release.id}/withdraw`, 'editor', { reason: '' });
      assert.equal(noReason.statusCode, 400);
      assert.equal(errors(noReason)[0]!.field, 'reason');
      const withdrawn = data(await call('POST', `/api/v1/releases/${other.release.id}/withdraw`, 'editor', { reason: 'Issued in error' }));
      assert.equal(withdrawn.status, 'withdrawn');
      assert.equal(withdrawn.withdrawal_reason, 'Issued in error');
      assert.equal((await call('GET', `/api/v1/boards/press-releases/releases/en/${other.release.number}`, null)).json().data.status, 'withdrawn');
    });

    test("permission is the owner's role AND the token's scope; a refusal lists every reason", async () => {
      const draft = await newDraft('writer', { title: 'Needs review' });
      // A writer's token: no approve scope, and a writer may not approve; and it is not in review yet.
      const refused = await call('POST', `/api/v1/releases/${draft.id}/approve`, 'writer', { version: draft.edition.version });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.headers['access-control-allow-origin'], undefined);
      const messages = errors(refused).map((e) => e.message);
      assert.ok(errors(refused).every((e) => e.code === 'FORBIDDEN'));
      assert.ok(messages.some((m) => /workflow:approve/.test(m)), 'the missing scope');
      assert.ok(messages.some((m) => /A writer cannot approve/.test(m)), 'the role');
      assert.ok(messages.some((m) => /draft/.test(m)), 'the state');
      // An editor (the role may) whose token lacks the scope.
      const inReview = data(await call('POST', `/api/v1/releases/${draft.id}/submit`, 'writer'));
      const narrow = await call('POST', `/api/v1/releases/${draft.id}/approve`, 'narrow', { version: inReview.edition.version });
      assert.equal(narrow.statusCode, 403);
      assert.deepEqual(errors(narrow).map((e) => e.message), ['The token lacks the "workflow:approve" scope']);
      // Scope and role allow it, the state does not: the command's own refusal (409), every reason.
      const early = await call('POST', `/api/v1/releases/${draft.id}/publish`, 'editor', { version: inReview.edition.version });
      assert.equal(early.statusCode, 409);
      assert.equal(errors(early)[0]!.code, 'INVALID_STATE');
      const own = await newDraft('editor', { title: 'My own' });
      const ownInReview = data(await call('POST', `/api/v1/releases/${own.id}/submit`, 'editor'));
      const self = await call('POST', `/api/v1/releases/${own.id}/approve`, 'editor', { version: ownInReview.edition.version });
      assert.equal(self.statusCode, 409);
      assert.match(errors(self).map((e) => e.message).join(' '), /an editor or admin who has not edited it must approve it/);
      const audited = await t.system.audit.list({ action: 'api_token.use_failed', subjectType: 'release', subjectId: String(draft.id), limit: 5 });
      assert.equal(audited.length, 2);
      assert.deepEqual(audited[0]!.details.codes, ['scope_missing']);
      assert.equal((await call('POST', '/api/v1/releases/999999/submit', 'writer')).statusCode, 404);
    });

    test('writes are never CORS-open; reads stay open to any origin', async () => {
      const preflight = await call('OPTIONS', '/api/v1/releases', null, undefined, { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' });
      assert.equal(preflight.statusCode, 204);
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
      assert.equal(preflight.headers['access-control-allow-methods'], undefined);
      const get = await call('OPTIONS', '/api/v1/releases', null, undefined, { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' });
      assert.equal(get.headers['access-control-allow-origin'], '*');
      const staffRead = await call('GET', '/api/v1/releases/1/edition', 'editor', undefined, { origin: 'https://elsewhere.example' });
      assert.equal(staffRead.statusCode, 200);
      assert.equal(staffRead.headers['access-control-allow-origin'], undefined);
      assert.equal((await call('GET', '/api/v1/boards', null)).headers['access-control-allow-origin'], '*');
    });

    test('the OpenAPI document describes every write endpoint with the bearer scheme, from the same schemas', async () => {
      const doc = (await call('GET', '/api/openapi.json', null)).json() as {
        paths: Record<string, Record<string, { security?: unknown[]; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> }; responses: Record<string, unknown>; 'x-scope'?: string | null }>>;
        components: { securitySchemes: Record<string, { type: string; scheme: string }>; schemas: Record<string, unknown> };
      };
      const scheme = doc.components.securitySchemes.bearerAuth!;
      assert.equal(scheme.type, 'http');
      assert.equal(scheme.scheme, 'bearer');
      for (const r of API_WRITE_ROUTES) {
        const op = doc.paths[openApiPath(`/api${r.path}`)]?.[r.method.toLowerCase()];
        assert.ok(op, `${r.method} ${r.path} documented`);
        assert.deepEqual(op.security, [{ bearerAuth: [] }]);
        assert.equal(op['x-scope'], r.scope);
        assert.ok(op.responses['401']);
        assert.ok(t.app.hasRoute({ method: r.method, url: `/api${r.path}` }), `${r.method} ${r.path} served`);
      }
      const create = doc.paths['/api/v1/releases']!.post!;
      const ref = (create.requestBody!.content['application/json']!.schema as { $ref: string }).$ref;
      assert.equal(ref, '#/components/schemas/NewDraft');
      assert.ok((doc.components.schemas.NewDraft as { properties: Record<string, unknown> }).properties.body_markdown);
      assert.ok(doc.paths['/api/v1/releases']!.get, 'the read operation on the same path is kept');
      assert.ok(doc.paths['/api/v1/releases/{id}/edition']!.patch!.responses['409']);
      assert.ok(doc.components.schemas.StaffRelease && doc.components.schemas.EditConflictResponse);
    });
  });
}
