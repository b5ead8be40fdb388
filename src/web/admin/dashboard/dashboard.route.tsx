import type { FastifyInstance } from 'fastify';
import type { Board } from '../../../domain/board.js';
import type { AdminReleaseQuery, AdminReleaseRow } from '../../../ports/admin-catalog.js';
import type { MissingTranslation } from '../../../ports/translation-repo.js';
import { adminContext, type AdminContext } from '../shared/admin-context.js';
import { canRead, type AdminWebDeps } from '../shared/admin-deps.js';
import { AdminLayout } from '../shared/admin-layout.view.js';
import { sendAdminPage } from '../shared/html.js';
import { ReleaseTable } from '../shared/release-table.view.js';
import { hasRole } from '../../../domain/user.js';
import { MissingTranslationsSection } from '../translations/translations.view.js';
import { NotificationsSection } from '../notifications/notifications.view.js';
import type { StaffNotification } from '../../../ports/staff-notifications.js';
import { z } from 'zod';
import type { AdminCatalog } from '../../../ports/admin-catalog.js';
import type { BoardRepo } from '../../../ports/board-repo.js';
import type { TranslationRepo } from '../../../ports/translation-repo.js';
import type { StaffNotificationRepo } from '../../../ports/staff-notifications.js';
import { reviewSectionsFor, SentBackSection, sentBackQuery } from './review-sections.js';

/** What the dashboard reads: releases per state, boards, missing language versions, notifications. */
export type DashboardSystem = {
  admin: Pick<AdminCatalog, 'list'>;
  boards: Pick<BoardRepo, 'list'>;
  translations: Pick<TranslationRepo, 'missingTranslations'>;
  distribution: { notifications: { repo: Pick<StaffNotificationRepo, 'list' | 'unreadCount'> } };
};

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

function DashboardView(props: { ctx: AdminContext; boards: Board[]; sections: Section[]; sentBack: AdminReleaseRow[]; missing: { rows: MissingTranslation[]; total: number }; notifications: { items: StaffNotification[]; unread: number; markedRead: boolean } }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('adminNavDashboard')}>
      <h1>{t('adminNavDashboard')}</h1>
      {hasRole(ctx.user, 'writer') && (
        <p>
          <a class="button" href="/admin/releases/new">
            {t('adminWriteNew')}
          </a>
        </p>
      )}
      <SentBackSection ctx={ctx} rows={props.sentBack} />
      <NotificationsSection ctx={ctx} {...props.notifications} />
      <div class="dashboard">
        {props.sections.map((s) => (
          <section key={s.id} aria-labelledby={s.id}>
            <h2 id={s.id}>
              {s.title} <span class="hint">({s.total})</span>
            </h2>
            <ReleaseTable ctx={ctx} rows={s.rows} boards={props.boards} caption={s.title} empty={s.empty} when={s.when} whenLabel={s.whenLabel} thumbnails />
            {s.total > s.rows.length && (
              <p>
                <a href={s.more}>{t('adminAllCount', { count: s.total })}</a>
              </p>
            )}
          </section>
        ))}
        <MissingTranslationsSection ctx={ctx} boards={props.boards} missing={props.missing} />
      </div>
    </AdminLayout>
  );
}

/**
 * GET /admin: what needs attention: my drafts, review, the schedule, embargoes, recent
 * publications, releases flagged "translation needed" that still miss a language version, and
 * the person's notifications (#14).
 */
export function registerDashboardRoutes(app: FastifyInstance, deps: AdminWebDeps<DashboardSystem>): void {
  app.get('/admin', canRead(deps), async (request, reply) => {
    const ctx = await adminContext(request, reply, deps);
    const { t } = ctx;
    const list = (q: Omit<AdminReleaseQuery, 'limit' | 'offset'>) => deps.system.admin.list({ ...q, limit: SECTION_SIZE, offset: 0 });
    const notifications = deps.system.distribution.notifications.repo;
    const markedRead = z.object({ done: z.literal('read').optional().catch(undefined) }).parse(request.query ?? {}).done === 'read';
    const reviewSections = reviewSectionsFor(ctx.user);
    const [boards, mine, sentBack, reviews, scheduled, embargoed, published, missing, items, unread] = await Promise.all([
      deps.system.boards.list(),
      list({ state: 'draft', createdBy: ctx.user.id }),
      list(sentBackQuery(ctx.user.id)),
      Promise.all(reviewSections.map((s) => list(s.query))),
      list({ state: 'scheduled' }),
      list({ embargoedAt: ctx.now }),
      list({ state: 'published', status: 'published' }),
      deps.system.translations.missingTranslations(SECTION_SIZE),
      notifications.list(ctx.user.id, SECTION_SIZE),
      notifications.unreadCount(ctx.user.id),
    ]);
    const sections: Section[] = [
      { id: 'my-drafts', title: t('adminMyDrafts'), empty: t('adminNoDrafts'), more: '/admin/releases?state=draft&mine=1', ...mine },
      // What awaits this person in review (#16), in place of every edition in review.
      ...reviewSections.map((s, i) => ({ id: s.id, title: t(s.title), empty: t(s.empty), more: s.more, ...reviews[i]! })),
      { id: 'scheduled', title: t('adminState_scheduled'), empty: t('adminNothingScheduled'), more: '/admin/releases?state=scheduled', whenLabel: t('adminPublishesAt'), when: (r) => r.scheduledAt, ...scheduled },
      { id: 'embargoed', title: t('adminUnderEmbargo'), empty: t('adminNothingEmbargoed'), more: '/admin/releases?state=published', whenLabel: t('adminPublicFrom'), when: (r) => r.publicAt, ...embargoed },
      { id: 'published', title: t('adminRecentlyPublished'), empty: t('adminNothingPublished'), more: '/admin/releases?state=published', ...published },
    ];
    return sendAdminPage(reply, <DashboardView ctx={ctx} boards={boards} sections={sections} sentBack={sentBack.rows} missing={missing} notifications={{ items, unread, markedRead }} />);
  });
}
