import { renderMarkdown } from '../render/markdown.js';
import { Breadcrumb, Layout } from './layout.view.js';
import type { PageContext } from './page-context.js';
import { ChangeNotes, AlsoIn, PreviewNotice, ReleaseMeta, WithdrawnNotice } from './release-header.view.js';
import { FileList, PressContact, Photos, Standfirst } from './release-content.view.js';
import { ReleaseFooter } from './release-footer.view.js';
import { ReleaseTags } from './release-tags.view.js';
import { StaffPreviewNotice } from './staff-preview.view.js';
import { presentRelease, type ReleaseViewModel, type ReleaseViewOptions } from './release.presenter.js';
import { urls } from '../urls.js';

export { releaseDescription, type PreviewMode, type ReleaseViewModel } from './release.presenter.js';

/** A release page: the seed's layout (board, title, dash-led subtitle, body, File area) and more. */
export function ReleaseView(props: { ctx: PageContext; model: ReleaseViewModel } & ReleaseViewOptions) {
  const { ctx, model, print, preview } = props;
  const view = presentRelease(ctx, model, props);
  const { board, release, edition } = model;
  return (
    <Layout ctx={ctx} currentBoard={board.slug} print={print} meta={view.meta}>
      <Breadcrumb ctx={ctx} trail={[{ label: ctx.t('newsZone'), href: urls.home(view.lang) }, { label: view.boardName, href: urls.board(view.lang, board.slug) }, { label: edition.title }]} />
      <article class="release" aria-labelledby="release-title">
        {preview && (preview.staff ? <StaffPreviewNotice ctx={ctx} model={model} staff={preview.staff} /> : <PreviewNotice ctx={ctx} preview={preview} />)}
        {release.status === 'withdrawn' && <WithdrawnNotice ctx={ctx} release={release} removed={view.removed} />}
        {view.alternatePaths.length > 0 && !print && <AlsoIn ctx={ctx} view={view} />}
        <p class="board-label">{view.boardName}</p>
        <h1 id="release-title">{edition.title}</h1>
        <ReleaseMeta ctx={ctx} model={model} view={view} preview={preview} />
        <ChangeNotes ctx={ctx} notes={model.changeNotes} published={view.published} />
        <Standfirst lines={edition.subtitle} />
        <Photos ctx={ctx} view={view} model={model} />
        {!view.removed && <div class="release-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(edition.bodyMarkdown) }} />}
        {!view.removed && <FileList ctx={ctx} view={view} model={model} isPreview={preview !== undefined} />}
        <PressContact ctx={ctx} edition={edition} />
        {!print && <ReleaseTags ctx={ctx} lang={view.lang} tags={edition.tags} linked={!preview && release.status === 'published'} />}
      </article>
      <ReleaseFooter ctx={ctx} view={view} model={model} />
    </Layout>
  );
}
