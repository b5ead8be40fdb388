/**
 * Phones (#16): the dashboard and the release list fit a 390 px screen. Below 40rem each release
 * row becomes a card (the same markup: cells stack and name their column from `data-label`), grids
 * collapse to one column, and long words wrap, so the page never scrolls sideways.
 */
export const adminCardsCss = String.raw`
.thumbnail { display: block; width: 64px; height: 48px; object-fit: cover; background: var(--wash); border: 1px solid var(--line); }
.admin-table .thumbnail-cell { width: 66px; padding-right: 0; }
.release-cards .title-cell { overflow-wrap: anywhere; }
.release-filters .form-group { margin-bottom: .25rem; }
.release-filters input[type=search] { font: inherit; padding: .45rem .6rem; border: 2px solid var(--ink); border-radius: 0; max-width: 100%; }
.dashboard { grid-template-columns: repeat(auto-fit, minmax(min(28rem, 100%), 1fr)); }
.dashboard > *, main { min-width: 0; }
@media (max-width: 40rem) {
  table.release-cards, .release-cards tbody, .release-cards tr, .release-cards td { display: block; width: auto; }
  .release-cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .release-cards tr { border: 1px solid var(--line); padding: .5rem .75rem; margin: 0 0 .75rem; }
  .release-cards td { border: 0; padding: .1rem 0; }
  .release-cards td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
  .release-cards .title-cell { font-weight: 600; padding-bottom: .3rem; }
  .release-cards.with-thumbnails tr { display: grid; grid-template-columns: 66px minmax(0, 1fr); column-gap: .75rem; }
  .release-cards.with-thumbnails td { grid-column: 2; }
  .release-cards.with-thumbnails td.thumbnail-cell { grid-column: 1; grid-row: 1 / span 5; width: auto; }
  .release-filters { display: block; }
  .release-filters select, .release-filters input[type=search], .release-filters input[type=text] { width: 100%; }
  .editorial-nav ul { gap: 0 .9rem; }
}
`;
