import type { AttachmentPage } from '../../app/attachment-pages.js';
import { fileTypeLabel, formatByteSize } from '../../domain/attachment.js';
import { sanitizeBodyHtml } from '../render/markdown.js';
import { urls } from '../urls.js';
import { Breadcrumb, Layout } from './layout.view.js';
import type { PageContext } from './page-context.js';
import { extractionReason } from '../i18n/extraction-reasons.js';

/**
 * An attachment's text view (#19): the document's headings, paragraphs, lists and tables in the
 * site's layout, in the document's own language, with a link to the original. Printable (the
 * layout's print styles); not indexed by search engines (the release page is the canonical one).
 */
export function AttachmentTextView(props: { ctx: PageContext; page: AttachmentPage }) {
  const { ctx, page } = props;
  const { board, release, edition, attachment, text } = page;
  const number = release.number ?? 0;
  const releasePath = urls.release(ctx.lang, board.slug, number);
  const original = urls.file(attachment.sha256, attachment.fileName);
  const ready = text?.status === 'done' && text.html !== null;
  return (
    <Layout ctx={ctx} currentBoard={board.slug} meta={{ title: `${attachment.fileName} - ${edition.title}`, description: ctx.t('textViewDescription', { name: attachment.fileName, title: edition.title }), canonicalPath: urls.attachmentText(ctx.lang, board.slug, number, attachment.id), noIndex: true }}>
      <Breadcrumb
        ctx={ctx}
        trail={[{ label: ctx.t('newsZone'), href: urls.home(ctx.lang) }, { label: board.name[ctx.lang], href: urls.board(ctx.lang, board.slug) }, { label: edition.title, href: releasePath }, { label: attachment.fileName }]}
      />
      <article class="attachment-text" aria-labelledby="attachment-title" lang={ready && text.language ? text.language : undefined}>
        <p class="board-label">{ctx.t('textViewOf')}</p>
        <h1 id="attachment-title">{attachment.fileName}</h1>
        <p>
          <a href={releasePath}>{edition.title}</a>
        </p>
        <p class="file-meta">
          <a href={original} download={attachment.fileName}>
            {ctx.t('downloadOriginal', { type: fileTypeLabel(attachment.mimeType, attachment.fileName), size: formatByteSize(attachment.byteSize) })}
          </a>
        </p>
        {ready ? (
          <>
            <p class="hint">{ctx.t('textViewNote')}</p>
            {text.partial && (
              <p class="notice text-partial" role="note">
                {ctx.t('textViewPartial', { reason: extractionReason(text.partial, ctx.lang) })}
              </p>
            )}
            {/* Sanitized when extracted and again here, with the release-body rules. */}
            <div class="release-body" dangerouslySetInnerHTML={{ __html: sanitizeBodyHtml(text.html!) }} />
          </>
        ) : text?.status === 'failed' ? (
          <p class="notice">{ctx.t('noTextView', { reason: text.reason ?? '' })}</p>
        ) : (
          <p class="notice">{ctx.t('textViewPending')}</p>
        )}
      </article>
      <div class="release-actions">
        <a class="button" href={releasePath}>
          {ctx.t('backToRelease')}
        </a>
      </div>
    </Layout>
  );
}
