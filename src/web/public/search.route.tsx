import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SearchReleases } from '../../app/search-releases.js';
import { LANGUAGES } from '../../domain/language.js';
import { LIMITS } from '../../domain/limits.js';
import { dayRange, isCalendarDay } from '../day-range.js';
import { renderPage } from '../render/page.js';
import { cacheOrRender, sendCached, type ResponseCache } from '../cache/cached-response.js';
import { fixedCaching } from '../cache/shared-cache.js';
import { surrogateKeys } from '../cache/surrogate-keys.js';
import { SearchView, type DateProblem, type SearchForm } from '../views/search.view.js';
import type { SiteContext } from './site-context.js';
import { boardSlugSchema } from '../../app/board.schema.js';

const params = z.object({ lang: z.enum(LANGUAGES) });
// Dates are kept as typed (trimmed, bounded) so a wrong one can be shown and explained.
const day = z
  .string()
  .transform((d) => d.trim().slice(0, 40))
  .optional()
  .catch(undefined);
/** Malformed values fall back to their defaults: a search page never answers with a validation error. */
const searchQuery = z.object({
  q: z
    .string()
    .optional()
    .catch(undefined)
    .transform((q) => q?.trim().slice(0, LIMITS.searchMaxChars) ?? ''),
  board: boardSlugSchema
    .optional()
    .catch(undefined),
  sort: z.enum(['newest', 'relevance']).catch('newest'),
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
  from: day,
  to: day,
});

/**
 * GET /{lang}/search: full-text search over public releases, never indexed by robots. Pages are kept
 * in the search cache keyed by everything that changes them (language, query, board, sort, dates as
 * typed, page) and valid for one content version and search-index generation.
 */
/**
 * Kept by the server, not by browsers or shared caches: results move with every publication, and the
 * index is updated after the commit a purge follows, so a CDN could re-cache a stale answer.
 */
const SEARCH_CACHING = fixedCaching('no-store');

export function registerSearchRoutes(app: FastifyInstance, deps: { search: SearchReleases; contextFor: SiteContext; timeZone: string; cache?: ResponseCache }): void {
  app.get('/:lang/search', async (request, reply) => {
    const p = params.safeParse(request.params);
    if (!p.success) return reply.callNotFound();
    const lang = p.data.lang;
    const q = searchQuery.parse(request.query ?? {});
    const typed = { q: q.q, board: q.board ?? null, sort: q.sort, from: q.from || null, to: q.to || null };
    reply.header('X-Robots-Tag', 'noindex');
    const key = `search:${JSON.stringify([lang, typed.q, typed.board, typed.sort, typed.from, typed.to, q.page ?? 1])}`;
    const page = await cacheOrRender(deps.cache, key, async () => {
      const { form, from, to, problems } = readDates(typed);
      const ctx = await deps.contextFor(lang);
      const results =
        q.q === ''
          ? null
          : await deps.search({
              query: q.q,
              language: lang,
              board: form.board,
              // Whole days in the site's time zone, `to` inclusive (the same rule as the JSON API).
              ...dayRange(from, to, deps.timeZone),
              sort: q.sort,
              page: Math.min(q.page ?? 1, LIMITS.maxPage),
            });
      return { text: renderPage(<SearchView ctx={ctx} form={form} results={results} dateProblems={problems} />), keys: [surrogateKeys.search, surrogateKeys.language(lang)] };
    });
    return sendCached(request, reply, page, SEARCH_CACHING);
  });
}

/**
 * The dates a search uses: a value that is not a YYYY-MM-DD calendar day is left out, a reversed
 * range is searched the right way round (and the form shows it so), and each is explained.
 */
export function readDates(form: SearchForm): { form: SearchForm; from: string | null; to: string | null; problems: DateProblem[] } {
  const problems: DateProblem[] = [];
  let from = form.from;
  let to = form.to;
  if (from !== null && !isCalendarDay(from)) {
    problems.push({ kind: 'invalid', field: 'from', value: from });
    from = null;
  }
  if (to !== null && !isCalendarDay(to)) {
    problems.push({ kind: 'invalid', field: 'to', value: to });
    to = null;
  }
  if (from !== null && to !== null && from > to) {
    problems.push({ kind: 'reversed', from, to });
    [from, to] = [to, from];
    return { form: { ...form, from, to }, from, to, problems };
  }
  return { form, from, to, problems };
}
