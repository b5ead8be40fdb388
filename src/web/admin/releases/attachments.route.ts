import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { formatByteSize } from '../../../domain/attachment.js';
import { DomainError, NotFoundError, type FieldIssue } from '../../../domain/errors.js';
import { workflowRefusals } from '../../../domain/workflow.js';
import { DEFAULT_UPLOAD_MAX_BYTES, type AdminWebDeps } from '../shared/admin-deps.js';
import { redirectDone } from '../shared/html.js';
import { staffOf } from '../shared/staff.js';
import { releaseIdOf, renderReleasePage } from './release-page.route.js';

const TEXT_FIELDS = ['caption', 'credit', 'altText'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/**
 * A multipart body is not parsed before the CSRF check runs, so the upload form sends its token in
 * the query string; this hands it to the CSRF check as the header it already reads.
 */
function csrfTokenFromQuery(request: FastifyRequest, _reply: FastifyReply, done: () => void) {
  const token = (request.query as Record<string, unknown> | undefined)?._csrf;
  if (typeof token === 'string' && request.headers['x-csrf-token'] === undefined) request.headers['x-csrf-token'] = token;
  done();
}

/**
 * Reads one uploaded file into memory, never holding more than `max` bytes: the parser stops at
 * the limit and marks the stream truncated, and the rest of the part is drained, not kept.
 */
async function readAtMost(part: MultipartFile, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
    else chunks.length = 0;
  }
  if (tooLarge || part.file.truncated) return null;
  return Buffer.concat(chunks);
}

async function drain(part: MultipartFile) {
  for await (const _chunk of part.file) void _chunk;
}

/**
 * POST /admin/releases/:id/attachments: several files in one multipart request, each checked by
 * its bytes (not its name) by the attach-file command, each refusal named.
 */
export function registerAttachmentRoutes(app: FastifyInstance, deps: AdminWebDeps): void {
  const max = deps.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES;
  app.post('/admin/releases/:id/attachments', { preHandler: [deps.requireStaff('writer'), csrfTokenFromQuery, deps.csrfProtection] }, async (request, reply) => {
    const releaseId = releaseIdOf(request);
    const user = staffOf(request);
    const release = await deps.system.releases.getRelease(releaseId);
    const edition = release ? await deps.system.releases.latestEdition(releaseId) : null;
    if (!release || !edition) throw new NotFoundError(`No release ${releaseId}`);
    // Files are part of the content: only a draft takes new ones, as for any other edit.
    const refusals = workflowRefusals('edit', { role: user.role, isAuthor: edition.createdBy === user.id, editionState: edition.state, releaseStatus: release.status });
    if (refusals.length > 0) return renderReleasePage(deps, request, reply, releaseId, { issues: refusals, issuesTitle: 'Could not attach files' }, 409);
    if (!request.isMultipart()) {
      return renderReleasePage(deps, request, reply, releaseId, { issues: [{ code: 'no_files', message: 'Choose one or more files to upload', field: 'files' }], issuesTitle: 'Could not attach files' }, 400);
    }

    const text: Record<TextField, string> = { caption: '', credit: '', altText: '' };
    const attached: string[] = [];
    const refused: FieldIssue[] = [];
    let status = 400;
    const parts = request.parts({ limits: { fileSize: max, files: 20, fields: 20, fieldSize: 4000 }, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0]);
    for await (const part of parts) {
      if (part.type === 'field') {
        if ((TEXT_FIELDS as readonly string[]).includes(part.fieldname)) text[part.fieldname as TextField] = String(part.value).trim();
        continue;
      }
      // A browser sends an empty, nameless part when no file was chosen.
      if (part.fieldname !== 'files' || !part.filename) {
        await drain(part);
        continue;
      }
      const bytes = await readAtMost(part, max);
      if (!bytes) {
        refused.push({ code: 'file_too_large', message: `"${part.filename}" is larger than ${formatByteSize(max)}, the most a file may be`, field: 'files' });
        status = 413;
        continue;
      }
      try {
        await deps.system.commands.attachFile({ editionId: edition.id, fileName: part.filename, bytes, ...text });
        attached.push(part.filename);
      } catch (error) {
        if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
        refused.push({ code: error.code, message: [error.message, ...error.issues.map((i) => i.message)].join('. '), field: 'files' });
        status = error.code === 'UNSUPPORTED_FILE' ? 415 : 409;
      }
    }

    if (attached.length === 0 && refused.length === 0) refused.push({ code: 'no_files', message: 'Choose one or more files to upload', field: 'files' });
    if (refused.length === 0) return redirectDone(reply, `/admin/releases/${releaseId}`, 'attached');
    const notice = attached.length > 0 ? `Attached: ${attached.join(', ')}.` : null;
    return renderReleasePage(deps, request, reply, releaseId, { issues: refused, issuesTitle: 'Some files were not attached', notice, typed: text }, status);
  });
}
