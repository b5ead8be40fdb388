import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatByteSize } from '../../../domain/attachment.js';
import { DomainError, NotFoundError } from '../../../domain/errors.js';
import { workflowRefusals } from '../../../domain/workflow.js';
import { DEFAULT_UPLOAD_MAX_BYTES, type AdminWebDeps } from '../shared/admin-deps.js';
import type { ShownIssue } from '../../i18n/issue-messages.js';
import { catalogues, translator } from '../../i18n/messages.js';
import { negotiatedLanguage } from '../../public/language.route.js';
import { redirectDone } from '../shared/html.js';
import { actorOf, staffOf } from '../shared/staff.js';
import { registerAttachmentEditRoutes, type AttachmentEditSystem } from './attachment-edit.route.js';
import type { AttachFile } from '../../../app/attach-file.js';
import { releaseIdOf, renderReleasePage } from './release-page.route.js';
import { readUpload, UPLOAD_LIMITS, uploadProblemStatus } from './upload-parts.js';

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

/** The HTTP status a refused file is reported with. */
function refusalStatus(error: DomainError): number {
  if (error.issues.some((i) => i.code === 'file_too_large')) return 413;
  if (error.code === 'STORAGE_UNAVAILABLE') return 503;
  return error.code === 'UNSUPPORTED_FILE' ? 415 : error.code === 'VALIDATION_FAILED' ? 400 : 409;
}

/**
 * POST /admin/releases/:id/attachments: several files in one multipart request. Each file streams
 * straight into the attach-file command (to disk, counted against the limit), which checks it by
 * its bytes (not its name); every refusal names its file.
 */
/** Uploading files to a draft, and editing them (attachment-edit.route.ts). */
export type AttachmentsSystem = AttachmentEditSystem & { commands: { attachFile: AttachFile } };

export function registerAttachmentRoutes(app: FastifyInstance, deps: AdminWebDeps<AttachmentsSystem>): void {
  const max = deps.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES;
  app.post('/admin/releases/:id/attachments', { preHandler: [deps.requireStaff('writer'), csrfTokenFromQuery, deps.csrfProtection] }, async (request, reply) => {
    const releaseId = releaseIdOf(request);
    const user = staffOf(request);
    const release = await deps.system.releases.getRelease(releaseId);
    const edition = release ? await deps.system.editions.latestEdition(releaseId) : null;
    if (!release || !edition) throw new NotFoundError(`No release ${releaseId}`);
    // Files are part of the content: only a draft takes new ones, as for any other edit.
    const refusals = workflowRefusals('edit', { role: user.role, isAuthor: edition.createdBy === user.id, editionState: edition.state, releaseStatus: release.status });
    const t = translator(negotiatedLanguage(request));
    if (refusals.length > 0) return renderReleasePage(deps, request, reply, releaseId, { issues: refusals, issuesTitle: t('adminCouldNotAttach') }, 409);
    if (!request.isMultipart()) {
      return renderReleasePage(deps, request, reply, releaseId, { issues: [{ code: 'no_files', message: 'Choose one or more files to upload', field: 'files' }], issuesTitle: t('adminCouldNotAttach') }, 400);
    }

    const text: Record<TextField, string> = { caption: '', credit: '', altText: '' };
    const attached: string[] = [];
    const refused: ShownIssue[] = [];
    let status = 400;
    const problem = await readUpload(request, max + 1, {
      field(name, value) {
        if ((TEXT_FIELDS as readonly string[]).includes(name)) text[name as TextField] = value.trim();
      },
      async file(part, stream) {
        // A browser sends an empty, nameless part when no file was chosen: it is read and dropped.
        if (part.fieldname !== 'files' || !part.filename) return;
        try {
          const attachment = await deps.system.commands.attachFile({ editionId: edition.id, fileName: part.filename, stream, maxBytes: max, ...text, actor: actorOf(request) });
          attached.push(attachment.fileName);
        } catch (error) {
          if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
          // The file's own refusal code (empty_file, svg_refused...) and name, so Korean staff read it in Korean.
          const first = error.issues[0];
          const code = first && (`adminIssue_${first.code}` in catalogues.en || first.field !== 'files') ? first.code : 'file_refused';
          refused.push({
            code,
            message: [error.message, ...error.issues.map((i) => i.message)].join('. '),
            field: 'files',
            messageField: first?.field,
            params: { file: part.filename, size: formatByteSize(max) },
          });
          status = refusalStatus(error);
        }
      },
    });
    if (problem) {
      // What was read before the problem is kept (and listed); the page says why the rest was not.
      const params = { max: problem === 'too_many_fields' ? UPLOAD_LIMITS.fields : UPLOAD_LIMITS.files };
      refused.push({ code: problem, message: t(`adminIssue_${problem}`, params), field: 'files', params });
      status = uploadProblemStatus(problem);
    }

    if (attached.length === 0 && refused.length === 0) refused.push({ code: 'no_files', message: 'Choose one or more files to upload', field: 'files' });
    if (refused.length === 0) return redirectDone(reply, `/admin/releases/${releaseId}`, 'attached');
    const notice = attached.length > 0 ? t('adminAttachedFiles', { files: attached.join(', ') }) : null;
    return renderReleasePage(deps, request, reply, releaseId, { issues: refused, issuesTitle: t('adminSomeNotAttached'), notice, typed: text }, status);
  });

  registerAttachmentEditRoutes(app, deps);
}
