/**
 * The site's only stylesheet, served under a content hash with a year-long cache. System fonts with
 * Korean fallbacks; no web fonts or CDNs. Colours meet WCAG AA against their backgrounds.
 */
export const siteCss = String.raw`
:root {
  --ink: #1b1f24; --muted: #4d5761; --line: #d5dbe1; --paper: #ffffff; --wash: #f3f5f7;
  --brand: #0b3a6e; --brand-ink: #ffffff; --link: #0a4f9c; --focus: #ffbf47; --warn: #7a2e00; --warn-bg: #fff4e5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", "Noto Sans KR", sans-serif;
  color: var(--ink); background: var(--paper); line-height: 1.6;
}
html:lang(ko) { word-break: keep-all; overflow-wrap: break-word; line-height: 1.75; }
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--link); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--ink); }
.skip-link { position: absolute; left: -9999px; top: 0; background: var(--focus); color: var(--ink); padding: .5rem 1rem; z-index: 10; }
.skip-link:focus { left: .5rem; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
.site-header { background: var(--brand); color: var(--brand-ink); }
.site-header .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1.5rem; padding-top: .75rem; padding-bottom: .75rem; }
.site-name { color: var(--brand-ink); font-weight: 700; font-size: 1.25rem; text-decoration: none; }
.site-header a { color: var(--brand-ink); }
.lang-switch { font-size: .95rem; display: flex; gap: .75rem; align-items: center; }
.lang-switch span[aria-current] { font-weight: 700; text-decoration: underline; text-underline-offset: .3em; }
.also-in { background: var(--wash); border-left: 4px solid var(--brand); padding: .5rem .75rem; margin: 0 0 1rem; }
.also-in ul { display: inline; list-style: none; margin: 0; padding: 0; }
.also-in li { display: inline; }
.also-in li + li::before { content: ' / '; }
.also-in .hint { color: var(--muted); }
.board-nav { background: #082c54; }
.board-nav ul { list-style: none; margin: 0 auto; padding: 0 1rem; max-width: 72rem; display: flex; flex-wrap: wrap; gap: 0 1.25rem; }
.board-nav a { display: inline-block; padding: .6rem 0; color: #fff; text-decoration: none; border-bottom: 3px solid transparent; }
.board-nav a[aria-current="page"], .board-nav a:hover { border-bottom-color: var(--focus); }
.demo-banner { background: var(--warn-bg); color: var(--warn); border-bottom: 1px solid #f0c58a; font-size: .95rem; }
.demo-banner p { margin: 0 auto; padding-top: .5rem; padding-bottom: .5rem; }
main { padding: 1rem 0 3rem; min-height: 60vh; }
.breadcrumb ol { list-style: none; padding: 0; margin: .5rem 0 1rem; display: flex; flex-wrap: wrap; gap: .25rem; color: var(--muted); font-size: .95rem; }
.breadcrumb li + li::before { content: ">"; margin: 0 .4rem; color: var(--muted); }
h1 { font-size: 1.75rem; line-height: 1.3; margin: .25rem 0 1rem; }
h2 { font-size: 1.3rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.site-search { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .5rem; min-width: 0; }
.site-search label { font-weight: 600; }
.site-search input { font: inherit; font-size: 1rem; padding: .35rem .5rem; border: 2px solid var(--brand-ink); border-radius: 4px; width: 12rem; min-width: 0; flex: 1 1 8rem; }
.site-search button { font-size: 1rem; padding: .35rem .9rem; background: var(--paper); color: var(--brand); border-color: var(--paper); font-weight: 600; }
.search-results { list-style: none; padding: 0; }
.search-results li { margin: 0 0 1.25rem; }
.search-results .snippet { margin: .25rem 0; }
.search-results mark { background: #fff3a8; color: inherit; }
.board-filter { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: 0 0 1rem; }
.board-filter label { display: block; font-weight: 600; }
.board-filter > div { min-width: 0; max-width: 100%; }
.board-filter input, .board-filter select { font: inherit; font-size: 1rem; line-height: 1.4; padding: .4rem .6rem; border: 2px solid var(--muted); border-radius: 4px; background: var(--paper); color: var(--ink); max-width: 100%; }
.board-filter input[type=search] { width: 16rem; }
.board-filter input[inputmode=numeric] { width: 9rem; font-variant-numeric: tabular-nums; }
.board-filter .hint { font-weight: 400; color: var(--muted); font-size: .9rem; }
.board-filter [aria-invalid=true] { border-color: var(--warn); }
.form-problems p { margin: 0 0 .25rem; }
button, .button { font: inherit; font-size: 1rem; padding: .45rem 1rem; border: 2px solid var(--brand); background: var(--brand); color: #fff; border-radius: 4px; cursor: pointer; text-decoration: none; display: inline-block; }
.button-secondary { background: #fff; color: var(--brand); }
.list-summary { color: var(--muted); margin: 0 0 .5rem; }
table.board-list { width: 100%; border-collapse: collapse; border-top: 2px solid var(--ink); }
.board-list th, .board-list td { padding: .6rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
.board-list th { background: var(--wash); font-weight: 600; white-space: nowrap; }
.board-list .num, .board-list .date, .board-list .views, .board-list .file { white-space: nowrap; text-align: center; color: var(--muted); }
.icon { vertical-align: middle; }
.board-list td.title { width: 100%; }
.subscribe-form { display: grid; gap: 1rem; max-width: 32rem; margin: 0 0 1.5rem; }
.subscribe-form label { font-weight: 600; }
.subscribe-form input[type=text] { display: block; width: 100%; font: inherit; font-size: 1rem; padding: .45rem .6rem; border: 2px solid var(--muted); border-radius: 4px; margin-top: .25rem; }
.subscribe-form .hint { color: var(--muted); font-size: .9rem; margin: .35rem 0 0; }
.subscribe-form fieldset { border: 1px solid var(--line); border-radius: 4px; padding: .75rem 1rem; margin: 0; }
.subscribe-form legend { font-weight: 600; padding: 0 .25rem; }
.subscribe-form fieldset div { display: flex; align-items: center; gap: .5rem; padding: .2rem 0; }
.subscribe-form fieldset label { font-weight: 400; }
.subscribe-form input[type=radio] { width: 1.1rem; height: 1.1rem; margin: 0; }
.subscribe-form button { justify-self: start; }
.photo-grid { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr)); gap: 1rem; }
.photo-grid img { width: 100%; height: auto; aspect-ratio: 3 / 2; object-fit: cover; background: var(--wash); }
.photo-grid .meta { color: var(--muted); font-size: .9rem; }
.pagination ul { list-style: none; padding: 0; margin: 1.5rem 0; display: flex; flex-wrap: wrap; justify-content: center; gap: .25rem; }
.pagination a, .pagination span[aria-current] { display: inline-block; min-width: 2.5rem; padding: .35rem .6rem; text-align: center; border: 1px solid var(--line); border-radius: 4px; text-decoration: none; }
.pagination span[aria-current] { background: var(--brand); color: #fff; border-color: var(--brand); font-weight: 700; }
.home-sections { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); gap: 1.5rem 2rem; }
.home-section h2 { border-bottom: 2px solid var(--ink); padding-bottom: .3rem; display: flex; justify-content: space-between; align-items: baseline; }
.home-section h2 a.more { font-size: .9rem; font-weight: 400; }
.home-section ul { list-style: none; padding: 0; margin: 0; }
.home-section li { padding: .45rem 0; border-bottom: 1px solid var(--line); display: flex; justify-content: space-between; gap: 1rem; }
.home-section time { color: var(--muted); white-space: nowrap; font-size: .9rem; }
.home-section li a { min-width: 0; overflow-wrap: anywhere; }
.home-section .more { margin: .5rem 0 0; text-align: right; }
.release-meta { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; color: var(--muted); border-top: 2px solid var(--ink); border-bottom: 1px solid var(--line); padding: .5rem 0; margin: 0 0 1.5rem; }
.release-meta dt { display: inline; font-weight: 600; } .release-meta dd { display: inline; margin: 0 0 0 .35rem; }
.release-meta div { display: inline; }
.standfirst { font-weight: 600; margin: 0 0 1.5rem; padding: 0; list-style: none; }
.standfirst li { margin: .25rem 0; }
.release-body { max-width: 46rem; }
.release-body p { margin: 0 0 1.1rem; }
.release-body table { border-collapse: collapse; margin: 0 0 1.1rem; }
.release-body th, .release-body td { border: 1px solid var(--line); padding: .35rem .6rem; }
.release-body .align-right { text-align: right; } .release-body .align-center { text-align: center; }
.release-body th { background: var(--wash); font-weight: 600; text-align: left; vertical-align: bottom; }
.release-body td { vertical-align: top; }
.release-body td > p, .release-body th > p, .release-body li > p { margin: 0; }
.release-body ul, .release-body ol { margin: 0 0 1.1rem; padding-left: 1.5rem; }
.release-body li { margin: .2rem 0; }
.release-body h2 { font-size: 1.3rem; margin: 1.75rem 0 .75rem; }
.release-body h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
.release-body h4, .release-body h5, .release-body h6 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
.attachment-text h1 { overflow-wrap: anywhere; }
.attachment-text .board-label { margin: 0; color: var(--muted); font-weight: 600; font-size: .95rem; }
.attachment-text .hint { color: var(--muted); font-size: .95rem; }
.attachment-text .release-body { border-top: 1px solid var(--line); padding-top: .5rem; }
.attachment-text .release-body table { overflow-wrap: anywhere; }
.text-partial { font-weight: 600; }
.read-online { font-weight: 600; white-space: nowrap; }
.media-kit { margin: 0 0 1.5rem; }
.media-kit a { font-weight: 600; }
.photo-original { white-space: nowrap; font-size: .9rem; }
.photo-grid .photo-original { margin: .25rem 0 0; }
figure.photo { margin: 1.5rem 0; max-width: 46rem; }
figure.photo img { width: 100%; height: auto; display: block; background: var(--wash); }
figure.photo figcaption { color: var(--muted); font-size: .95rem; margin-top: .4rem; }
.files { border: 1px solid var(--line); background: var(--wash); padding: .75rem 1rem; margin: 2rem 0; }
.files h2 { margin: 0 0 .5rem; font-size: 1.1rem; }
.files ul { margin: 0; padding-left: 1.25rem; }
.file-meta { color: var(--muted); font-size: .9rem; }
.change-notes { border-left: 4px solid var(--brand); padding: .25rem 0 .25rem 1rem; margin: 0 0 1.5rem; }
.change-notes p { margin: 0 0 .25rem; font-weight: 600; }
.change-notes ul { margin: .25rem 0; padding-left: 1.25rem; }
.contact { margin: 2rem 0; }
.contact h2 { font-size: 1.1rem; }
.release-tags { margin: 1.5rem 0; } .release-tags h2 { font-size: 1.1rem; }
.release-tags ul { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; margin: 0; padding: 0; }
.release-tags .tag-feed { font-size: .85rem; }
.tag-list { list-style: none; padding: 0; } .tag-list li { border-bottom: 1px solid var(--line); padding: .6rem 0; } .tag-list .meta { margin: .2rem 0 0; }
.release-nav { border-top: 2px solid var(--ink); margin-top: 2rem; }
.release-nav dl { margin: 0; }
.release-nav div { display: flex; gap: 1rem; padding: .6rem 0; border-bottom: 1px solid var(--line); }
.release-nav dt { font-weight: 600; min-width: 4.5rem; }
.release-nav dd { margin: 0; }
.release-actions { display: flex; gap: .75rem; margin: 1.5rem 0; }
.notice { border-left: 6px solid var(--warn); background: var(--warn-bg); padding: .75rem 1rem; margin: 0 0 1.5rem; }
.notice h2 { margin: 0 0 .25rem; font-size: 1.15rem; }
.site-footer { border-top: 1px solid var(--line); background: var(--wash); color: var(--muted); font-size: .9rem; padding: 1.5rem 0; }
.site-footer p { margin: 0 0 .5rem; }
.footer-contact { font-style: normal; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
.footer-links { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
.share { margin: 1.5rem 0; }
.share-title { font-size: 1rem; margin: 0 0 .25rem; }
.share ul { list-style: none; padding: 0; margin: 0 0 .25rem; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.share-url { margin: 0; color: var(--muted); font-size: .9rem; overflow-wrap: anywhere; }
main { overflow-wrap: break-word; }
.release-body pre, .release-body table { max-width: 100%; overflow-x: auto; }
.release-body img { max-width: 100%; height: auto; }
@media (max-width: 40rem) {
  .site-header .wrap { padding-top: .4rem; padding-bottom: .5rem; gap: .25rem .75rem; }
  .site-name { font-size: 1.05rem; order: 1; }
  .lang-switch { order: 2; }
  .site-search { order: 3; flex: 1 1 100%; }
  .site-search label { font-size: .95rem; }
  .board-nav ul { flex-wrap: nowrap; overflow-x: auto; gap: 0 1rem; }
  .board-nav a { padding: .4rem 0; white-space: nowrap; }
  .demo-banner { font-size: .85rem; line-height: 1.4; }
  .demo-banner p { padding-top: .3rem; padding-bottom: .3rem; }
  main { padding-top: .25rem; }
  .breadcrumb ol { margin: .25rem 0 .5rem; font-size: .9rem; }
  .release-meta { margin-bottom: 1rem; }
  .board-filter input[type=search] { width: 100%; }
  .release-nav div { flex-wrap: wrap; gap: 0 1rem; }
  .board-list thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .board-list tr { display: grid; grid-template-columns: auto 1fr; gap: 0 .5rem; border-bottom: 1px solid var(--line); padding: .5rem 0; }
  .board-list td { border: 0; padding: .1rem .25rem; }
  .board-list td.title { grid-column: 1 / -1; order: -1; font-weight: 600; }
  .board-list .views, .board-list .file { display: none; }
  h1 { font-size: 1.4rem; }
}
@media print {
  .site-header, .board-nav, .demo-banner, .breadcrumb, .release-nav, .release-actions, .skip-link, .site-footer nav, .board-filter, .site-search, .share { display: none !important; }
  :root { font-size: 11pt; color: #000; }
  a { color: #000; text-decoration: none; }
  .release-body a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 9pt; }
  figure.photo { break-inside: avoid; }
  .media-kit, .photo-original, .read-online { display: none; }
  .notice { background: none; border: 1px solid #000; border-left-width: 6px; }
  .release-body th, .release-body td { border-color: #000; }
  .release-body th { background: none; }
  .release-body thead { display: table-header-group; }
  .release-body tr, .release-body li { break-inside: avoid; }
  .release-body h2, .release-body h3, .release-body h4, .release-body h5, .release-body h6 { break-after: avoid; }
  main { padding: 0; }
}
`;
