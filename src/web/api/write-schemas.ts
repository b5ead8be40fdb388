import { z } from 'zod';
import { API_SCOPES } from '../../domain/api-scopes.js';
import { LANGUAGES } from '../../domain/language.js';
import { LIMITS } from '../../domain/limits.js';
import { EDITION_STATES, RELEASE_STATUSES } from '../../domain/release.js';
import { errorCodeSchema } from './schemas.js';
import { boardSlugSchema } from '../../app/board.schema.js';

/**
 * Schemas of the write side of JSON API v1 (bearer token required). The routes parse with these and
 * /api/openapi.json is generated from them. Bodies are strict: an unknown key (a typo such as
 * `body` for `body_markdown`) is refused rather than silently ignored. Content rules (title length
 * in characters, subtitle lines, contact) are checked again by the application command.
 */

const slug = boardSlugSchema;
const timestamp = z.iso.datetime({ offset: true }).describe('RFC 3339 date-time');
const instant = timestamp.transform((text) => new Date(text));

export const apiScopeSchema = z.enum(API_SCOPES).meta({ id: 'ApiScope', description: 'What an API token may do (besides what its owner\'s role allows)' });

const contact = z.strictObject({
  name: z.string().max(120),
  phone: z.string().max(60).default(''),
  email: z.string().max(254).default(''),
});

/** Content fields a draft has; all optional on update (absent: unchanged). */
const contentFields = {
  title: z.string().max(LIMITS.titleMaxChars * 4).describe(`At most ${LIMITS.titleMaxChars} characters; required to submit`),
  subtitle: z.array(z.string()).max(LIMITS.subtitleMaxLines).describe('Standfirst lines (a leading dash is dropped)'),
  body_markdown: z.string().max(LIMITS.bodyMaxChars).describe('Markdown; raw HTML is not rendered'),
  department: z.string().max(LIMITS.departmentMaxChars),
  contact: contact.nullable().describe('The press contact, or null'),
  tags: z.array(z.string().max(LIMITS.tagMaxChars)).max(LIMITS.tagsMax),
  embargo_until: instant.nullable().describe('Not public before this time even once published; null for none'),
};

export const releaseIdParamsSchema = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

export const createDraftBodySchema = z
  .strictObject({
    board: slug.describe('Board slug'),
    language: z.enum(LANGUAGES),
    translation_group: z.string().max(64).nullable().optional().describe('Shared by the language versions of one release'),
    ...contentFields,
  })
  .partial({ subtitle: true, body_markdown: true, department: true, contact: true, tags: true, embargo_until: true })
  .meta({ id: 'NewDraft' });

export const updateDraftBodySchema = z
  .strictObject({
    ...contentFields,
    version: z.number().int().min(1).describe('The edition version the change starts from (or send it as If-Match)'),
  })
  .partial()
  .meta({ id: 'DraftChanges' });

/** The edition version a workflow step was chosen on (or send it as If-Match); a changed edition answers 409. */
const seenVersion = z.number().int().min(1).optional().describe('The edition version you were shown (or send the ETag as If-Match); required for approve, schedule and publish');

export const stepBodySchema = z.strictObject({ version: seenVersion }).optional();
export const rejectBodySchema = z.strictObject({ comment: z.string().max(2000).describe('What the writer should change (required)'), version: seenVersion });
export const scheduleBodySchema = z.strictObject({ at: instant.describe('When to publish; in the future and not before the embargo ends'), version: seenVersion });
export const publishBodySchema = z
  .strictObject({
    change_note: z.string().max(1000).nullable().optional().describe('For a correction: the public change note'),
    is_minor_change: z.boolean().optional().describe('For a correction: publish without a change note'),
    version: seenVersion,
  })
  .optional();
export const withdrawBodySchema = z.strictObject({
  version: seenVersion,
  reason: z.string().max(2000).describe('The public reason shown on the page'),
  remove_content: z
    .boolean()
    .default(false)
    .describe(
      'Also remove the content (legal or safety takedown): the page keeps only title, dates and the notice; files, print view and the API body answer 410. Allowed on an already withdrawn release.',
    ),
});

export const staffReleaseSchema = z
  .object({
    id: z.number().int(),
    board: slug,
    language: z.enum(LANGUAGES),
    status: z.enum(RELEASE_STATUSES),
    number: z.number().int().nullable().describe('Permanent number in its board, given at first publication'),
    first_published_at: timestamp.nullable(),
    public_at: timestamp.nullable().describe('When the live edition is (or becomes) public'),
    withdrawal_reason: z.string().nullable(),
    content_removed_at: timestamp.nullable().describe('When a withdrawal took the content down (legal or safety takedown)'),
    edition: z
      .object({
        number: z.number().int(),
        state: z.enum(EDITION_STATES),
        version: z.number().int().describe('Optimistic-lock version: send it back with a change'),
        title: z.string(),
        subtitle: z.array(z.string()),
        body_markdown: z.string(),
        department: z.string(),
        contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }).nullable(),
        tags: z.array(z.string()),
        embargo_until: timestamp.nullable(),
        scheduled_at: timestamp.nullable(),
        review_comment: z.string().nullable(),
        change_note: z.string().nullable(),
        updated_at: timestamp,
      })
      .describe('The latest edition, whatever its state'),
    public_url: z.url().nullable().describe('The permanent public page (answers only while public)'),
    api_url: z.url(),
  })
  .meta({ id: 'StaffRelease' });

export const staffReleaseResponseSchema = z.object({ data: staffReleaseSchema });

export const editConflictBodySchema = z
  .object({
    errors: z.array(z.object({ code: errorCodeSchema, message: z.string(), field: z.string().nullable() })).min(1),
    current: staffReleaseSchema.describe('The edition as it now is; nothing was written'),
  })
  .meta({ id: 'EditConflictResponse' });
