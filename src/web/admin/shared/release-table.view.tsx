import type { Board } from '../../../domain/board.js';
import { listTitle } from '../../../domain/release.js';
import type { AdminReleaseRow, AdminThumbnail } from '../../../ports/admin-catalog.js';
import type { AdminContext } from './admin-context.js';
import { formatDateTime, languageLabel, stateLabel } from './format.js';

/** The staff-only URL of a thumbnail (web/admin/releases/thumbnails.route.ts). */
export function thumbnailUrl(thumbnail: AdminThumbnail): string {
  return `/admin/thumbnails/${thumbnail.sha256}/${encodeURIComponent(thumbnail.fileName)}`;
}

/**
 * Releases with their latest edition: title, board, language, state and when it last changed. Each
 * cell carries its column's name (`data-label`) so that on a phone the rows become cards
 * (admin-cards-css.ts) instead of a table cut at the screen's edge (#16).
 */
export function ReleaseTable(props: { ctx: AdminContext; rows: AdminReleaseRow[]; boards: Board[]; caption: string; empty: string; when?: (row: AdminReleaseRow) => Date | null; whenLabel?: string; thumbnails?: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  if (props.rows.length === 0) return <p>{props.empty}</p>;
  const boardName = (slug: string) => props.boards.find((b) => b.slug === slug)?.name[ctx.lang] ?? slug;
  const when = props.when ?? ((row: AdminReleaseRow) => row.updatedAt);
  const whenLabel = props.whenLabel ?? t('adminColUpdated');
  return (
    <table class={props.thumbnails ? 'admin-table release-cards with-thumbnails' : 'admin-table release-cards'}>
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {props.thumbnails && (
            <th scope="col">
              <span class="visually-hidden">{t('adminColPicture')}</span>
            </th>
          )}
          <th scope="col">{t('adminColTitle')}</th>
          <th scope="col">{t('adminColBoard')}</th>
          <th scope="col">{t('adminColLanguage')}</th>
          <th scope="col">{t('adminColState')}</th>
          <th scope="col">{whenLabel}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => {
          const at = when(row);
          return (
            <tr key={row.releaseId}>
              {props.thumbnails && (
                <td class="thumbnail-cell">
                  {row.thumbnail && <img class="thumbnail" src={thumbnailUrl(row.thumbnail)} alt={row.thumbnail.altText} width={64} height={48} loading="lazy" />}
                </td>
              )}
              <td class="title-cell">
                <a href={`/admin/releases/${row.releaseId}`} title={row.title}>
                  {row.title ? listTitle(row.title) : t('adminUntitled')}
                </a>
                {row.number !== null && <span class="hint"> · {t('adminNumber', { number: row.number })}</span>}
              </td>
              <td data-label={t('adminColBoard')}>{boardName(row.boardSlug)}</td>
              <td data-label={t('adminColLanguage')}>{languageLabel(row.language, t)}</td>
              <td data-label={t('adminColState')}>
                <span class={`state state-${row.state}`}>{stateLabel(row.state, t)}</span>
                {row.status === 'withdrawn' && ` ${t('adminWithdrawnSuffix')}`}
                {row.editionNo > 1 && row.state !== 'published' && ` ${t('adminCorrectionSuffix')}`}
              </td>
              <td data-label={whenLabel}>{at ? <time datetime={at.toISOString()}>{formatDateTime(at, ctx.timeZone, ctx.lang)}</time> : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
