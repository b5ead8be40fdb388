import type { Kysely } from 'kysely';

/**
 * Language versions of a release: which version is authoritative, and which releases still need a
 * translation. One version per language per translation group (NULL groups are distinct on both
 * databases, so releases without a group are unaffected).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('releases').addColumn('is_authoritative', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('releases').addColumn('translation_needed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('releases_translation_group_language_uq').on('releases').columns(['translation_group', 'language']).unique().execute();
  await db.schema.createIndex('releases_translation_needed_idx').on('releases').column('translation_needed').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('releases_translation_needed_idx').execute();
  await db.schema.dropIndex('releases_translation_group_language_uq').execute();
  await db.schema.alterTable('releases').dropColumn('translation_needed').execute();
  await db.schema.alterTable('releases').dropColumn('is_authoritative').execute();
}
