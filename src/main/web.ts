import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { FaviconExtension } from '../web/public/favicon.js';
import { ConfigError, loadConfig } from '../config.js';
import { StorageUnavailableError } from '../domain/errors.js';
import { composeSystem } from './compose.js';
import { systemOptionsFrom } from './system-options.js';
import { createWebApp } from './web-app.js';
import { stopOnSignals } from './graceful-shutdown.js';
import { printDemoAccounts, workingDemoAccounts } from './demo-accounts.js';
import { seedDemoInChild, seedDemoOnly, SEED_ONLY_ENV } from './demo-seed-child.js';

/** `npm start`: reads the configuration, migrates, loads the demo on first start, and serves. */
async function main(): Promise<void> {
  const config = loadConfig();
  const system = await composeSystem(systemOptionsFrom(config));
  if (process.env[SEED_ONLY_ENV] === '1') return seedDemoOnly(system);
  if (config.demo) {
    const started = Date.now();
    // Content and accounts in one transaction: a start killed half-way leaves nothing, and seeds again next time.
    const seeded = await seedDemoInChild(system);
    if (seeded) console.log(`Loaded the demo newsroom in ${((Date.now() - started) / 1000).toFixed(1)} s (PRESSROOM_DEMO=0 starts empty).`);
    printDemoAccounts(config.baseUrl, await workingDemoAccounts(system));
  }
  const { app, stop } = await createWebApp(system, {
    siteName: config.siteName,
    baseUrl: config.baseUrl,
    timeZone: config.timeZone,
    demo: config.demo,
    allowSelfApproval: config.allowSelfApproval,
    uploadMaxBytes: config.uploadMaxBytes,
    trustProxy: config.trustProxy,
    logLevel: config.logLevel,
    metrics: config.metrics,
    siteSettings: config.site,
    cdn: { maxAge: config.cdn.maxAge, sMaxAge: config.cdn.sMaxAge, staleWhileRevalidate: config.cdn.staleWhileRevalidate },
    ...(config.site.favicon ? { favicon: { body: readFileSync(config.site.favicon), extension: extname(config.site.favicon).slice(1).toLowerCase() as FaviconExtension } } : {}),
  });
  stopOnSignals({ stop: () => stop(), close: () => system.close(), log: { info: (message) => app.log.info(message), error: (details, message) => app.log.error(details, message) } });
  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === 'sqlite' ? `SQLite at ${config.database.file}` : 'PostgreSQL';
  console.log(`Pressroom is serving ${config.siteName} on ${config.baseUrl} (${where}).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof StorageUnavailableError ? error.detail : error);
  process.exit(1);
});
