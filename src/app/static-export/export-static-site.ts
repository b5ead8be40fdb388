import { LANGUAGES } from '../../domain/language.js';
import type { BoardRepo } from '../../ports/board-repo.js';
import type { Clock } from '../../ports/clock.js';
import type { PublicCatalog } from '../../ports/public-catalog.js';
import type { PublicPageIndex, SiteRenderer, StaticSiteDirectory } from '../../ports/static-site.js';
import type { PublicPages } from '../public-pages.js';
import { addUrl, exportUrl, startRun, storeFile, type ExportRun } from './export-page.js';

export interface StaticExportDeps {
  renderer: SiteRenderer;
  index: PublicPageIndex;
  boards: BoardRepo;
  pages: PublicPages;
  catalog: PublicCatalog;
  clock: Clock;
  directory: StaticSiteDirectory;
  /** The origin the pages were rendered for (their canonical, feed and sitemap URLs). */
  baseUrl: string;
}

export interface StaticExportReport {
  /** Files written because they are new or their bytes changed. */
  written: number;
  unchanged: number;
  /** Files an earlier export wrote whose page no longer exists (a withdrawn item's list page, say). */
  removed: number;
  /** Files in the export now. */
  total: number;
  /** URLs the export could not write, with the reason (never fatal for the rest). */
  skipped: { url: string; reason: string }[];
  /** When the next embargoed or scheduled release becomes public: export again then. */
  nextChange: Date | null;
}

const RELEASE_BATCH = 500;
/** Pages rendered at once: enough to overlap database waits, few enough for two cores. */
const CONCURRENCY = 4;

/** Seeds from the catalogue: homes, feeds, every board's list pages and every release page; links found on the way add the rest. */
async function seedUrls(run: ExportRun, now: Date): Promise<void> {
  const { deps } = run;
  const add = (url: string) => addUrl(run, url);
  add('/');
  add('/robots.txt');
  add('/sitemap.xml');
  const boards = await deps.boards.list();
  for (const lang of LANGUAGES) {
    add(`/${lang}/`);
    add(`/${lang}/feed.xml`);
    add(`/${lang}/feed.atom`);
    for (const board of boards) {
      const { pageCount } = await deps.pages.boardListing(board.slug, lang, 1, null);
      for (let page = 1; page <= pageCount; page++) add(page === 1 ? `/${lang}/${board.slug}` : `/${lang}/${board.slug}?page=${page}`);
      add(`/${lang}/${board.slug}/feed.xml`);
      add(`/${lang}/${board.slug}/feed.atom`);
    }
    for (const { tag } of await deps.catalog.tagCounts(lang, now)) {
      add(`/${lang}/tags/${encodeURIComponent(tag)}/feed.xml`);
      add(`/${lang}/tags/${encodeURIComponent(tag)}/feed.atom`);
    }
  }
  for (let after = 0; ; ) {
    const batch = await deps.index.releasePages(now, after, RELEASE_BATCH);
    for (const r of batch) {
      add(`/${r.language}/${r.boardSlug}/${r.number}`);
      add(`/${r.language}/${r.boardSlug}/${r.number}/print`);
    }
    if (batch.length < RELEASE_BATCH) break;
    after = batch.at(-1)!.releaseId;
  }
}

/** Exports the queue with a few workers; links found by the last pages start another round. */
async function crawl(run: ExportRun, progress?: (done: number, total: number) => void): Promise<void> {
  let done = 0;
  async function worker() {
    for (let url = run.queue.shift(); url !== undefined; url = run.queue.shift()) {
      await exportUrl(run, url);
      done += 1;
      progress?.(done, done + run.queue.length);
    }
  }
  while (run.queue.length > 0) await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** The not-found page, for servers to send with their 404s (root, and per language). */
async function exportNotFoundPages(run: ExportRun): Promise<void> {
  for (const [url, file] of [['/404.html', '404.html'], ...LANGUAGES.map((lang) => [`/${lang}/404.html`, `${lang}/404.html`])] as const) {
    const res = await run.deps.renderer.get(url);
    if (res.status === 404 && res.contentType?.startsWith('text/html')) await storeFile(run, url, file, res.body, false);
  }
}

/** Removes the files of pages that disappeared since the last export, and writes the new manifest. */
async function finish(run: ExportRun): Promise<void> {
  for (const file of run.previous.keys()) {
    if (run.manifest.has(file)) continue;
    await run.deps.directory.remove(file);
    run.report.removed += 1;
  }
  await run.deps.directory.writeManifest(run.manifest);
  run.report.total = run.manifest.size;
}

/**
 * Writes every public page, list page, feed, sitemap, attachment and asset of the live site into a
 * directory a plain static server can serve. Pages come from the live renderer (the same routes,
 * visibility rule and views as the server, so nothing unpublished or under embargo can appear);
 * URLs come from the catalogue and from following the pages' own links. Files whose bytes did not
 * change are left alone, and files of pages that disappeared since the last run are removed.
 */
export function makeExportStaticSite(deps: StaticExportDeps) {
  return async function exportStaticSite(progress?: (done: number, total: number) => void): Promise<StaticExportReport> {
    const now = deps.clock.now();
    const run = startRun(deps, await deps.directory.readManifest());
    await seedUrls(run, now);
    await crawl(run, progress);
    await exportNotFoundPages(run);
    await finish(run);
    run.report.nextChange = await deps.catalog.nextPublicTransition(now);
    return run.report;
  };
}
export type ExportStaticSite = ReturnType<typeof makeExportStaticSite>;
