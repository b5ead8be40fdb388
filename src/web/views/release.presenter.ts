import type { PublicLanguageVersions } from '../../app/translations/public-versions.js';
import { attachmentKind, derivativeFileName, type Attachment, type ImageDerivative } from '../../domain/attachment.js';
import type { Language } from '../../domain/language.js';
import type { EditionState } from '../../domain/release.js';
import type { PublicReleaseDetail, Neighbours } from '../../ports/public-catalog.js';
import { jsonLdText, newsArticle } from '../seo/json-ld.js';
import { urls } from '../urls.js';
import type { HeadMeta } from './layout.view.js';
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
  /** Staff previewing the latest edition in the admin (#16): their banner and a mock list row instead of the journalist's embargo banner. */
  staff?: StaffPreview;
}

/** What the staff preview's banner says: which edition it shows, and the date its list row carries. */
export interface StaffPreview {
  editionNo: number;
  state: EditionState;
  listDate: Date;
}

/** How a release page is shown: a public page, its print view, or a journalist's preview. */
export interface ReleaseViewOptions {
  print?: boolean;
  preview?: PreviewMode;
  versions?: PublicLanguageVersions;
}

export type FileHref = (sha256: string, fileName: string) => string;

/** Everything a release page shows, decided once: the components only lay it out. */
export interface ReleasePresentation {
  lang: Language;
  /** The release's number (0 before first publication: a preview). */
  number: number;
  boardName: string;
  /** Its own path, for share links and language alternates. */
  selfPath: string;
  /** Its content was taken down: only the title, dates and the notice remain. */
  removed: boolean;
  fileHref: FileHref;
  photos: Attachment[];
  /** The first publication (the epoch before it, never shown then). */
  published: Date;
  /** The page's other language versions (none on previews and withdrawn pages). */
  alternatePaths: { lang: Language; path: string }[];
  authoritative: Language | null;
  /** Search engines may index it: not a preview, a print view or a withdrawal. */
  indexable: boolean;
  meta: HeadMeta;
  /** View counts, photo-original links: not on previews or removed pages. */
  showCounts: boolean;
  showMediaKit: boolean;
  /** What follows the article: nothing (preview), the printed-from line, or share, actions and neighbours. */
  footer: 'none' | 'print' | 'full';
}

/**
 * srcset for a photo: its WebP copies by width, and the sanitised original (the `src` fallback)
 * as the widest candidate. A photo too small for any copy gets no srcset.
 */
export function responsive(photo: Attachment, derivatives: ImageDerivative[], fileHref: FileHref): { srcset?: string; sizes?: string } {
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

/** Decides what a release page shows (head, notices, links, which parts appear) from the model alone. */
export function presentRelease(ctx: PageContext, model: ReleaseViewModel, options: ReleaseViewOptions = {}): ReleasePresentation {
  const { print, preview } = options;
  const { board, release, edition, attachments } = model;
  // Previews and withdrawn pages link to no other version and announce none.
  const versions = !preview && release.status === 'published' ? (options.versions ?? { alternates: [], authoritative: null }) : { alternates: [], authoritative: null };
  // A takedown: the page keeps only the title, dates and the notice (the catalog sends no more).
  const removed = release.contentRemovedAt !== null;
  const lang = ctx.lang;
  const number = release.number ?? 0;
  const photos = attachments.filter((a) => attachmentKind(a.mimeType) === 'image');
  const description = removed ? ctx.t('withdrawnTitle') : releaseDescription(edition.subtitle, edition.bodyMarkdown);
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
  const meta: HeadMeta = {
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
  };
  return {
    lang,
    number,
    boardName: board.name[lang],
    selfPath,
    removed,
    fileHref: preview?.fileHref ?? urls.file,
    photos,
    published: release.firstPublishedAt ?? new Date(0),
    alternatePaths,
    authoritative: versions.authoritative,
    indexable,
    meta,
    showCounts: !preview && !removed,
    showMediaKit: photos.length > 0 && !preview && !removed && !print,
    footer: preview ? 'none' : print ? 'print' : 'full',
  };
}
