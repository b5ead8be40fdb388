import type { FastifyInstance } from 'fastify';
import type { ReviseInReview } from '../../../app/workflow/revise-in-review.js';
import { EditConflictError } from '../../../app/workflow/save-draft.js';
import { DomainError, NotFoundError } from '../../../domain/errors.js';
import { canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { redirectDone } from '../shared/html.js';
import { actorOf } from '../shared/staff.js';
import type { ReleasePageSystem } from './release-page.data.js';
import { readContentSubmission, releaseIdOf, renderReleasePage, statusOf } from './release-page.route.js';

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
    // The same reading as Save draft: a contact picked from the directory counts here too.
    const submitted = await readContentSubmission(deps, request, reply, releaseId);
    if (!('content' in submitted)) return submitted.rendered;
    const { values, content, embargoUntil, lockVersion } = submitted;
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
