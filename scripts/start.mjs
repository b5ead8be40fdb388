#!/usr/bin/env node
// `npm start`: builds when sources changed (scripts/build-if-changed.mjs, run in this process: one
// Node start fewer than a prestart script), then runs the bundled server, dist/server/web.js (#17).
import { buildIfChanged } from './build-if-changed.mjs';

const status = buildIfChanged();
if (status !== 0) process.exit(status);
await import('../dist/server/web.js');
