import type { Kysely } from 'kysely';
import { derivativeFileName } from '../../domain/attachment.js';
import type { PublicCatalog, PublicFile, ReleaseFiles } from '../../ports/public-catalog.js';
import { toAttachment } from './mappers.js';
import { contentKept, contentRemoved, pagePublic } from './public-visibility.js';
import type { Database } from './schema.js';

/** How many names of one photo's copy are compared with the URL's (a photo shared more widely falls back to one of them). */
const COPY_NAMES = 100;

/**
 * The files' visibility rule: attachments of the live edition of a release whose page is public.
 * Every file read (by content address, by release for text views and media kits) starts here; the
 * caller then tells a file that is served (content kept) from one that is gone (content removed: 410).
 */
function ofPublicReleases(db: Kysely<Database>, now: Date) {
  return db
    .selectFrom('attachments')
    .innerJoin('releases', 'releases.live_edition_id', 'attachments.edition_id')
    .where((eb) => pagePublic(eb, now));
}

/** The public catalog's file reads: by content address, under the visibility rule and takedowns. */
export function makePublicFiles(db: Kysely<Database>): Pick<PublicCatalog, 'file' | 'fileRemoved' | 'releaseFiles'> {
  return {
    async file(sha256: string, now: Date, fileName?: string): Promise<PublicFile | null> {
      // Identical bytes are stored once, but each attachment keeps its own name: the URL's name
      // picks the attachment (#16); any other name still gets the bytes, under a public attachment's name.
      const original = (named: boolean) =>
        ofPublicReleases(db, now)
          .select(['attachments.sha256', 'attachments.file_name', 'attachments.mime_type', 'attachments.byte_size'])
          .where('attachments.sha256', '=', sha256)
          .$if(named, (q) => q.where('attachments.file_name', '=', fileName ?? ''))
          .where((eb) => contentKept(eb))
          .limit(1)
          .executeTakeFirst();
      const row = (fileName !== undefined ? await original(true) : undefined) ?? (await original(false));
      if (row) return { sha256: row.sha256.trim(), fileName: row.file_name, mimeType: row.mime_type, byteSize: Number(row.byte_size) };
      // A WebP copy of a photo follows the same rule as its original: public only while that
      // original is attached to the live edition of a public release. Its name is the original's.
      const copies = await db
        .selectFrom('image_derivatives')
        .innerJoin('attachments', 'attachments.sha256', 'image_derivatives.source_sha256')
        .innerJoin('releases', 'releases.live_edition_id', 'attachments.edition_id')
        .select(['image_derivatives.sha256', 'image_derivatives.width', 'image_derivatives.mime_type', 'image_derivatives.byte_size', 'attachments.file_name'])
        .distinct()
        .where('image_derivatives.sha256', '=', sha256)
        .where((eb) => pagePublic(eb, now))
        .where((eb) => contentKept(eb))
        .limit(COPY_NAMES)
        .execute();
      const named = copies.map((c) => ({ sha256: c.sha256.trim(), fileName: derivativeFileName(c.file_name, c.width), mimeType: c.mime_type, byteSize: Number(c.byte_size) }));
      return named.find((c) => c.fileName === fileName) ?? named[0] ?? null;
    },

    async fileRemoved(sha256: string, now: Date): Promise<boolean> {
      // Only files of public releases whose content was taken down: anything else stays a plain 404.
      const own = ofPublicReleases(db, now)
        .select('releases.id')
        .where('attachments.sha256', '=', sha256)
        .where((eb) => contentRemoved(eb))
        .limit(1);
      const copy = db
        .selectFrom('image_derivatives')
        .innerJoin('attachments', 'attachments.sha256', 'image_derivatives.source_sha256')
        .innerJoin('releases', 'releases.live_edition_id', 'attachments.edition_id')
        .select('releases.id')
        .where('image_derivatives.sha256', '=', sha256)
        .where((eb) => pagePublic(eb, now))
        .where((eb) => contentRemoved(eb))
        .limit(1);
      const [a, b] = await Promise.all([own.executeTakeFirst(), copy.executeTakeFirst()]);
      return a !== undefined || b !== undefined;
    },

    async releaseFiles(releaseId: number, now: Date): Promise<ReleaseFiles | null> {
      const rows = await ofPublicReleases(db, now).selectAll('attachments').select('releases.content_removed_at').where('releases.id', '=', releaseId).orderBy('attachments.position').execute();
      if (rows.length === 0) return null;
      return { contentRemoved: rows[0]!.content_removed_at !== null, attachments: rows.map((r) => toAttachment(r)) };
    },
  };
}
