import { z } from 'zod';
import { BOARD_KINDS } from '../../domain/board.js';
import { LANGUAGES } from '../../domain/language.js';
import { LIMITS } from '../../domain/limits.js';
import { isCalendarDay } from '../day-range.js';
import { ERROR_CODES } from '../../domain/errors.js';
import { decodeCursor } from './cursor.js';
import { boardSlugSchema } from '../../app/board.schema.js';

/**
 * Every schema of JSON API v1: the routes parse requests and shape responses with these, and
 * /api/openapi.json is generated from the same objects, so the document cannot drift.
 * JSON keys are snake_case (STYLE.md section 3).
 */

// ---- shared pieces --------------------------------------------------------------------------

const slug = boardSlugSchema;
const language = z.enum(LANGUAGES);
const timestamp = z.iso.datetime({ offset: true }).describe('RFC 3339 date-time');
const calendarDay = z.string().refine(isCalendarDay, 'A date written YYYY-MM-DD');

/**
 * A day (YYYY-MM-DD, a calendar day of the site's time zone, kept as text: the route reads it with
 * web/day-range.ts, as search does) or a full RFC 3339 date-time (an instant).
 */
const dateOrTime = (edge: 'start' | 'end') =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true }).transform((text) => new Date(text))])
    .describe(
      edge === 'start'
        ? 'First published on or after this day (YYYY-MM-DD, from its start in the site time zone, Asia/Seoul unless configured) or at or after this date-time (RFC 3339)'
        : 'First published on or before this day (YYYY-MM-DD, the whole day in the site time zone, Asia/Seoul unless configured) or before this date-time (RFC 3339)',
    );

// ---- errors ---------------------------------------------------------------------------------

export const errorCodeSchema = z.enum(ERROR_CODES).meta({ id: 'ErrorCode', description: 'Stable error code; the HTTP status follows from it.' });

export const errorBodySchema = z
  .object({
    errors: z
      .array(
        z.object({
          code: errorCodeSchema,
          message: z.string(),
          field: z.string().nullable().describe('The request field at fault (query or path parameter), or null'),
        }),
      )
      .min(1),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Unexpected failures: a plain 500 with no detail (the original is only logged). */
export const internalErrorBodySchema = z.object({ errors: z.array(z.object({ code: z.literal('INTERNAL'), message: z.string(), field: z.null() })).length(1) }).meta({ id: 'InternalErrorResponse' });

// ---- requests -------------------------------------------------------------------------------

export const emptyQuerySchema = z.object({});

export const releasesQuerySchema = z.object({
  board: slug.optional().describe('Board slug'),
  language: language.optional(),
  tag: z.string().trim().min(1).max(LIMITS.tagMaxChars).optional().describe('Exact tag'),
  since: dateOrTime('start').optional(),
  until: dateOrTime('end').optional(),
  cursor: z
    .string()
    .max(200)
    .transform((text, ctx) => {
      const cursor = decodeCursor(text);
      if (!cursor) {
        ctx.addIssue({ code: 'custom', message: 'Not a cursor this API gave out' });
        return z.NEVER;
      }
      return cursor;
    })
    .optional()
    .describe('Opaque: the next_cursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Items per page, 1 to 100'),
});
export type ReleasesQuery = z.output<typeof releasesQuerySchema>;

export const releaseParamsSchema = z.object({
  slug,
  language,
  number: z.coerce.number().int().min(1).max(2_147_483_647),
});

export const tagsQuerySchema = z.object({ language: language.optional() });

// ---- responses ------------------------------------------------------------------------------

export const boardSchema = z
  .object({
    slug,
    kind: z.enum(BOARD_KINDS),
    name: z.object({ ko: z.string(), en: z.string() }),
    position: z.number().int(),
    urls: z.object({ ko: z.url(), en: z.url() }).describe('Public board pages'),
    releases_url: z.url(),
  })
  .meta({ id: 'Board' });

export const boardsResponseSchema = z.object({ data: z.array(boardSchema) });

export const releaseSummarySchema = z
  .object({
    id: z.number().int(),
    board: slug,
    language,
    number: z.number().int(),
    title: z.string(),
    subtitle: z.array(z.string()).describe('Standfirst lines, without their leading dash'),
    department: z.string(),
    tags: z.array(z.string()),
    first_published_at: timestamp,
    updated_at: timestamp.describe('Last public change: publication or published correction'),
    has_attachments: z.boolean(),
    url: z.url().describe('The public page'),
    api_url: z.url(),
  })
  .meta({ id: 'ReleaseSummary' });

export const releasesResponseSchema = z.object({
  data: z.array(releaseSummarySchema),
  next_cursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
});

export const attachmentSchema = z
  .object({
    file_name: z.string(),
    mime_type: z.string(),
    byte_size: z.number().int(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    caption: z.string(),
    credit: z.string(),
    alt_text: z.string(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    url: z.url().describe('Absolute download URL'),
  })
  .meta({ id: 'Attachment' });

export const releaseDetailSchema = z
  .object({
    id: z.number().int(),
    board: z.object({ slug, kind: z.enum(BOARD_KINDS), name: z.object({ ko: z.string(), en: z.string() }) }),
    language,
    number: z.number().int(),
    status: z.enum(['published', 'withdrawn']),
    withdrawal: z.object({ withdrawn_at: timestamp.nullable(), reason: z.string() }).nullable().describe('The withdrawal notice; null while published'),
    title: z.string(),
    subtitle: z.array(z.string()),
    body_markdown: z.string(),
    body_html: z.string().describe('Sanitized HTML rendering of body_markdown'),
    department: z.string(),
    contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }).nullable(),
    tags: z.array(z.string()),
    first_published_at: timestamp,
    updated_at: timestamp,
    change_notes: z.array(z.object({ at: timestamp, note: z.string() })).describe('Public corrections, newest first'),
    attachments: z.array(attachmentSchema),
    url: z.url(),
  })
  .meta({ id: 'ReleaseDetail' });

export const releaseResponseSchema = z.object({ data: releaseDetailSchema });

export const tagsResponseSchema = z.object({ data: z.array(z.object({ tag: z.string(), count: z.number().int().min(1) }).meta({ id: 'TagCount' })) });

export const openApiResponseSchema = z.record(z.string(), z.unknown()).describe('This OpenAPI 3.1 document');

// ---- search ---------------------------------------------------------------------------------


export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'Say what to search for')
    .max(LIMITS.searchMaxChars)
    .describe('Words (every one must match) and "quoted phrases". Korean is matched by character bigrams (합참의장 finds 합참의장을), English words by stem (meets finds meeting)'),
  board: slug.optional().describe('Board slug'),
  language: language.optional().describe('Only releases in this language; both when absent'),
  department: z.string().trim().min(1).max(LIMITS.departmentMaxChars).optional().describe('Exact department'),
  tag: z.string().trim().min(1).max(LIMITS.tagMaxChars).optional().describe('Exact tag'),
  from: calendarDay.optional().describe('First published on or after this day (YYYY-MM-DD) in the site time zone (Asia/Seoul unless configured)'),
  to: calendarDay.optional().describe('First published on or before this day (YYYY-MM-DD, whole day) in the site time zone'),
  sort: z.enum(['date', 'relevance']).default('date').describe('`date`: newest first; `relevance`: best match first (ties newest first)'),
  page: z.coerce.number().int().min(1).max(LIMITS.maxPage).default(1).describe('1-based page number'),
  limit: z.coerce.number().int().min(1).max(50).default(10).describe('Results per page, 1 to 50'),
});
export type SearchQueryInput = z.output<typeof searchQuerySchema>;

export const searchHitSchema = z
  .object({
    id: z.number().int(),
    board: slug,
    language,
    number: z.number().int(),
    title: z.string(),
    department: z.string(),
    tags: z.array(z.string()),
    first_published_at: timestamp,
    snippet: z
      .object({
        text: z.string().describe('Plain text around the first match ("…" where cut); never HTML'),
        matches: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0) })).describe('Each match as [start, end) offsets into `text`, counted in Unicode code points'),
      })
      .describe('Highlighted snippet as plain text with match offsets'),
    snippet_html: z.string().describe('The same snippet as HTML: the text escaped, each match in <mark>, no other markup'),
    url: z.url().describe('The public page'),
    api_url: z.url(),
  })
  .meta({ id: 'SearchHit' });

export const searchResponseSchema = z.object({
  data: z.array(searchHitSchema),
  total: z.number().int().min(0).describe('Matching public releases; when `total_exact` is false, more than this many match'),
  total_exact: z.boolean().describe('False when counting stopped: past 1,000 matches (or past the page asked for) the total is a lower bound'),
  page: z.number().int().min(1),
  page_count: z.number().int().min(1).describe('Pages; a lower bound when `total_exact` is false (`next_page` is still exact)'),
  next_page: z.number().int().nullable().describe('Pass as `page` for the next page; null on the last page'),
});
