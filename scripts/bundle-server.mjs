#!/usr/bin/env node
// Bundles the compiled web server (dist/main/web.js, from tsc) into dist/server/ with esbuild (#17).
// Why: loading ~1,000 separate modules (the app's and node_modules') cost the server about 1 s of
// its start, most of it in Node's module resolution and file reads, not in running them. One file
// per start-up path loads in a fraction of that. Code reached only through `import()` (S3, the
// metrics registry, document readers, the importer) goes to chunks loaded on first use.
// Native and file-resolving packages stay external and load from node_modules as before, and so does
// the pg driver (adapters/db/connect.ts requires it at run time, only for PostgreSQL).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = process.env.PRESSROOM_BUILD_ROOT ?? new URL('..', import.meta.url).pathname;
const outdir = join(root, 'dist', 'server');

/**
 * Packages with native code, optional native parts or files they find on disk at run time; and
 * pdf-lib (the demo's documents), whose classes come out undefined when bundled.
 */
const EXTERNAL = ['better-sqlite3', 'sharp', 'pg-native', 'pdfjs-dist', 'unpdf', 'mammoth', 'turndown', 'pdf-lib', '@pdf-lib/*', '@aws-sdk/*', '@smithy/*'];

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    web: join(root, 'dist', 'main', 'web.js'),
    // Started as a worker thread by adapters/text/threaded-extractor.ts, found beside the bundle.
    'extract-worker': join(root, 'dist', 'adapters', 'text', 'extract-worker.js'),
  },
  outdir,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  minifyWhitespace: true,
  minifySyntax: true,
  // No keepNames: its __name() wrapper ran on every closure made per request (7% of a cached page's CPU).
  keepNames: false,
  sourcemap: true,
  legalComments: 'linked',
  // Bundled CommonJS packages call require() for Node's built-ins; an ES module has none of its own.
  banner: { js: "import { createRequire as __pressroomRequire } from 'node:module'; const require = __pressroomRequire(import.meta.url);" },
  logLevel: 'warning',
});
