// Schema snapshots for the migration tests (test/contract/migrations-schema.test.ts): an exact one
// per database (to compare a database with itself after down and up again) and a coarse one that
// SQLite and PostgreSQL can share (tables, column names, coarse types, keys, indexes by name).
import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from './databases.js';

/** Kysely's own bookkeeping tables (the migrator creates them on its first run). */
const BOOKKEEPING = new Set(['kysely_migration', 'kysely_migration_lock']);

/**
 * Everything the database says about its schema, as sorted plain data: SQLite's `sqlite_master`
 * (the DDL text of every table, index and FTS shadow table); PostgreSQL's columns (type,
 * nullability, default, identity, storage), indexes and constraints. Kysely's bookkeeping tables are
 * left out when `bookkeeping` is false.
 */
export async function exactSchema(db: Kysely<any>, kind: DatabaseKind, { bookkeeping = true } = {}): Promise<Record<string, string>> {
  const keep = (table: string) => bookkeeping || !BOOKKEEPING.has(table);
  const out: Record<string, string> = {};
  if (kind === 'sqlite') {
    const rows = await sql<{ type: string; name: string; tbl_name: string; sql: string | null }>`
      select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%'`.execute(db);
    for (const r of rows.rows) if (keep(r.tbl_name)) out[`${r.type} ${r.name}`] = (r.sql ?? '').replace(/\s+/g, ' ');
    return sorted(out);
  }
  const columns = await sql<{ table: string; column: string; type: string; not_null: boolean; storage: string; identity: string; default: string | null }>`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
      a.attstorage as storage, a.attidentity as identity, pg_get_expr(d.adbin, d.adrelid) as default
    from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
    left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
    where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped`.execute(db);
  for (const r of columns.rows) {
    if (keep(r.table)) out[`column ${r.table}.${r.column}`] = `${r.type} not_null=${r.not_null} storage=${r.storage} identity=${r.identity} default=${r.default}`;
  }
  const indexes = await sql<{ table: string; name: string; definition: string }>`
    select tablename as table, indexname as name, indexdef as definition from pg_indexes where schemaname = 'public'`.execute(db);
  for (const r of indexes.rows) if (keep(r.table)) out[`index ${r.name}`] = r.definition;
  const constraints = await sql<{ table: string; name: string; definition: string }>`
    select t.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
    from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public'`.execute(db);
  for (const r of constraints.rows) if (keep(r.table)) out[`constraint ${r.table}.${r.name}`] = r.definition;
  return sorted(out);
}

export interface CoarseTable {
  /** Column name -> coarse type ('integer', 'text', 'real', 'boolean', 'json', 'tsvector', ...) and nullability. */
  columns: Record<string, string>;
  primaryKey: string[];
  /** Unique constraints (not explicit indexes), as column lists. */
  unique: string[];
  /** `column -> table.column on delete <action>`. */
  foreignKeys: string[];
}

export interface CoarseSchema {
  tables: Record<string, CoarseTable>;
  /** Explicitly created indexes (not those backing a key) by name: `table(columns) [unique]`. */
  indexes: Record<string, string>;
}

/** Declared types mapped to what both databases can agree on: integer/bigint, text/varchar/char, real/double, boolean, json. */
export function coarseType(declared: string): string {
  const t = declared.toLowerCase();
  if (/int/.test(t)) return 'integer';
  if (/char|text|clob/.test(t)) return 'text';
  if (/real|double|float|numeric|decimal/.test(t)) return 'real';
  if (/bool/.test(t)) return 'boolean';
  if (/json/.test(t)) return 'json';
  return t;
}

/** The schema both databases should share, in coarse terms (see coarseType). */
export async function coarseSchema(db: Kysely<any>, kind: DatabaseKind): Promise<CoarseSchema> {
  return kind === 'sqlite' ? coarseSqlite(db) : coarsePostgres(db);
}

async function coarseSqlite(db: Kysely<any>): Promise<CoarseSchema> {
  const tables: Record<string, CoarseTable> = {};
  const names = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  for (const { name } of names.rows) {
    const info = await sql<{ name: string; type: string; notnull: number; pk: number }>`select name, type, "notnull", pk from pragma_table_info(${name})`.execute(db);
    const table: CoarseTable = { columns: {}, primaryKey: [], unique: [], foreignKeys: [] };
    for (const c of info.rows) {
      // A primary key column is NOT NULL on PostgreSQL; SQLite's rowid alias says 0 but never holds NULL.
      table.columns[c.name] = `${coarseType(c.type)}${c.notnull || c.pk ? ' not null' : ''}`;
    }
    table.primaryKey = info.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const indexList = await sql<{ name: string; origin: string }>`select name, origin from pragma_index_list(${name})`.execute(db);
    for (const index of indexList.rows.filter((i) => i.origin === 'u')) table.unique.push((await indexColumns(db, index.name)).join(','));
    const fks = await sql<{ from: string; table: string; to: string; on_delete: string }>`select "from", "table", "to", on_delete from pragma_foreign_key_list(${name})`.execute(db);
    table.foreignKeys = fks.rows.map((f) => `${f.from} -> ${f.table}.${f.to} on delete ${f.on_delete.toLowerCase()}`);
    tables[name] = tidy(table);
  }
  const indexes: Record<string, string> = {};
  const explicit = await sql<{ name: string; tbl_name: string; sql: string }>`select name, tbl_name, sql from sqlite_master where type = 'index' and sql is not null`.execute(db);
  for (const i of explicit.rows) indexes[i.name] = `${i.tbl_name}(${(await indexColumns(db, i.name)).join(',')})${/^create unique/i.test(i.sql) ? ' unique' : ''}`;
  return { tables, indexes: sorted(indexes) };
}

async function indexColumns(db: Kysely<any>, index: string): Promise<string[]> {
  return (await sql<{ name: string }>`select name from pragma_index_info(${index}) order by seqno`.execute(db)).rows.map((r) => r.name);
}

const PG_ON_DELETE: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

async function coarsePostgres(db: Kysely<any>): Promise<CoarseSchema> {
  const tables: Record<string, CoarseTable> = {};
  const columns = await sql<{ table: string; column: string; type: string; not_null: boolean }>`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null
    from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
    where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped`.execute(db);
  for (const c of columns.rows) {
    tables[c.table] ??= { columns: {}, primaryKey: [], unique: [], foreignKeys: [] };
    tables[c.table]!.columns[c.column] = `${coarseType(c.type)}${c.not_null ? ' not null' : ''}`;
  }
  const keys = await sql<{ table: string; type: string; columns: string[]; ref_table: string | null; ref_columns: string[] | null; on_delete: string }>`
    select t.relname as table, k.contype as type,
      array(select a.attname from unnest(k.conkey) with ordinality u(n, o) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.o)::text[] as columns,
      r.relname as ref_table,
      array(select a.attname from unnest(k.confkey) with ordinality u(n, o) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.o)::text[] as ref_columns,
      k.confdeltype as on_delete
    from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_namespace n on n.oid = t.relnamespace
    left join pg_class r on r.oid = k.confrelid
    where n.nspname = 'public' and k.contype in ('p', 'u', 'f')`.execute(db);
  for (const k of keys.rows) {
    const table = tables[k.table]!;
    if (k.type === 'p') table.primaryKey = k.columns;
    else if (k.type === 'u') table.unique.push(k.columns.join(','));
    else table.foreignKeys.push(`${k.columns.join(',')} -> ${k.ref_table}.${(k.ref_columns ?? []).join(',')} on delete ${PG_ON_DELETE[k.on_delete]}`);
  }
  for (const name of Object.keys(tables)) tables[name] = tidy(tables[name]!);
  const indexes: Record<string, string> = {};
  const explicit = await sql<{ name: string; table: string; unique: boolean; columns: string[] }>`
    select i.relname as name, t.relname as table, x.indisunique as unique,
      array(select a.attname from unnest(x.indkey) with ordinality u(n, o) join pg_attribute a on a.attrelid = t.oid and a.attnum = u.n order by u.o)::text[] as columns
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`.execute(db);
  for (const i of explicit.rows) indexes[i.name] = `${i.table}(${i.columns.join(',')})${i.unique ? ' unique' : ''}`;
  return { tables: sorted(tables), indexes: sorted(indexes) };
}

function tidy(table: CoarseTable): CoarseTable {
  return { columns: sorted(table.columns), primaryKey: table.primaryKey, unique: table.unique.sort(), foreignKeys: table.foreignKeys.sort() };
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
