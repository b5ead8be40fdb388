import type { Release } from '../../domain/release.js';
import { catalogues } from '../i18n/messages.js';
import type { PageContext } from './page-context.js';
import type { PreviewMode, ReleasePresentation, ReleaseViewModel } from './release.presenter.js';

/** The journalist's embargo banner on a preview. */
export function PreviewNotice(props: { ctx: PageContext; preview: PreviewMode }) {
  const { ctx, preview } = props;
  return (
    <section class="notice embargo" aria-labelledby="embargo-title">
      <h2 id="embargo-title">{preview.embargoUntil ? ctx.t('embargoedUntil', { time: ctx.fmt.long(preview.embargoUntil) }) : ctx.t('previewNotice')}</h2>
      <p>{ctx.t('embargoNotice', { recipient: preview.recipient })}</p>
    </section>
  );
}

/** A withdrawn release's notice: when, why, and whether its content was taken down. */
export function WithdrawnNotice(props: { ctx: PageContext; release: Release; removed: boolean }) {
  const { ctx, release, removed } = props;
  return (
    <section class="notice" aria-labelledby="withdrawn-title">
      <h2 id="withdrawn-title">{ctx.t('withdrawnTitle')}</h2>
      {release.withdrawnAt && (
        <p>
          {ctx.t('withdrawnOn')}: <time dateTime={release.withdrawnAt.toISOString()}>{ctx.fmt.long(release.withdrawnAt)}</time>
        </p>
      )}
      {release.withdrawalReason && <p>{release.withdrawalReason}</p>}
      {removed && <p>{ctx.t('contentRemovedNotice')}</p>}
    </section>
  );
}

/** Links to the release's other language versions, naming the authoritative one. */
export function AlsoIn(props: { ctx: PageContext; view: ReleasePresentation }) {
  const { ctx, view } = props;
  return (
    <nav class="also-in" aria-label={ctx.t('alsoIn')}>
      {ctx.t('alsoIn')}:{' '}
      <ul>
        {view.alternatePaths.map((a) => (
          <li key={a.lang}>
            <a href={a.path} hrefLang={a.lang} lang={a.lang} rel="alternate">
              {catalogues[a.lang].languageName}
            </a>
          </li>
        ))}
      </ul>
      {view.authoritative && <span class="hint"> · {ctx.t('authoritativeNote', { language: ctx.t(view.authoritative === 'ko' ? 'languageKorean' : 'languageEnglish') })}</span>}
    </nav>
  );
}

/** Number, publication (or, on a preview, the planned time), department and view count. */
export function ReleaseMeta(props: { ctx: PageContext; model: ReleaseViewModel; view: ReleasePresentation; preview?: PreviewMode }) {
  const { ctx, model, view, preview } = props;
  const { release, edition } = model;
  return (
    <dl class="release-meta">
      {release.number !== null && (
        <div>
          <dt>{ctx.t('colNumber')}</dt>
          <dd>{view.number}</dd>
        </div>
      )}
      <div>
        <dt>{ctx.t('published')}</dt>
        <dd>
          {release.firstPublishedAt ? (
            <time dateTime={view.published.toISOString()}>{ctx.fmt.long(view.published)}</time>
          ) : (
            // A preview before publication: no "No. 0 · 1 January 1970", the planned time instead (#16).
            <>
              {ctx.t('previewNotYetPublished')}
              {preview?.plannedAt && (
                <>
                  {' '}
                  ({ctx.t('previewPlannedFor', { time: ctx.fmt.long(preview.plannedAt) })})
                </>
              )}
            </>
          )}
        </dd>
      </div>
      {edition.department && (
        <div>
          <dt>{ctx.t('department')}</dt>
          <dd>{edition.department}</dd>
        </div>
      )}
      {view.showCounts && (
        <div>
          <dt>{ctx.t('views')}</dt>
          <dd>{ctx.fmt.number(release.viewCount)}</dd>
        </div>
      )}
    </dl>
  );
}

/** The latest correction's note and the whole change history, down to the first publication. */
export function ChangeNotes(props: { ctx: PageContext; notes: ReleaseViewModel['changeNotes']; published: Date }) {
  const { ctx, notes, published } = props;
  const latest = notes[0];
  if (!latest) return null;
  return (
    <div class="change-notes">
      <p class="updated">
        {ctx.t('updated')} <time dateTime={latest.at.toISOString()}>{ctx.fmt.long(latest.at)}</time>: {latest.note}
      </p>
      <details>
        <summary>{ctx.t('changeHistory')}</summary>
        <ul>
          {notes.map((n, i) => (
            <li key={i}>
              <time dateTime={n.at.toISOString()}>{ctx.fmt.long(n.at)}</time>: {n.note}
            </li>
          ))}
          <li>
            <time dateTime={published.toISOString()}>{ctx.fmt.long(published)}</time>: {ctx.t('firstPublished')}
          </li>
        </ul>
      </details>
    </div>
  );
}
