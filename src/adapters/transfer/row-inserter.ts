import { CompiledQuery, sql, type Transaction } from 'kysely';
import { isPostgres } from '../db/dialect.js';
import type { Database } from '../db/schema.js';

/**
 * Rows per INSERT on SQLite, largest first: a batch of any size is written with statements of these
 * sizes only, so each table has at most four distinct SQL texts and SQLite prepares each once (see
 * the statement cache in adapters/db/connect.ts), where a statement per batch size would prepare
 * hundreds of different texts.
 */
const CHUNKS = [64, 16, 4, 1] as const;
/** Bind parameters per INSERT: well under SQLite's 32,766. */
const MAX_PARAMETERS = 16_000;

type Table = keyof Database & string;

/** Inserts rows of one shape (every row has the same keys) inside the import transaction. */
export interface RowInserter {
  insert(table: Table, rows: readonly Record<string, unknown>[]): Promise<void>;
}

/**
 * SQLite: multi-row INSERTs of fixed sizes, compiled once through Kysely (so quoting and
 * placeholders are the dialect's), then only bound: no query tree is built per row. PostgreSQL: one
 * statement per table and batch, the rows sent as one JSON parameter and expanded by
 * `json_populate_recordset`, since each round trip costs more there than the rows it carries (a
 * 4-row INSERT took as long as a 64-row one).
 */
export function makeRowInserter(trx: Transaction<Database>): RowInserter {
  const compiled = new Map<string, string>();
  const postgres = isPostgres(trx);

  function sqlFor(table: Table, columns: string[], rows: number): string {
    const key = `${table}\u0000${rows}\u0000${columns.join(',')}`;
    let text = compiled.get(key);
    if (text === undefined) {
      if (postgres) {
        const list = sql.join(columns.map((c) => sql.id(c)));
        text = sql`insert into ${sql.table(table)} (${list}) select ${list} from json_populate_recordset(null::${sql.table(table)}, ${'[]'}::json)`.compile(trx).sql;
      } else {
        const row = Object.fromEntries(columns.map((c) => [c, null]));
        text = trx
          .insertInto(table)
          .values(Array.from({ length: rows }, () => row) as never)
          .compile().sql;
      }
      compiled.set(key, text);
    }
    return text;
  }

  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      if (postgres) {
        await trx.executeQuery(CompiledQuery.raw(sqlFor(table, columns, 0), [JSON.stringify(rows)]));
        return;
      }
      let at = 0;
      for (const size of CHUNKS) {
        const rowsPer = Math.max(1, Math.min(size, Math.floor(MAX_PARAMETERS / columns.length)));
        while (rows.length - at >= rowsPer) {
          const parameters: unknown[] = new Array(rowsPer * columns.length);
          let p = 0;
          for (let r = at; r < at + rowsPer; r++) {
            const row = rows[r]!;
            for (const column of columns) parameters[p++] = row[column];
          }
          await trx.executeQuery(CompiledQuery.raw(sqlFor(table, columns, rowsPer), parameters));
          at += rowsPer;
        }
      }
    },
  };
}
