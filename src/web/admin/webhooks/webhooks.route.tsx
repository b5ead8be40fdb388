import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { WEBHOOK_EVENTS } from '../../../domain/webhook.js';
import { NotFoundError, ValidationError } from '../../../domain/errors.js';
import { fieldText, formBodySchema } from '../releases/release-form.js';
import { adminContext } from '../shared/admin-context.js';
import { canRead, canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { makeAdminErrorHandler } from '../shared/admin-error-handler.js';
import { redirectDone, sendAdminPage } from '../shared/html.js';
import { actorOf } from '../shared/staff.js';
import { WebhooksView, type WebhooksPageProps } from './webhooks.view.js';
import type { makeCreateWebhook } from '../../../app/distribution/create-webhook.js';
import type { makeSetWebhookEnabled } from '../../../app/distribution/set-webhook-enabled.js';
import type { WebhookRepo } from '../../../ports/webhooks.js';

/** Webhook endpoints and their deliveries (#14). */
export type WebhooksSystem = {
  distribution: { webhooks: { repo: Pick<WebhookRepo, 'listEndpoints' | 'listDeliveries'>; create: ReturnType<typeof makeCreateWebhook>; setEnabled: ReturnType<typeof makeSetWebhookEnabled> } };
};

const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const doneQuery = z.object({ done: z.enum(['enabled', 'disabled']).optional().catch(undefined) });

/** A repeated checkbox arrives as a string (one) or an array (several). */
function checkedEvents(body: unknown): string[] {
  const raw = formBodySchema.parse(body ?? {}).events;
  return ([] as unknown[]).concat(raw ?? []).filter((s): s is string => typeof s === 'string');
}

/**
 * /admin/webhooks (administrators only): endpoints, add one (its secret is shown once, on the page
 * answering the POST), turn one on or off, and the last deliveries with their attempts and answers.
 * The commands audit every change.
 */
export function registerWebhookAdminRoutes(app: FastifyInstance, deps: AdminWebDeps<WebhooksSystem>): void {
  const webhooks = deps.system.distribution.webhooks;
  void app.register(async (scope) => {
    scope.setErrorHandler(makeAdminErrorHandler({ siteName: deps.siteName }));

    async function render(request: FastifyRequest, reply: FastifyReply, page: Pick<WebhooksPageProps, 'values' | 'issues' | 'created' | 'done'>, status = 200) {
      const [ctx, endpoints, deliveries] = await Promise.all([adminContext(request, reply, deps), webhooks.repo.listEndpoints(), webhooks.repo.listDeliveries({ limit: 50 })]);
      return sendAdminPage(reply, <WebhooksView ctx={ctx} endpoints={endpoints} deliveries={deliveries} {...page} />, status);
    }
    const emptyForm = () => ({ url: '', events: [...WEBHOOK_EVENTS] as string[] });

    scope.get('/admin/webhooks', canRead(deps, 'admin'), async (request, reply) => {
      const { done } = doneQuery.parse(request.query ?? {});
      return render(request, reply, { values: emptyForm(), issues: [], done });
    });

    scope.post('/admin/webhooks', { ...canWrite(deps, 'admin'), config: { listFields: ['events'] } }, async (request, reply) => {
      const values = { url: fieldText(request.body, 'url'), events: checkedEvents(request.body) };
      try {
        const { endpoint, secret } = await webhooks.create(values, actorOf(request));
        // Shown once, on this answer only (never cached: sendAdminPage sends no-store).
        return render(request, reply, { values: emptyForm(), issues: [], created: { url: endpoint.url, secret } }, 201);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return render(request, reply, { values, issues: error.issues }, 400);
      }
    });

    for (const action of ['enable', 'disable'] as const) {
      scope.post(`/admin/webhooks/:id/${action}`, canWrite(deps, 'admin'), async (request, reply) => {
        const id = idParams.safeParse(request.params);
        if (!id.success || !(await webhooks.setEnabled(id.data.id, action === 'enable', actorOf(request)))) throw new NotFoundError('No such webhook: it may have been removed');
        return redirectDone(reply, '/admin/webhooks', action === 'enable' ? 'enabled' : 'disabled');
      });
    }
  });
}
