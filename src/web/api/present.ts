import type { SearchResultItem } from '../../app/search-releases.js';
import type { StaffReleaseView } from '../../app/api-writes.js';
import type { Board } from '../../domain/board.js';
import type { ListedRelease, PublicReleaseDetail } from '../../ports/public-catalog.js';
import { renderMarkdown } from '../render/markdown.js';
import { urls } from '../urls.js';
import type { z } from 'zod';
import type { boardSchema, releaseDetailSchema, releaseSummarySchema, searchHitSchema } from './schemas.js';
import type { staffReleaseSchema } from './write-schemas.js';

/** UTF-16 offsets (JavaScript's) as Unicode code points, which every client language can slice by. */
function codePointOffset(text: string, utf16: number): number {
  return Array.from(text.slice(0, utf16)).length;
}
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Presenters: domain read models to the API's snake_case JSON with absolute URLs. */
export function makePresenters(baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, '');
  const abs = (path: string) => `${base}${path}`;
  const apiRelease = (slug: string, language: string, number: number) => abs(`/api/v1/boards/${slug}/releases/${language}/${number}`);

  return {
    board(board: Board): z.input<typeof boardSchema> {
      return {
        slug: board.slug,
        kind: board.kind,
        name: { ko: board.name.ko, en: board.name.en },
        position: board.position,
        urls: { ko: abs(urls.board('ko', board.slug)), en: abs(urls.board('en', board.slug)) },
        releases_url: abs(`/api/v1/releases?board=${board.slug}`),
      };
    },

    summary(r: ListedRelease): z.input<typeof releaseSummarySchema> {
      return {
        id: r.releaseId,
        board: r.boardSlug,
        language: r.language,
        number: r.number,
        title: r.title,
        subtitle: r.subtitle,
        department: r.department,
        tags: r.tags,
        first_published_at: r.firstPublishedAt.toISOString(),
        updated_at: r.publicUpdatedAt.toISOString(),
        has_attachments: r.hasAttachments,
        url: abs(urls.release(r.language, r.boardSlug, r.number)),
        api_url: apiRelease(r.boardSlug, r.language, r.number),
      };
    },

    searchHit(h: SearchResultItem): z.input<typeof searchHitSchema> {
      return {
        id: h.releaseId,
        board: h.boardSlug,
        language: h.language,
        number: h.number,
        title: h.title,
        department: h.department,
        tags: h.tags,
        first_published_at: h.date.toISOString(),
        snippet: { text: h.snippet.text, matches: h.snippet.matches.map(([s, e]) => ({ start: codePointOffset(h.snippet.text, s), end: codePointOffset(h.snippet.text, e) })) },
        snippet_html: h.snippetHtml,
        url: abs(urls.release(h.language, h.boardSlug, h.number)),
        api_url: apiRelease(h.boardSlug, h.language, h.number),
      };
    },

    /** A release as staff see it through the write API: its latest edition, whatever its state. */
    staffRelease(v: StaffReleaseView): z.input<typeof staffReleaseSchema> {
      const { release, edition, board } = v;
      return {
        id: release.id,
        board: board.slug,
        language: release.language,
        status: release.status,
        number: release.number,
        first_published_at: iso(release.firstPublishedAt),
        public_at: iso(release.publicAt),
        withdrawal_reason: release.withdrawalReason,
        content_removed_at: iso(release.contentRemovedAt),
        edition: {
          number: edition.editionNo,
          state: edition.state,
          version: edition.lockVersion,
          title: edition.title,
          subtitle: edition.subtitle,
          body_markdown: edition.bodyMarkdown,
          department: edition.department,
          contact: edition.contact ? { name: edition.contact.name, phone: edition.contact.phone, email: edition.contact.email } : null,
          tags: edition.tags,
          embargo_until: iso(edition.embargoUntil),
          scheduled_at: iso(edition.scheduledAt),
          review_comment: edition.reviewComment,
          change_note: edition.changeNote,
          updated_at: edition.updatedAt.toISOString(),
        },
        public_url: release.number !== null ? abs(urls.release(release.language, board.slug, release.number)) : null,
        api_url: abs(`/api/v1/releases/${release.id}/edition`),
      };
    },

    detail(d: PublicReleaseDetail): z.input<typeof releaseDetailSchema> {
      const { release, edition, board } = d;
      const number = release.number ?? 0;
      const firstPublishedAt = release.firstPublishedAt ?? release.publicAt ?? release.createdAt;
      return {
        id: release.id,
        board: { slug: board.slug, kind: board.kind, name: { ko: board.name.ko, en: board.name.en } },
        language: release.language,
        number,
        status: release.status === 'withdrawn' ? 'withdrawn' : 'published',
        withdrawal: release.status === 'withdrawn' ? { withdrawn_at: release.withdrawnAt?.toISOString() ?? null, reason: release.withdrawalReason ?? '' } : null,
        title: edition.title,
        subtitle: edition.subtitle,
        body_markdown: edition.bodyMarkdown,
        body_html: renderMarkdown(edition.bodyMarkdown),
        department: edition.department,
        contact: edition.contact ? { name: edition.contact.name, phone: edition.contact.phone, email: edition.contact.email } : null,
        tags: edition.tags,
        first_published_at: firstPublishedAt.toISOString(),
        updated_at: (release.publicUpdatedAt ?? firstPublishedAt).toISOString(),
        change_notes: d.changeNotes.map((n) => ({ at: n.at.toISOString(), note: n.note })),
        attachments: d.attachments.map((a) => ({
          file_name: a.fileName,
          mime_type: a.mimeType,
          byte_size: a.byteSize,
          sha256: a.sha256,
          caption: a.caption,
          credit: a.credit,
          alt_text: a.altText,
          width: a.width,
          height: a.height,
          url: abs(urls.file(a.sha256, a.fileName)),
        })),
        url: abs(urls.release(release.language, board.slug, number)),
      };
    },
  };
}
