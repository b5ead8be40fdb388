import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiWrites } from '../../app/api-writes.js';
import { ConflictError, ValidationError } from '../../domain/errors.js';
import type { Authenticate } from './api-auth.js';
import { validationIssues } from './api-http.js';
import type { makePresenters } from './present.js';
import { API_WRITE_ROUTES, type Precondition } from './write-routes.js';
import { editConflictBodySchema, staffReleaseResponseSchema } from './write-schemas.js';

const IF_MATCH = /^\s*(?:W\/)?"?(?:(\d{1,9})-)?(\d{1,9})"?\s*$/;

/** The version a change starts from: If-Match wins over the body's `version`; both must agree when both are sent. Null: none sent and none required. */
export function preconditionOf(request: FastifyRequest, bodyVersion: number | undefined, required: boolean): Precondition | null {
  const header = request.headers['if-match'];
  if (header !== undefined) {
    const match = IF_MATCH.exec(header);
    if (!match) throw new ValidationError('If-Match is not an edition version', [{ code: 'VALIDATION_FAILED', message: 'Send If-Match as the ETag you were given, such as "1-3"', field: 'If-Match' }]);
    const version = Number(match[2]);
    if (bodyVersion !== undefined && bodyVersion !== version) {
      throw new ValidationError('If-Match and version disagree', [{ code: 'VALIDATION_FAILED', message: 'If-Match and `version` name different versions', field: 'version' }]);
    }
    return { editionNo: match[1] ? Number(match[1]) : null, version };
  }
  if (bodyVersion === undefined) {
    if (!required) return null;
    throw new ValidationError('Say which version you changed', [{ code: 'VALIDATION_FAILED', message: 'Send the edition version you started from, as If-Match or `version`', field: 'version' }]);
  }
  return { editionNo: null, version: bodyVersion };
}

/**
 * The write routes (API_WRITE_ROUTES: create, edit, the workflow steps): a bearer token first, then
 * the parsed request and its precondition, then the same command as the admin's. A stale change is
 * refused with the edition as it now is.
 */
export function registerApiWrites(app: FastifyInstance, deps: { writes: ApiWrites; authenticate: Authenticate; presenters: ReturnType<typeof makePresenters> }): void {
  const { authenticate, presenters } = deps;
  for (const route of API_WRITE_ROUTES) {
    app.route({
      method: route.method,
      url: route.path,
      config: { staff: true } as Record<string, unknown>,
      async handler(request, reply) {
        // Credentials first: nothing about the request is answered to a caller without them.
        const principal = await authenticate(request, reply);
        const params = route.params?.safeParse(request.params);
        const body = route.body?.safeParse(request.body ?? undefined);
        const failures = [...(params && !params.success ? validationIssues(params.error, 'path') : []), ...(body && !body.success ? validationIssues(body.error, 'body') : [])];
        if (failures.length > 0) throw new ValidationError('The request is not valid', failures);
        const bodyData = body?.data as { version?: number } | undefined;
        const precondition = route.preconditioned ? preconditionOf(request, bodyData?.version, route.preconditioned === 'required') : null;
        reply.header('Cache-Control', 'no-store');
        try {
          const view = await route.handle(deps.writes, principal, { params: params?.data, body: bodyData, precondition });
          const out = staffReleaseResponseSchema.parse({ data: presenters.staffRelease(view) });
          reply.header('ETag', `"${view.edition.editionNo}-${view.edition.lockVersion}"`);
          if (route.creates) reply.code(201).header('Location', out.data.api_url);
          return reply.type('application/json; charset=utf-8').send(out);
        } catch (error) {
          // A stale draft (EditConflictError) or a step on an edition changed since it was shown (StaleEditionError).
          if (!(error instanceof ConflictError) || !params?.success) throw error;
          // The stale change is refused whole; the client gets the edition as it now is, to merge or review again.
          const current = presenters.staffRelease(await deps.writes.get(principal, (params.data as { id: number }).id));
          const conflict = editConflictBodySchema.parse({ errors: [{ code: 'EDIT_CONFLICT', message: error.message, field: 'version' }], current });
          return reply.code(409).header('ETag', `"${current.edition.number}-${current.edition.version}"`).type('application/json; charset=utf-8').send(conflict);
        }
      },
    });
  }
}
