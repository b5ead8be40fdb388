import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ReadershipReports } from '../../../app/readership-reports.js';
import { isCalendarDay } from '../../day-range.js';
import { translator } from '../../i18n/messages.js';
import { negotiatedLanguage } from '../../public/language.route.js';
import { parseId } from '../releases/release-page.route.js';
import { adminContext } from '../shared/admin-context.js';
import { canRead, type AdminWebDeps } from '../shared/admin-deps.js';
import { sendCsv, type CsvRecord } from '../shared/csv-download.js';
import { sendAdminPage } from '../shared/html.js';
import { ReadershipView, ReleaseReadershipView } from './readership.view.js';

/** What the readership pages and their CSV export read. */
export type ReadershipRouteSystem = { readership: ReadershipReports };

const day = z.string().trim().refine(isCalendarDay);
/** A period from the date pickers; a malformed day falls back to the default period (the last 30 days). */
const periodQuery = z.object({
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  release: z.coerce.number().int().positive().max(2 ** 31 - 1).optional().catch(undefined),
});

/**
 * GET /admin/readership, /admin/readership/releases/:id and /admin/readership.csv (every staff
 * member): top releases, one release's views per day (SVG chart and table), and the CSV export.
 */
export function registerReadershipRoutes(app: FastifyInstance, deps: AdminWebDeps<ReadershipRouteSystem>): void {
  const reports = deps.system.readership;

  app.get('/admin/readership', canRead(deps), async (request, reply) => {
    const [ctx, overview] = await Promise.all([adminContext(request, reply, deps), reports.overview()]);
    return sendAdminPage(reply, <ReadershipView ctx={ctx} week={overview.week} month={overview.month} exportPeriod={reports.periodOf({})} />);
  });

  app.get('/admin/readership/releases/:id', canRead(deps), async (request, reply) => {
    const releaseId = parseId((request.params as Record<string, unknown>).id);
    const q = periodQuery.parse(request.query ?? {});
    const [ctx, report] = await Promise.all([adminContext(request, reply, deps), reports.releaseDays(releaseId, { from: q.from, to: q.to })]);
    return sendAdminPage(reply, <ReleaseReadershipView ctx={ctx} release={report.release} period={report.period} days={report.days} total={report.total} />);
  });

  app.get('/admin/readership.csv', canRead(deps), async (request, reply) => {
    const q = periodQuery.parse(request.query ?? {});
    const t = translator(negotiatedLanguage(request));
    const period = reports.periodOf({ from: q.from, to: q.to });
    const columns = [
      { key: 'day', header: t('readershipCsvDay') },
      { key: 'releaseId', header: t('readershipCsvReleaseId') },
      { key: 'board', header: t('readershipCsvBoard') },
      { key: 'language', header: t('readershipCsvLanguage') },
      { key: 'number', header: t('readershipCsvNumber') },
      { key: 'title', header: t('readershipCsvTitle') },
      { key: 'views', header: t('readershipCsvViews') },
    ];
    async function* rows(): AsyncIterable<CsvRecord> {
      for await (const r of reports.exportRows(period, q.release)) {
        yield { day: r.day, releaseId: r.release.releaseId, board: r.release.boardSlug, language: r.release.language, number: r.release.number, title: r.release.title, views: r.views };
      }
    }
    const name = `readership-${q.release !== undefined ? `release-${q.release}-` : ''}${period.from}-${period.to}.csv`;
    return sendCsv(reply, name, columns, rows());
  });
}
