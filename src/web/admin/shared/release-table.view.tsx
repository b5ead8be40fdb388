import type { Board } from '../../../domain/board.js';
import { listTitle } from '../../../domain/release.js';
import type { AdminReleaseRow } from '../../../ports/admin-catalog.js';
import type { AdminContext } from './admin-context.js';
import { formatDateTime, languageLabel, stateLabel } from './format.js';

/** Releases with their latest edition: title, board, language, state and when it last changed. */
export function ReleaseTable(props: { ctx: AdminContext; rows: AdminReleaseRow[]; boards: Board[]; caption: string; empty: string; when?: (row: AdminReleaseRow) => Date | null; whenLabel?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  if (props.rows.length === 0) return <p>{props.empty}</p>;
  const boardName = (slug: string) => props.boards.find((b) => b.slug === slug)?.name[ctx.lang] ?? slug;
  const when = props.when ?? ((row: AdminReleaseRow) => row.updatedAt);
  return (
    <table class="admin-table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('adminColTitle')}</th>
          <th scope="col">{t('adminColBoard')}</th>
          <th scope="col">{t('adminColLanguage')}</th>
          <th scope="col">{t('adminColState')}</th>
          <th scope="col">{props.whenLabel ?? t('adminColUpdated')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => {
          const at = when(row);
          return (
            <tr key={row.releaseId}>
              <td>
                <a href={`/admin/releases/${row.releaseId}`} title={row.title}>
                  {row.title ? listTitle(row.title) : t('adminUntitled')}
                </a>
                {row.number !== null && <span class="hint"> · {t('adminNumber', { number: row.number })}</span>}
              </td>
              <td>{boardName(row.boardSlug)}</td>
              <td>{languageLabel(row.language, t)}</td>
              <td>
                <span class={`state state-${row.state}`}>{stateLabel(row.state, t)}</span>
                {row.status === 'withdrawn' && ` ${t('adminWithdrawnSuffix')}`}
                {row.editionNo > 1 && row.state !== 'published' && ` ${t('adminCorrectionSuffix')}`}
              </td>
              <td>{at ? <time datetime={at.toISOString()}>{formatDateTime(at, ctx.timeZone, ctx.lang)}</time> : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
