import type { z } from 'zod';
import type { ApiQueries } from '../../app/api-queries.js';
import type { SearchReleases } from '../../app/search-releases.js';
import { dayRange } from '../day-range.js';
import { encodeCursor } from './cursor.js';
import { makePresenters } from './present.js';
import {
  boardsResponseSchema,
  emptyQuerySchema,
  openApiResponseSchema,
  releaseParamsSchema,
  releaseResponseSchema,
  releasesQuerySchema,
  releasesResponseSchema,
  searchQuerySchema,
  searchResponseSchema,
  tagsQuerySchema,
  tagsResponseSchema,
} from './schemas.js';

export interface ApiRouteContext {
  queries: ApiQueries;
  search: SearchReleases;
  /** The site's time zone: list and search dates are its calendar days. */
  timeZone: string;
  presenters: ReturnType<typeof makePresenters>;
  /** The OpenAPI document (built lazily from this same table). */
  openApi: () => Record<string, unknown>;
}

/** One GET endpoint: its schemas (which both the handler and the OpenAPI document use) and its handler. */
export interface ApiRoute<Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  /** Fastify path below the /api prefix. */
  path: string;
  operationId: string;
  summary: string;
  query: Q;
  params: P | null;
  response: R;
  /** Status codes of errors this route can answer with (besides 500). */
  errors: number[];
  /**
   * Whether answers may be kept in the API's page cache (valid while the content version holds).
   * Search answers go to the search cache instead (`'search'`): its index is updated after the commit
   * that changes the version, so that cache is also keyed by the index's generation (#17).
   */
  cached: boolean | 'search';
  handle(ctx: ApiRouteContext, input: { query: z.output<Q>; params: P extends z.ZodType ? z.output<P> : undefined }): Promise<z.input<R>>;
}

const route = <Q extends z.ZodType, P extends z.ZodType, R extends z.ZodType>(r: ApiRoute<Q, P, R>) => r as unknown as ApiRoute;

/** Every endpoint of the read API, in one table: registration and documentation both iterate it. */
export const API_ROUTES: ApiRoute[] = [
  route({
    path: '/v1/boards',
    operationId: 'listBoards',
    summary: 'Boards, in display order',
    query: emptyQuerySchema,
    params: null,
    response: boardsResponseSchema,
    cached: true,
    errors: [],
    async handle(ctx) {
      return { data: (await ctx.queries.boards()).map(ctx.presenters.board) };
    },
  }),
  route({
    path: '/v1/releases',
    operationId: 'listReleases',
    summary: 'Listed releases, newest first, a page at a time',
    query: releasesQuerySchema,
    params: null,
    response: releasesResponseSchema,
    cached: true,
    errors: [400, 404],
    async handle(ctx, { query }) {
      const page = await ctx.queries.releases({
        boardSlug: query.board ?? null,
        language: query.language ?? null,
        tag: query.tag ?? null,
        // Days are the site time zone's, as in search: `since` from its start, `until` inclusive.
        since: typeof query.since === 'string' ? dayRange(query.since, null, ctx.timeZone).from : (query.since ?? null),
        until: typeof query.until === 'string' ? dayRange(null, query.until, ctx.timeZone).to : (query.until ?? null),
        after: query.cursor ?? null,
        limit: query.limit,
      });
      return { data: page.items.map(ctx.presenters.summary), next_cursor: page.next ? encodeCursor(page.next) : null };
    },
  }),
  route({
    path: '/v1/boards/:slug/releases/:language/:number',
    operationId: 'getRelease',
    summary: 'One release with its full content; a withdrawn one carries its withdrawal notice (410 GONE when its content was removed)',
    query: emptyQuerySchema,
    params: releaseParamsSchema,
    response: releaseResponseSchema,
    cached: true,
    errors: [400, 404, 410],
    async handle(ctx, { params }) {
      return { data: ctx.presenters.detail(await ctx.queries.release(params.slug, params.language, params.number)) };
    },
  }),
  route({
    path: '/v1/search',
    operationId: 'searchReleases',
    summary: 'Full-text search of public releases (Korean and English), with filters, highlighted snippets and pages',
    query: searchQuerySchema,
    params: null,
    response: searchResponseSchema,
    cached: 'search',
    errors: [400, 404],
    async handle(ctx, { query }) {
      const results = await ctx.search({
        query: query.q,
        language: query.language ?? null,
        board: query.board ?? null,
        department: query.department ?? null,
        tag: query.tag ?? null,
        // The same whole-day rule as the search page: days of the site's time zone, `to` inclusive.
        ...dayRange(query.from ?? null, query.to ?? null, ctx.timeZone),
        sort: query.sort === 'date' ? 'newest' : 'relevance',
        page: query.page,
        pageSize: query.limit,
      });
      return {
        data: results.items.map(ctx.presenters.searchHit),
        total: results.total,
        total_exact: results.totalExact,
        page: results.page,
        page_count: results.pageCount,
        next_page: results.page < results.pageCount ? results.page + 1 : null,
      };
    },
  }),
  route({
    path: '/v1/tags',
    operationId: 'listTags',
    summary: 'Tags of the listed releases with counts, most used first',
    query: tagsQuerySchema,
    params: null,
    response: tagsResponseSchema,
    cached: true,
    errors: [400],
    async handle(ctx, { query }) {
      return { data: await ctx.queries.tags(query.language ?? null) };
    },
  }),
  route({
    path: '/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This API described as OpenAPI 3.1, generated from the schemas the routes use',
    query: emptyQuerySchema,
    params: null,
    response: openApiResponseSchema,
    cached: true,
    errors: [],
    async handle(ctx) {
      return ctx.openApi();
    },
  }),
];
