import type { Kysely } from 'kysely';
import type { Board } from '../../domain/board.js';
import type { BoardRepo, NewBoard } from '../../ports/board-repo.js';
import { toBoard } from './mappers.js';
import type { Database } from './schema.js';

export function makeBoardRepo(db: Kysely<Database>): BoardRepo {
  return {
    async list(): Promise<Board[]> {
      const rows = await db.selectFrom('boards').selectAll().orderBy('position').orderBy('id').execute();
      return rows.map(toBoard);
    },
    async bySlug(slug) {
      const row = await db.selectFrom('boards').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row ? toBoard(row) : null;
    },
    async byId(id) {
      const row = await db.selectFrom('boards').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toBoard(row) : null;
    },
    async create(board: NewBoard) {
      const row = await db
        .insertInto('boards')
        .values({ slug: board.slug, kind: board.kind, name_ko: board.name.ko, name_en: board.name.en, position: board.position, created_at: board.createdAt.getTime() })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toBoard(row);
    },
  };
}
