import { createHash } from 'node:crypto';

/**
 * Staff-side styles, layered on the public stylesheet: forms, error summary, state tags, the
 * side-by-side conflict view. Focus stays as visible as on the public site.
 */
export const adminCss = String.raw`
.admin-header { background: #1b1f24; color: #fff; }
.admin-header .wrap { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; justify-content: space-between; padding-top: .6rem; padding-bottom: .6rem; }
.admin-header a { color: #fff; }
.admin-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0 1.25rem; margin: 0; padding: 0; }
.admin-nav a[aria-current="page"] { text-decoration-thickness: 3px; }
.admin-user { font-size: .95rem; }
.error-summary { border: 4px solid #b00020; padding: .75rem 1rem; margin: 0 0 1.5rem; }
.error-summary:focus { outline: 3px solid var(--focus); }
.error-summary h2 { margin: 0 0 .5rem; font-size: 1.2rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: #b00020; font-weight: 600; }
.field-error { color: #b00020; font-weight: 600; margin: .25rem 0; }
.success { border-left: 6px solid #00703c; background: #e8f5ee; padding: .6rem 1rem; margin: 0 0 1.5rem; }
.field { margin: 0 0 1.1rem; }
.field label, .field legend, .field .label { display: block; font-weight: 600; margin-bottom: .2rem; }
.field .hint { color: var(--muted); font-size: .95rem; margin: 0 0 .3rem; }
.field input[type=text], .field input[type=email], .field input[type=tel], .field input[type=datetime-local], .field input[type=search], .field select, .field textarea {
  font: inherit; padding: .4rem .6rem; border: 2px solid var(--ink); border-radius: 3px; max-width: 100%; background: #fff;
}
.field input[type=text], .field textarea { width: 46rem; }
.field textarea.body { min-height: 18rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.field.has-error input, .field.has-error textarea, .field.has-error select { border-color: #b00020; }
fieldset { border: 1px solid var(--line); padding: .75rem 1rem; margin: 0 0 1.25rem; }
fieldset legend { font-weight: 700; padding: 0 .25rem; }
.list-title-cut { color: var(--muted); font-size: .95rem; }
.form-buttons, .inline-actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: 1rem 0; }
.state { display: inline-block; padding: .05rem .5rem; border-radius: 3px; font-size: .9rem; font-weight: 600; background: var(--wash); border: 1px solid var(--line); white-space: nowrap; }
.state-draft { background: #fff; } .state-in_review { background: #fff4e5; } .state-approved { background: #e8f0fe; }
.state-scheduled { background: #efe6fb; } .state-published { background: #e8f5ee; } .state-superseded { color: var(--muted); }
table.admin-table { width: 100%; border-collapse: collapse; margin: 0 0 1rem; }
.admin-table th, .admin-table td { padding: .45rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
.admin-table th { background: var(--wash); }
.dashboard { display: grid; grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr)); gap: 1rem 2rem; }
.actions { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
.actions form { border: 1px solid var(--line); padding: .75rem; }
.actions textarea { width: 100%; }
.conflict { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.conflict section { border: 2px solid var(--line); padding: .5rem 1rem; overflow-wrap: anywhere; }
.conflict pre, .preview-body pre { white-space: pre-wrap; }
.preview-body { border: 2px dashed var(--line); padding: 1rem; margin: 1rem 0; }
ins { background: #d8f3dc; text-decoration: underline; } del { background: #fde2e1; }
.secret-url { font-family: ui-monospace, monospace; background: var(--wash); padding: .5rem; overflow-wrap: anywhere; }
.button-danger { background: #b00020; border-color: #b00020; }
@media (max-width: 50rem) { .conflict { grid-template-columns: 1fr; } .dashboard { grid-template-columns: 1fr; } }
`;

/** The admin stylesheet under a content hash, cached for a year like the public one. */
export const adminCssAsset = (() => {
  const body = Buffer.from(adminCss, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, href: `/assets/admin-${hash}.css`, etag: `"${hash}"` };
})();
