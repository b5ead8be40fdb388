import type { FastifyInstance } from 'fastify';
import type { AdminWebDeps } from '../shared/admin-deps.js';
import { autosaveScript } from './autosave-script.js';
import { editorCss } from './editor-css.js';
import { editorScript } from './editor-script.js';
import type { HashedAsset } from './hashed-asset.js';
import { registerPreviewRoute } from './preview.route.js';
import { turndownScript } from './turndown-asset.js';
import { uploadScript } from './upload-script.js';

const ASSETS: readonly HashedAsset[] = [editorScript, uploadScript, turndownScript, editorCss, autosaveScript];

/** The editor's scripts and stylesheet under their hashed /assets names, cached for a year. */
export function registerEditorAssets(app: FastifyInstance): void {
  for (const asset of ASSETS) {
    app.get(asset.href, async (_request, reply) =>
      reply.type(asset.contentType).header('Cache-Control', 'public, max-age=31536000, immutable').header('ETag', asset.etag).send(asset.body),
    );
  }
}

/** The editor's endpoints; register inside the admin scope, so its error handler applies. */
export function registerEditorRoutes(app: FastifyInstance, deps: AdminWebDeps): void {
  registerPreviewRoute(app, deps);
}
