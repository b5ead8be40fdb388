import { attachmentKind, derivativeFileName, type Attachment, type ImageDerivative } from '../../../domain/attachment.js';
import type { Translate } from '../../i18n/messages.js';

/** A staff-only address of one of a release's latest edition's files (or a WebP copy of one). */
export const staffFileHref = (releaseId: number) => (sha256: string, fileName: string) => `/admin/releases/${releaseId}/files/${sha256}/${encodeURIComponent(fileName)}`;

/** The link to the full-page preview (#16), opened in a new tab; it shows the last saved text. */
export function FullPreviewLink(props: { releaseId: number; t: Translate }) {
  const { t } = props;
  return (
    <p class="full-preview-link">
      <a href={`/admin/releases/${props.releaseId}/preview`} target="_blank" rel="noopener">
        {t('adminPreviewFullPage')} <span class="visually-hidden">{t('adminPreviewNewTab')}</span>
      </a>{' '}
      <span class="hint">{t('adminPreviewSavedText')}</span>
    </p>
  );
}

const THUMB_WIDTH = 96;

/**
 * A small picture of an image attachment in the admin (#16): its narrowest WebP copy if any, from the
 * staff-only file route. Decorative (alt=""): the file name stands next to it and the alt text is
 * shown in its own column, so screen readers do not hear either twice.
 */
export function Thumbnail(props: { releaseId: number; attachment: Attachment; derivatives: ImageDerivative[] }) {
  const a = props.attachment;
  if (attachmentKind(a.mimeType) !== 'image') return null;
  const copy = props.derivatives.filter((d) => d.sourceSha256 === a.sha256).sort((x, y) => x.width - y.width)[0];
  const href = staffFileHref(props.releaseId);
  const src = copy ? href(copy.sha256, derivativeFileName(a.fileName, copy.width)) : href(a.sha256, a.fileName);
  const height = a.width && a.height ? Math.max(1, Math.round((THUMB_WIDTH * a.height) / a.width)) : undefined;
  return <img class="thumbnail" src={src} alt="" width={THUMB_WIDTH} height={height} loading="lazy" />;
}
