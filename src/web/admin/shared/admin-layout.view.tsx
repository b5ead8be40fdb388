import type { ComponentChildren } from 'preact';
import { AdminFrame } from '../auth/admin-frame.view.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { AdminContext } from './admin-context.js';
import { hasRole } from '../../../domain/user.js';

const NAV = [
  { href: '/admin', label: 'adminNavDashboard', minRole: 'viewer' },
  { href: '/admin/releases', label: 'adminNavReleases', minRole: 'viewer' },
  { href: '/admin/releases/new', label: 'adminNavNewRelease', minRole: 'writer' },
  { href: '/admin/outbox', label: 'adminNavOutbox', minRole: 'editor' },
  { href: '/admin/journalists', label: 'adminNavJournalists', minRole: 'editor' },
  { href: '/admin/contacts', label: 'adminNavContacts', minRole: 'editor' },
  { href: '/admin/readership', label: 'adminNavReadership', minRole: 'viewer' },
  { href: '/admin/audit', label: 'adminNavAudit', minRole: 'admin' },
  { href: '/admin/staff', label: 'adminNavStaff', minRole: 'admin' },
  { href: '/admin/tokens', label: 'adminNavTokens', minRole: 'admin' },
  { href: '/admin/webhooks', label: 'adminNavWebhooks', minRole: 'admin' },
] as const satisfies readonly { href: string; label: MessageKey; minRole: string }[];

/**
 * The editorial pages' frame: the admin layout of the sign-in side (UI in the staff member's language, skip link, account
 * links and sign-out, both stylesheets) plus the editorial navigation for the person's role.
 */
export function AdminLayout(props: { ctx: AdminContext; title: string; hasErrors?: boolean; children: ComponentChildren }) {
  const { ctx } = props;
  return (
    <AdminFrame ctx={{ siteName: ctx.siteName, csrfToken: ctx.csrfToken, staff: { name: ctx.user.name, email: ctx.user.email }, lang: ctx.lang, t: ctx.t, path: ctx.path }} title={props.title} hasErrors={props.hasErrors}>
      <nav class="editorial-nav" aria-label={ctx.t('adminEditorialNav')}>
        <ul>
          {NAV.filter((item) => hasRole(ctx.user, item.minRole)).map((item) => (
            <li key={item.href}>
              <a href={item.href} aria-current={ctx.path === item.href ? 'page' : undefined}>
                {ctx.t(item.label)}
              </a>
            </li>
          ))}
        </ul>
        <p class="hint">
          {ctx.t('adminSignedInAs')} {ctx.user.name}, {ctx.t(`adminRole_${ctx.user.role}`)}
        </p>
      </nav>
      {props.children}
    </AdminFrame>
  );
}

/** The hidden CSRF field every form carries. */
export function CsrfField(props: { ctx: AdminContext }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />;
}

/** A one-button POST form for a destructive row action (revoke, remove), named in full for screen readers by `label`. */
export function DangerButtonForm(props: { ctx: AdminContext; action: string; label: string; children: string }) {
  return (
    <form method="post" action={props.action}>
      <CsrfField ctx={props.ctx} />
      <button type="submit" class="button-danger" aria-label={props.label}>
        {props.children}
      </button>
    </form>
  );
}
