import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, NotFoundError, type FieldIssue } from '../../../domain/errors.js';
import { otherLanguage, pairingRefusals, type LanguageVersion } from '../../../domain/translation.js';
import { adminContext } from '../shared/admin-context.js';
import { canRead, canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { redirectDone, sendAdminPage } from '../shared/html.js';
import { actorOf } from '../shared/staff.js';
import { releaseIdOf, renderReleasePage, statusOf } from '../releases/release-page.route.js';
import { PairView, type PairPageProps } from './pair.view.js';
import type { PairTranslations, UnpairTranslation } from '../../../app/translations/pair-translations.js';
import type { BoardRepo } from '../../../ports/board-repo.js';
import type { TranslationRepo } from '../../../ports/translation-repo.js';
import type { ReleasePageSystem } from '../releases/release-page.data.js';

/** Pairing language versions: boards, the candidates, and the two commands (a refusal shows the release's page). */
export type PairSystem = ReleasePageSystem & {
  boards: Pick<BoardRepo, 'list'>;
  commands: { pairTranslations: PairTranslations; unpairTranslation: UnpairTranslation };
  translations: Pick<TranslationRepo, 'findByNumber' | 'unpairedReleases' | 'versionsOf'>;
};

/** How many recent unpaired releases the picker offers. */
const CANDIDATES = 50;
const text = z.string().trim().max(100).optional().catch(undefined);
const pickQuery = z.object({ other: text, board: text, number: text });
const pairBody = z.object({ other: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number).optional().catch(undefined), authoritative: z.enum(['this', 'other']).catch('this') });
const backBody = z.object({ back: z.string().regex(/^[1-9]\d{0,9}$/).optional().catch(undefined) });

type Query = PairPageProps['query'];

/**
 * Pairing two existing releases as language versions (editors): GET .../pair picks the other
 * release (recent unpaired ones, or board and number) and shows the confirmation, POST .../pair
 * pairs them through the one command, POST .../unpair takes a release out of its group. Plain
 * forms: no script needed.
 */
export function registerPairRoutes(app: FastifyInstance, deps: AdminWebDeps<PairSystem>): void {
  async function selfOf(releaseId: number): Promise<{ self: LanguageVersion; group: LanguageVersion[] }> {
    const group = await deps.system.translations.versionsOf(releaseId);
    const self = group.find((v) => v.releaseId === releaseId);
    if (!self) throw new NotFoundError(`No release ${releaseId}`);
    return { self, group };
  }

  async function render(request: FastifyRequest, reply: FastifyReply, releaseId: number, query: Query, other: LanguageVersion | null, issues: FieldIssue[], status: number) {
    const { self } = await selfOf(releaseId);
    const [ctx, boards, candidates] = await Promise.all([adminContext(request, reply, deps), deps.system.boards.list(), deps.system.translations.unpairedReleases(otherLanguage(self.language), CANDIDATES)]);
    return sendAdminPage(reply, <PairView ctx={ctx} self={self} boards={boards} candidates={candidates} query={query} other={other} issues={issues} />, status);
  }

  /** The release a pick names and every reason it cannot be paired (checked again by the command). */
  async function resolve(releaseId: number, query: Query): Promise<{ other: LanguageVersion | null; issues: FieldIssue[] }> {
    const { self, group } = await selfOf(releaseId);
    let otherId: number | null = null;
    if (/^\d{1,10}$/.test(query.other)) otherId = Number(query.other);
    else if (query.number !== '') {
      if (!/^[1-9]\d{0,9}$/.test(query.number)) return { other: null, issues: [{ code: 'invalid_type', message: 'Enter the number as digits, for example 12', field: 'number' }] };
      if (query.board === '') return { other: null, issues: [{ code: 'pair_target_missing', message: 'Choose a release from the list, or give its board and number', field: 'other' }] };
      otherId = await deps.system.translations.findByNumber(query.board, otherLanguage(self.language), Number(query.number));
      if (otherId === null) return { other: null, issues: [{ code: 'pair_not_found', message: 'There is no release with this number on that board in the other language', field: 'number' }] };
    } else return { other: null, issues: [{ code: 'pair_target_missing', message: 'Choose a release from the list, or give its board and number', field: 'other' }] };
    const otherGroup = await deps.system.translations.versionsOf(otherId);
    const other = otherGroup.find((v) => v.releaseId === otherId) ?? null;
    if (!other) return { other: null, issues: [{ code: 'pair_not_found', message: 'There is no such release', field: 'other' }] };
    return { other, issues: pairingRefusals(group, releaseId, otherGroup, otherId) };
  }

  app.get('/admin/releases/:id/pair', canRead(deps, 'editor'), async (request, reply) => {
    const releaseId = releaseIdOf(request);
    const raw = pickQuery.parse(request.query ?? {});
    const query: Query = { other: raw.other ?? '', board: raw.board ?? '', number: raw.number ?? '' };
    if (raw.other === undefined && raw.board === undefined && raw.number === undefined) return render(request, reply, releaseId, query, null, [], 200);
    const { other, issues } = await resolve(releaseId, query);
    return render(request, reply, releaseId, query, other, issues, issues.length > 0 ? 400 : 200);
  });

  app.post('/admin/releases/:id/pair', canWrite(deps, 'editor'), async (request, reply) => {
    const releaseId = releaseIdOf(request);
    const body = pairBody.parse(request.body ?? {});
    try {
      await deps.system.commands.pairTranslations(releaseId, { otherReleaseId: body.other, authoritative: body.authoritative }, actorOf(request));
      return redirectDone(reply, `/admin/releases/${releaseId}`, 'translations_paired');
    } catch (error) {
      if (!(error instanceof DomainError) || (error instanceof NotFoundError && error.issues.length === 0)) throw error;
      const issues = error.issues.length > 0 ? error.issues : [{ code: error.code, message: error.message }];
      return render(request, reply, releaseId, { other: body.other === undefined ? '' : String(body.other), board: '', number: '' }, null, issues, statusOf(error));
    }
  });

  app.post('/admin/releases/:id/unpair', canWrite(deps, 'editor'), async (request, reply) => {
    const releaseId = releaseIdOf(request);
    const back = backBody.parse(request.body ?? {}).back ?? String(releaseId);
    try {
      await deps.system.commands.unpairTranslation(releaseId, actorOf(request));
      return redirectDone(reply, `/admin/releases/${back}`, 'translations_unpaired');
    } catch (error) {
      if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
      return renderReleasePage(deps, request, reply, releaseId, { issues: error.issues }, statusOf(error));
    }
  });
}
