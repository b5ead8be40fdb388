import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LIMITS } from '../../../domain/limits.js';
import { renderMarkdown } from '../../render/markdown.js';
import { canWrite, type AdminWebDeps } from '../shared/admin-deps.js';

export const previewSchema = z.object({ bodyMarkdown: z.string().max(LIMITS.bodyMaxChars) });

/**
 * POST /admin/preview: a body's Markdown rendered and sanitized exactly as the public page does,
 * for the editor's live preview. Writers and up, with the CSRF token (x-csrf-token header).
 */
export function registerPreviewRoute(app: FastifyInstance, deps: AdminWebDeps): void {
  // A body of 200,000 Korean characters is about 600 kB of JSON.
  app.post('/admin/preview', { ...canWrite(deps, 'writer'), bodyLimit: 4 * LIMITS.bodyMaxChars + 1024 }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const parsed = previewSchema.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(400).send({ errors: parsed.error.issues.map((issue) => ({ code: issue.code, message: issue.message, field: issue.path.join('.') || undefined })) });
    }
    return reply.send({ html: renderMarkdown(parsed.data.bodyMarkdown) });
  });
}
