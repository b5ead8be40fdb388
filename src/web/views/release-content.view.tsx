import { fileTypeLabel, formatByteSize, type Attachment, type ImageDerivative } from '../../domain/attachment.js';
import type { Edition } from '../../domain/release.js';
import { urls } from '../urls.js';
import type { PageContext } from './page-context.js';
import { responsive, type ReleasePresentation, type ReleaseViewModel } from './release.presenter.js';

/** The dash-led subtitle lines. */
export function Standfirst(props: { lines: string[] }) {
  if (props.lines.length === 0) return null;
  return (
    <ul class="standfirst">
      {props.lines.map((line, i) => (
        <li key={i}>- {line}</li>
      ))}
    </ul>
  );
}

/** One photo with its responsive copies, caption, credit and (on public pages) a link to the original. */
function Photo(props: { ctx: PageContext; view: ReleasePresentation; photo: Attachment; derivatives: ImageDerivative[]; first: boolean }) {
  const { ctx, view, photo } = props;
  const { fileHref } = view;
  return (
    <figure class="photo">
      <img
        src={fileHref(photo.sha256, photo.fileName)}
        alt={photo.altText}
        width={photo.width ?? undefined}
        height={photo.height ?? undefined}
        {...responsive(photo, props.derivatives, fileHref)}
        // The first photo is the page's largest paint: fetched at once and first; the rest lazily.
        {...(props.first ? { loading: 'eager', fetchpriority: 'high' } : { loading: 'lazy' })}
      />
      {(photo.caption || photo.credit || view.showCounts) && (
        <figcaption>
          {photo.caption}
          {photo.credit && (
            <span class="credit">
              {photo.caption ? ' ' : ''}({ctx.t('photoCredit')}: {photo.credit})
            </span>
          )}
          {view.showCounts && photo.width && photo.height && (
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
  );
}

/** The release's photos, and the media-kit link that downloads them all. */
export function Photos(props: { ctx: PageContext; view: ReleasePresentation; model: ReleaseViewModel }) {
  const { ctx, view, model } = props;
  return (
    <>
      {view.photos.map((photo, i) => (
        <Photo key={photo.id} ctx={ctx} view={view} photo={photo} derivatives={model.derivatives} first={i === 0} />
      ))}
      {view.showMediaKit && (
        <p class="media-kit">
          <a href={urls.mediaKit(view.lang, model.board.slug, view.number)} download>
            {ctx.t('downloadAllPhotos', { count: view.photos.length })}
          </a>
        </p>
      )}
    </>
  );
}

/** The File area: every attachment as a download, with "Read online" where a text view is ready. */
export function FileList(props: { ctx: PageContext; view: ReleasePresentation; model: ReleaseViewModel; isPreview: boolean }) {
  const { ctx, view, model } = props;
  const { attachments } = model;
  return (
    <section class="files" aria-labelledby="files-title">
      <h2 id="files-title">{ctx.t('files')}</h2>
      {attachments.length === 0 ? (
        <p>{ctx.t('noFiles')}</p>
      ) : (
        <ul>
          {attachments.map((file) => (
            <li key={file.id}>
              <a href={view.fileHref(file.sha256, file.fileName)} download={file.fileName}>
                {file.fileName}
              </a>{' '}
              <span class="file-meta">
                ({fileTypeLabel(file.mimeType, file.fileName)}, {formatByteSize(file.byteSize)})
              </span>
              {!props.isPreview && model.readable?.has(file.sha256) && (
                <>
                  {' '}
                  <a class="read-online" href={urls.attachmentText(view.lang, model.board.slug, view.number, file.id)} aria-label={ctx.t('readOnlineLabel', { name: file.fileName })}>
                    {ctx.t('readOnline')}
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The press contact: name, role (a directory entry's), department, telephone and email as links. */
export function PressContact(props: { ctx: PageContext; edition: Edition }) {
  const { ctx, edition } = props;
  if (!edition.contact) return null;
  return (
    <section class="contact" aria-labelledby="contact-title">
      <h2 id="contact-title">{ctx.t('pressContact')}</h2>
      <p>
        {edition.contact.name}
        {edition.contact.role ? `, ${edition.contact.role}` : ''}
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
  );
}
