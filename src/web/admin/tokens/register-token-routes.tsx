import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isApiScope } from '../../../domain/api-scopes.js';
import { NotFoundError, ValidationError, type FieldIssue } from '../../../domain/errors.js';
import { fieldText, formBodySchema } from '../releases/release-form.js';
import { adminContext } from '../shared/admin-context.js';
import { canRead, canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { makeAdminErrorHandler } from '../shared/admin-error-handler.js';
import { parseLocalDateTime } from '../shared/datetime-local.js';
import { redirectDone, sendAdminPage } from '../shared/html.js';
import { actorOf, staffOf } from '../shared/staff.js';
import { TokensView, type TokenFormValues, type TokensPageProps } from './tokens.view.js';
import type { ApiTokens } from '../../../app/api-tokens/api-tokens.js';

/** API tokens: created, listed and revoked by administrators. */
export type TokensSystem = { apiTokens: Pick<ApiTokens, 'create' | 'list' | 'revoke'> };

const tokenId = z.coerce.number().int().min(1).max(2_147_483_647);
const doneQuery = z.object({ done: z.enum(['revoked']).optional().catch(undefined) });

/** A repeated checkbox arrives as a string (one) or an array (several). */
function checkedScopes(body: unknown): string[] {
  const raw = formBodySchema.parse(body ?? {}).scopes;
  return ([] as unknown[]).concat(raw ?? []).filter((s): s is string => typeof s === 'string');
}

/**
 * /admin/tokens (administrators only): list API tokens, create one (its secret is shown once, on
 * the page answering the POST, never again), revoke one. The commands audit every change.
 */
export function registerApiTokenAdminRoutes(app: FastifyInstance, deps: AdminWebDeps<TokensSystem>): void {
  void app.register(async (scope) => {
    scope.setErrorHandler(makeAdminErrorHandler({ siteName: deps.siteName }));

    async function render(request: FastifyRequest, reply: FastifyReply, page: Omit<TokensPageProps, 'ctx' | 'tokens'>, status = 200) {
      const [ctx, tokens] = await Promise.all([adminContext(request, reply, deps), deps.system.apiTokens.list()]);
      return sendAdminPage(reply, <TokensView ctx={ctx} tokens={tokens} {...page} />, status);
    }
    const emptyForm = (request: FastifyRequest): TokenFormValues => ({ name: '', ownerEmail: staffOf(request).email, scopes: [], expiresAt: '' });

    scope.get('/admin/tokens', canRead(deps, 'admin'), async (request, reply) => {
      const { done } = doneQuery.parse(request.query ?? {});
      return render(request, reply, { values: emptyForm(request), issues: [], done });
    });

    // `scopes` is a group of checkboxes: every ticked value counts (other repeated fields: the first).
    scope.post('/admin/tokens', { ...canWrite(deps, 'admin'), config: { listFields: ['scopes'] } }, async (request, reply) => {
      const values: TokenFormValues = { name: fieldText(request.body, 'name'), ownerEmail: fieldText(request.body, 'ownerEmail'), scopes: checkedScopes(request.body), expiresAt: fieldText(request.body, 'expiresAt') };
      const formIssues: FieldIssue[] = [];
      let expiresAt: Date | null = null;
      if (values.expiresAt.trim() !== '') {
        expiresAt = parseLocalDateTime(values.expiresAt, deps.timeZone);
        if (!expiresAt) formIssues.push({ code: 'invalid_time', message: 'Enter the expiry as a date and a time, for example 2027-01-01 09:00', field: 'expiresAt' });
      }
      const unknownScope = values.scopes.some((s) => !isApiScope(s));
      if (unknownScope) formIssues.push({ code: 'unknown_scope', message: 'Choose scopes from the list', field: 'scopes' });
      try {
        if (formIssues.length > 0) throw new ValidationError('The token cannot be created', formIssues);
        const { token, secret } = await deps.system.apiTokens.create({ name: values.name, ownerEmail: values.ownerEmail, scopes: values.scopes.filter(isApiScope), expiresAt }, actorOf(request));
        // Shown once, on this answer only (never cached: sendAdminPage sends no-store).
        return render(request, reply, { values: emptyForm(request), issues: [], created: { name: token.name, secret } }, 201);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return render(request, reply, { values, issues: error.issues }, 400);
      }
    });

    scope.post('/admin/tokens/:id/revoke', canWrite(deps, 'admin'), async (request, reply) => {
      const id = tokenId.safeParse((request.params as Record<string, unknown>).id);
      if (!id.success) throw new NotFoundError('No such token');
      await deps.system.apiTokens.revoke(id.data, actorOf(request));
      return redirectDone(reply, '/admin/tokens', 'revoked');
    });
  });
}
