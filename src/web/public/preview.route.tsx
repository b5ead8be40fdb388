import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { PreviewLinks, PreviewView } from '../../app/workflow/preview-links.js';
import { derivativeFileName } from '../../domain/attachment.js';
import { NotFoundError } from '../../domain/errors.js';
import type { FileStore } from '../../ports/file-store.js';
import type { PublicFile } from '../../ports/public-catalog.js';
import { renderPage } from '../render/page.js';
import { urls } from '../urls.js';
import { ReleaseView } from '../views/release.view.js';
import { sendFile } from './files.route.js';
import type { SiteContext } from './site-context.js';

const token = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/**
 * One of the previewed edition's files, or a WebP copy of one of its photos, served under the same
 * token: identical bytes attached twice are told apart by the URL's name (each downloads as its own).
 */
export function previewFile(view: Pick<PreviewView, 'attachments' | 'derivatives'>, sha256: string, name: string): PublicFile | undefined {
  const originals = view.attachments.filter((a) => a.sha256 === sha256);
  const original = originals.find((a) => a.fileName === name) ?? originals[0];
  if (original) return original;
  const copies = view.derivatives
    .filter((d) => d.sha256 === sha256)
    .flatMap((copy) => view.attachments.filter((a) => a.sha256 === copy.sourceSha256).map((a) => ({ sha256: copy.sha256, fileName: derivativeFileName(a.fileName, copy.width), mimeType: copy.mimeType, byteSize: copy.byteSize })));
  return copies.find((c) => c.fileName === name) ?? copies[0];
}

/**
 * Embargoed pre-release for journalists: `/preview/<token>` shows the release under an "Embargoed
 * until" banner (before publication: "Not yet published" and the planned time), and after the
 * embargo it redirects (303) to the public page; its files (and the WebP copies of its photos, as on the public page) are served
 * only under the same token. Never cached, never indexed;
 * every opening is logged by the command. A bad or revoked token is a plain 404.
 */
export function registerPreviewRoutes(app: FastifyInstance, deps: { previewLinks: PreviewLinks; contextFor: SiteContext; files: FileStore }): void {
  app.get('/preview/:token', async (request, reply) => {
    const parsed = token.safeParse((request.params as { token: string }).token);
    if (!parsed.success) return reply.callNotFound();
    const view = await deps.previewLinks.open(parsed.data, request.ip);
    // After the embargo the journalist's link leads to the public page (the opening is still logged).
    if (view.isPublic && view.release.number !== null) {
      return reply.header('Cache-Control', 'private, no-store').header('Referrer-Policy', 'no-referrer').redirect(urls.release(view.release.language, view.board.slug, view.release.number), 303);
    }
    const ctx = await deps.contextFor(view.release.language);
    const embargoUntil = view.plannedAt ?? view.edition.embargoUntil;
    const html = renderPage(
      <ReleaseView
        ctx={ctx}
        model={{ ...view, changeNotes: [], neighbours: { previous: null, next: null } }}
        preview={{ embargoUntil, plannedAt: view.plannedAt, recipient: view.link.recipient, fileHref: (sha, name) => `/preview/${parsed.data}/files/${sha}/${encodeURIComponent(name)}` }}
      />,
    );
    return reply.header('Cache-Control', 'private, no-store').header('X-Robots-Tag', 'noindex, nofollow').header('Referrer-Policy', 'no-referrer').type('text/html; charset=utf-8').send(html);
  });

  app.get('/preview/:token/files/:sha256/:name', async (request, reply) => {
    const params = request.params as { token: string; sha256: string; name: string };
    const parsed = token.safeParse(params.token);
    if (!parsed.success) return reply.callNotFound();
    const view = await deps.previewLinks.resolveForFiles(parsed.data);
    const file = previewFile(view, params.sha256, params.name);
    if (!file) throw new NotFoundError('No such file');
    reply.header('X-Robots-Tag', 'noindex');
    return sendFile(request, reply, deps.files, file, 'private, no-store');
  });
}
