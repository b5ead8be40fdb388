import type { Migration } from 'kysely';
import * as foundation from './2026112801-foundation.js';

/** Every migration, in order. Immutable once landed: add a new file instead of editing one. */
export const migrations: Record<string, Migration> = {
  '2026112801-foundation': foundation,
};
