import type { Board, BoardKind } from '../domain/board.js';
import type { Localized } from '../domain/language.js';

export interface NewBoard {
  slug: string;
  kind: BoardKind;
  name: Localized;
  position: number;
  createdAt: Date;
}

export interface BoardRepo {
  list(): Promise<Board[]>;
  bySlug(slug: string): Promise<Board | null>;
  byId(id: number): Promise<Board | null>;
  create(board: NewBoard): Promise<Board>;
}
