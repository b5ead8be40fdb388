import type { ExpressionBuilder } from 'kysely';
import type { Database } from './schema.js';

/**
 * The public-visibility rule as query conditions (the domain states it in release.ts). Every public
 * read goes through these, so a draft or embargoed release cannot leak through a forgotten filter.
 */
export function listedPublicly(eb: ExpressionBuilder<Database, 'releases'>, now: Date) {
  return eb.and([eb('releases.status', '=', 'published'), eb('releases.public_at', '<=', now.getTime())]);
}

/** Withdrawn releases keep their page (with a notice) but leave lists, feeds and counts. */
export function pagePublic(eb: ExpressionBuilder<Database, 'releases'>, now: Date) {
  return eb.and([eb('releases.status', 'in', ['published', 'withdrawn']), eb('releases.public_at', '<=', now.getTime())]);
}

/** A release whose content was taken down: its page keeps title, dates and notice; files are gone (410). */
export function contentRemoved(eb: ExpressionBuilder<Database, 'releases'>) {
  return eb('releases.content_removed_at', 'is not', null);
}

/** Its content is still public: not taken down by a withdrawal that removed it. */
export function contentKept(eb: ExpressionBuilder<Database, 'releases'>) {
  return eb('releases.content_removed_at', 'is', null);
}
