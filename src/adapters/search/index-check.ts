import type { Kysely } from 'kysely';
import type { IndexDrift } from '../../ports/search-index.js';
import type { Database } from '../db/schema.js';
import { documentDigest, loadSearchDocuments, REBUILD_BATCH, type SearchDocument } from './search-documents.js';

/** The table holding one row per indexed release with its filter columns: SQLite's or PostgreSQL's. */
type EntryTable = 'search_fts_entries' | 'search_documents';

/** True when a stored entry differs from the document that would be indexed now. */
function isStale(entry: { language: string; board_id: number; first_published_at: number; public_at: number; department: string; tags: string; digest: string | null }, doc: SearchDocument): boolean {
  if (entry.language !== doc.language || entry.board_id !== doc.boardId || Number(entry.first_published_at) !== doc.firstPublishedAt || Number(entry.public_at) !== doc.publicAt) return true;
  if (entry.department !== doc.department || JSON.stringify(JSON.parse(entry.tags)) !== JSON.stringify(doc.tags)) return true;
  // Entries written before digests were stored (migration 2026120312) are judged by their filters.
  return entry.digest !== null && entry.digest !== documentDigest(doc);
}

/**
 * Walks every release in id order, a batch at a time, and compares what the index holds with what
 * would be indexed now: missing, stale and extra entries. Reads only; the cost of a rebuild without
 * its writes.
 */
export async function checkIndex(db: Kysely<Database>, table: EntryTable, onProgress?: (done: number, total: number) => void): Promise<IndexDrift> {
  const drift: IndexDrift = { checked: 0, missing: [], stale: [], extra: [] };
  const total = Number((await db.selectFrom('releases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  onProgress?.(0, total);
  let after = 0;
  for (;;) {
    const ids = (await db.selectFrom('releases').select('id').where('id', '>', after).orderBy('id').limit(REBUILD_BATCH).execute()).map((r) => r.id);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    const docs = new Map((await loadSearchDocuments(db, ids)).map((d) => [d.releaseId, d]));
    const entries = await db
      .selectFrom(table as 'search_fts_entries')
      .select(['release_id', 'language', 'board_id', 'first_published_at', 'public_at', 'department', 'tags', 'digest'])
      .where('release_id', 'in', ids)
      .execute();
    const stored = new Map(entries.map((e) => [e.release_id, e]));
    for (const id of ids) {
      const doc = docs.get(id);
      const entry = stored.get(id);
      if (doc && !entry) drift.missing.push(id);
      else if (!doc && entry) drift.extra.push(id);
      else if (doc && entry && isStale(entry, doc)) drift.stale.push(id);
    }
    drift.checked += ids.length;
    onProgress?.(Math.min(drift.checked, total), total);
  }
  // Entries of releases that no longer exist at all.
  const orphans = await db
    .selectFrom(table as 'search_fts_entries')
    .select('release_id')
    .where('release_id', 'not in', (eb) => eb.selectFrom('releases').select('id'))
    .execute();
  drift.extra.push(...orphans.map((o) => o.release_id));
  return drift;
}
