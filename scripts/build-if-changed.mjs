#!/usr/bin/env node
// `npm start`'s prestart and `npm run build`: compiles src/ to dist/ with tsc, but only when a
// source changed since the last build (#17). A full build takes ~13 s on a 2-core machine; the check
// takes milliseconds. "Changed" means any file or directory under src/ (a deleted or renamed file
// changes its directory's mtime), the tsconfig files or package-lock.json is newer than the newest
// input recorded by the last successful build in dist/.build-stamp. `--force` always builds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// PRESSROOM_BUILD_ROOT: another project to check (the script's own test builds a tiny one).
const root = process.env.PRESSROOM_BUILD_ROOT ?? new URL('..', import.meta.url).pathname;
const stampFile = join(root, 'dist', '.build-stamp');

function newestMtime(path) {
  const stat = statSync(path);
  let newest = stat.mtimeMs;
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Builds when a source changed since the last build (or always with `force`); returns the exit status (0: up to date or built). */
export function buildIfChanged({ force = false } = {}) {
  const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((p) => join(root, p)).filter((p) => existsSync(p));
  const newest = Math.max(...inputs.map(newestMtime));

  const outputs = [join(root, 'dist', 'main', 'web.js'), join(root, 'dist', 'server', 'web.js')];
  if (!force && outputs.every((p) => existsSync(p)) && newest <= lastBuild()) return 0;

  console.log(force ? 'Building (tsc)...' : 'Sources changed since the last build: building (tsc)...');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) return result.status ?? 1;
  // The server `npm start` runs: dist/ bundled into dist/server/ (scripts/bundle-server.mjs).
  const bundle = spawnSync(process.execPath, [new URL('./bundle-server.mjs', import.meta.url).pathname], { stdio: 'inherit', cwd: root, env: { ...process.env, PRESSROOM_BUILD_ROOT: root } });
  if (bundle.status !== 0) return bundle.status ?? 1;
  mkdirSync(join(root, 'dist'), { recursive: true });
  // The newest input seen before compiling: a file saved during the build is newer, so it rebuilds next time.
  writeFileSync(stampFile, JSON.stringify({ newestInput: newest, builtAt: new Date().toISOString() }) + '\n');
  return 0;
}

function lastBuild() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8')).newestInput ?? -1;
  } catch {
    return -1;
  }
}

// Run as a script (not imported by scripts/start.mjs); Node gives the entry's real path, so compare real paths (a symlinked script too).
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(buildIfChanged({ force: process.argv.includes('--force') }));
