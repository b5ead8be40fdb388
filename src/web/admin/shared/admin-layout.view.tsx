import type { ComponentChildren } from 'preact';
import { cssAsset } from '../../public/site-context.js';
import { adminCssAsset } from './admin-css.js';
import type { AdminContext } from './admin-context.js';
import { roleAtLeast } from './staff.js';

const NAV = [
  { href: '/admin', label: 'Dashboard', minRole: 'viewer' },
  { href: '/admin/releases', label: 'Releases', minRole: 'viewer' },
  { href: '/admin/releases/new', label: 'New release', minRole: 'writer' },
  { href: '/admin/audit', label: 'Audit log', minRole: 'admin' },
] as const;

/** The staff pages' frame: English UI, skip link, navigation by role, both stylesheets. */
export function AdminLayout(props: { ctx: AdminContext; title: string; children: ComponentChildren }) {
  const { ctx } = props;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} | ${ctx.siteName} admin`}</title>
        <link rel="stylesheet" href={cssAsset.href} />
        <link rel="stylesheet" href={adminCssAsset.href} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="admin-header">
          <div class="wrap">
            <a class="site-name" href="/admin">
              {ctx.siteName} admin
            </a>
            <nav class="admin-nav" aria-label="Admin">
              <ul>
                {NAV.filter((item) => roleAtLeast(ctx.user.role, item.minRole)).map((item) => (
                  <li key={item.href}>
                    <a href={item.href} aria-current={ctx.path === item.href ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <p class="admin-user">
              {ctx.user.name} ({ctx.user.role})
            </p>
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** The hidden CSRF field every form carries. */
export function CsrfField(props: { ctx: AdminContext }) {
  return <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />;
}
