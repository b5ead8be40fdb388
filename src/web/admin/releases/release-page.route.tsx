import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { editionContentSchema } from '../../../app/release.schema.js';
import { EditConflictError } from '../../../app/workflow/save-draft.js';
import { DomainError, NotFoundError, ValidationError } from '../../../domain/errors.js';
import { statusOf } from '../../errors.js';
import { translator } from '../../i18n/messages.js';
import { negotiatedLanguage } from '../../public/language.route.js';
import { renderMarkdown } from '../../render/markdown.js';
import { adminContext } from '../shared/admin-context.js';
import { canRead, canWrite, DEFAULT_UPLOAD_MAX_BYTES, type AdminWebDeps } from '../shared/admin-deps.js';
import { redirectDone, sendAdminPage } from '../shared/html.js';
import { actorOf } from '../shared/staff.js';
import { mergeIssues } from './new-release.route.js';
import { contentFromForm, fieldText, readReleaseForm, schemaIssues, withPickedContact, type ReleaseFormValues } from './release-form.js';
import type { EditionContent } from '../../../domain/release.js';
import type { SaveDraft } from '../../../app/workflow/save-draft.js';
import { allowedActions, loadReleasePage, noticeFor, type ReleasePageState, type ReleasePageSystem } from './release-page.data.js';
import { ReleasePageView } from './release-page.view.js';

const idParam = z.string().regex(/^[1-9]\d{0,9}$/).transform(Number);

/** A numeric id from the URL; anything else names no release (404). */
export function parseId(value: unknown): number {
  const parsed = idParam.safeParse(value);
  if (!parsed.success) throw new NotFoundError('No such release');
  return parsed.data;
}

export function releaseIdOf(request: FastifyRequest): number {
  return parseId((request.params as Record<string, unknown>).id);
}

// The admin routes' refusals take their status from the one mapper in web/errors.ts.
export { statusOf };

/** Renders a release's page, optionally with what a refused POST hands back. */
export async function renderReleasePage(deps: AdminWebDeps<ReleasePageSystem>, request: FastifyRequest, reply: FastifyReply, releaseId: number, state: ReleasePageState = {}, status = 200) {
  const [ctx, data] = await Promise.all([adminContext(request, reply, deps), loadReleasePage(deps.system, releaseId, deps.allowSelfApproval)]);
  const allowed = allowedActions(data, ctx.user, deps.allowSelfApproval);
  const view = <ReleasePageView ctx={ctx} data={data} allowed={allowed} state={state} uploadMaxBytes={deps.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES} />;
  return sendAdminPage(reply, view, status);
}

/** GET /admin/releases/:id (editor or read-only view) and POST /admin/releases/:id (save the draft). */
/**
 * The release form as posted (saving a draft, or an editor's fix in review): the typed values, with a
 * press contact picked from the directory filled in; or the page already rendered for a preview, for
 * fields that do not parse, or for a form without its edition version.
 */
export async function readContentSubmission(
  deps: AdminWebDeps<ReleasePageSystem>,
  request: FastifyRequest,
  reply: FastifyReply,
  releaseId: number,
): Promise<{ rendered: unknown } | { values: ReleaseFormValues; content: EditionContent; embargoUntil: Date | null | undefined; lockVersion: number }> {
  const values = await withPickedContact(readReleaseForm(request.body), deps.system.contacts.repo);
  if (fieldText(request.body, 'intent') === 'preview') {
    return { rendered: await renderReleasePage(deps, request, reply, releaseId, { form: { values, issues: [], previewHtml: renderMarkdown(values.bodyMarkdown) } }) };
  }
  const { content, embargoUntil, issues } = contentFromForm(values, deps.timeZone);
  if (issues.length > 0) {
    return { rendered: await renderReleasePage(deps, request, reply, releaseId, { form: { values, issues: mergeIssues(issues, schemaIssues(editionContentSchema, content)) } }, 400) };
  }
  const lockVersion = Number(fieldText(request.body, 'lockVersion'));
  if (!Number.isInteger(lockVersion) || lockVersion < 1) {
    const issue = { code: 'lock_version_missing', message: translator(negotiatedLanguage(request))('adminFormIncomplete') };
    return { rendered: await renderReleasePage(deps, request, reply, releaseId, { form: { values, issues: [issue] } }, 400) };
  }
  return { values, content, embargoUntil, lockVersion };
}

export function registerReleasePageRoutes(app: FastifyInstance, deps: AdminWebDeps<ReleasePageSystem & { commands: { saveDraft: SaveDraft } }>): void {
  app.get('/admin/releases/:id', canRead(deps), async (request, reply) => {
    const done = (request.query as Record<string, unknown> | undefined)?.done;
    return renderReleasePage(deps, request, reply, releaseIdOf(request), { notice: noticeFor(done, translator(negotiatedLanguage(request))) });
  });

  app.post('/admin/releases/:id', canWrite(deps, 'writer'), async (request, reply) => {
    const releaseId = releaseIdOf(request);
    const submitted = await readContentSubmission(deps, request, reply, releaseId);
    if (!('content' in submitted)) return submitted.rendered;
    const { values, content, embargoUntil, lockVersion } = submitted;
    try {
      await deps.system.commands.saveDraft(releaseId, { ...content, embargoUntil, lockVersion }, actorOf(request));
      return redirectDone(reply, `/admin/releases/${releaseId}`, 'saved');
    } catch (error) {
      if (error instanceof EditConflictError) {
        return renderReleasePage(deps, request, reply, releaseId, { form: { values, issues: error.issues, conflict: { current: error.current, attempted: error.attempted } } }, 409);
      }
      if (error instanceof ValidationError) return renderReleasePage(deps, request, reply, releaseId, { form: { values, issues: error.issues } }, 400);
      if (error instanceof DomainError && !(error instanceof NotFoundError)) {
        return renderReleasePage(deps, request, reply, releaseId, { issues: error.issues.length > 0 ? error.issues : [{ code: error.code, message: error.message }], issuesTitle: translator(negotiatedLanguage(request))('adminChangesNotSaved') }, statusOf(error));
      }
      throw error;
    }
  });
}
