import type { Kysely } from 'kysely';

/**
 * WebP copies of photos at fixed widths, keyed by the content address of the (sanitised) original
 * they were made from, so an attachment copied into a correction edition shares them, and an
 * identical upload makes no second set. Public only while that original is (see public-catalog).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('image_derivatives')
    .addColumn('source_sha256', 'char(64)', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'char(64)', (c) => c.notNull())
    .addColumn('mime_type', 'varchar(127)', (c) => c.notNull())
    .addColumn('byte_size', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('image_derivatives_pk', ['source_sha256', 'width'])
    .execute();
  await db.schema.createIndex('image_derivatives_sha256_idx').on('image_derivatives').column('sha256').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('image_derivatives').execute();
}
