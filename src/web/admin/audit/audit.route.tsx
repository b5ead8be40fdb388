import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuditTrail, AuditTrailFilter } from '../../../app/audit-trail.js';
import { dayRange, isCalendarDay } from '../../day-range.js';
import { translator } from '../../i18n/messages.js';
import { negotiatedLanguage } from '../../public/language.route.js';
import { adminContext } from '../shared/admin-context.js';
import { canRead, type AdminWebDeps } from '../shared/admin-deps.js';
import { csvTime, sendCsv, type CsvRecord } from '../shared/csv-download.js';
import { sendAdminPage } from '../shared/html.js';
import { actionLabel, actorLabel, subjectLabel, summaryOf } from './audit-summary.js';
import { AuditView, type AuditPageQuery } from './audit.view.js';

/** What the audit log page and its CSV export read. */
export type AuditRouteSystem = { auditTrail: AuditTrail };

const PAGE_SIZE = 100;

const id = z.coerce.number().int().positive().max(2 ** 31 - 1);
const day = z.string().trim().refine(isCalendarDay);
/** Every filter is optional and a malformed one is ignored (a hand-edited URL shows the whole trail, not an error). */
const auditQuery = z.object({
  person: id.optional().catch(undefined),
  release: id.optional().catch(undefined),
  action: z.string().trim().regex(/^[a-z_]+\.[a-z_]+$/).max(60).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  subjectType: z.string().trim().regex(/^[a-z_]+$/).max(40).optional().catch(undefined),
  subjectId: z.string().trim().min(1).max(60).optional().catch(undefined),
  before: id.optional().catch(undefined),
});

function filterOf(q: AuditPageQuery, timeZone: string): AuditTrailFilter {
  const range = dayRange(q.from ?? null, q.to ?? null, timeZone);
  return {
    actorUserId: q.person,
    releaseId: q.release,
    action: q.action,
    from: range.from ?? undefined,
    to: range.to ?? undefined,
    ...(q.release === undefined && q.subjectType ? { subjectType: q.subjectType, subjectId: q.subjectId } : {}),
  };
}

/** GET /admin/audit and /admin/audit.csv (administrators only): the audit trail in words, filtered, and its export. */
export function registerAuditRoutes(app: FastifyInstance, deps: AdminWebDeps<AuditRouteSystem>): void {
  app.get('/admin/audit', canRead(deps, 'admin'), async (request, reply) => {
    const q = auditQuery.parse(request.query ?? {});
    const [ctx, page, choices] = await Promise.all([
      adminContext(request, reply, deps),
      deps.system.auditTrail.page(filterOf(q, deps.timeZone), { beforeId: q.before, size: PAGE_SIZE }),
      deps.system.auditTrail.choices(),
    ]);
    return sendAdminPage(reply, <AuditView ctx={ctx} q={q} entries={page.entries} hasMore={page.hasMore} choices={choices} />);
  });

  app.get('/admin/audit.csv', canRead(deps, 'admin'), async (request, reply) => {
    const q = auditQuery.parse(request.query ?? {});
    const lang = negotiatedLanguage(request);
    const t = translator(lang);
    const wording = { t, timeZone: deps.timeZone, lang };
    const columns = [
      { key: 'when', header: t('auditCsvWhen', { zone: deps.timeZone }) },
      { key: 'who', header: t('auditCsvWho') },
      { key: 'account', header: t('auditCsvAccount') },
      { key: 'ip', header: t('auditCsvIp') },
      { key: 'action', header: t('auditCsvAction') },
      { key: 'code', header: t('auditCsvActionCode') },
      { key: 'subject', header: t('auditCsvSubject') },
      { key: 'subjectId', header: t('auditCsvSubjectId') },
      { key: 'summary', header: t('auditCsvSummary') },
      { key: 'details', header: t('auditCsvDetails') },
    ];
    const entries = deps.system.auditTrail.all(filterOf(q, deps.timeZone));
    async function* rows(): AsyncIterable<CsvRecord> {
      for await (const e of entries) {
        yield {
          when: csvTime(e.at, deps.timeZone),
          who: actorLabel(e, t),
          account: e.actor.label,
          ip: e.actor.ip,
          action: actionLabel(e.action, t),
          code: e.action,
          subject: subjectLabel(e, t),
          subjectId: e.subjectId,
          summary: summaryOf(e, wording),
          details: JSON.stringify(e.details),
        };
      }
    }
    const today = csvTime(deps.system.clock.now(), deps.timeZone).slice(0, 10);
    return sendCsv(reply, `audit-${today}.csv`, columns, rows());
  });
}
