import type { FastifyInstance } from 'fastify';
import { DomainError, NotFoundError } from '../../../domain/errors.js';
import { canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { translator } from '../../i18n/messages.js';
import { negotiatedLanguage } from '../../public/language.route.js';
import { redirectDone } from '../shared/html.js';
import { actorOf } from '../shared/staff.js';
import { fieldText } from './release-form.js';
import { parseId, releaseIdOf, renderReleasePage, statusOf } from './release-page.route.js';
import type { PreviewLinks } from '../../../app/workflow/preview-links.js';
import type { ReleasePageSystem } from './release-page.data.js';

/** Preview links of a release, on its page. */
export type PreviewLinkSystem = ReleasePageSystem & { previewLinks: Pick<PreviewLinks, 'create' | 'list' | 'revoke'> };

/** POST .../preview-links (create; the URL is shown once) and .../preview-links/:linkId/revoke. */
export function registerPreviewLinkRoutes(app: FastifyInstance, deps: AdminWebDeps<PreviewLinkSystem>): void {
  app.post('/admin/releases/:id/preview-links', canWrite(deps, 'editor'), async (request, reply) => {
    const releaseId = releaseIdOf(request);
    const recipient = fieldText(request.body, 'recipient');
    try {
      const { link, token } = await deps.system.previewLinks.create(releaseId, recipient, actorOf(request));
      // From the configured base URL: a forged Host header must not point a journalist elsewhere.
      const url = `${deps.baseUrl}/preview/${token}`;
      return renderReleasePage(deps, request, reply, releaseId, { newPreviewLink: { recipient: link.recipient, url } }, 201);
    } catch (error) {
      if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
      const issues = error.issues.length > 0 ? error.issues : [{ code: error.code, message: error.message }];
      return renderReleasePage(deps, request, reply, releaseId, { issues, issuesTitle: translator(negotiatedLanguage(request))('adminCouldNotCreatePreview'), typed: { recipient } }, statusOf(error));
    }
  });

  app.post('/admin/releases/:id/preview-links/:linkId/revoke', canWrite(deps, 'editor'), async (request, reply) => {
    const releaseId = releaseIdOf(request);
    const linkId = parseId((request.params as Record<string, unknown>).linkId);
    const links = await deps.system.previewLinks.list(releaseId);
    if (!links.some((l) => l.id === linkId)) throw new NotFoundError('No such preview link');
    try {
      await deps.system.previewLinks.revoke(linkId, actorOf(request));
      return redirectDone(reply, `/admin/releases/${releaseId}`, 'revoked');
    } catch (error) {
      if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
      return renderReleasePage(deps, request, reply, releaseId, { issues: error.issues, issuesTitle: translator(negotiatedLanguage(request))('adminCouldNotRevokePreview') }, statusOf(error));
    }
  });
}
