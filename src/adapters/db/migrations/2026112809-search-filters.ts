import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * The search filters move into the search index, so neither the count nor the newest-first page of a
 * search joins `releases` (a common term is found in ~50,000 releases). Each indexed release carries
 * its language, board, department, tags, first publication and public time (publication or embargo
 * end); the adapters (adapters/search/) keep them in step and filter on public_at <= now.
 *
 * - SQLite: `search_fts` becomes a contentless FTS5 table (title, body, facets) whose rowid is a sort
 *   key (first publication x 2^20, then the release), and `search_fts_entries` holds each release's
 *   key and filter columns.
 * - PostgreSQL: `search_documents` gains the filter columns, facet lexemes in the tsvector, and
 *   (language, first publication) b-trees.
 *
 * Existing entries are carried over in SQL (the tokens already indexed, the filters from `releases`
 * and the live edition), so search keeps working with no `pressroom reindex`. The facet terms must
 * match adapters/search/search-documents.ts: l<language>, b<board id>, d<department UTF-8 hex>,
 * t<tag UTF-8 hex>; on PostgreSQL each prefixed with '='.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create table search_documents_next (
      release_id integer primary key references releases(id) on delete cascade,
      language text not null,
      board_id integer not null,
      first_published_at bigint not null,
      public_at bigint not null,
      department text not null,
      tags text not null,
      document tsvector not null
    )`.execute(db);
    await sql`insert into search_documents_next
      select d.release_id, r.language, r.board_id, r.first_published_at, r.public_at, e.department, e.tags,
        d.document || array_to_tsvector(
          array['=l' || r.language, '=b' || r.board_id::text]
          || case when e.department <> '' then array['=d' || encode(convert_to(e.department, 'UTF8'), 'hex')] else '{}'::text[] end
          || coalesce((select array_agg('=t' || encode(convert_to(t, 'UTF8'), 'hex')) from jsonb_array_elements_text(e.tags::jsonb) t where t <> ''), '{}'::text[]))
      from search_documents d
      join releases r on r.id = d.release_id
      join editions e on e.id = r.live_edition_id
      where r.status = 'published' and r.first_published_at is not null and r.public_at is not null`.execute(db);
    await sql`drop table search_documents`.execute(db);
    await sql`alter table search_documents_next rename to search_documents`.execute(db);
    await sql`alter index search_documents_next_pkey rename to search_documents_pkey`.execute(db);
    await sql`alter table search_documents rename constraint search_documents_next_release_id_fkey to search_documents_release_id_fkey`.execute(db);
    await sql`create index search_documents_document_idx on search_documents using gin (document)`.execute(db);
    await sql`create index search_documents_language_newest_idx on search_documents (language, first_published_at desc, release_id desc)`.execute(db);
    await sql`create index search_documents_newest_idx on search_documents (first_published_at desc, release_id desc)`.execute(db);
    await sql`analyze search_documents`.execute(db);
    return;
  }
  await sql`alter table search_fts rename to search_fts_previous`.execute(db);
  await sql`create virtual table search_fts using fts5(title, body, facets, tokenize = 'unicode61', content = '', contentless_delete = 1)`.execute(db);
  await sql`create table search_fts_entries (
    release_id integer primary key,
    sort_key integer not null unique,
    language text not null,
    board_id integer not null,
    first_published_at integer not null,
    public_at integer not null,
    department text not null,
    tags text not null
  )`.execute(db);
  await sql`create index search_fts_entries_public_at_idx on search_fts_entries (public_at)`.execute(db);
  // Keys: first publication x 2^20, then the releases of that millisecond in id order.
  await sql`insert into search_fts_entries
    select r.id, r.first_published_at * 1048576 + (row_number() over (partition by r.first_published_at order by r.id) - 1),
      r.language, r.board_id, r.first_published_at, r.public_at, e.department, e.tags
    from releases r join editions e on e.id = r.live_edition_id
    where r.status = 'published' and r.first_published_at is not null and r.public_at is not null
      and r.id in (select rowid from search_fts_previous)`.execute(db);
  await sql`insert into search_fts (rowid, title, body, facets)
    select e.sort_key, p.title, p.body,
      'l' || e.language || ' b' || e.board_id
      || case when e.department <> '' then ' d' || lower(hex(e.department)) else '' end
      || coalesce((select group_concat(' t' || lower(hex(j.value)), '') from json_each(e.tags) j where j.value <> ''), '')
    from search_fts_previous p join search_fts_entries e on e.release_id = p.rowid`.execute(db);
  await sql`drop table search_fts_previous`.execute(db);
  await sql`insert into search_fts (search_fts) values ('optimize')`.execute(db);
}

/** Back to the 2026112805 tables, empty: run `pressroom reindex` after going down. */
export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop table search_documents`.execute(db);
    await sql`create table search_documents (release_id integer primary key references releases(id) on delete cascade, document tsvector not null)`.execute(db);
    await sql`create index search_documents_document_idx on search_documents using gin (document)`.execute(db);
    return;
  }
  await sql`drop table search_fts_entries`.execute(db);
  await sql`drop table search_fts`.execute(db);
  await sql`create virtual table search_fts using fts5(title, body, tokenize = 'unicode61')`.execute(db);
}
