import type { FastifyInstance } from 'fastify';
import { registerAuditRoutes } from '../audit/audit.route.js';
import { registerDashboardRoutes } from '../dashboard/dashboard.route.js';
import { registerReadershipRoutes } from '../readership/readership.route.js';
import type { AdminWebDeps } from '../shared/admin-deps.js';
import { listTitleScript } from '../shared/list-title-script.js';
import { makeAdminErrorHandler } from '../shared/admin-error-handler.js';
import { registerEditorAssets, registerEditorRoutes } from '../editor/register-editor-routes.js';
import { registerAttachmentRoutes } from './attachments.route.js';
import { registerAutosaveRoute } from './autosave.route.js';
import { registerNewReleaseRoutes } from './new-release.route.js';
import { registerPreviewLinkRoutes } from './preview-links.route.js';
import { registerReleaseListRoutes } from './release-list.route.js';
import { registerThumbnailRoutes } from './thumbnails.route.js';
import { registerReleasePageRoutes } from './release-page.route.js';
import { registerRevisionRoutes } from './revisions.route.js';
import { registerReviseRoutes } from './revise.route.js';
import { registerWorkflowActionRoutes } from './workflow-actions.route.js';
import { registerTranslationRoutes } from '../translations/translations.route.js';

export type { AdminWebDeps } from '../shared/admin-deps.js';

/** What a route registrar's deps ask of the system. */
type SystemOf<R extends (app: FastifyInstance, deps: never) => void> = Parameters<R>[1] extends AdminWebDeps<infer S> ? S : never;

/** Every use case and read the editorial admin calls: the union of what each route file declares. */
export type EditorialAdminSystem = SystemOf<typeof registerDashboardRoutes> &
  SystemOf<typeof registerReleaseListRoutes> &
  SystemOf<typeof registerThumbnailRoutes> &
  SystemOf<typeof registerNewReleaseRoutes> &
  SystemOf<typeof registerReleasePageRoutes> &
  SystemOf<typeof registerWorkflowActionRoutes> &
  SystemOf<typeof registerTranslationRoutes> &
  SystemOf<typeof registerAttachmentRoutes> &
  SystemOf<typeof registerRevisionRoutes> &
  SystemOf<typeof registerReviseRoutes> &
  SystemOf<typeof registerPreviewLinkRoutes> &
  SystemOf<typeof registerAuditRoutes> &
  SystemOf<typeof registerAutosaveRoute> &
  SystemOf<typeof registerReadershipRoutes>;

/**
 * The editorial admin: dashboard, release list, editor, workflow steps, uploads, revisions,
 * preview links and the audit log. Routes live in their own encapsulated scope so their error
 * handler (friendly admin pages) does not touch the public site. The admin stylesheet route and
 * the cookie, form-body and CSRF plugins come from registerAuth, which must run first.
 */
export function registerAdminRoutes(app: FastifyInstance, deps: AdminWebDeps<EditorialAdminSystem>): void {
  app.get(listTitleScript.href, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'public, max-age=31536000, immutable').header('ETag', listTitleScript.etag).send(listTitleScript.body),
  );
  registerEditorAssets(app);
  void app.register(async (scope) => {
    scope.setErrorHandler(makeAdminErrorHandler({ siteName: deps.siteName }));
    registerDashboardRoutes(scope, deps);
    registerReleaseListRoutes(scope, deps);
    registerThumbnailRoutes(scope, deps);
    registerNewReleaseRoutes(scope, deps);
    registerReleasePageRoutes(scope, deps);
    registerWorkflowActionRoutes(scope, deps);
    registerTranslationRoutes(scope, deps);
    registerAttachmentRoutes(scope, deps);
    registerRevisionRoutes(scope, deps);
    registerReviseRoutes(scope, deps);
    registerPreviewLinkRoutes(scope, deps);
    registerAuditRoutes(scope, deps);
    registerReadershipRoutes(scope, deps);
    registerEditorRoutes(scope, deps);
    registerAutosaveRoute(scope, deps);
  });
}
