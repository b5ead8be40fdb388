import { urls } from '../urls.js';
import type { PageContext } from './page-context.js';
import type { ReleasePresentation, ReleaseViewModel } from './release.presenter.js';

/** Share links as plain URLs: no third-party script, widget or cookie loads with the page. */
function ShareLinks(props: { ctx: PageContext; url: string; title: string }) {
  const { ctx, url, title } = props;
  const u = encodeURIComponent(url);
  const links = [
    { label: ctx.t('shareEmail'), href: `mailto:?subject=${encodeURIComponent(title)}&body=${u}` },
    { label: ctx.t('shareFacebook'), href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { label: ctx.t('shareX'), href: `https://x.com/intent/post?url=${u}&text=${encodeURIComponent(title)}` },
    { label: ctx.t('shareNaver'), href: `https://share.naver.com/web/shareView?url=${u}&title=${encodeURIComponent(title)}` },
  ];
  return (
    <nav class="share" aria-label={ctx.t('share')}>
      <h2 class="share-title">{ctx.t('share')}</h2>
      <ul>
        {links.map((l) => (
          <li key={l.label}>
            <a href={l.href} rel="noopener noreferrer">
              {l.label}
            </a>
          </li>
        ))}
      </ul>
      <p class="share-url">
        <span>{ctx.t('shareLinkLabel')}: </span>
        <a href={url}>{url}</a>
      </p>
    </nav>
  );
}

/** The previous and next releases of the board. */
function ReleaseNav(props: { ctx: PageContext; view: ReleasePresentation; model: ReleaseViewModel }) {
  const { ctx, view, model } = props;
  const { neighbours, board } = model;
  return (
    <nav class="release-nav" aria-label={`${ctx.t('previousRelease')} / ${ctx.t('nextRelease')}`}>
      <dl>
        <div>
          <dt>{ctx.t('nextRelease')}</dt>
          <dd>{neighbours.next ? <a href={urls.release(view.lang, board.slug, neighbours.next.number)}>{neighbours.next.title}</a> : '-'}</dd>
        </div>
        <div>
          <dt>{ctx.t('previousRelease')}</dt>
          <dd>{neighbours.previous ? <a href={urls.release(view.lang, board.slug, neighbours.previous.number)}>{neighbours.previous.title}</a> : '-'}</dd>
        </div>
      </dl>
    </nav>
  );
}

/** What follows the article: the printed-from line on a print view; share links, actions and neighbours on the page; nothing on a preview. */
export function ReleaseFooter(props: { ctx: PageContext; view: ReleasePresentation; model: ReleaseViewModel }) {
  const { ctx, view, model } = props;
  const { lang, number } = view;
  const slug = model.board.slug;
  if (view.footer === 'none') return null;
  if (view.footer === 'print') {
    return (
      <p class="printed-from">
        {ctx.t('printedFrom')}: {ctx.baseUrl}
        {urls.release(lang, slug, number)}
      </p>
    );
  }
  return (
    <>
      {view.indexable && <ShareLinks ctx={ctx} url={`${ctx.baseUrl}${view.selfPath}`} title={model.edition.title} />}
      <div class="release-actions">
        {!view.removed && (
          <a class="button button-secondary" href={urls.releasePrint(lang, slug, number)}>
            {ctx.t('print')}
          </a>
        )}
        <a class="button" href={urls.board(lang, slug)}>
          {ctx.t('backToList')}
        </a>
      </div>
      <ReleaseNav ctx={ctx} view={view} model={model} />
    </>
  );
}
