import { z } from 'zod';
import { API_SCOPES, SCOPE_DESCRIPTIONS } from '../../domain/api-scopes.js';
import { ERROR_CODES } from '../../domain/errors.js';
import { STATUS_BY_CODE } from '../errors.js';
import type { ApiRoute } from './routes.js';
import { errorBodySchema, internalErrorBodySchema } from './schemas.js';
import type { ApiWriteRoute } from './write-routes.js';
import { editConflictBodySchema, staffReleaseResponseSchema } from './write-schemas.js';

type Json = Record<string, unknown>;

/**
 * JSON Schemas for several zod schemas at once: converted as the properties of one object so shared
 * schemas (those with a `meta({ id })`) land once in `$defs`, which become `components.schemas`.
 */
function convert(schemas: Record<string, z.ZodType>, io: 'input' | 'output'): { schemas: Record<string, Json>; defs: Record<string, Json> } {
  const json = z.toJSONSchema(z.object(schemas), { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
  const rewritten = JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as { properties: Record<string, Json>; $defs?: Record<string, Json> };
  return { schemas: rewritten.properties, defs: rewritten.$defs ?? {} };
}

/** OpenAPI path syntax for a Fastify path: `/v1/boards/:slug` -> `/v1/boards/{slug}`. */
export function openApiPath(fastifyPath: string): string {
  return fastifyPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(objectSchema: Json | undefined, location: 'query' | 'path'): Json[] {
  if (!objectSchema) return [];
  const properties = (objectSchema.properties ?? {}) as Record<string, Json>;
  const required = new Set((objectSchema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: location, required: location === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

/** The OpenAPI 3.1 document of the routes, generated from the very zod schemas they parse and present with. */
export function buildOpenApi(routes: ApiRoute[], options: { prefix: string; baseUrl: string }, writeRoutes: ApiWriteRoute[] = []): Json {
  const inputs: Record<string, z.ZodType> = {};
  const outputs: Record<string, z.ZodType> = { __error: errorBodySchema, __internal: internalErrorBodySchema, __staff: staffReleaseResponseSchema, __conflict: editConflictBodySchema };
  routes.forEach((r, i) => {
    inputs[`q${i}`] = r.query;
    if (r.params) inputs[`p${i}`] = r.params;
    outputs[`r${i}`] = r.response;
  });
  writeRoutes.forEach((r, i) => {
    if (r.params) inputs[`wp${i}`] = r.params;
    if (r.body) inputs[`wb${i}`] = r.body;
  });
  const input = convert(inputs, 'input');
  const output = convert(outputs, 'output');
  const errorRef = { $ref: '#/components/schemas/ErrorResponse' };
  const paths: Record<string, Json> = {};
  routes.forEach((r, i) => {
    const responses: Json = {
      '200': { description: 'OK', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/json': { schema: output.schemas[`r${i}`] } } },
      '304': { description: 'Not modified (If-None-Match matched the ETag)' },
    };
    for (const status of r.errors) responses[String(status)] = { description: 'Error', content: { 'application/json': { schema: errorRef } } };
    responses['500'] = { description: 'Unexpected error', content: { 'application/json': { schema: { $ref: '#/components/schemas/InternalErrorResponse' } } } };
    paths[`${options.prefix}${openApiPath(r.path)}`] = {
      get: {
        operationId: r.operationId,
        summary: r.summary,
        parameters: [...parameters(input.schemas[`p${i}`], 'path'), ...parameters(input.schemas[`q${i}`], 'query')],
        responses,
      },
    };
  });
  writeRoutes.forEach((r, i) => {
    const path = `${options.prefix}${openApiPath(r.path)}`;
    const responses: Json = {
      [r.creates ? '201' : '200']: {
        description: r.creates ? 'Created' : 'OK',
        headers: { ETag: { description: 'The edition and its version, "<edition>-<version>": send it back as If-Match', schema: { type: 'string' } }, ...(r.creates ? { Location: { schema: { type: 'string' } } } : {}) },
        content: { 'application/json': { schema: output.schemas.__staff } },
      },
      '401': { description: 'No valid token: missing, unknown, revoked or expired, or its owner is disabled', content: { 'application/json': { schema: errorRef } } },
      '429': {
        description: 'Too many failed token attempts from this address (RATE_LIMITED): every token it sends is refused until Retry-After seconds have passed',
        headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
        content: { 'application/json': { schema: errorRef } },
      },
    };
    for (const status of r.errors) {
      responses[String(status)] =
        status === 409 && r.preconditioned
          ? { description: 'A stale version (EDIT_CONFLICT: the edition changed since the version sent; nothing was done and `current` is the edition as it now is), or a step the state does not allow (INVALID_STATE)', content: { 'application/json': { schema: output.schemas.__conflict } } }
          : { description: status === 403 ? "The token's scope or its owner's role does not allow this; every reason is listed" : 'Error', content: { 'application/json': { schema: errorRef } } };
    }
    responses['500'] = { description: 'Unexpected error', content: { 'application/json': { schema: { $ref: '#/components/schemas/InternalErrorResponse' } } } };
    const bodyRequired = r.body ? !r.body.safeParse(undefined).success : false;
    const headerParams = r.preconditioned
      ? [
          {
            name: 'If-Match',
            in: 'header',
            required: false,
            description: `The ETag (or just the version) of the edition the change starts from, or the step was chosen on; or send \`version\` in the body. ${r.preconditioned === 'required' ? 'One of the two is required.' : 'Optional: checked when sent.'}`,
            schema: { type: 'string' },
          },
        ]
      : [];
    paths[path] = {
      ...(paths[path] ?? {}),
      [r.method.toLowerCase()]: {
        operationId: r.operationId,
        summary: r.summary,
        description: r.scope ? `Needs a token with the \`${r.scope}\` scope whose owner's role may take this step.` : 'Needs any valid token.',
        security: [{ bearerAuth: [] }],
        'x-scope': r.scope,
        parameters: [...parameters(input.schemas[`wp${i}`], 'path'), ...headerParams],
        ...(r.body ? { requestBody: { required: bodyRequired, content: { 'application/json': { schema: input.schemas[`wb${i}`] } } } } : {}),
        responses,
      },
    };
  });
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Pressroom public API',
      version: '1.0.0',
      description:
        'Reads: published releases and search, no credentials; responses carry an ETag and `Cache-Control: public, max-age=0, s-maxage=…` (search: `public, no-cache`) with surrogate keys; any origin may read (CORS). ' +
        'Dates written YYYY-MM-DD are calendar days of the site time zone (Asia/Seoul unless configured). ' +
        'Writes: drafts and workflow steps with an API token (`Authorization: Bearer <token>`, created by an administrator under /admin/tokens); never CORS-open. ' +
        `Scopes: ${API_SCOPES.map((s) => `\`${s}\` (${SCOPE_DESCRIPTIONS[s]})`).join('; ')}.`,
    },
    servers: [{ url: options.baseUrl.replace(/\/+$/, '') }],
    paths,
    components: {
      schemas: { ...input.defs, ...output.defs },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token ("prt_..."); it acts as its owner, within its scopes' } },
    },
    // The error catalogue: every code with its status, from the same table the handler uses.
    'x-error-codes': ERROR_CODES.map((code) => ({ code, status: STATUS_BY_CODE[code] })),
  };
}
