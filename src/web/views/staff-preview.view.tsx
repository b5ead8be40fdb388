import { AttachmentIcon, BoardListHead } from './board.view.js';
import { ListTitle } from './list-title.view.js';
import type { PageContext } from './page-context.js';
import type { ReleaseViewModel, StaffPreview } from './release.presenter.js';

/**
 * The staff preview's banner (#16): "Preview - not published", which edition it shows, and the
 * release as its board's list will show it (the title cut at 64 characters) in a one-row table.
 */
export function StaffPreviewNotice(props: { ctx: PageContext; model: ReleaseViewModel; staff: StaffPreview }) {
  const { ctx, model, staff } = props;
  const { release, edition, board } = model;
  const boardName = board.name[ctx.lang];
  return (
    <section class="notice embargo staff-preview" aria-labelledby="staff-preview-title">
      <h2 id="staff-preview-title">{ctx.t('adminPreviewBannerTitle')}</h2>
      <p>{ctx.t('adminPreviewBannerBody', { edition: staff.editionNo, state: ctx.t(`adminState_${staff.state}`) })}</p>
      <table class="board-list preview-list-row">
        <caption>{ctx.t('adminPreviewListRow', { board: boardName })}</caption>
        <BoardListHead ctx={ctx} />
        <tbody>
          <tr>
            <td class="num">{release.number ?? ctx.t('adminPreviewNoNumber')}</td>
            <td class="title">
              <ListTitle title={edition.title} href="#release-title" />
            </td>
            <td class="date">
              <time dateTime={staff.listDate.toISOString()}>{ctx.fmt.day(staff.listDate)}</time>
            </td>
            <td class="views">{ctx.fmt.number(release.viewCount)}</td>
            <td class="file">{model.attachments.length > 0 ? <AttachmentIcon label={ctx.t('hasAttachment')} /> : ''}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
