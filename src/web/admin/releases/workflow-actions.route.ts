import type { FastifyInstance } from 'fastify';
import type { StaffActor } from '../../../app/workflow/actor.js';
import type { SeenEdition } from '../../../app/workflow/seen-edition.js';
import { DomainError, NotFoundError, ValidationError } from '../../../domain/errors.js';
import type { AssignReviewer } from '../../../app/workflow/assign-reviewer.js';
import type { RecallRelease } from '../../../app/workflow/recall-release.js';
import type { Role } from '../../../domain/user.js';
import type { ApiWriteCommands } from '../../../app/api-writes.js';
import type { ReleasePageSystem } from './release-page.data.js';
import { translator, type MessageKey } from '../../i18n/messages.js';
import { negotiatedLanguage } from '../../public/language.route.js';
import { canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { parseLocalDateTime } from '../shared/datetime-local.js';
import { redirectDone } from '../shared/html.js';
import { actorOf } from '../shared/staff.js';
import { fieldText } from './release-form.js';
import { releaseIdOf, renderReleasePage, statusOf } from './release-page.route.js';

/** The workflow commands (the very ones the JSON API runs), and the page a refusal is shown on. */
export type WorkflowActionSystem = ReleasePageSystem & {
  commands: Pick<ApiWriteCommands, 'submitRelease' | 'approveRelease' | 'rejectRelease' | 'scheduleRelease' | 'unscheduleRelease' | 'publishRelease' | 'startCorrection' | 'withdrawRelease'> & {
    recallRelease: RecallRelease;
    assignReviewer: AssignReviewer;
  };
};

/** The reviewer chosen on the form: an id, or null for nobody in particular. */
function reviewerOf(value: string | undefined): number | null {
  if (!value) return null;
  if (!/^[1-9]\d{0,8}$/.test(value)) throw new ValidationError('Choose a reviewer from the list', [{ code: 'reviewer_not_editor', message: 'Choose a reviewer from the list', field: 'reviewerId' }]);
  return Number(value);
}

/** A withdrawal takes the release off the public lists at once: the form's box must be ticked (works without script, #16). */
function confirmed(form: Record<string, string>): void {
  if (form.confirm === '1') return;
  // Every reason at once: a missing public reason is reported with the missing confirmation.
  const reason = (form.reason ?? '').trim() === '' ? [{ code: 'reason_missing', message: 'Give a public reason', field: 'reason' }] : [];
  throw new ValidationError('Confirm the withdrawal', [...reason, { code: 'confirmation_missing', message: 'Tick the box to confirm the withdrawal', field: 'confirm' }]);
}

interface ActionRoute {
  /** The least role that may ever take the step; the domain then checks state and authorship. */
  role: Role;
  /** The refusal's heading: "Could not approve this release". */
  verb: MessageKey;
  /** Form fields kept on the page when the step is refused. */
  typed: string[];
  /** Runs the one command on the edition the page showed (`seen`); returns the notice key for the page it redirects to. */
  run(system: WorkflowActionSystem, releaseId: number, form: Record<string, string>, actor: StaffActor, seen: SeenEdition, timeZone: string): Promise<string>;
}

const ACTIONS: Record<string, ActionRoute> = {
  submit: { role: 'writer', verb: 'adminCouldNot_submit', typed: [], run: async (s, id, _f, a, seen) => (await s.commands.submitRelease(id, a, seen), 'submitted') },
  approve: { role: 'editor', verb: 'adminCouldNot_approve', typed: [], run: async (s, id, _f, a, seen) => (await s.commands.approveRelease(id, a, seen), 'approved') },
  reject: { role: 'editor', verb: 'adminCouldNot_reject', typed: ['comment'], run: async (s, id, f, a, seen) => (await s.commands.rejectRelease(id, f.comment ?? '', a, seen), 'rejected') },
  schedule: {
    role: 'editor',
    verb: 'adminCouldNot_schedule',
    typed: ['scheduledAt'],
    // An unreadable time becomes an invalid Date, which the command refuses with its own message.
    run: async (s, id, f, a, seen, tz) => (await s.commands.scheduleRelease(id, parseLocalDateTime(f.scheduledAt ?? '', tz) ?? new Date(Number.NaN), a, seen), 'scheduled'),
  },
  unschedule: { role: 'editor', verb: 'adminCouldNot_unschedule', typed: [], run: async (s, id, _f, a, seen) => (await s.commands.unscheduleRelease(id, a, seen), 'unscheduled') },
  publish: {
    role: 'editor',
    verb: 'adminCouldNot_publish',
    typed: ['changeNote', 'isMinorChange'],
    async run(s, id, f, a, seen) {
      const outcome = await s.commands.publishRelease(id, a, { changeNote: f.changeNote?.trim() || null, isMinorChange: f.isMinorChange === '1', seen });
      return outcome.published && outcome.correction ? 'corrected' : 'published';
    },
  },
  recall: { role: 'writer', verb: 'adminCouldNot_recall', typed: [], run: async (s, id, _f, a, seen) => (await s.commands.recallRelease(id, a, seen), 'recalled') },
  assign: { role: 'editor', verb: 'adminCouldNot_assign', typed: ['reviewerId'], run: async (s, id, f, a, seen) => (await s.commands.assignReviewer(id, reviewerOf(f.reviewerId), a, seen), 'reviewer_assigned') },
  correct: { role: 'writer', verb: 'adminCouldNot_correct', typed: [], run: async (s, id, _f, a, seen) => (await s.commands.startCorrection(id, a, seen), 'correction') },
  withdraw: {
    role: 'editor',
    verb: 'adminCouldNot_withdraw',
    typed: ['reason', 'removeContent', 'confirm'],
    async run(s, id, f, a, seen) {
      confirmed(f);
      const removeContent = f.removeContent === '1';
      await s.commands.withdrawRelease(id, f.reason ?? '', a, { removeContent, seen });
      return removeContent ? 'content_removed' : 'withdrawn';
    },
  },
};

const positive = /^[1-9]\d{0,8}$/;

/** The edition the page showed, from the form's hidden `version` and `edition` fields; null when they are missing. */
function seenEditionOf(body: unknown): SeenEdition | null {
  const version = fieldText(body, 'version');
  const editionNo = fieldText(body, 'edition');
  if (!positive.test(version) || !positive.test(editionNo)) return null;
  return { version: Number(version), editionNo: Number(editionNo) };
}

/**
 * POST /admin/releases/:id/<step>: each workflow step is its own endpoint with its own permission.
 * A refusal re-renders the page with every reason and with what was typed.
 */
export function registerWorkflowActionRoutes(app: FastifyInstance, deps: AdminWebDeps<WorkflowActionSystem>): void {
  for (const [name, action] of Object.entries(ACTIONS)) {
    app.post(`/admin/releases/:id/${name}`, canWrite(deps, action.role), async (request, reply) => {
      const releaseId = releaseIdOf(request);
      const form = Object.fromEntries(action.typed.map((field) => [field, fieldText(request.body, field)]));
      const t = translator(negotiatedLanguage(request));
      const seen = seenEditionOf(request.body);
      // Every step names the edition its page showed: without it the step could act on text nobody saw.
      if (!seen) return renderReleasePage(deps, request, reply, releaseId, { issues: [{ code: 'version_missing', message: t('adminFormIncomplete') }], issuesTitle: t(action.verb), typed: form }, 400);
      try {
        const done = await action.run(deps.system, releaseId, form, actorOf(request), seen, deps.timeZone);
        return redirectDone(reply, `/admin/releases/${releaseId}`, done);
      } catch (error) {
        if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
        const issues = error.issues.length > 0 ? error.issues : [{ code: error.code, message: error.message }];
        return renderReleasePage(deps, request, reply, releaseId, { issues, issuesTitle: t(action.verb), typed: form }, statusOf(error));
      }
    });
  }
}
