import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

// A fitness test for the boundaries eslint.config.js also enforces (STYLE.md section 1): web handlers
// and CLI commands are handed their use cases by src/main and never import it; adapters never
// import the web, main or the CLI.
const root = join(import.meta.dirname, '../../src');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Files under `layer` with an import (or export ... from) of one of the `forbidden` top-level folders. */
function offenders(layer: string, forbidden: string[]): string[] {
  const pattern = new RegExp(`(?:import|export)[^'"]*from\\s+['"](?:\\.\\./)+(?:${forbidden.join('|')})/`);
  return sourcesUnder(join(root, layer))
    .filter((file) => pattern.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file));
}

test('src/web and src/cli never import src/main', () => {
  assert.deepEqual([...offenders('web', ['main']), ...offenders('cli', ['main'])], []);
});

test('src/adapters never import src/web, src/main or src/cli', () => {
  assert.deepEqual(offenders('adapters', ['web', 'main', 'cli']), []);
});
