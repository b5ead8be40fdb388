import type { FastifyInstance } from 'fastify';
import { EditConflictError } from '../../../app/workflow/save-draft.js';
import { DomainError, NotFoundError } from '../../../domain/errors.js';
import type { Revisions } from '../../../app/workflow/revisions.js';
import type { EditionRepo } from '../../../ports/edition-repo.js';
import type { ReleasePageSystem } from './release-page.data.js';
import type { Revision } from '../../../ports/edition-repo.js';
import { adminContext, type AdminContext } from '../shared/admin-context.js';
import { canRead, canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { AdminLayout } from '../shared/admin-layout.view.js';
import { translator } from '../../i18n/messages.js';
import { negotiatedLanguage } from '../../public/language.route.js';
import { formatDateTime } from '../shared/format.js';
import { redirectDone, sendAdminPage } from '../shared/html.js';
import { actorOf } from '../shared/staff.js';
import { DiffList } from './release-content.view.js';
import { diffContent } from '../../../app/workflow/revisions.js';
import { fieldText } from './release-form.js';
import { parseId, releaseIdOf, renderReleasePage, statusOf } from './release-page.route.js';

/** Comparing and restoring revisions, on the release's page. */
export type RevisionsSystem = ReleasePageSystem & { editions: Pick<EditionRepo, 'getRevision' | 'getEdition' | 'latestEdition'>; revisions: Pick<Revisions, 'restore'> };

/** A revision of one of this release's editions; any other id names nothing here (404). */
async function revisionOf(system: Pick<RevisionsSystem, 'editions'>, releaseId: number, revisionId: number): Promise<Revision> {
  const revision = await system.editions.getRevision(revisionId);
  const edition = revision ? await system.editions.getEdition(revision.editionId) : null;
  if (!revision || edition?.releaseId !== releaseId) throw new NotFoundError('No such revision');
  return revision;
}

function CompareView(props: { ctx: AdminContext; releaseId: number; title: string; from: Revision; to: Revision }) {
  const { ctx, from, to } = props;
  const { t } = ctx;
  const label = (r: Revision) => t('adminRevisionLabel', { number: r.revisionNo, author: r.authorLabel, at: formatDateTime(r.createdAt, ctx.timeZone, ctx.lang) });
  return (
    <AdminLayout ctx={ctx} title={`${t('adminCompareRevisions')}: ${props.title}`}>
      <p>
        <a href={`/admin/releases/${props.releaseId}`}>{t('adminBackToRelease')}</a>
      </p>
      <h1>{t('adminCompareRevisions')}</h1>
      <p>{t('adminCompareIntro', { from: label(from), to: label(to) })}</p>
      <DiffList diff={diffContent(from.content, to.content)} t={t} />
    </AdminLayout>
  );
}

/** GET .../revisions?from=&to= (word diff) and POST .../revisions/:revisionId/restore. */
export function registerRevisionRoutes(app: FastifyInstance, deps: AdminWebDeps<RevisionsSystem>): void {
  app.get('/admin/releases/:id/revisions', canRead(deps), async (request, reply) => {
    const releaseId = releaseIdOf(request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    if (query.from === undefined || query.to === undefined) return reply.redirect(`/admin/releases/${releaseId}#revisions-title`, 303);
    const [from, to] = await Promise.all([revisionOf(deps.system, releaseId, parseId(query.from)), revisionOf(deps.system, releaseId, parseId(query.to))]);
    const [ctx, edition] = await Promise.all([adminContext(request, reply, deps), deps.system.editions.latestEdition(releaseId)]);
    return sendAdminPage(reply, <CompareView ctx={ctx} releaseId={releaseId} title={edition?.title ?? ''} from={from} to={to} />);
  });

  app.post('/admin/releases/:id/revisions/:revisionId/restore', canWrite(deps, 'writer'), async (request, reply) => {
    const releaseId = releaseIdOf(request);
    const revision = await revisionOf(deps.system, releaseId, parseId((request.params as Record<string, unknown>).revisionId));
    try {
      await deps.system.revisions.restore(releaseId, revision.id, Number(fieldText(request.body, 'lockVersion')), actorOf(request));
      return redirectDone(reply, `/admin/releases/${releaseId}`, 'restored');
    } catch (error) {
      if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
      const t = translator(negotiatedLanguage(request));
      const issues = error instanceof EditConflictError ? [{ code: 'stale_version', message: t('adminRestoreStale') }] : error.issues;
      return renderReleasePage(deps, request, reply, releaseId, { issues, issuesTitle: t('adminCouldNotRestore', { number: revision.revisionNo }) }, statusOf(error));
    }
  });
}
