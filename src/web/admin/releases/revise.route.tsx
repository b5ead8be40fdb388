import type { FastifyInstance } from 'fastify';
import { editionContentSchema } from '../../../app/release.schema.js';
import type { ReviseInReview } from '../../../app/workflow/revise-in-review.js';
import { EditConflictError } from '../../../app/workflow/save-draft.js';
import { DomainError, NotFoundError } from '../../../domain/errors.js';
import { translator } from '../../i18n/messages.js';
import { negotiatedLanguage } from '../../public/language.route.js';
import { renderMarkdown } from '../../render/markdown.js';
import { canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { redirectDone } from '../shared/html.js';
import { actorOf } from '../shared/staff.js';
import { mergeIssues } from './new-release.route.js';
import { contentFromForm, fieldText, readReleaseForm, schemaIssues } from './release-form.js';
import type { ReleasePageSystem } from './release-page.data.js';
import { releaseIdOf, renderReleasePage, statusOf } from './release-page.route.js';

/** Fixing an edition in review in place, and the page a refusal is shown on. */
export type ReviseSystem = ReleasePageSystem & { commands: { reviseInReview: ReviseInReview } };

/**
 * POST /admin/releases/:id/revise: an editor's fix of an edition in review, approved or scheduled,
 * from the same form as a draft's (#16). It keeps the edition's state; the page it redirects to
 * shows what would still block publication. A refusal re-renders the form with what was typed.
 */
export function registerReviseRoutes(app: FastifyInstance, deps: AdminWebDeps<ReviseSystem>): void {
  app.post('/admin/releases/:id/revise', canWrite(deps, 'editor'), async (request, reply) => {
    const releaseId = releaseIdOf(request);
    const values = readReleaseForm(request.body);
    if (fieldText(request.body, 'intent') === 'preview') {
      return renderReleasePage(deps, request, reply, releaseId, { form: { values, issues: [], previewHtml: renderMarkdown(values.bodyMarkdown) } });
    }
    const { content, embargoUntil, issues } = contentFromForm(values, deps.timeZone);
    if (issues.length > 0) {
      return renderReleasePage(deps, request, reply, releaseId, { form: { values, issues: mergeIssues(issues, schemaIssues(editionContentSchema, content)) } }, 400);
    }
    const lockVersion = Number(fieldText(request.body, 'lockVersion'));
    const t = translator(negotiatedLanguage(request));
    if (!Number.isInteger(lockVersion) || lockVersion < 1) {
      return renderReleasePage(deps, request, reply, releaseId, { form: { values, issues: [{ code: 'lock_version_missing', message: t('adminFormIncomplete') }] } }, 400);
    }
    try {
      await deps.system.commands.reviseInReview(releaseId, { ...content, embargoUntil, lockVersion }, actorOf(request));
      return redirectDone(reply, `/admin/releases/${releaseId}`, 'revised');
    } catch (error) {
      if (error instanceof EditConflictError) {
        return renderReleasePage(deps, request, reply, releaseId, { form: { values, issues: error.issues, conflict: { current: error.current, attempted: error.attempted } } }, 409);
      }
      if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
      // Every reason heads the page and stays beside its field (an embargo after the schedule), with what was typed.
      const refusal = error.issues.length > 0 ? error.issues : [{ code: error.code, message: error.message }];
      return renderReleasePage(deps, request, reply, releaseId, { form: { values, issues: refusal } }, statusOf(error));
    }
  });
}
