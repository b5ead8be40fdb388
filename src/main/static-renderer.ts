import { makeExportStaticSite, type StaticExportReport } from '../app/static-export/export-static-site.js';
import { makePublicPageIndex } from '../adapters/db/public-page-index.js';
import { makeStaticSiteDirectory } from '../adapters/files/static-site-directory.js';
import { loadConfig } from '../config.js';
import type { SiteRenderer } from '../ports/static-site.js';
import type { System } from './compose.js';
import { createWebApp, type WebOptions } from './web-app.js';

export type StaticSiteOptions = Pick<WebOptions, 'siteName' | 'baseUrl' | 'timeZone' | 'demo'>;

/**
 * The live web app, built in-process and asked with `inject`, as a renderer for the static export:
 * the same routes, caches and views a reader gets. Exporting is read-only: it counts no page views
 * and runs no scheduled publication (the server's scheduler does that).
 */
export async function createStaticRenderer(system: System, options: StaticSiteOptions): Promise<SiteRenderer & { close(): Promise<void> }> {
  const readOnly: System = {
    ...system,
    views: { ...system.views, record: () => undefined, flush: async () => 0 },
    commands: { ...system.commands, runDueJobs: async () => 0 },
  };
  const web = await createWebApp(readOnly, { ...options, logLevel: 'silent', schedulerMs: 0, viewFlushMs: 3_600_000 });
  return {
    async get(path, method = 'GET') {
      const res = await web.app.inject({ method, url: path });
      const header = (name: string) => {
        const value = res.headers[name];
        return typeof value === 'string' ? value : null;
      };
      return { status: res.statusCode, contentType: header('content-type'), location: header('location'), body: res.rawPayload };
    },
    close: () => web.stop(),
  };
}

/** Composes `export-static`: the renderer above, the release-page index and the output directory. */
export async function composeStaticExport(system: System, options: StaticSiteOptions & { dir: string }) {
  const renderer = await createStaticRenderer(system, options);
  const exportSite = makeExportStaticSite({
    renderer,
    index: makePublicPageIndex(system.db),
    boards: system.boards,
    pages: system.pages,
    catalog: system.catalog,
    clock: system.clock,
    directory: makeStaticSiteDirectory(options.dir),
    baseUrl: options.baseUrl,
  });
  return {
    async run(progress?: (done: number, total: number) => void): Promise<StaticExportReport> {
      try {
        return await exportSite(progress);
      } finally {
        await renderer.close();
      }
    },
  };
}

/** `pressroom export-static`, with the site's name, zone and demo flag from the configuration. */
export function staticExportFromConfig(system: System, options: { dir: string; baseUrl: string | null }) {
  const config = loadConfig();
  return composeStaticExport(system, { siteName: config.siteName, timeZone: config.timeZone, demo: config.demo, baseUrl: options.baseUrl ?? config.baseUrl, dir: options.dir });
}
