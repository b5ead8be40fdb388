import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AutosaveDraft } from '../../../app/workflow/autosave-draft.js';
import { EditConflictError } from '../../../app/workflow/save-draft.js';
import { DomainError, NotFoundError } from '../../../domain/errors.js';
import { LIMITS } from '../../../domain/limits.js';
import { statusOf } from '../../errors.js';
import { issueText } from '../../i18n/issue-messages.js';
import { LOCALES, translator } from '../../i18n/messages.js';
import { negotiatedLanguage } from '../../public/language.route.js';
import { canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { actorOf } from '../shared/staff.js';
import { contentFromForm, readReleaseForm } from './release-form.js';
import { releaseIdOf } from './release-page.route.js';

/** The editor form's fields as the autosave script sends them (JSON), with the lock version the form holds. */
const autosaveBody = z.looseObject({ lockVersion: z.coerce.number().int().min(1) });

const clockTimes = new Map<string, Intl.DateTimeFormat>();

/** "10:42": the time of day in the press office's zone, 24-hour in both languages (#16). */
function clockTime(date: Date, timeZone: string, locale: string): string {
  const key = `${locale}|${timeZone}`;
  let f = clockTimes.get(key);
  if (!f) clockTimes.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return f.format(date);
}

/**
 * POST /admin/releases/:id/autosave (JSON, CSRF token in x-csrf-token): the editor script's
 * background save (#16), through the autosave command. Answers the version the form must hold from
 * now on (unchanged when the text was), 409 with the current version on a real conflict, 400 with
 * every field issue; messages in the staff member's language. Never cached.
 */
export function registerAutosaveRoute(app: FastifyInstance, deps: AdminWebDeps<{ commands: { autosaveDraft: AutosaveDraft } }>): void {
  app.post('/admin/releases/:id/autosave', { ...canWrite(deps, 'writer'), bodyLimit: 4 * LIMITS.bodyMaxChars + 64 * 1024 }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const releaseId = releaseIdOf(request);
    const lang = negotiatedLanguage(request);
    const t = translator(lang);
    const errors = (issues: { code: string; message: string; field?: string }[]) => issues.map((i) => ({ code: i.code, message: issueText(i, t), field: i.field }));
    const parsed = autosaveBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ errors: [{ code: 'lock_version_missing', message: t('adminFormIncomplete'), field: 'lockVersion' }] });
    const { content, embargoUntil, issues } = contentFromForm(readReleaseForm(request.body), deps.timeZone);
    if (issues.length > 0) return reply.code(400).send({ errors: errors(issues) });
    try {
      const outcome = await deps.system.commands.autosaveDraft(releaseId, { ...content, embargoUntil, lockVersion: parsed.data.lockVersion }, actorOf(request));
      const at = outcome.edition.updatedAt;
      return reply.send({ version: outcome.edition.lockVersion, changed: outcome.changed, savedAt: at.toISOString(), savedAtLabel: clockTime(at, deps.timeZone, LOCALES[lang]) });
    } catch (error) {
      if (error instanceof EditConflictError) {
        return reply.code(409).send({ errors: [{ code: 'stale_version', message: t('adminAutosaveConflict'), field: 'lockVersion' }], version: error.current.lockVersion });
      }
      if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
      return reply.code(statusOf(error)).send({ errors: errors(error.issues.length > 0 ? error.issues : [{ code: error.code, message: error.message }]) });
    }
  });
}
