// A node:test reporter (used by scripts/test.mjs next to the usual one): records each test file's
// wall-clock (the runner's per-file `test:complete`), writes them all, slowest first, as JSON to
// its destination, and prints the slowest 15 on stderr at the end so slow files are noticed.
import { relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

const MIRROR = 'test-artifacts/compiled/project/';
/** The test's own file when it ran compiled from the mirror (scripts/test-build.mjs). */
const sourceOf = (file) => (file.startsWith(MIRROR) ? file.slice(MIRROR.length).replace(/\.js$/, '.ts') : file);

export default async function* fileTimings(source) {
  const files = [];
  for await (const event of source) {
    const data = event.data ?? {};
    if (event.type === 'test:complete' && data.file && data.name === data.file && data.nesting === 0) {
      files.push({ file: sourceOf(relative(root, data.file)), ms: Math.round(data.details?.duration_ms ?? 0), passed: data.details?.passed !== false });
    }
  }
  files.sort((a, b) => b.ms - a.ms);
  if (files.length > 1) {
    const lines = files.slice(0, 15).map(({ file, ms }) => `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`);
    process.stderr.write(`\nSlowest test files (all ${files.length} in test-artifacts/test-timings.json):\n${lines.join('\n')}\n`);
  }
  yield `${JSON.stringify(files, null, 1)}\n`;
}
