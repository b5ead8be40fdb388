import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, NotFoundError, ValidationError, type FieldIssue } from '../../../domain/errors.js';
import { fieldText, formBodySchema } from '../releases/release-form.js';
import { adminContext } from '../shared/admin-context.js';
import { canRead, canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { makeAdminErrorHandler } from '../shared/admin-error-handler.js';
import { redirectDone, sendAdminPage } from '../shared/html.js';
import { actorOf } from '../shared/staff.js';
import { emptyJournalist, JournalistEditView, JournalistListsView, JournalistListView, SendEmbargoedView, type JournalistFormValues, type SendOutcome } from './journalists.view.js';
import type { JournalistLists } from '../../../app/distribution/journalist-lists.js';
import type { embargoedRelease, SendEmbargoed } from '../../../app/distribution/send-embargoed.js';
import type { EmbargoSendRepo } from '../../../ports/journalists.js';
import type { EditionRepo } from '../../../ports/edition-repo.js';
import type { ReleaseRepo } from '../../../ports/release-repo.js';

/** Journalist lists and embargoed sends (#14), and the release a send is about. */
export type JournalistsSystem = {
  journalists: {
    lists: JournalistLists;
    send: SendEmbargoed;
    target: (releaseId: number) => ReturnType<typeof embargoedRelease>;
    sendsOf: EmbargoSendRepo['listFor'];
  };
  releases: Pick<ReleaseRepo, 'getRelease'>;
  editions: Pick<EditionRepo, 'latestEdition'>;
};

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const doneQuery = z.object({ done: z.string().max(20).optional().catch(undefined) });

function idOf(request: FastifyRequest, name: string): number {
  const parsed = id.safeParse((request.params as Record<string, unknown>)[name]);
  if (!parsed.success) throw new NotFoundError('No such page');
  return parsed.data;
}

const readJournalist = (body: unknown): JournalistFormValues => ({ name: fieldText(body, 'name'), outlet: fieldText(body, 'outlet'), email: fieldText(body, 'email'), language: fieldText(body, 'language'), accredited: fieldText(body, 'accredited') === 'yes' });

/** Refusals come back on the same form (400); anything else goes to the admin error handler. */
function issuesOf(error: unknown): FieldIssue[] {
  if (!(error instanceof ValidationError)) throw error;
  return error.issues;
}

/**
 * /admin/journalists (editors and admins): journalist lists and their members, add/edit/remove,
 * every write audited by the commands; and /admin/releases/:id/journalists, the form that sends an
 * embargoed release to chosen lists.
 */
export function registerJournalistRoutes(app: FastifyInstance, deps: AdminWebDeps<JournalistsSystem>): void {
  const j = () => deps.system.journalists;
  void app.register(async (scope) => {
    scope.setErrorHandler(makeAdminErrorHandler({ siteName: deps.siteName }));

    async function listsPage(request: FastifyRequest, reply: FastifyReply, issues: FieldIssue[] = [], typedName = '', status = 200) {
      const { done } = doneQuery.parse(request.query ?? {});
      const [ctx, lists] = await Promise.all([adminContext(request, reply, deps), j().lists.lists()]);
      return sendAdminPage(reply, <JournalistListsView ctx={ctx} lists={lists} issues={issues} typedName={typedName} done={done} />, status);
    }
    async function listPage(request: FastifyRequest, reply: FastifyReply, listId: number, issues: FieldIssue[] = [], values = emptyJournalist, status = 200) {
      const { done } = doneQuery.parse(request.query ?? {});
      const [ctx, shown] = await Promise.all([adminContext(request, reply, deps), j().lists.show(listId)]);
      return sendAdminPage(reply, <JournalistListView ctx={ctx} list={shown.list} members={shown.members} issues={issues} values={values} done={done} />, status);
    }

    scope.get('/admin/journalists', canRead(deps, 'editor'), (request, reply) => listsPage(request, reply));
    scope.post('/admin/journalists', canWrite(deps, 'editor'), async (request, reply) => {
      const name = fieldText(request.body, 'name');
      try {
        const listId = await j().lists.createList(name, actorOf(request));
        return redirectDone(reply, `/admin/journalists/${listId}`, 'created');
      } catch (error) {
        return listsPage(request, reply, issuesOf(error), name, 400);
      }
    });
    scope.get('/admin/journalists/:listId', canRead(deps, 'editor'), (request, reply) => listPage(request, reply, idOf(request, 'listId')));
    scope.post('/admin/journalists/:listId', canWrite(deps, 'editor'), async (request, reply) => {
      const listId = idOf(request, 'listId');
      try {
        await j().lists.renameList(listId, fieldText(request.body, 'name'), actorOf(request));
        return redirectDone(reply, `/admin/journalists/${listId}`, 'renamed');
      } catch (error) {
        return listPage(request, reply, listId, issuesOf(error).map((i) => ({ ...i, field: 'listName' })), emptyJournalist, 400);
      }
    });
    scope.post('/admin/journalists/:listId/remove', canWrite(deps, 'editor'), async (request, reply) => {
      await j().lists.removeList(idOf(request, 'listId'), actorOf(request));
      return redirectDone(reply, '/admin/journalists', 'removed');
    });
    scope.post('/admin/journalists/:listId/members', canWrite(deps, 'editor'), async (request, reply) => {
      const listId = idOf(request, 'listId');
      const values = readJournalist(request.body);
      try {
        await j().lists.addJournalist(listId, values, actorOf(request));
        return redirectDone(reply, `/admin/journalists/${listId}`, 'added');
      } catch (error) {
        return listPage(request, reply, listId, issuesOf(error), values, 400);
      }
    });
    scope.get('/admin/journalists/members/:id', canRead(deps, 'editor'), async (request, reply) => {
      const journalistId = idOf(request, 'id');
      const [ctx, journalist] = await Promise.all([adminContext(request, reply, deps), j().lists.getJournalist(journalistId)]);
      if (!journalist) throw new NotFoundError('No such journalist');
      return sendAdminPage(reply, <JournalistEditView ctx={ctx} id={journalistId} listId={journalist.listId} values={journalist} issues={[]} />);
    });
    scope.post('/admin/journalists/members/:id', canWrite(deps, 'editor'), async (request, reply) => {
      const journalistId = idOf(request, 'id');
      const values = readJournalist(request.body);
      try {
        const listId = await j().lists.updateJournalist(journalistId, values, actorOf(request));
        return redirectDone(reply, `/admin/journalists/${listId}`, 'updated');
      } catch (error) {
        const issues = issuesOf(error);
        const [ctx, journalist] = await Promise.all([adminContext(request, reply, deps), j().lists.getJournalist(journalistId)]);
        if (!journalist) throw new NotFoundError('No such journalist');
        return sendAdminPage(reply, <JournalistEditView ctx={ctx} id={journalistId} listId={journalist.listId} values={values} issues={issues} />, 400);
      }
    });
    scope.post('/admin/journalists/members/:id/remove', canWrite(deps, 'editor'), async (request, reply) => {
      const listId = await j().lists.removeJournalist(idOf(request, 'id'), actorOf(request));
      return redirectDone(reply, `/admin/journalists/${listId}`, 'removed');
    });

    async function sendPage(request: FastifyRequest, reply: FastifyReply, releaseId: number, issues: FieldIssue[] = [], outcome?: SendOutcome, status = 200) {
      const release = await deps.system.releases.getRelease(releaseId);
      if (!release) throw new NotFoundError('No such release');
      const target = await j()
        .target(releaseId)
        .catch((error: unknown) => {
          if (error instanceof DomainError && !(error instanceof NotFoundError)) return null;
          throw error;
        });
      const edition = target?.edition ?? (await deps.system.editions.latestEdition(releaseId));
      const [ctx, lists, sends] = await Promise.all([adminContext(request, reply, deps), j().lists.lists(), j().sendsOf(releaseId)]);
      return sendAdminPage(reply, <SendEmbargoedView ctx={ctx} releaseId={releaseId} title={edition?.title ?? ''} embargoUntil={target?.embargoUntil ?? null} lists={lists} sends={sends} issues={issues} outcome={outcome} />, status);
    }
    scope.get('/admin/releases/:id/journalists', canRead(deps, 'editor'), (request, reply) => sendPage(request, reply, idOf(request, 'id')));
    scope.post('/admin/releases/:id/journalists', { ...canWrite(deps, 'editor'), config: { listFields: ['lists'] } }, async (request, reply) => {
      const releaseId = idOf(request, 'id');
      const raw = formBodySchema.parse(request.body ?? {}).lists;
      const listIds = ([] as unknown[]).concat(raw ?? []).map((v) => id.safeParse(v)).flatMap((p) => (p.success ? [p.data] : []));
      try {
        const report = await j().send(releaseId, listIds, actorOf(request));
        const names = (xs: { name: string; email: string }[]) => xs.map((x) => `${x.name} <${x.email}>`);
        return sendPage(request, reply, releaseId, [], { sent: report.sent.length, alreadySent: names(report.alreadySent), notAccredited: names(report.notAccredited) });
      } catch (error) {
        if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
        return sendPage(request, reply, releaseId, error.issues.length > 0 ? error.issues : [{ code: error.code, message: error.message }], undefined, 400);
      }
    });
  });
}
