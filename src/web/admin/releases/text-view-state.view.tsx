import { isExtractable } from '../../../domain/attachment-text.js';
import type { Attachment } from '../../../domain/attachment.js';
import { urls } from '../../urls.js';
import type { AdminContext } from '../shared/admin-context.js';
import type { ReleasePageData } from './release-page.data.js';
import { extractionReason } from '../../i18n/extraction-reasons.js';

/**
 * Where an attachment's text view stands (#19): queued, ready (with a link to the public view once
 * the edition is live), incomplete, or "No text view" with the reason, so an editor sees at once
 * which documents readers can read online and which only download.
 */
export function TextViewState(props: { ctx: AdminContext; data: ReleasePageData; a: Attachment }) {
  const { ctx, data, a } = props;
  const { t } = ctx;
  if (!isExtractable(a.mimeType)) return <span class="text-view-state">{t('adminTextViewNotApplicable')}</span>;
  const state = data.textViews.get(a.sha256);
  if (!state || state.status === 'pending' || state.status === 'running') return <span class="text-view-state">{t('adminTextViewQueued')}</span>;
  if (state.status === 'failed') return <span class="text-view-state text-view-none">{t('adminTextViewNone', { reason: extractionReason(state.reason ?? '', props.ctx.lang) })}</span>;
  const { release, board, edition } = data;
  // The public view serves the live edition's files once the release is public.
  const isLive = release.number !== null && release.liveEditionId === edition.id && release.publicAt !== null && release.publicAt <= ctx.now;
  return (
    <span class="text-view-state">
      {isLive && release.number !== null ? (
        <a href={urls.attachmentText(release.language, board.slug, release.number, a.id)}>
          {t('adminTextViewReady')}
          <span class="visually-hidden"> {a.fileName}</span>
        </a>
      ) : (
        t('adminTextViewReadyOnPublish')
      )}
      {state.partial && <> {t('adminTextViewPartial', { reason: extractionReason(state.partial, props.ctx.lang) })}</>}
    </span>
  );
}
