import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { actionLabel } from '../../src/web/admin/audit/audit-summary.js';
import { translator } from '../../src/web/i18n/messages.js';

const APP = fileURLToPath(new URL('../../src/app/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/**
 * The audit actions the use cases write: string literals such as 'release.recalled' passed to the
 * audit helpers. Event names (`type: 'release.…'`) are not audit actions and are left out.
 */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  const literal = /(?<!type: )'((?:release|user|attachment|preview_link|api_token|webhook|journalist_list|journalist|press_contact|board|subscription)\.[a-z_]+)'/g;
  for (const file of sources(APP)) for (const m of readFileSync(file, 'utf8').matchAll(literal)) found.add(m[1]!);
  return found;
}

test('every audit action a use case writes has a name in both UI languages, so the audit page never shows a raw code', () => {
  const actions = writtenActions();
  assert.ok(actions.has('release.published') && actions.has('user.invited') && actions.has('release.recalled'), 'the scan finds the actions');
  for (const lang of ['en', 'ko'] as const) {
    const t = translator(lang);
    const unnamed = [...actions].filter((a) => actionLabel(a, t) === a);
    assert.deepEqual(unnamed, [], `${lang}: name these actions in src/web/i18n/admin-insight-messages.ts`);
  }
});
