import { createHash } from 'node:crypto';
import { adminCardsCss } from './admin-cards-css.js';

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
.editorial-nav { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: .5rem 1.5rem; border-bottom: 1px solid var(--line); margin: 0 0 1rem; }
.editorial-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0 1.25rem; margin: 0; padding: .5rem 0; }
.editorial-nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.form-group select, .form-group textarea, .form-group input[type=tel], .form-group input[type=datetime-local] { font: inherit; padding: .45rem .6rem; border: 2px solid var(--ink); border-radius: 0; max-width: 100%; background: #fff; }
.form-group textarea { width: 100%; max-width: 46rem; }
.form-group textarea.body { min-height: 18rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.form-group label.inline-label { display: inline; font-weight: 400; }
fieldset { border: 1px solid var(--line); padding: .75rem 1rem; margin: 0 0 1.25rem; }
fieldset legend { font-weight: 700; padding: 0 .25rem; }
.list-title-cut { color: var(--muted); font-size: .95rem; }
.form-buttons, .inline-actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin: 1rem 0; }
.state { display: inline-block; padding: .05rem .5rem; border-radius: 3px; font-size: .9rem; font-weight: 600; background: var(--wash); border: 1px solid var(--line); white-space: nowrap; }
.state-in_review { background: #fff4e5; } .state-approved { background: #e8f0fe; } .state-scheduled { background: #efe6fb; } .state-published { background: #e8f5ee; } .state-superseded { color: var(--muted); }
table.admin-table { width: 100%; border-collapse: collapse; margin: 0 0 1rem; }
.admin-table th, .admin-table td { padding: .45rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
.admin-table th { background: var(--wash); }
.dashboard { display: grid; grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr)); gap: 1rem 2rem; }
.actions { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
.actions form { border: 1px solid var(--line); padding: .75rem; }
.conflict { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.conflict section { border: 2px solid var(--line); padding: .5rem 1rem; overflow-wrap: anywhere; }
.conflict pre, .diff pre { white-space: pre-wrap; }
.preview-body { border: 2px dashed var(--line); padding: 1rem; margin: 1rem 0; }
ins { background: #d8f3dc; text-decoration: underline; } del { background: #fde2e1; }
.button-danger { background: #b3261e; border-color: #b3261e; }
@media (max-width: 50rem) { .conflict, .dashboard { grid-template-columns: 1fr; } }
.totp-setup { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 1rem 2rem; }
.totp-qr svg { display: block; width: 200px; height: 200px; background: #fff; }
.form-group input[type=date], .form-group input[inputmode=numeric] { font: inherit; padding: .45rem .6rem; border: 2px solid var(--ink); border-radius: 0; background: #fff; }
.filters { display: flex; flex-wrap: wrap; gap: 0 1.25rem; align-items: end; } .filters .form-group { margin-bottom: .75rem; } .filters .hint { max-width: 18rem; }
.audit-what details { margin-top: .25rem; } .audit-what dl { display: grid; grid-template-columns: auto 1fr; gap: .1rem .75rem; margin: .25rem 0; overflow-wrap: anywhere; } .audit-what dt { color: var(--muted); }
.chart svg { display: block; width: 100%; max-width: 60rem; height: auto; } .num { text-align: right !important; font-variant-numeric: tabular-nums; }

`;

export const adminCssAsset = (() => {
  const body = Buffer.from(adminCss + adminCardsCss, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, href: `/assets/admin-${hash}.css`, etag: `"${hash}"` };
})();
