#!/usr/bin/env node
// The `pressroom` command: runs the compiled CLI (built by `npm ci` through the prepare script).
import('../dist/main/cli.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('Pressroom is not built yet: run `npm run build` (or `npm ci`) first.');
    process.exit(1);
  }
  throw error;
});
