import type { Kysely } from 'kysely';

/**
 * Alerts read matching subscriptions a page at a time in id order (keyset, #14 "memory flat"). With
 * only (status, language, frequency) each page sorted every matching subscription again; this index
 * walks them in id order from the last page's end on SQLite and PostgreSQL alike.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('subscriptions_page_idx').on('subscriptions').columns(['status', 'language', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('subscriptions_page_idx').execute();
}
