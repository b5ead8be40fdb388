import { createHash } from 'node:crypto';

/**
 * Styles the admin pages add to the site stylesheet: forms, the error summary, notices. Served
 * under a content hash like the site stylesheet; colours meet WCAG AA.
 */
export const adminCss = String.raw`
.admin-header { background: #1b1f24; color: #fff; }
.admin-header .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1.5rem; padding-top: .6rem; padding-bottom: .6rem; }
.admin-header a { color: #fff; }
.admin-header .site-name { color: #fff; font-weight: 700; text-decoration: none; }
.admin-nav { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin: 0; padding: 0; list-style: none; }
.admin-nav form { margin: 0; }
.admin-nav button { padding: .2rem .75rem; background: transparent; border-color: #fff; }
.admin-form { max-width: 32rem; }
.form-group { margin: 0 0 1.25rem; }
.form-group label, .form-group legend { display: block; font-weight: 600; margin-bottom: .25rem; }
.form-group .hint { display: block; color: var(--muted); font-size: .95rem; margin: 0 0 .35rem; }
.form-group input[type=text], .form-group input[type=email], .form-group input[type=password] { font: inherit; width: 100%; padding: .45rem .6rem; border: 2px solid var(--ink); border-radius: 0; }
.form-group input.code { max-width: 12rem; letter-spacing: .15em; }
.form-group-error { border-left: 5px solid #b3261e; padding-left: .9rem; }
.form-group-error input { border-color: #b3261e !important; }
.field-error { color: #b3261e; font-weight: 700; margin: 0 0 .35rem; }
.error-summary { border: 5px solid #b3261e; padding: 1rem 1.25rem; margin: 0 0 1.5rem; max-width: 40rem; }
.error-summary:focus { outline: 3px solid var(--focus); }
.error-summary h2 { margin: 0 0 .5rem; font-size: 1.2rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: #b3261e; font-weight: 700; }
.success-notice { border-left: 6px solid #00703c; background: #e8f5ee; padding: .75rem 1rem; margin: 0 0 1.5rem; max-width: 40rem; }
.secret { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 1.1rem; word-break: break-all; background: var(--wash); padding: .5rem .75rem; border: 1px solid var(--line); }
.recovery-codes { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 1.1rem; columns: 2; max-width: 24rem; padding-left: 1.5rem; }
`;

export const adminCssAsset = (() => {
  const body = Buffer.from(adminCss, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, href: `/assets/admin-${hash}.css`, etag: `"${hash}"` };
})();
