import { createHash } from 'node:crypto';
import { LANGUAGES } from '../../domain/language.js';
import type { BoardRepo } from '../../ports/board-repo.js';
import type { Clock } from '../../ports/clock.js';
import type { PublicCatalog } from '../../ports/public-catalog.js';
import type { ManifestEntry, PublicPageIndex, RenderedResponse, SiteRenderer, StaticSiteDirectory } from '../../ports/static-site.js';
import type { PublicPages } from '../public-pages.js';
import { findLinks, localPath } from './find-links.js';
import { fileOf, queryLinks, rewritePageLinks, staticPathOf } from './static-paths.js';

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
const FILE_URL = /^\/files\/([0-9a-f]{64})\//;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A static server cannot redirect by itself: a tiny page sends the reader on (used for `/`). */
export function redirectPage(location: string): Buffer {
  const href = escapeHtml(location);
  return Buffer.from(
    `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${href}"><link rel="canonical" href="${href}"><meta name="robots" content="noindex"><title>${href}</title></head><body><p><a href="${href}">${href}</a></p></body></html>\n`,
  );
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
    const previous = await deps.directory.readManifest();
    const manifest = new Map<string, ManifestEntry>();
    /** Files filled by a redirect page, which a real page for the same file replaces. */
    const redirects = new Set<string>();
    const report: StaticExportReport = { written: 0, unchanged: 0, removed: 0, total: 0, skipped: [], nextChange: null };

    const queue: string[] = [];
    const seen = new Set<string>();
    const add = (url: string) => {
      if (seen.has(url)) return;
      seen.add(url);
      queue.push(url);
    };

    // Seeds from the catalogue; links found on the way add the rest.
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

    async function store(url: string, file: string, bytes: Buffer, isRedirect: boolean) {
      if (manifest.has(file) && (isRedirect || !redirects.has(file))) {
        report.skipped.push({ url, reason: `${file} is already written for another URL` });
        return;
      }
      if (isRedirect) redirects.add(file);
      else redirects.delete(file);
      const entry = { sha256: sha256(bytes), byteSize: bytes.byteLength };
      const old = previous.get(file);
      const replacing = manifest.has(file);
      manifest.set(file, entry);
      if (!replacing && old && old.sha256 === entry.sha256 && (await deps.directory.hasFile(file, entry.byteSize))) {
        report.unchanged += 1;
        return;
      }
      await deps.directory.write(file, bytes);
      if (!replacing) report.written += 1;
    }

    /** Where query-string links of a page lead when the live server answers them with a redirect. */
    const redirectTargets = new Map<string, Promise<string | null>>();
    async function redirectsOf(html: string): Promise<Map<string, string>> {
      const targets = new Map<string, string>();
      for (const link of queryLinks(html, deps.baseUrl)) {
        if (staticPathOf(link) !== null) continue;
        let target = redirectTargets.get(link);
        if (!target) {
          target = deps.renderer.get(link, 'HEAD').then((res) => {
            const location = res.status >= 300 && res.status < 400 && res.location ? localPath(res.location, deps.baseUrl) : null;
            const path = location === null ? null : staticPathOf(location);
            if (location !== null && path !== null) add(location);
            return path;
          });
          redirectTargets.set(link, target);
        }
        const resolved = await target;
        if (resolved !== null) targets.set(link, resolved);
      }
      return targets;
    }

    async function exportOne(url: string) {
      const path = staticPathOf(url);
      if (path === null) return report.skipped.push({ url, reason: 'a static server cannot tell this query string apart' });

      // Attachments are content-addressed: same hash and size on disk means the same bytes, so a
      // HEAD (is it still public?) replaces reading the whole file again.
      const contentAddress = FILE_URL.exec(path)?.[1];
      if (contentAddress) {
        const mapped = fileOf(path, false);
        const old = 'file' in mapped ? previous.get(mapped.file) : undefined;
        if ('file' in mapped && old?.sha256 === contentAddress && !manifest.has(mapped.file) && (await deps.directory.hasFile(mapped.file, old.byteSize))) {
          const head = await deps.renderer.get(url, 'HEAD');
          if (head.status === 200) {
            manifest.set(mapped.file, old);
            report.unchanged += 1;
            return;
          }
        }
      }

      const res: RenderedResponse = await deps.renderer.get(url);
      if (res.status >= 300 && res.status < 400 && res.location) {
        const mapped = fileOf(path, true);
        const local = localPath(res.location, deps.baseUrl);
        const target = local === null ? null : staticPathOf(local);
        const targetFile = target === null ? null : fileOf(target, true);
        // `/en` -> `/en/` needs no page: static servers add the slash themselves.
        if (!('file' in mapped) || target === null || (targetFile && 'file' in targetFile && targetFile.file === mapped.file)) return;
        return store(url, mapped.file, redirectPage(target), true);
      }
      if (res.status !== 200) return report.skipped.push({ url, reason: `the live site answers ${res.status}` });
      const contentType = res.contentType ?? 'application/octet-stream';
      const isHtml = contentType.startsWith('text/html');
      const mapped = fileOf(path, isHtml);
      if (!('file' in mapped)) return report.skipped.push({ url, reason: mapped.refused });
      if (isHtml || /xml/.test(contentType)) {
        const text = res.body.toString('utf8');
        // Query-string links (search, filters, the language switch) have no static file of their own.
        for (const link of findLinks(text, contentType, deps.baseUrl)) if (staticPathOf(link) !== null) add(link);
        if (isHtml) return store(url, mapped.file, Buffer.from(rewritePageLinks(text, deps.baseUrl, await redirectsOf(text))), false);
      }
      return store(url, mapped.file, res.body, false);
    }

    let done = 0;
    async function worker() {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        await exportOne(url);
        done += 1;
        progress?.(done, done + queue.length);
      }
    }
    // Workers stop when the queue is empty; links found by the last pages start another round.
    while (queue.length > 0) await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    // The not-found page, for servers to send with their 404s (root, and per language).
    for (const [url, file] of [['/404.html', '404.html'], ...LANGUAGES.map((lang) => [`/${lang}/404.html`, `${lang}/404.html`])] as const) {
      const res = await deps.renderer.get(url);
      if (res.status === 404 && res.contentType?.startsWith('text/html')) await store(url, file, res.body, false);
    }

    for (const file of previous.keys()) {
      if (manifest.has(file)) continue;
      await deps.directory.remove(file);
      report.removed += 1;
    }
    await deps.directory.writeManifest(manifest);
    report.total = manifest.size;
    report.nextChange = await deps.catalog.nextPublicTransition(now);
    return report;
  };
}
export type ExportStaticSite = ReturnType<typeof makeExportStaticSite>;
