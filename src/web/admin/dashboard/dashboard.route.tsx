import type { FastifyInstance } from 'fastify';
import type { Board } from '../../../domain/board.js';
import type { AdminReleaseQuery, AdminReleaseRow } from '../../../ports/admin-catalog.js';
import { adminContext, type AdminContext } from '../shared/admin-context.js';
import { canRead, type AdminWebDeps } from '../shared/admin-deps.js';
import { AdminLayout } from '../shared/admin-layout.view.js';
import { sendAdminPage } from '../shared/html.js';
import { ReleaseTable } from '../shared/release-table.view.js';
import { roleAtLeast } from '../shared/staff.js';

const SECTION_SIZE = 10;

interface Section {
  id: string;
  title: string;
  empty: string;
  more: string;
  rows: AdminReleaseRow[];
  total: number;
  whenLabel?: string;
  when?: (row: AdminReleaseRow) => Date | null;
}

function DashboardView(props: { ctx: AdminContext; boards: Board[]; sections: Section[] }) {
  const { ctx } = props;
  return (
    <AdminLayout ctx={ctx} title="Dashboard">
      <h1>Dashboard</h1>
      {roleAtLeast(ctx.user.role, 'writer') && (
        <p>
          <a class="button" href="/admin/releases/new">
            Write a new release
          </a>
        </p>
      )}
      <div class="dashboard">
        {props.sections.map((s) => (
          <section key={s.id} aria-labelledby={s.id}>
            <h2 id={s.id}>
              {s.title} <span class="hint">({s.total})</span>
            </h2>
            <ReleaseTable rows={s.rows} boards={props.boards} timeZone={ctx.timeZone} caption={s.title} empty={s.empty} when={s.when} whenLabel={s.whenLabel} />
            {s.total > s.rows.length && (
              <p>
                <a href={s.more}>All {s.total}</a>
              </p>
            )}
          </section>
        ))}
      </div>
    </AdminLayout>
  );
}

/** GET /admin: what needs attention: my drafts, review, the schedule, embargoes, recent publications. */
export function registerDashboardRoutes(app: FastifyInstance, deps: AdminWebDeps): void {
  app.get('/admin', canRead(deps), async (request, reply) => {
    const ctx = await adminContext(request, reply, deps);
    const list = (q: Omit<AdminReleaseQuery, 'limit' | 'offset'>) => deps.system.admin.list({ ...q, limit: SECTION_SIZE, offset: 0 });
    const [boards, mine, review, scheduled, embargoed, published] = await Promise.all([
      deps.system.boards.list(),
      list({ state: 'draft', createdBy: ctx.user.id }),
      list({ state: 'in_review' }),
      list({ state: 'scheduled' }),
      list({ embargoedAt: ctx.now }),
      list({ state: 'published', status: 'published' }),
    ]);
    const sections: Section[] = [
      { id: 'my-drafts', title: 'My drafts', empty: 'You have no drafts.', more: '/admin/releases?state=draft&mine=1', ...mine },
      { id: 'in-review', title: 'In review', empty: 'Nothing is waiting for review.', more: '/admin/releases?state=in_review', ...review },
      { id: 'scheduled', title: 'Scheduled', empty: 'Nothing is scheduled.', more: '/admin/releases?state=scheduled', whenLabel: 'Publishes at', when: (r) => r.scheduledAt, ...scheduled },
      { id: 'embargoed', title: 'Under embargo', empty: 'Nothing is under embargo.', more: '/admin/releases?state=published', whenLabel: 'Public from', when: (r) => r.publicAt, ...embargoed },
      { id: 'published', title: 'Recently published', empty: 'Nothing has been published yet.', more: '/admin/releases?state=published', ...published },
    ];
    return sendAdminPage(reply, <DashboardView ctx={ctx} boards={boards} sections={sections} />);
  });
}
