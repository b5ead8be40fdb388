import type { z } from 'zod';
import type { ApiPrincipal } from '../../app/api-tokens/api-tokens.js';
import type { ApiWrites, StaffReleaseView } from '../../app/api-writes.js';
import type { ApiScope } from '../../domain/api-scopes.js';
import {
  createDraftBodySchema,
  stepBodySchema,
  publishBodySchema,
  rejectBodySchema,
  releaseIdParamsSchema,
  scheduleBodySchema,
  updateDraftBodySchema,
  withdrawBodySchema,
} from './write-schemas.js';

/** The version a change starts from: `If-Match: "<edition>-<version>"` (the ETag), `"<version>"`, or the body's `version`. */
export interface Precondition {
  editionNo: number | null;
  version: number;
}

/**
 * One endpoint that needs a bearer token. `scope` is documentation: the application checks the
 * token's scopes and its owner's role together (app/api-writes.ts) and reports every reason.
 */
export interface ApiWriteRoute<P extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH';
  /** Fastify path below the /api prefix. */
  path: string;
  operationId: string;
  summary: string;
  /** The scope the token needs; null: any valid token. */
  scope: ApiScope | null;
  params: P | null;
  body: B | null;
  /** Answers 201 with a Location header. */
  creates?: boolean;
  /**
   * Reads the edition version from If-Match (or the body's `version`) and answers 409 with the current
   * edition when stale: 'required' refuses a request without one (400), 'optional' checks it when sent.
   */
  preconditioned?: 'required' | 'optional';
  /** Status codes of errors this route can answer with (besides 401 and 500). */
  errors: number[];
  handle(writes: ApiWrites, principal: ApiPrincipal, input: { params: z.output<P>; body: z.output<B>; precondition: Precondition | null }): Promise<StaffReleaseView>;
}

function route<P extends z.ZodType, B extends z.ZodType>(r: ApiWriteRoute<P, B>): ApiWriteRoute {
  return r as unknown as ApiWriteRoute;
}

const id = releaseIdParamsSchema;
/**
 * A workflow step with no body of its own but the edition version it was shown (If-Match or `version`):
 * required for the steps that let text go public (approve, schedule, publish), checked when sent otherwise.
 */
const step = (name: string, scope: ApiScope, summary: string, precondition: 'required' | 'optional', run: (w: ApiWrites, p: ApiPrincipal, id: number, seen: Precondition | null) => Promise<StaffReleaseView>) =>
  route({
    method: 'POST',
    path: `/v1/releases/:id/${name}`,
    operationId: `${name}Release`,
    summary,
    scope,
    params: id,
    body: stepBodySchema,
    preconditioned: precondition,
    errors: [400, 403, 404, 409],
    handle: (w, p, { params, precondition }) => run(w, p, params.id, precondition),
  });

/** The write side of the API: drafts and every workflow step, each its own endpoint. */
export const API_WRITE_ROUTES: ApiWriteRoute[] = [
  route({
    method: 'POST',
    path: '/v1/releases',
    operationId: 'createDraft',
    summary: 'Create a release as a draft (its first edition)',
    scope: 'drafts:write',
    params: null,
    body: createDraftBodySchema,
    creates: true,
    errors: [400, 403, 404],
    handle(w, p, { body }) {
      return w.createDraft(p, {
        boardSlug: body.board,
        language: body.language,
        translationGroup: body.translation_group ?? null,
        title: body.title,
        subtitle: body.subtitle,
        bodyMarkdown: body.body_markdown,
        department: body.department,
        contact: body.contact,
        tags: body.tags,
        embargoUntil: body.embargo_until ?? null,
      });
    },
  }),
  route({
    method: 'GET',
    path: '/v1/releases/:id/edition',
    operationId: 'getLatestEdition',
    summary: "A release's latest edition, whatever its state (staff view; never cached)",
    scope: null,
    params: id,
    body: null,
    errors: [400, 404],
    handle: (w, p, { params }) => w.get(p, params.id),
  }),
  route({
    method: 'PATCH',
    path: '/v1/releases/:id/edition',
    operationId: 'updateDraft',
    summary: 'Change a draft; fields left out keep their value. A stale version answers 409 with the current edition',
    scope: 'drafts:write',
    params: id,
    body: updateDraftBodySchema,
    preconditioned: 'required',
    errors: [400, 403, 404, 409],
    handle(w, p, { params, body, precondition }) {
      const { version: _version, body_markdown, embargo_until, ...rest } = body;
      return w.updateDraft(p, params.id, { ...rest, bodyMarkdown: body_markdown, embargoUntil: embargo_until }, precondition!.version, precondition!.editionNo);
    },
  }),
  step('submit', 'workflow:submit', 'Send a draft for review', 'optional', (w, p, releaseId, seen) => w.submit(p, releaseId, seen)),
  step('approve', 'workflow:approve', 'Approve the edition in review you were shown (its version is required; not your own, unless the newsroom allows it)', 'required', (w, p, releaseId, seen) => w.approve(p, releaseId, seen)),
  route({
    method: 'POST',
    path: '/v1/releases/:id/reject',
    operationId: 'rejectRelease',
    summary: 'Send an edition in review (or approved) back to draft with a comment',
    scope: 'workflow:approve',
    params: id,
    body: rejectBodySchema,
    preconditioned: 'optional',
    errors: [400, 403, 404, 409],
    handle: (w, p, { params, body, precondition }) => w.reject(p, params.id, body.comment, precondition),
  }),
  route({
    method: 'POST',
    path: '/v1/releases/:id/schedule',
    operationId: 'scheduleRelease',
    summary: 'Schedule the approved edition you were shown (its version is required) to publish at a time',
    scope: 'workflow:publish',
    params: id,
    body: scheduleBodySchema,
    preconditioned: 'required',
    errors: [400, 403, 404, 409],
    handle: (w, p, { params, body, precondition }) => w.schedule(p, params.id, body.at, precondition),
  }),
  step('unschedule', 'workflow:publish', 'Cancel a scheduled publication (back to approved)', 'optional', (w, p, releaseId, seen) => w.unschedule(p, releaseId, seen)),
  route({
    method: 'POST',
    path: '/v1/releases/:id/publish',
    operationId: 'publishRelease',
    summary: 'Publish the approved or scheduled edition you were shown (its version is required) now (under embargo: public from the embargo time)',
    scope: 'workflow:publish',
    params: id,
    body: publishBodySchema,
    preconditioned: 'required',
    errors: [400, 403, 404, 409],
    handle: (w, p, { params, body, precondition }) => w.publish(p, params.id, { changeNote: body?.change_note ?? null, isMinorChange: body?.is_minor_change ?? false, seen: precondition }),
  }),
  route({
    method: 'POST',
    path: '/v1/releases/:id/withdraw',
    operationId: 'withdrawRelease',
    summary: 'Withdraw a published release with a public reason (its page stays, with a notice), optionally removing its content',
    scope: 'workflow:withdraw',
    params: id,
    body: withdrawBodySchema,
    preconditioned: 'optional',
    errors: [400, 403, 404, 409],
    handle: (w, p, { params, body, precondition }) => w.withdraw(p, params.id, body.reason, { removeContent: body.remove_content, seen: precondition }),
  }),
  step('correct', 'drafts:write', 'Start a correction: a new draft edition copied from the live one, which stays public', 'optional', (w, p, releaseId, seen) => w.startCorrection(p, releaseId, seen)),
];
