import type { ComponentChildren } from 'preact';
import { AdminLayout as AccountFrame } from '../auth/admin-layout.view.js';
import type { AdminContext } from './admin-context.js';
import { roleAtLeast } from './staff.js';

const NAV = [
  { href: '/admin', label: 'Dashboard', minRole: 'viewer' },
  { href: '/admin/releases', label: 'Releases', minRole: 'viewer' },
  { href: '/admin/releases/new', label: 'New release', minRole: 'writer' },
  { href: '/admin/audit', label: 'Audit log', minRole: 'admin' },
] as const;

/**
 * The editorial pages' frame: the admin layout of the sign-in side (English UI, skip link, account
 * links and sign-out, both stylesheets) plus the editorial navigation for the person's role.
 */
export function AdminLayout(props: { ctx: AdminContext; title: string; hasErrors?: boolean; children: ComponentChildren }) {
  const { ctx } = props;
  return (
    <AccountFrame ctx={{ siteName: ctx.siteName, csrfToken: ctx.csrfToken, staff: { name: ctx.user.name, email: ctx.user.email } }} title={props.title} hasErrors={props.hasErrors}>
      <nav class="editorial-nav" aria-label="Editorial">
        <ul>
          {NAV.filter((item) => roleAtLeast(ctx.user.role, item.minRole)).map((item) => (
            <li key={item.href}>
              <a href={item.href} aria-current={ctx.path === item.href ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
        <p class="hint">
          Signed in as {ctx.user.name}, {ctx.user.role}
        </p>
      </nav>
      {props.children}
    </AccountFrame>
  );
}

/** The hidden CSRF field every form carries. */
export function CsrfField(props: { ctx: AdminContext }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />;
}
