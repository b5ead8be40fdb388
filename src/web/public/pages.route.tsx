import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { PublicPages } from '../../app/public-pages.js';
import type { PublicLanguageVersions, PublicVersions } from '../../app/translations/public-versions.js';
import type { ViewCounter } from '../../app/view-counter.js';
import { LANGUAGES, type Language } from '../../domain/language.js';
import { LIMITS } from '../../domain/limits.js';
import { cacheOrRender, sendCached, type Rendered } from '../cache/cached-response.js';
import type { ContentVersionTracker } from '../cache/content-version.js';
import type { PageCache } from '../cache/page-cache.js';
import type { PublicCaching } from '../cache/shared-cache.js';
import { surrogateKeys as k } from '../cache/surrogate-keys.js';
import { renderPage } from '../render/page.js';
import { urls } from '../urls.js';
import { BoardView } from '../views/board.view.js';
import { HomeView } from '../views/home.view.js';
import { ReleaseView } from '../views/release.view.js';
import type { SiteContext } from './site-context.js';
import { boardSlugSchema } from '../../app/board.schema.js';

export interface PageRouteDeps {
  pages: PublicPages;
  contextFor: SiteContext;
  cache: PageCache;
  version: ContentVersionTracker;
  views: ViewCounter;
  /** Language versions of a release (public ones only); without it pages show no alternates. */
  versions?: PublicVersions;
  /** Cache-Control and surrogate keys for shared caches (web/cache/shared-cache.ts). */
  caching: PublicCaching;
}

const lang = z.enum(LANGUAGES);
const slug = boardSlugSchema;
const homeParams = z.object({ lang });
const boardParams = z.object({ lang, board: slug });
const releaseParams = z.object({ lang, board: slug, number: z.string().regex(/^[1-9]\d{0,8}$/).transform(Number) });
const listQuery = z.object({
  page: z.string().optional(),
  q: z
    .string()
    .optional()
    .transform((q) => {
      const trimmed = q?.trim().slice(0, LIMITS.filterMaxChars) ?? '';
      return trimmed.length > 0 ? trimmed : null;
    }),
});

/** Unmatched params mean the URL names nothing: the friendly 404, never a validation error. */
function parseOr404<S extends z.ZodType>(schema: S, value: unknown, reply: FastifyReply): z.output<S> | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  void reply.callNotFound();
  return null;
}

/** Public pages: News Zone home, board lists, release pages and their print view. */
export function registerPageRoutes(app: FastifyInstance, deps: PageRouteDeps): void {
  const cache = { pages: deps.cache, version: deps.version };
  async function cached(request: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<Rendered>) {
    const page = await cacheOrRender(cache, key, render);
    if (page.releaseId !== null && request.method === 'GET') deps.views.record(page.releaseId);
    return sendCached(request, reply, page, deps.caching);
  }

  app.get('/:lang/', async (request, reply) => {
    const p = parseOr404(homeParams, request.params, reply);
    if (!p) return reply;
    return cached(request, reply, `home:${p.lang}`, async () => {
      const [ctx, sections] = await Promise.all([deps.contextFor(p.lang), deps.pages.home(p.lang)]);
      const keys = [k.home, k.language(p.lang), ...sections.flatMap((s) => s.latest.map((r) => k.release(r.releaseId)))];
      return { text: renderPage(<HomeView ctx={ctx} sections={sections} />), releaseId: null, keys };
    });
  });
  app.get('/:lang', async (request, reply) => {
    const p = parseOr404(homeParams, request.params, reply);
    if (!p) return reply;
    return reply.redirect(urls.home(p.lang), 301);
  });

  app.get('/:lang/:board', async (request, reply) => {
    const p = parseOr404(boardParams, request.params, reply);
    if (!p) return reply;
    const q = listQuery.parse(request.query);
    let page = 1;
    if (q.page !== undefined) {
      page = /^[1-9]\d*$/.test(q.page) ? Number(q.page) : 0;
      // page=0, page=-3, page=abc: send the reader to the first page rather than an error.
      if (page < 1 || page > LIMITS.maxPage) return reply.redirect(urls.board(p.lang, p.board, 1, q.q), 301);
    }
    return cached(request, reply, `board:${p.lang}:${p.board}:${page}:${q.q ?? ''}`, async () => {
      const listing = await deps.pages.boardListing(p.board, p.lang, page, q.q);
      if (page > listing.pageCount) throw new PageBeyondEnd();
      const ctx = await deps.contextFor(p.lang);
      const keys = [k.board(p.board), k.language(p.lang), ...listing.items.map((r) => k.release(r.releaseId))];
      return { text: renderPage(<BoardView ctx={ctx} listing={listing} />), releaseId: null, keys };
    });
  });

  for (const print of [false, true]) {
    app.get(print ? '/:lang/:board/:number/print' : '/:lang/:board/:number', async (request, reply) => {
      const p = parseOr404(releaseParams, request.params, reply);
      if (!p) return reply;
      return cached(request, reply, `release:${p.lang}:${p.board}:${p.number}:${print ? 'print' : 'page'}`, async () => {
        const [ctx, model] = await Promise.all([deps.contextFor(p.lang), deps.pages.release(p.board, p.lang, p.number, print ? 'print' : 'page')]);
        const versions: PublicLanguageVersions = deps.versions ? await deps.versions.of(model.release) : { alternates: [], authoritative: null };
        // The board too: previous/next links and language versions show its other releases.
        const keys = [k.release(model.release.id), k.board(p.board), k.language(p.lang)];
        return { text: renderPage(<ReleaseView ctx={ctx} model={model} print={print} versions={versions} />), releaseId: print ? null : model.release.id, keys };
      });
    });
  }
}

/** A page number past the last page: a 404, so crawlers do not index empty pages. */
export class PageBeyondEnd extends Error {}

export function languageOfPath(url: string): Language {
  return url.startsWith('/ko') ? 'ko' : 'en';
}
