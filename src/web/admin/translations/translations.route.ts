import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LANGUAGES } from '../../../domain/language.js';
import { canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { redirectDone } from '../shared/html.js';
import { actorOf } from '../shared/staff.js';
import { releaseIdOf } from '../releases/release-page.route.js';
import { registerPairRoutes } from './pair.route.js';
import type { StartTranslation } from '../../../app/translations/start-translation.js';
import type { makeSetAuthoritative, makeSetTranslationNeeded } from '../../../app/translations/mark-translations.js';
import type { PairSystem } from './pair.route.js';

/** Language versions: start one, mark one needed, choose the authoritative one; and pairing. */
export type TranslationsSystem = PairSystem & {
  commands: { startTranslation: StartTranslation; setTranslationNeeded: ReturnType<typeof makeSetTranslationNeeded>; setAuthoritative: ReturnType<typeof makeSetAuthoritative> };
};

const startBody = z.object({ language: z.enum(LANGUAGES) });
/** The hidden "0" comes first and a ticked box adds "1": the last value wins. */
const neededBody = z.object({ needed: z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v[v.length - 1] : v) === '1') });
const authoritativeBody = z.object({ back: z.string().regex(/^[1-9]\d{0,9}$/).optional().catch(undefined) });

/**
 * The translation workflow's endpoints, each one command: start the other-language version
 * (writer), flag "translation needed" (writer), mark the authoritative version (editor), pair
 * two existing releases or unpair them (editor, pair.route.tsx).
 */
export function registerTranslationRoutes(app: FastifyInstance, deps: AdminWebDeps<TranslationsSystem>): void {
  app.post('/admin/releases/:id/translations', canWrite(deps, 'writer'), async (request, reply) => {
    const releaseId = releaseIdOf(request);
    const body = startBody.safeParse(request.body ?? {});
    const { release } = await deps.system.commands.startTranslation(releaseId, body.success ? { language: body.data.language } : {}, actorOf(request));
    return redirectDone(reply, `/admin/releases/${release.id}`, 'translation_started');
  });

  // The hidden "0" and the checkbox's "1" share the name `needed`: both values are kept, the last wins.
  app.post('/admin/releases/:id/translation-needed', { ...canWrite(deps, 'writer'), config: { listFields: ['needed'] } }, async (request, reply) => {
    const releaseId = releaseIdOf(request);
    const body = neededBody.safeParse(request.body ?? {});
    await deps.system.commands.setTranslationNeeded(releaseId, body.success && body.data.needed, actorOf(request));
    return redirectDone(reply, `/admin/releases/${releaseId}`, 'translation_flag_saved');
  });

  app.post('/admin/releases/:id/authoritative', canWrite(deps, 'editor'), async (request, reply) => {
    const releaseId = releaseIdOf(request);
    await deps.system.commands.setAuthoritative(releaseId, actorOf(request));
    const back = authoritativeBody.parse(request.body ?? {}).back;
    return redirectDone(reply, `/admin/releases/${back ?? releaseId}`, 'authoritative_set');
  });

  registerPairRoutes(app, deps);
}
