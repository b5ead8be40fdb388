import { createHash } from 'node:crypto';
import type { ManifestEntry, RenderedResponse } from '../../ports/static-site.js';
import type { StaticExportDeps, StaticExportReport } from './export-static-site.js';
import { findLinks, localPath } from './find-links.js';
import { fileOf, queryLinks, rewritePageLinks, staticPathOf } from './static-paths.js';

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

/** One export's state: the URLs to visit, the files written so far, the last export's manifest, the report. */
export interface ExportRun {
  deps: StaticExportDeps;
  previous: Map<string, ManifestEntry>;
  manifest: Map<string, ManifestEntry>;
  /** Files filled by a redirect page, which a real page for the same file replaces. */
  redirects: Set<string>;
  report: StaticExportReport;
  queue: string[];
  seen: Set<string>;
  /** Where query-string links lead when the live server answers them with a redirect (asked once each). */
  redirectTargets: Map<string, Promise<string | null>>;
}

/** A fresh run over the last export's manifest. */
export function startRun(deps: StaticExportDeps, previous: Map<string, ManifestEntry>): ExportRun {
  return {
    deps,
    previous,
    manifest: new Map(),
    redirects: new Set(),
    report: { written: 0, unchanged: 0, removed: 0, total: 0, skipped: [], nextChange: null },
    queue: [],
    seen: new Set(),
    redirectTargets: new Map(),
  };
}

/** Queues a URL to export, once. */
export function addUrl(run: ExportRun, url: string): void {
  if (run.seen.has(url)) return;
  run.seen.add(url);
  run.queue.push(url);
}

/** Records a file in the manifest and writes it unless the last export wrote the same bytes. */
export async function storeFile(run: ExportRun, url: string, file: string, bytes: Buffer, isRedirect: boolean): Promise<void> {
  const { manifest, redirects, report } = run;
  if (manifest.has(file) && (isRedirect || !redirects.has(file))) {
    report.skipped.push({ url, reason: `${file} is already written for another URL` });
    return;
  }
  if (isRedirect) redirects.add(file);
  else redirects.delete(file);
  const entry = { sha256: sha256(bytes), byteSize: bytes.byteLength };
  const old = run.previous.get(file);
  const replacing = manifest.has(file);
  manifest.set(file, entry);
  if (!replacing && old && old.sha256 === entry.sha256 && (await run.deps.directory.hasFile(file, entry.byteSize))) {
    report.unchanged += 1;
    return;
  }
  await run.deps.directory.write(file, bytes);
  if (!replacing) report.written += 1;
}

/** Where a page's query-string links lead, for those the live server redirects to a static path (queued too). */
async function redirectsOf(run: ExportRun, html: string): Promise<Map<string, string>> {
  const { deps } = run;
  const targets = new Map<string, string>();
  for (const link of queryLinks(html, deps.baseUrl)) {
    if (staticPathOf(link) !== null) continue;
    let target = run.redirectTargets.get(link);
    if (!target) {
      target = deps.renderer.get(link, 'HEAD').then((res) => {
        const location = res.status >= 300 && res.status < 400 && res.location ? localPath(res.location, deps.baseUrl) : null;
        const path = location === null ? null : staticPathOf(location);
        if (location !== null && path !== null) addUrl(run, location);
        return path;
      });
      run.redirectTargets.set(link, target);
    }
    const resolved = await target;
    if (resolved !== null) targets.set(link, resolved);
  }
  return targets;
}

/**
 * Attachments are content-addressed: same hash and size on disk means the same bytes, so a HEAD
 * (is it still public?) replaces reading the whole file again. Whether the file was kept so.
 */
async function keptUnchangedFile(run: ExportRun, url: string, path: string): Promise<boolean> {
  const contentAddress = FILE_URL.exec(path)?.[1];
  if (!contentAddress) return false;
  const mapped = fileOf(path, false);
  const old = 'file' in mapped ? run.previous.get(mapped.file) : undefined;
  if (!('file' in mapped) || old?.sha256 !== contentAddress || run.manifest.has(mapped.file) || !(await run.deps.directory.hasFile(mapped.file, old.byteSize))) return false;
  const head = await run.deps.renderer.get(url, 'HEAD');
  if (head.status !== 200) return false;
  run.manifest.set(mapped.file, old);
  run.report.unchanged += 1;
  return true;
}

/** A redirect answer as a tiny page sending the reader on, unless a static server needs none. */
async function storeRedirect(run: ExportRun, url: string, path: string, location: string): Promise<void> {
  const mapped = fileOf(path, true);
  const local = localPath(location, run.deps.baseUrl);
  const target = local === null ? null : staticPathOf(local);
  const targetFile = target === null ? null : fileOf(target, true);
  // `/en` -> `/en/` needs no page: static servers add the slash themselves.
  if (!('file' in mapped) || target === null || (targetFile && 'file' in targetFile && targetFile.file === mapped.file)) return;
  return storeFile(run, url, mapped.file, redirectPage(target), true);
}

/** Exports one URL from the live renderer: a page (links followed and rewritten), a feed, a file or a redirect. */
export async function exportUrl(run: ExportRun, url: string): Promise<void> {
  const { deps, report } = run;
  const path = staticPathOf(url);
  if (path === null) {
    report.skipped.push({ url, reason: 'a static server cannot tell this query string apart' });
    return;
  }
  if (await keptUnchangedFile(run, url, path)) return;
  const res: RenderedResponse = await deps.renderer.get(url);
  if (res.status >= 300 && res.status < 400 && res.location) return storeRedirect(run, url, path, res.location);
  if (res.status !== 200) {
    report.skipped.push({ url, reason: `the live site answers ${res.status}` });
    return;
  }
  const contentType = res.contentType ?? 'application/octet-stream';
  const isHtml = contentType.startsWith('text/html');
  const mapped = fileOf(path, isHtml);
  if (!('file' in mapped)) {
    report.skipped.push({ url, reason: mapped.refused });
    return;
  }
  if (isHtml || /xml/.test(contentType)) {
    const text = res.body.toString('utf8');
    // Query-string links (search, filters, the language switch) have no static file of their own.
    for (const link of findLinks(text, contentType, deps.baseUrl)) if (staticPathOf(link) !== null) addUrl(run, link);
    if (isHtml) return storeFile(run, url, mapped.file, Buffer.from(rewritePageLinks(text, deps.baseUrl, await redirectsOf(run, text))), false);
  }
  return storeFile(run, url, mapped.file, res.body, false);
}
