import type { PublicLanguageVersions } from '../../app/translations/public-versions.js';
import type { PublicReleaseDetail, Neighbours } from '../../ports/public-catalog.js';
import { attachmentKind, derivativeFileName, fileTypeLabel, formatByteSize, type Attachment, type ImageDerivative } from '../../domain/attachment.js';
import { catalogues } from '../i18n/messages.js';
import { renderMarkdown } from '../render/markdown.js';
import { jsonLdText, newsArticle } from '../seo/json-ld.js';
import { urls } from '../urls.js';
import { Breadcrumb, Layout } from './layout.view.js';
import type { PageContext } from './page-context.js';

export interface ReleaseViewModel extends PublicReleaseDetail {
  neighbours: Neighbours;
  /** Files whose text view is ready: they get "Read online" (#19). */
  readable?: ReadonlySet<string>;
}

/** A journalist's embargoed preview: banner, token-scoped file links, no navigation or counts. */
export interface PreviewMode {
  embargoUntil: Date | null;
  /** Before first publication: when it is planned to become public (null: not planned yet). */
  plannedAt?: Date | null;
  recipient: string;
  fileHref: (sha256: string, fileName: string) => string;
}

/**
 * srcset for a photo: its WebP copies by width, and the sanitised original (the `src` fallback)
 * as the widest candidate. A photo too small for any copy gets no srcset.
 */
function responsive(photo: Attachment, derivatives: ImageDerivative[], fileHref: (sha256: string, fileName: string) => string): { srcset?: string; sizes?: string } {
  const copies = derivatives.filter((d) => d.sourceSha256 === photo.sha256);
  if (copies.length === 0 || !photo.width) return {};
  const candidates = [...copies.map((d) => `${fileHref(d.sha256, derivativeFileName(photo.fileName, d.width))} ${d.width}w`), `${fileHref(photo.sha256, photo.fileName)} ${photo.width}w`];
  return { srcset: candidates.join(', '), sizes: '(max-width: 48rem) 100vw, 46rem' };
}

/** The meta description: the first subtitle line, else the body's opening as plain text, cut at a word near 160 characters. */
export function releaseDescription(subtitle: string[], bodyMarkdown: string): string {
  const text = (subtitle[0] ?? bodyMarkdown)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(#+|>+|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`|~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= 160) return text;
  const cut = text.slice(0, 160);
  const space = cut.lastIndexOf(' ');
  return `${(space > 100 ? cut.slice(0, space) : cut).trimEnd()}...`;
}

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

/** A release page: the seed's layout (board, title, dash-led subtitle, body, File area) and more. */
export function ReleaseView(props: { ctx: PageContext; model: ReleaseViewModel; print?: boolean; preview?: PreviewMode; versions?: PublicLanguageVersions }) {
  const { ctx, model, print, preview } = props;
  // Previews and withdrawn pages link to no other version and announce none.
  const versions = !preview && model.release.status === 'published' ? (props.versions ?? { alternates: [], authoritative: null }) : { alternates: [], authoritative: null };
  const fileHref = preview?.fileHref ?? urls.file;
  const { board, release, edition, attachments, neighbours } = model;
  // A takedown: the page keeps only the title, dates and the notice (the catalog sends no more).
  const removed = release.contentRemovedAt !== null;
  const lang = ctx.lang;
  const number = release.number ?? 0;
  const photos = attachments.filter((a) => attachmentKind(a.mimeType) === 'image');
  const published = release.firstPublishedAt ?? new Date(0);
  const description = removed ? ctx.t('withdrawnTitle') : releaseDescription(edition.subtitle, edition.bodyMarkdown);
  const boardName = board.name[lang];
  const ogImagePath = photos[0] && !preview ? urls.file(photos[0].sha256, photos[0].fileName) : null;
  // Structured data only where search engines may index: not on previews, prints or withdrawals.
  const indexable = !print && !preview && release.status === 'published';
  const selfPath = urls.release(lang, board.slug, number);
  const alternatePaths = versions.alternates.map((v) => ({ lang: v.language, path: urls.release(v.language, v.boardSlug, v.number) }));
  const authoritativePath = [{ lang, path: selfPath }, ...alternatePaths].find((a) => a.lang === versions.authoritative)?.path ?? selfPath;
  const jsonLd = indexable
    ? jsonLdText(
        newsArticle(model, {
          name: ctx.siteName,
          siteUrl: `${ctx.baseUrl}${urls.home(lang)}`,
          logoUrl: `${ctx.baseUrl}${ctx.site.favicon.href}`,
          pageUrl: `${ctx.baseUrl}${selfPath}`,
          description,
          image: ogImagePath && photos[0] ? { url: `${ctx.baseUrl}${ogImagePath}`, alt: photos[0].altText, width: photos[0].width, height: photos[0].height } : null,
        }),
      )
    : null;
  return (
    <Layout
      ctx={ctx}
      currentBoard={board.slug}
      print={print}
      meta={{
        title: edition.title,
        description,
        // Never published yet (a preview): no number, so no canonical URL and no publication time.
        canonicalPath: release.number !== null ? urls.release(lang, board.slug, number) : undefined,
        ogType: 'article',
        ogImagePath,
        ogImageAlt: photos[0]?.altText ?? null,
        publishedTime: release.firstPublishedAt,
        noIndex: !indexable,
        jsonLd,
        otherLanguagePath: alternatePaths[0]?.path ?? null,
        alternates: indexable && alternatePaths.length > 0 ? [{ lang, path: selfPath }, ...alternatePaths] : undefined,
        xDefaultPath: authoritativePath,
        subscribe: { board: board.slug },
      }}
    >
      <Breadcrumb ctx={ctx} trail={[{ label: ctx.t('newsZone'), href: urls.home(lang) }, { label: boardName, href: urls.board(lang, board.slug) }, { label: edition.title }]} />
      <article class="release" aria-labelledby="release-title">
        {preview && (
          <section class="notice embargo" aria-labelledby="embargo-title">
            <h2 id="embargo-title">{preview.embargoUntil ? ctx.t('embargoedUntil', { time: ctx.fmt.long(preview.embargoUntil) }) : ctx.t('previewNotice')}</h2>
            <p>{ctx.t('embargoNotice', { recipient: preview.recipient })}</p>
          </section>
        )}
        {release.status === 'withdrawn' && (
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
        )}
        {alternatePaths.length > 0 && !print && (
          <nav class="also-in" aria-label={ctx.t('alsoIn')}>
            {ctx.t('alsoIn')}:{' '}
            <ul>
              {alternatePaths.map((a) => (
                <li key={a.lang}>
                  <a href={a.path} hrefLang={a.lang} lang={a.lang} rel="alternate">
                    {catalogues[a.lang].languageName}
                  </a>
                </li>
              ))}
            </ul>
            {versions.authoritative && <span class="hint"> · {ctx.t('authoritativeNote', { language: ctx.t(versions.authoritative === 'ko' ? 'languageKorean' : 'languageEnglish') })}</span>}
          </nav>
        )}
        <p class="board-label">{boardName}</p>
        <h1 id="release-title">{edition.title}</h1>
        <dl class="release-meta">
          {release.number !== null && (
            <div>
              <dt>{ctx.t('colNumber')}</dt>
              <dd>{number}</dd>
            </div>
          )}
          <div>
            <dt>{ctx.t('published')}</dt>
            <dd>
              {release.firstPublishedAt ? (
                <time dateTime={published.toISOString()}>{ctx.fmt.long(published)}</time>
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
          {!preview && !removed && (
            <div>
              <dt>{ctx.t('views')}</dt>
              <dd>{ctx.fmt.number(release.viewCount)}</dd>
            </div>
          )}
        </dl>
        {model.changeNotes[0] && (
          <div class="change-notes">
            <p class="updated">
              {ctx.t('updated')} <time dateTime={model.changeNotes[0].at.toISOString()}>{ctx.fmt.long(model.changeNotes[0].at)}</time>: {model.changeNotes[0].note}
            </p>
            <details>
              <summary>{ctx.t('changeHistory')}</summary>
              <ul>
                {model.changeNotes.map((n, i) => (
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
        )}
        {edition.subtitle.length > 0 && (
          <ul class="standfirst">
            {edition.subtitle.map((line, i) => (
              <li key={i}>- {line}</li>
            ))}
          </ul>
        )}
        {photos.map((photo, i) => (
          <figure class="photo" key={photo.id}>
            <img
              src={fileHref(photo.sha256, photo.fileName)}
              alt={photo.altText}
              width={photo.width ?? undefined}
              height={photo.height ?? undefined}
              {...responsive(photo, model.derivatives, fileHref)}
              // The first photo is the page's largest paint: fetched at once and first; the rest lazily.
              {...(i === 0 ? { loading: 'eager', fetchpriority: 'high' } : { loading: 'lazy' })}
            />
            {(photo.caption || photo.credit || (!preview && !removed)) && (
              <figcaption>
                {photo.caption}
                {photo.credit && (
                  <span class="credit">
                    {photo.caption ? ' ' : ''}({ctx.t('photoCredit')}: {photo.credit})
                  </span>
                )}
                {!preview && !removed && photo.width && photo.height && (
                  <>
                    {' '}
                    <a class="photo-original" href={fileHref(photo.sha256, photo.fileName)}>
                      {ctx.t('originalPhoto', { width: photo.width, height: photo.height, size: formatByteSize(photo.byteSize) })}
                    </a>
                  </>
                )}
              </figcaption>
            )}
          </figure>
        ))}
        {photos.length > 0 && !preview && !removed && !print && (
          <p class="media-kit">
            <a href={urls.mediaKit(lang, board.slug, number)} download>
              {ctx.t('downloadAllPhotos', { count: photos.length })}
            </a>
          </p>
        )}
        {!removed && <div class="release-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(edition.bodyMarkdown) }} />}
        {!removed && (
          <section class="files" aria-labelledby="files-title">
            <h2 id="files-title">{ctx.t('files')}</h2>
            {attachments.length === 0 ? (
              <p>{ctx.t('noFiles')}</p>
            ) : (
              <ul>
                {attachments.map((file) => (
                  <li key={file.id}>
                    <a href={fileHref(file.sha256, file.fileName)} download={file.fileName}>
                      {file.fileName}
                    </a>{' '}
                    <span class="file-meta">
                      ({fileTypeLabel(file.mimeType, file.fileName)}, {formatByteSize(file.byteSize)})
                    </span>
                    {!preview && model.readable?.has(file.sha256) && (
                      <>
                        {' '}
                        <a class="read-online" href={urls.attachmentText(lang, board.slug, number, file.id)} aria-label={ctx.t('readOnlineLabel', { name: file.fileName })}>
                          {ctx.t('readOnline')}
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        {edition.contact && (
          <section class="contact" aria-labelledby="contact-title">
            <h2 id="contact-title">{ctx.t('pressContact')}</h2>
            <p>
              {edition.contact.name}
              {edition.department ? `, ${edition.department}` : ''}
              {edition.contact.phone && (
                <>
                  <br />
                  <a href={`tel:${edition.contact.phone.replace(/[^+\d]/g, '')}`}>{edition.contact.phone}</a>
                </>
              )}
              {edition.contact.email && (
                <>
                  <br />
                  <a href={`mailto:${edition.contact.email}`}>{edition.contact.email}</a>
                </>
              )}
            </p>
          </section>
        )}
      </article>
      {preview ? null : print ? (
        <p class="printed-from">
          {ctx.t('printedFrom')}: {ctx.baseUrl}
          {urls.release(lang, board.slug, number)}
        </p>
      ) : (
        <>
          {indexable && <ShareLinks ctx={ctx} url={`${ctx.baseUrl}${selfPath}`} title={edition.title} />}
          <div class="release-actions">
            {!removed && (
              <a class="button button-secondary" href={urls.releasePrint(lang, board.slug, number)}>
                {ctx.t('print')}
              </a>
            )}
            <a class="button" href={urls.board(lang, board.slug)}>
              {ctx.t('backToList')}
            </a>
          </div>
          <nav class="release-nav" aria-label={`${ctx.t('previousRelease')} / ${ctx.t('nextRelease')}`}>
            <dl>
              <div>
                <dt>{ctx.t('nextRelease')}</dt>
                <dd>{neighbours.next ? <a href={urls.release(lang, board.slug, neighbours.next.number)}>{neighbours.next.title}</a> : '-'}</dd>
              </div>
              <div>
                <dt>{ctx.t('previousRelease')}</dt>
                <dd>
                  {neighbours.previous ? <a href={urls.release(lang, board.slug, neighbours.previous.number)}>{neighbours.previous.title}</a> : '-'}
                </dd>
              </div>
            </dl>
          </nav>
        </>
      )}
    </Layout>
  );
}
