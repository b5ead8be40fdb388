import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const script = new URL('../../scripts/build-if-changed.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'pressroom-build-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [script], { env: { ...process.env, PRESSROOM_BUILD_ROOT: dir }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test('npm start builds on a fresh tree, skips an unchanged one, and rebuilds after an edit or a deletion (#17)', () => {
  mkdirSync(join(dir, 'src', 'main'), { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, types: [] } }));
  writeFileSync(join(dir, 'tsconfig.build.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { rootDir: 'src', outDir: 'dist', incremental: true, tsBuildInfoFile: 'dist/.tsbuildinfo' }, include: ['src'] }));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(dir, 'src', 'main', 'web.ts'), 'export const answer: number = 1;\n');
  writeFileSync(join(dir, 'src', 'extra.ts'), 'export const extra = 2;\n');
  mkdirSync(join(dir, 'src', 'adapters', 'text'), { recursive: true });
  writeFileSync(join(dir, 'src', 'adapters', 'text', 'extract-worker.ts'), 'export const worker = 3;\n');
  const out = join(dir, 'dist', 'main', 'web.js');
  const bundled = join(dir, 'dist', 'server', 'web.js');

  const first = run();
  assert.equal(first.status, 0, first.output);
  assert.match(first.output, /building/);
  assert.match(readFileSync(out, 'utf8'), /answer = 1/);
  assert.match(readFileSync(bundled, 'utf8'), /answer\s*=\s*1/, 'the server npm start runs is bundled too');

  const built = statSync(out).mtimeMs;
  const second = run();
  assert.equal(second.status, 0, second.output);
  assert.equal(second.output, '', 'an unchanged tree is not rebuilt');
  assert.equal(statSync(out).mtimeMs, built);

  writeFileSync(join(dir, 'src', 'main', 'web.ts'), 'export const answer: number = 2;\n');
  const future = new Date(Date.now() + 5_000);
  utimesSync(join(dir, 'src', 'main', 'web.ts'), future, future);
  const third = run();
  assert.equal(third.status, 0, third.output);
  assert.match(third.output, /building/);
  assert.match(readFileSync(out, 'utf8'), /answer = 2/);
  assert.match(readFileSync(bundled, 'utf8'), /answer\s*=\s*2/);

  rmSync(join(dir, 'src', 'extra.ts'));
  const later = new Date(Date.now() + 10_000);
  utimesSync(join(dir, 'src'), later, later);
  assert.match(run().output, /building/, 'a deleted source rebuilds');

  writeFileSync(join(dir, 'src', 'main', 'web.ts'), 'export const answer: number = "not a number";\n');
  const latest = new Date(Date.now() + 15_000);
  utimesSync(join(dir, 'src', 'main', 'web.ts'), latest, latest);
  const broken = run();
  assert.notEqual(broken.status, 0, 'a type error stops npm start');
  assert.notEqual(run().output, '', 'and the next start tries again');
});
