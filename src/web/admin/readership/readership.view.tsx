import type { DayPeriod } from '../../../app/readership-reports.js';
import type { DailyViews, RankedRelease, ReadershipRelease } from '../../../ports/readership.js';
import type { AdminContext } from '../shared/admin-context.js';
import { AdminLayout } from '../shared/admin-layout.view.js';
import { ViewsChart } from './views-chart.view.js';

const numberFormat = (ctx: AdminContext) => new Intl.NumberFormat(ctx.lang === 'ko' ? 'ko-KR' : 'en-GB');

/** The from/to date pickers of a GET form (days of the newsroom's zone). */
function PeriodFields(props: { ctx: AdminContext; period: DayPeriod; idPrefix: string }) {
  const { ctx, period, idPrefix } = props;
  return (
    <>
      <div class="form-group">
        <label for={`${idPrefix}-from`}>{ctx.t('readershipFrom')}</label>
        <input type="date" id={`${idPrefix}-from`} name="from" value={period.from} max={period.to} />
      </div>
      <div class="form-group">
        <label for={`${idPrefix}-to`}>{ctx.t('readershipTo')}</label>
        <input type="date" id={`${idPrefix}-to`} name="to" value={period.to} />
      </div>
    </>
  );
}

function TopTable(props: { ctx: AdminContext; heading: string; id: string; releases: RankedRelease[] }) {
  const { ctx, releases } = props;
  const { t } = ctx;
  const n = numberFormat(ctx);
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      {releases.length === 0 ? (
        <p>{t('readershipNoViews')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col" class="num">
                {t('readershipColRank')}
              </th>
              <th scope="col">{t('readershipColRelease')}</th>
              <th scope="col" class="num">
                {t('readershipColViews')}
              </th>
              <th scope="col" class="num">
                {t('readershipColTotal')}
              </th>
              <th scope="col">{t('readershipColChart')}</th>
            </tr>
          </thead>
          <tbody>
            {releases.map((r, i) => (
              <tr key={r.releaseId}>
                <td class="num">{i + 1}</td>
                <td>
                  <a href={`/admin/releases/${r.releaseId}`} lang={r.language}>
                    {r.title}
                  </a>
                </td>
                <td class="num">{n.format(r.views)}</td>
                <td class="num">{n.format(r.totalViews)}</td>
                <td>
                  <a href={`/admin/readership/releases/${r.releaseId}`} aria-label={t('readershipChartLinkOf', { title: r.title })}>
                    {t('readershipChartLink')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** /admin/readership: the most viewed releases of the last 7 and 30 days, and the CSV export. */
export function ReadershipView(props: { ctx: AdminContext; week: DayPeriod & { releases: RankedRelease[] }; month: DayPeriod & { releases: RankedRelease[] }; exportPeriod: DayPeriod }) {
  const { ctx, week, month } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('adminNavReadership')}>
      <h1>{t('adminNavReadership')}</h1>
      <p>{t('readershipIntro', { zone: ctx.timeZone })}</p>
      <TopTable ctx={ctx} id="top-week" heading={t('readershipWeek', { from: week.from, to: week.to })} releases={week.releases} />
      <TopTable ctx={ctx} id="top-month" heading={t('readershipMonth', { from: month.from, to: month.to })} releases={month.releases} />
      <section aria-labelledby="readership-export">
        <h2 id="readership-export">{t('readershipExportTitle')}</h2>
        <p class="hint">{t('readershipExportHint')}</p>
        <form method="get" action="/admin/readership.csv" class="filters">
          <PeriodFields ctx={ctx} period={props.exportPeriod} idPrefix="export" />
          <div class="form-group">
            <button type="submit">{t('readershipExportButton')}</button>
          </div>
        </form>
      </section>
    </AdminLayout>
  );
}

/** /admin/readership/releases/:id: one release's views per day as a chart, the same numbers as a table. */
export function ReleaseReadershipView(props: { ctx: AdminContext; release: ReadershipRelease; period: DayPeriod; days: DailyViews[]; total: number }) {
  const { ctx, release, period, days } = props;
  const { t } = ctx;
  const n = numberFormat(ctx);
  const max = Math.max(0, ...days.map((d) => d.views));
  const csv = new URLSearchParams({ release: String(release.releaseId), from: period.from, to: period.to });
  return (
    <AdminLayout ctx={ctx} title={t('readershipReleaseHeading', { title: release.title })}>
      <p>
        <a href="/admin/readership">{t('readershipBack')}</a>
      </p>
      <h1>{t('readershipReleaseHeading', { title: release.title })}</h1>
      <p>
        <a href={`/admin/releases/${release.releaseId}`}>{t('readershipOpenRelease')}</a>
      </p>
      <form method="get" action={`/admin/readership/releases/${release.releaseId}`} class="filters" aria-label={t('readershipPeriod')}>
        <PeriodFields ctx={ctx} period={period} idPrefix="period" />
        <div class="form-group">
          <button type="submit">{t('readershipShow')}</button>
        </div>
      </form>
      <p>{t('readershipTotals', { total: props.total, all: release.totalViews })}</p>
      <figure class="chart">
        <ViewsChart
          days={days}
          lang={ctx.lang}
          idPrefix="views-chart"
          title={t('readershipChartTitle', { title: release.title, from: period.from, to: period.to })}
          description={t('readershipChartDesc', { days: days.length, total: props.total, max })}
        />
      </figure>
      <p>
        <a href={`/admin/readership.csv?${csv.toString()}`} download>
          {t('readershipDownloadRelease')}
        </a>
      </p>
      <table class="admin-table" id="views-per-day">
        <caption>{t('readershipTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('readershipColDay')}</th>
            <th scope="col" class="num">
              {t('readershipCsvViews')}
            </th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">
                <time datetime={d.day}>{d.day}</time>
              </th>
              <td class="num">{n.format(d.views)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}
