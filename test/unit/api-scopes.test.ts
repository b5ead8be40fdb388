import assert from 'node:assert/strict';
import { test } from 'node:test';
import { API_SCOPES, scopeFor, scopeRefusals, scopesBeyondRole } from '../../src/domain/api-scopes.js';
import { snippetHtml, snippetWithMatches, parseQuery } from '../../src/domain/search-text.js';
import { WORKFLOW_ACTIONS } from '../../src/domain/workflow.js';
import { dayRange, isCalendarDay } from '../../src/web/day-range.js';
import { apiField } from '../../src/web/api/api-http.js';

test('every workflow step but preview sharing has exactly one API scope', () => {
  for (const action of WORKFLOW_ACTIONS) {
    if (action === 'share_preview') assert.equal(scopeFor(action), null);
    else assert.ok(API_SCOPES.includes(scopeFor(action)!), action);
  }
  assert.deepEqual(scopeRefusals('publish', ['workflow:publish']), []);
  assert.deepEqual(scopeRefusals('approve', ['drafts:write', 'workflow:submit']).map((i) => i.code), ['scope_missing']);
  assert.deepEqual(scopeRefusals('share_preview', [...API_SCOPES]).map((i) => i.code), ['scope_missing']);
});

test("scopes a role can never use are flagged, so no token is made that always fails", () => {
  assert.deepEqual(scopesBeyondRole([...API_SCOPES], 'writer'), ['workflow:approve', 'workflow:publish', 'workflow:withdraw']);
  assert.deepEqual(scopesBeyondRole([...API_SCOPES], 'editor'), []);
  assert.deepEqual(scopesBeyondRole(['drafts:write'], 'viewer'), ['drafts:write']);
});

test('search dates are whole days of the site time zone, `to` inclusive', () => {
  assert.deepEqual(dayRange('2026-11-20', '2026-11-20', 'Asia/Seoul'), { from: new Date('2026-11-19T15:00:00Z'), to: new Date('2026-11-20T15:00:00Z') });
  assert.deepEqual(dayRange('2026-12-31', '2026-12-31', 'UTC'), { from: new Date('2026-12-31T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') });
  assert.deepEqual(dayRange(null, null, 'Asia/Seoul'), { from: null, to: null });
  assert.ok(isCalendarDay('2028-02-29'));
  for (const bad of ['2026-02-29', '2026-02-31', '2026-13-01', '20261120', 'yesterday']) assert.ok(!isCalendarDay(bad), bad);
});

test('a snippet as plain text with match ranges and as <mark> HTML agree', () => {
  const text = '<b>국방부</b> 장관은 합참의장을 만났다.';
  const snippet = snippetWithMatches(text, parseQuery('합참의장'));
  assert.deepEqual(snippet.matches.map(([s, e]) => snippet.text.slice(s, e)), ['합참의장']);
  assert.equal(snippetHtml(snippet), '&lt;b&gt;국방부&lt;/b&gt; 장관은 <mark>합참의장</mark>을 만났다.');
  const long = `${'word '.repeat(100)}meeting here`;
  const cut = snippetWithMatches(long, parseQuery('meeting'), 40);
  assert.ok(cut.text.startsWith('…'));
  assert.deepEqual(cut.matches.map(([s, e]) => cut.text.slice(s, e)), ['meeting']);
});

test('domain field names become the API names', () => {
  assert.equal(apiField('lockVersion'), 'version');
  assert.equal(apiField('bodyMarkdown'), 'body_markdown');
  assert.equal(apiField('contact.name'), 'contact.name');
  assert.equal(apiField('attachments.12.altText'), 'attachments.12.alt_text');
  assert.equal(apiField('boardSlug'), 'board');
});
