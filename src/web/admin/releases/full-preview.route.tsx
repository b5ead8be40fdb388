import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DraftPreviews } from '../../../app/workflow/draft-preview.js';
import { NotFoundError } from '../../../domain/errors.js';
import type { FileStore } from '../../../ports/file-store.js';
import { previewFile } from '../../public/preview.route.js';
import { sendFile } from '../../public/files.route.js';
import type { SiteContext } from '../../public/site-context.js';
import { renderPage } from '../../render/page.js';
import { ReleaseView } from '../../views/release.view.js';
import { makeAdminErrorHandler } from '../shared/admin-error-handler.js';
import { canRead, type AdminWebDeps } from '../shared/admin-deps.js';
import { staffFileHref } from './full-preview.view.js';
import { releaseIdOf } from './release-page.route.js';

const fileParams = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string().min(1).max(1024) });

/** Staff-only: nothing here may be kept by a shared cache, indexed, or leak its address onwards. */
const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'no-referrer' };

/** What the full preview reads: the latest edition as its page shows it, the site's public context and the files. */
export type FullPreviewDeps = AdminWebDeps<{ draftPreviews: DraftPreviews; files: FileStore }> & { contextFor: SiteContext };

/**
 * GET /admin/releases/:id/preview: the release's latest edition (draft, in review, a correction)
 * rendered by the public release page's own view, for any signed-in staff who can open its admin
 * page (#16), under a "Preview - not published" banner with the list row its title will get.
 * GET /admin/releases/:id/files/:sha256/:name serves that edition's files and their WebP copies
 * (the preview's photos, the admin's thumbnails) to staff only. Both are private, never indexed;
 * a draft is never reachable through the public routes.
 */
export function registerFullPreviewRoutes(app: FastifyInstance, deps: FullPreviewDeps): void {
  void app.register(async (scope) => {
    scope.setErrorHandler(makeAdminErrorHandler({ siteName: deps.siteName }));

    scope.get('/admin/releases/:id/preview', canRead(deps), async (request, reply) => {
      const releaseId = releaseIdOf(request);
      const view = await deps.system.draftPreviews.load(releaseId);
      const ctx = await deps.contextFor(view.release.language);
      const staff = { editionNo: view.edition.editionNo, state: view.edition.state, listDate: view.release.firstPublishedAt ?? view.plannedAt ?? deps.system.clock.now() };
      const html = renderPage(
        <ReleaseView
          ctx={ctx}
          model={{ ...view, neighbours: { previous: null, next: null } }}
          preview={{ embargoUntil: view.edition.embargoUntil, plannedAt: view.plannedAt, recipient: '', fileHref: staffFileHref(releaseId), staff }}
        />,
      );
      return reply.headers(PRIVATE).type('text/html; charset=utf-8').send(html);
    });

    scope.route({
      method: ['GET', 'HEAD'],
      url: '/admin/releases/:id/files/:sha256/:name',
      ...canRead(deps),
      handler: async (request, reply) => {
        const releaseId = releaseIdOf(request);
        const params = fileParams.safeParse(request.params);
        if (!params.success) throw new NotFoundError('No such file');
        const view = await deps.system.draftPreviews.load(releaseId);
        const file = previewFile(view, params.data.sha256, params.data.name);
        if (!file) throw new NotFoundError('No such file');
        // Revalidated every time (a cheap 304 by its SHA-256 ETag), and never by a shared cache.
        reply.headers({ ...PRIVATE, 'Cache-Control': 'private, no-cache' });
        return sendFile(request, reply, deps.system.files, file, 'private, no-cache');
      },
    });
  });
}
