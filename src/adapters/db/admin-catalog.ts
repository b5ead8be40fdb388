import { sql, type Kysely } from 'kysely';
import { derivativeFileName } from '../../domain/attachment.js';
import type { Language } from '../../domain/language.js';
import type { EditionState, ReleaseStatus } from '../../domain/release.js';
import type { AdminCatalog, AdminThumbnail } from '../../ports/admin-catalog.js';
import { containsInsensitive } from './dialect.js';
import type { Database } from './schema.js';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/** The first image of each edition, as its smallest WebP copy when there is one. */
async function thumbnailsOf(db: Kysely<Database>, editionIds: number[]): Promise<Map<number, AdminThumbnail>> {
  const out = new Map<number, AdminThumbnail>();
  if (editionIds.length === 0) return out;
  const images = await db
    .selectFrom('attachments')
    .select(['edition_id', 'sha256', 'file_name', 'alt_text'])
    .where('edition_id', 'in', editionIds)
    .where('mime_type', 'in', IMAGE_TYPES)
    .orderBy('edition_id')
    .orderBy('position')
    .execute();
  const first = new Map<number, (typeof images)[number]>();
  for (const image of images) if (!first.has(image.edition_id)) first.set(image.edition_id, image);
  if (first.size === 0) return out;
  const copies = await db
    .selectFrom('image_derivatives')
    .select(['source_sha256', 'sha256', 'width'])
    .where('source_sha256', 'in', [...new Set([...first.values()].map((i) => i.sha256.trim()))])
    .orderBy('width')
    .execute();
  const smallest = new Map<string, (typeof copies)[number]>();
  for (const copy of copies) if (!smallest.has(copy.source_sha256.trim())) smallest.set(copy.source_sha256.trim(), copy);
  for (const [editionId, image] of first) {
    const copy = smallest.get(image.sha256.trim());
    out.set(editionId, copy ? { sha256: copy.sha256.trim(), fileName: derivativeFileName(image.file_name, copy.width), altText: image.alt_text } : { sha256: image.sha256.trim(), fileName: image.file_name, altText: image.alt_text });
  }
  return out;
}

export function makeAdminCatalog(db: Kysely<Database>): AdminCatalog {
  return {
    async list(q) {
      // The latest edition of each release: no later edition exists for it.
      let base = db
        .selectFrom('releases')
        .innerJoin('editions', 'editions.release_id', 'releases.id')
        .innerJoin('boards', 'boards.id', 'releases.board_id')
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('editions as later').select('later.id').whereRef('later.release_id', '=', 'releases.id').whereRef('later.edition_no', '>', 'editions.edition_no'))),
        );
      if (q.boardSlug) base = base.where('boards.slug', '=', q.boardSlug);
      if (q.state) base = base.where('editions.state', '=', q.state);
      if (q.status) base = base.where('releases.status', '=', q.status);
      if (q.createdBy !== undefined) base = base.where('editions.created_by', '=', q.createdBy);
      if (q.language) base = base.where('releases.language', '=', q.language);
      if (q.sentBack) base = base.where('editions.review_comment', 'is not', null);
      if (q.submittedBy !== undefined) base = base.where('editions.submitted_by', '=', q.submittedBy);
      if (q.reviewerId !== undefined) base = base.where('editions.reviewer_id', '=', q.reviewerId);
      if (q.awaitingReviewBy !== undefined) {
        const me = q.awaitingReviewBy;
        base = base.where((eb) =>
          eb.and([
            eb.or([eb('editions.reviewer_id', 'is', null), eb('editions.reviewer_id', '=', me)]),
            eb.or([eb('editions.created_by', 'is', null), eb('editions.created_by', '!=', me)]),
            eb.or([eb('editions.submitted_by', 'is', null), eb('editions.submitted_by', '!=', me)]),
          ]),
        );
      }
      if (q.embargoedAt) base = base.where('releases.status', '=', 'published').where('releases.public_at', '>', q.embargoedAt.getTime());
      for (const word of q.titleWords ?? []) base = base.where((eb) => containsInsensitive(eb.ref('editions.title'), word));
      if (q.tag) {
        // Tags are stored as a JSON array: the tag's own JSON string (quotes included) occurs in it
        // exactly when it is one of the tags (the same test as the public feeds).
        const needle = JSON.stringify(q.tag);
        base = base.where(sql<boolean>`replace(editions.tags, ${needle}, '') <> editions.tags`);
      }
      const [count, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
        base
          .select([
            'releases.id as release_id',
            'boards.slug',
            'releases.language',
            'releases.number',
            'releases.status',
            'releases.public_at',
            'editions.id as edition_id',
            'editions.edition_no',
            'editions.state',
            'editions.title',
            'editions.created_by',
            'editions.updated_at',
            'editions.scheduled_at',
            'editions.embargo_until',
            'editions.review_comment',
            'editions.reviewer_id',
          ])
          .orderBy('editions.updated_at', 'desc')
          .orderBy('releases.id', 'desc')
          .limit(q.limit)
          .offset(q.offset)
          .execute(),
      ]);
      const thumbnails = await thumbnailsOf(
        db,
        rows.map((r) => r.edition_id),
      );
      const date = (ms: number | null) => (ms === null ? null : new Date(Number(ms)));
      return {
        total: Number(count?.n ?? 0),
        rows: rows.map((r) => ({
          releaseId: r.release_id,
          boardSlug: r.slug,
          language: r.language as Language,
          number: r.number,
          status: r.status as ReleaseStatus,
          editionId: r.edition_id,
          editionNo: r.edition_no,
          state: r.state as EditionState,
          title: r.title,
          createdBy: r.created_by,
          updatedAt: new Date(Number(r.updated_at)),
          scheduledAt: date(r.scheduled_at),
          embargoUntil: date(r.embargo_until),
          publicAt: date(r.public_at),
          thumbnail: thumbnails.get(r.edition_id) ?? null,
          reviewComment: r.review_comment,
          reviewerId: r.reviewer_id,
        })),
      };
    },

    async imageFile(sha256) {
      const original = await db.selectFrom('attachments').select(['sha256', 'file_name', 'mime_type', 'byte_size']).where('sha256', '=', sha256).where('mime_type', 'in', IMAGE_TYPES).orderBy('id').limit(1).executeTakeFirst();
      if (original) return { sha256, fileName: original.file_name, mimeType: original.mime_type, byteSize: Number(original.byte_size) };
      const copy = await db
        .selectFrom('image_derivatives')
        .innerJoin('attachments', 'attachments.sha256', 'image_derivatives.source_sha256')
        .select(['image_derivatives.mime_type', 'image_derivatives.byte_size', 'image_derivatives.width', 'attachments.file_name'])
        .where('image_derivatives.sha256', '=', sha256)
        .limit(1)
        .executeTakeFirst();
      return copy ? { sha256, fileName: derivativeFileName(copy.file_name, copy.width), mimeType: copy.mime_type, byteSize: Number(copy.byte_size) } : null;
    },
  };
}
