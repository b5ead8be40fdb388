import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SearchReleases } from '../../app/search-releases.js';
import { LANGUAGES } from '../../domain/language.js';
import { LIMITS } from '../../domain/limits.js';
import { dayRange, isCalendarDay } from '../day-range.js';
import { renderPage } from '../render/page.js';
import { SearchView } from '../views/search.view.js';
import type { SiteContext } from './site-context.js';

const params = z.object({ lang: z.enum(LANGUAGES) });
const day = z.string().refine(isCalendarDay).optional().catch(undefined);
/** Malformed values fall back to their defaults: a search page never answers with a validation error. */
const searchQuery = z.object({
  q: z
    .string()
    .optional()
    .catch(undefined)
    .transform((q) => q?.trim().slice(0, LIMITS.searchMaxChars) ?? ''),
  board: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(60)
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

/** GET /{lang}/search: full-text search over public releases; never cached, never indexed by robots. */
export function registerSearchRoutes(app: FastifyInstance, deps: { search: SearchReleases; contextFor: SiteContext; timeZone?: string }): void {
  app.get('/:lang/search', async (request, reply) => {
    const p = params.safeParse(request.params);
    if (!p.success) return reply.callNotFound();
    const lang = p.data.lang;
    const q = searchQuery.parse(request.query ?? {});
    const form = { q: q.q, board: q.board ?? null, sort: q.sort, from: q.from ?? null, to: q.to ?? null };
    const ctx = await deps.contextFor(lang);
    const results =
      q.q === ''
        ? null
        : await deps.search({
            query: q.q,
            language: lang,
            board: form.board,
            // Whole days in the site's time zone, `to` inclusive (the same rule as the JSON API).
            ...dayRange(form.from, form.to, deps.timeZone ?? 'Asia/Seoul'),
            sort: q.sort,
            page: Math.min(q.page ?? 1, LIMITS.maxPage),
          });
    reply.header('Cache-Control', 'no-store').header('X-Robots-Tag', 'noindex');
    return reply.type('text/html; charset=utf-8').send(renderPage(<SearchView ctx={ctx} form={form} results={results} />));
  });
}
