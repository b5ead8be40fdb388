import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AdminCatalog } from '../../../ports/admin-catalog.js';
import type { FileStore } from '../../../ports/file-store.js';
import { sendFile } from '../../public/files.route.js';
import { canRead, type AdminWebDeps } from '../shared/admin-deps.js';

/** Staff thumbnails: image attachments (or their WebP copies) of any edition, drafts included. */
export type ThumbnailSystem = { admin: Pick<AdminCatalog, 'imageFile'>; files: Pick<FileStore, 'read'> };

const params = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string().max(1024) });

/**
 * GET /admin/thumbnails/:sha256/:name: an image a staff list shows (#16). Staff only, since a draft's
 * photo is not public; the bytes at an address never change, so a browser may keep it a day, but
 * only that browser (`private`: no shared cache ever stores it).
 */
export function registerThumbnailRoutes(app: FastifyInstance, deps: AdminWebDeps<ThumbnailSystem>): void {
  app.get('/admin/thumbnails/:sha256/:name', canRead(deps), async (request, reply) => {
    const p = params.safeParse(request.params);
    if (!p.success) return reply.callNotFound();
    const file = await deps.system.admin.imageFile(p.data.sha256);
    if (!file) return reply.callNotFound();
    return sendFile(request, reply, deps.system.files, file, 'private, max-age=86400');
  });
}
