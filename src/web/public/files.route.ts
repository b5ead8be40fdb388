import contentDisposition from 'content-disposition';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import rangeParser from 'range-parser';
import { z } from 'zod';
import type { PublicPages } from '../../app/public-pages.js';
import { attachmentKind } from '../../domain/attachment.js';
import type { FileStore } from '../../ports/file-store.js';
import type { PublicFile } from '../../ports/public-catalog.js';
import { DEFAULT_CDN_LIFETIMES, fileCacheControl, type CdnLifetimes } from '../cache/shared-cache.js';
import { setSurrogateKeys, surrogateKeys } from '../cache/surrogate-keys.js';

const fileParams = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string().max(1024) });

/**
 * Sends a stored file with its type, original name (RFC 6266 with an RFC 5987 filename* for Korean
 * names), a strong ETag from its hash, conditional requests and single byte ranges.
 */
export function sendFile(request: FastifyRequest, reply: FastifyReply, files: Pick<FileStore, 'read'>, file: PublicFile, cacheControl: string) {
  const etag = `"${file.sha256}"`;
  const inline = attachmentKind(file.mimeType) === 'image';
  reply
    .header('Content-Type', file.mimeType)
    .header('ETag', etag)
    .header('Accept-Ranges', 'bytes')
    .header('Cache-Control', cacheControl)
    .header('Content-Disposition', contentDisposition(file.fileName, { type: inline ? 'inline' : 'attachment' }));
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();

  const rangeHeader = request.headers.range;
  const ifRange = request.headers['if-range'];
  if (rangeHeader && (!ifRange || ifRange === etag)) {
    const ranges = rangeParser(file.byteSize, rangeHeader, { combine: true });
    if (ranges === -1) {
      return reply.code(416).header('Content-Range', `bytes */${file.byteSize}`).send();
    }
    if (Array.isArray(ranges) && ranges.type === 'bytes' && ranges.length === 1) {
      const { start, end } = ranges[0]!;
      reply.code(206).header('Content-Range', `bytes ${start}-${end}/${file.byteSize}`).header('Content-Length', end - start + 1);
      return request.method === 'HEAD' ? reply.send() : reply.send(files.read(file.sha256, { start, end }));
    }
    // A malformed or multi-range header is ignored: the whole file follows, as RFC 9110 allows.
  }
  reply.header('Content-Length', file.byteSize);
  return request.method === 'HEAD' ? reply.send() : reply.send(files.read(file.sha256));
}

/** Attachment downloads by content address: only files of public releases (others 404). */
export function registerFileRoutes(app: FastifyInstance, deps: { pages: PublicPages; files: FileStore; lifetimes?: CdnLifetimes }): void {
  app.route({
    method: ['GET', 'HEAD'],
    url: '/files/:sha256/:name',
    handler: async (request, reply) => {
      const parsed = fileParams.safeParse(request.params);
      if (!parsed.success) return reply.callNotFound();
      // The name in the URL is the attachment's: identical bytes attached twice download under each name.
      const file = await deps.pages.file(parsed.data.sha256, parsed.data.name);
      // Purged by `file-<sha256>` when a correction drops it or a takedown removes it.
      setSurrogateKeys(reply, [surrogateKeys.file(file.sha256)]);
      return sendFile(request, reply, deps.files, file, fileCacheControl(deps.lifetimes ?? DEFAULT_CDN_LIFETIMES));
    },
  });
}
