import type { Board } from '../../../domain/board.js';
import { listTitle } from '../../../domain/release.js';
import type { AdminReleaseRow } from '../../../ports/admin-catalog.js';
import { formatDateTime, LANGUAGE_LABELS, stateLabel } from './format.js';

/** Releases with their latest edition: title, board, language, state and when it last changed. */
export function ReleaseTable(props: { rows: AdminReleaseRow[]; boards: Board[]; timeZone: string; caption: string; empty: string; when?: (row: AdminReleaseRow) => Date | null; whenLabel?: string }) {
  if (props.rows.length === 0) return <p>{props.empty}</p>;
  const boardName = (slug: string) => props.boards.find((b) => b.slug === slug)?.name.en ?? slug;
  const when = props.when ?? ((row: AdminReleaseRow) => row.updatedAt);
  return (
    <table class="admin-table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Board</th>
          <th scope="col">Language</th>
          <th scope="col">State</th>
          <th scope="col">{props.whenLabel ?? 'Updated'}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => {
          const at = when(row);
          return (
            <tr key={row.releaseId}>
              <td>
                <a href={`/admin/releases/${row.releaseId}`} title={row.title}>
                  {row.title ? listTitle(row.title) : 'Untitled'}
                </a>
                {row.number !== null && <span class="hint"> · No. {row.number}</span>}
              </td>
              <td>{boardName(row.boardSlug)}</td>
              <td>{LANGUAGE_LABELS[row.language]}</td>
              <td>
                <span class={`state state-${row.state}`}>{stateLabel(row.state)}</span>
                {row.status === 'withdrawn' && ' (withdrawn)'}
                {row.editionNo > 1 && row.state !== 'published' && ' (correction)'}
              </td>
              <td>{at ? <time datetime={at.toISOString()}>{formatDateTime(at, props.timeZone)}</time> : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
