import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { newReleaseSchema } from '../../../app/release.schema.js';
import type { Board } from '../../../domain/board.js';
import { NotFoundError, ValidationError, type FieldIssue } from '../../../domain/errors.js';
import { renderMarkdown } from '../../render/markdown.js';
import { adminContext, type AdminContext } from '../shared/admin-context.js';
import { canRead, canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { AdminLayout, CsrfField } from '../shared/admin-layout.view.js';
import { ErrorSummary } from '../shared/error-summary.view.js';
import { redirectDone, sendAdminPage } from '../shared/html.js';
import { actorOf } from '../shared/staff.js';
import { asLanguage, contentFromForm, emptyReleaseForm, fieldText, readReleaseForm, schemaIssues, withPickedContact, type ReleaseFormValues } from './release-form.js';
import { BodyPreview, ReleaseFields } from './release-form.view.js';
import type { CreateRelease } from '../../../app/workflow/create-release.js';
import type { BoardRepo } from '../../../ports/board-repo.js';
import type { DirectoryContact } from '../../../domain/press-contact.js';
import type { PressContactRepo } from '../../../ports/press-contacts.js';

/** Writing a new release: the boards to choose from, and the create command. */
export type NewReleaseSystem = { boards: Pick<BoardRepo, 'list'>; commands: { createRelease: CreateRelease }; contacts: { repo: Pick<PressContactRepo, 'list' | 'byId'> } };

function NewReleaseView(props: { ctx: AdminContext; boards: Board[]; contacts: DirectoryContact[]; values: ReleaseFormValues; issues: FieldIssue[]; previewHtml: string | null }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('adminNavNewRelease')}>
      <ErrorSummary issues={props.issues} t={t} />
      <h1>{t('adminNavNewRelease')}</h1>
      {props.boards.length === 0 ? (
        <p>{t('adminNoBoards')}</p>
      ) : (
        <form method="post" action="/admin/releases" novalidate>
          <CsrfField ctx={ctx} />
          <ReleaseFields values={props.values} issues={props.issues} boards={props.boards} contacts={props.contacts} timeZone={ctx.timeZone} t={t} lang={ctx.lang} />
          {props.previewHtml !== null && <BodyPreview html={props.previewHtml} t={t} />}
          <div class="form-buttons">
            <button type="submit" name="intent" value="save">
              {t('adminCreateDraft')}
            </button>
            <button type="submit" name="intent" value="preview" class="button-secondary">
              {t('adminPreview')}
            </button>
          </div>
        </form>
      )}
    </AdminLayout>
  );
}

/** Issues found by the form and by the schema, one per field where both complain. */
export function mergeIssues(formIssues: FieldIssue[], schema: FieldIssue[]): FieldIssue[] {
  const taken = new Set(formIssues.map((i) => i.field));
  return [...formIssues, ...schema.filter((i) => !taken.has(i.field))];
}

/** GET /admin/releases/new and POST /admin/releases: write a new release as a draft. */
export function registerNewReleaseRoutes(app: FastifyInstance, deps: AdminWebDeps<NewReleaseSystem>): void {
  async function render(request: FastifyRequest, reply: FastifyReply, values: ReleaseFormValues, issues: FieldIssue[], previewHtml: string | null, status = 200) {
    const [ctx, boards, contacts] = await Promise.all([adminContext(request, reply, deps), deps.system.boards.list(), deps.system.contacts.repo.list()]);
    return sendAdminPage(reply, <NewReleaseView ctx={ctx} boards={boards} contacts={contacts} values={values} issues={issues} previewHtml={previewHtml} />, status);
  }

  app.get('/admin/releases/new', canRead(deps, 'writer'), async (request, reply) => {
    const boards = await deps.system.boards.list();
    return render(request, reply, emptyReleaseForm({ boardSlug: boards[0]?.slug ?? '', language: 'en' }), [], null);
  });

  app.post('/admin/releases', canWrite(deps, 'writer'), async (request, reply) => {
    const values = await withPickedContact(readReleaseForm(request.body), deps.system.contacts.repo);
    if (fieldText(request.body, 'intent') === 'preview') return render(request, reply, values, [], renderMarkdown(values.bodyMarkdown));
    const { content, embargoUntil, issues } = contentFromForm(values, deps.timeZone);
    const input = { ...content, boardSlug: values.boardSlug, language: asLanguage(values.language), embargoUntil };
    if (issues.length > 0) return render(request, reply, values, mergeIssues(issues, schemaIssues(newReleaseSchema, { ...input, embargoUntil: null })), null, 400);
    try {
      const { release } = await deps.system.commands.createRelease(input, actorOf(request));
      return redirectDone(reply, `/admin/releases/${release.id}`, 'created');
    } catch (error) {
      if (error instanceof ValidationError || (error instanceof NotFoundError && error.issues.length > 0)) return render(request, reply, values, error.issues, null, 400);
      throw error;
    }
  });
}
