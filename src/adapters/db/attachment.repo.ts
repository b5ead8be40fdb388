import type { Kysely } from 'kysely';
import type { AttachmentRepo } from '../../ports/attachment-repo.js';
import { toAttachment, toImageDerivative } from './mappers.js';
import type { Database } from './schema.js';

/** Attachment rows of editions (the bytes live in the file store) and the WebP copies of images. */
export function makeAttachmentRepo(db: Kysely<Database>): AttachmentRepo {
  return {
    async addAttachment(input) {
      const last = await db
        .selectFrom('attachments')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('edition_id', '=', input.editionId)
        .executeTakeFirst();
      const row = await db
        .insertInto('attachments')
        .values({
          edition_id: input.editionId,
          position: input.position ?? Number(last?.p ?? 0) + 1,
          sha256: input.sha256,
          file_name: input.fileName,
          mime_type: input.mimeType,
          byte_size: input.byteSize,
          caption: input.caption,
          credit: input.credit,
          alt_text: input.altText,
          width: input.width,
          height: input.height,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAttachment(row);
    },

    async attachmentsOf(editionId) {
      const rows = await db.selectFrom('attachments').selectAll().where('edition_id', '=', editionId).orderBy('position').execute();
      return rows.map(toAttachment);
    },

    async getAttachment(id) {
      const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toAttachment(row) : null;
    },

    async updateAttachment(id, text) {
      const row = await db
        .updateTable('attachments')
        .set({ caption: text.caption, credit: text.credit, alt_text: text.altText })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toAttachment(row) : null;
    },

    async removeAttachment(id) {
      await db.deleteFrom('attachments').where('id', '=', id).execute();
    },

    async setAttachmentOrder(editionId, orderedIds) {
      for (const [index, id] of orderedIds.entries()) {
        await db.updateTable('attachments').set({ position: index + 1 }).where('id', '=', id).where('edition_id', '=', editionId).execute();
      }
    },

    async copyAttachments(fromEditionId, toEditionId) {
      const rows = await db.selectFrom('attachments').selectAll().where('edition_id', '=', fromEditionId).orderBy('position').execute();
      for (const { id: _id, ...row } of rows) {
        await db.insertInto('attachments').values({ ...row, edition_id: toEditionId }).execute();
      }
    },

    async addImageDerivative(d, at) {
      await db
        .insertInto('image_derivatives')
        .values({ source_sha256: d.sourceSha256, width: d.width, height: d.height, sha256: d.sha256, mime_type: d.mimeType, byte_size: d.byteSize, created_at: at.getTime() })
        .onConflict((oc) => oc.columns(['source_sha256', 'width']).doNothing())
        .execute();
    },

    async imageDerivativesOf(sourceSha256s) {
      if (sourceSha256s.length === 0) return [];
      const rows = await db.selectFrom('image_derivatives').selectAll().where('source_sha256', 'in', [...sourceSha256s]).orderBy('source_sha256').orderBy('width').execute();
      return rows.map(toImageDerivative);
    },
  };
}
