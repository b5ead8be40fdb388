import { z } from 'zod';
import { BOARD_SLUG_MAX_CHARS, BOARD_SLUG_PATTERN } from '../domain/board.js';

/** A board slug at an edge (URL, query, API body, CLI flag); the rule itself is domain/board.ts's. */
export const boardSlugSchema = z.string().regex(BOARD_SLUG_PATTERN, 'a board slug such as press-releases').max(BOARD_SLUG_MAX_CHARS);
