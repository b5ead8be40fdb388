import { PostgresAdapter, sql, type Expression, type RawBuilder, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * The few places where SQLite and PostgreSQL differ, kept in one helper so repositories and
 * migrations stay free of `if (sqlite)` branches.
 */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-numbered primary key: identity on PostgreSQL, rowid alias on SQLite. */
export function withIdColumn<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return isPostgres(db)
    ? table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}

/**
 * Case-insensitive "contains" on both databases: lower() on both sides, the user's % and _ escaped,
 * and an explicit ESCAPE (SQLite has no default escape character; PostgreSQL's is the backslash).
 */
export function containsInsensitive(column: Expression<string>, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${column}) like ${pattern} escape '\\'`;
}
