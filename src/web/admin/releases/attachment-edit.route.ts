import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, NotFoundError, ValidationError } from '../../../domain/errors.js';
import { canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { translator, type MessageKey } from '../../i18n/messages.js';
import { negotiatedLanguage } from '../../public/language.route.js';
import { redirectDone } from '../shared/html.js';
import { actorOf } from '../shared/staff.js';
import { fieldText } from './release-form.js';
import { parseId, releaseIdOf, renderReleasePage, statusOf } from './release-page.route.js';
import type { EditAttachments } from '../../../app/edit-attachments.js';
import type { ReleasePageSystem } from './release-page.data.js';

/** Editing an attachment's text, order and presence, on the release's page. */
export type AttachmentEditSystem = ReleasePageSystem & { commands: { attachments: Pick<EditAttachments, 'update' | 'move' | 'remove'> } };

const direction = z.enum(['up', 'down']);

function attachmentIdOf(request: FastifyRequest): number {
  return parseId((request.params as Record<string, unknown>).attachmentId);
}

/**
 * Editing attachments after upload, each step its own POST (plain forms, no script needed):
 * caption/credit/alt text, move up or down, remove. Refusals re-render the page with every reason.
 */
export function registerAttachmentEditRoutes(app: FastifyInstance, deps: AdminWebDeps<AttachmentEditSystem>): void {
  const base = '/admin/releases/:id/attachments/:attachmentId';

  async function run(request: FastifyRequest, reply: Parameters<typeof renderReleasePage>[2], done: string, title: MessageKey, step: (releaseId: number, attachmentId: number) => Promise<unknown>) {
    const releaseId = releaseIdOf(request);
    const attachmentId = attachmentIdOf(request);
    try {
      await step(releaseId, attachmentId);
      return redirectDone(reply, `/admin/releases/${releaseId}`, done);
    } catch (error) {
      if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
      const issues = (error.issues.length > 0 ? error.issues : [{ code: error.code, message: error.message }]).map((i) =>
        error instanceof ValidationError && i.field ? { ...i, field: `attachments.${attachmentId}.${i.field}` } : i,
      );
      return renderReleasePage(deps, request, reply, releaseId, { issues, issuesTitle: translator(negotiatedLanguage(request))(title) }, statusOf(error));
    }
  }

  app.post(base, canWrite(deps, 'writer'), async (request, reply) =>
    run(request, reply, 'attachment_updated', 'adminCouldNotSaveAttachment', (releaseId, attachmentId) =>
      deps.system.commands.attachments.update(
        releaseId,
        attachmentId,
        { caption: fieldText(request.body, 'caption'), credit: fieldText(request.body, 'credit'), altText: fieldText(request.body, 'altText') },
        actorOf(request),
      ),
    ),
  );

  app.post(`${base}/move`, canWrite(deps, 'writer'), async (request, reply) =>
    run(request, reply, 'attachment_moved', 'adminCouldNotMoveAttachment', (releaseId, attachmentId) => {
      const parsed = direction.safeParse(fieldText(request.body, 'direction'));
      if (!parsed.success) throw new ValidationError('Choose up or down', [{ code: 'direction_invalid', message: 'Choose to move it up or down' }]);
      return deps.system.commands.attachments.move(releaseId, attachmentId, parsed.data, actorOf(request));
    }),
  );

  app.post(`${base}/remove`, canWrite(deps, 'writer'), async (request, reply) =>
    run(request, reply, 'attachment_removed', 'adminCouldNotRemoveAttachment', (releaseId, attachmentId) => deps.system.commands.attachments.remove(releaseId, attachmentId, actorOf(request))),
  );
}
