// Compiles src/ and test/ once per test run into a mirror of the project (test-artifacts/compiled/),
// so each test process loads plain JavaScript instead of transforming ~500 TypeScript modules
// through tsx's loader hooks again (about 2 s of CPU per test file on these machines). Everything
// that is not TypeScript is a symlink to the real file, so paths built from import.meta.url
// (fixtures, docs, deploy/, package.json, child scripts run with tsx) lead where they always did.
// An unchanged file is not compiled again.
import { transform } from 'esbuild';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, readlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const COMPILED = new Set(['.ts', '.tsx']);

function ensureLink(target, path) {
  try {
    if (lstatSync(path).isSymbolicLink() && readlinkSync(path) === target) return;
    rmSync(path, { recursive: true, force: true });
  } catch {
    /* absent */
  }
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
}

/** Removes what the mirror still holds of files since deleted or renamed, so no stale module is found. */
function prune(src, dest) {
  const sources = new Set(readdirSync(src));
  for (const name of readdirSync(dest)) {
    const stem = name.endsWith('.js') ? name.slice(0, -3) : null;
    const compiledFrom = stem !== null && (sources.has(`${stem}.ts`) || sources.has(`${stem}.tsx`));
    if (!sources.has(name) && !compiledFrom) rmSync(join(dest, name), { recursive: true, force: true });
  }
}

async function mirrorTree(src, dest, stats) {
  mkdirSync(dest, { recursive: true });
  prune(src, dest);
  for (const entry of readdirSync(src, { withFileTypes: true })) {
    const from = join(src, entry.name);
    const to = join(dest, entry.name);
    if (entry.isDirectory()) {
      await mirrorTree(from, to, stats);
      continue;
    }
    ensureLink(from, to);
    const ext = entry.name.slice(entry.name.lastIndexOf('.'));
    if (!COMPILED.has(ext) || entry.name.endsWith('.d.ts')) continue;
    const out = to.slice(0, -ext.length) + '.js';
    if (existsSync(out) && statSync(out).mtimeMs >= statSync(from).mtimeMs) continue;
    const result = await transform(readFileSync(from, 'utf8'), {
      loader: ext === '.tsx' ? 'tsx' : 'ts',
      format: 'esm',
      target: 'node20',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      sourcemap: 'inline',
      sourcefile: from,
    });
    writeFileSync(out, result.code);
    stats.compiled++;
  }
}

/** Builds the mirror of `root` under `root/test-artifacts/compiled/<name>` and returns its path. */
export async function buildTestMirror(root) {
  const base = join(root, 'test-artifacts', 'compiled');
  const mirror = join(base, 'project');
  const stats = { compiled: 0 };
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (['src', 'test', 'test-artifacts', '.git'].includes(entry.name)) continue;
    ensureLink(join(root, entry.name), join(mirror, entry.name));
  }
  ensureLink(join(root, 'test-artifacts'), join(mirror, 'test-artifacts'));
  // The sibling ../shared (the workplace's fixtures), when present, is found from the mirror too.
  const shared = join(root, '..', 'shared');
  if (existsSync(shared)) ensureLink(shared, join(base, 'shared'));
  for (const dir of ['src', 'test']) await mirrorTree(join(root, dir), join(mirror, dir), stats);
  return { mirror, compiled: stats.compiled, relativeTo: (file) => join(mirror, relative(root, join(root, file))) };
}
