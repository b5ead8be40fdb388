import contentDisposition from 'content-disposition';
import type { FastifyInstance } from 'fastify';
import { Zip, ZipPassThrough, strToU8 } from 'fflate';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { AttachmentPages, MediaKit } from '../../app/attachment-pages.js';
import { LANGUAGES } from '../../domain/language.js';
import type { FileStore } from '../../ports/file-store.js';
import { translator } from '../i18n/messages.js';
import { renderPage } from '../render/page.js';
import { AttachmentTextView } from '../views/attachment-text.view.js';
import type { SiteContext } from './site-context.js';
import { boardSlugSchema } from '../../app/board.schema.js';
import { fileCacheControl, type SharedCaching } from '../cache/shared-cache.js';
import { setSurrogateKeys, surrogateKeys as k } from '../cache/surrogate-keys.js';

const slug = boardSlugSchema;
const number = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);
const textParams = z.object({ lang: z.enum(LANGUAGES), board: slug, number, attachmentId: number });
const kitParams = z.object({ lang: z.enum(LANGUAGES), board: slug, number });

/** The captions file of a media kit: one entry per photo, in page order. */
function captionsText(kit: MediaKit, names: string[], lang: 'ko' | 'en'): string {
  const t = translator(lang);
  const lines = [kit.edition.title, `${t('photoCaptions')}`, ''];
  kit.photos.forEach((p, i) => {
    lines.push(`${names[i]}${p.width && p.height ? ` (${p.width} x ${p.height} px)` : ''}`);
    if (p.caption) lines.push(p.caption);
    if (p.credit) lines.push(`${t('photoCredit')}: ${p.credit}`);
    if (p.altText) lines.push(`[${p.altText}]`);
    lines.push('');
  });
  return lines.join('\r\n');
}

/** Names inside the zip: the originals' names, made unique. */
function uniqueNames(kit: MediaKit): string[] {
  const seen = new Map<string, number>();
  return kit.photos.map((p) => {
    const n = (seen.get(p.fileName) ?? 0) + 1;
    seen.set(p.fileName, n);
    return n === 1 ? p.fileName : p.fileName.replace(/(\.[^.]*)?$/, `-${n}$1`);
  });
}

/**
 * The zip as a stream (fflate's streaming Zip): each original is read from the store a chunk at a
 * time and stored as it is (photos are compressed already), so no photo, and not the zip, is ever
 * held whole; the reader pulling the response paces the reads.
 */
async function* zipStream(kit: MediaKit, files: FileStore, lang: 'ko' | 'en'): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  const names = uniqueNames(kit);
  const mtime = kit.release.firstPublishedAt ?? new Date();
  const drain = function* () {
    if (failure) throw failure;
    while (ready.length > 0) yield ready.shift()!;
  };
  const captions = new ZipPassThrough(lang === 'ko' ? '사진설명.txt' : 'captions.txt');
  captions.mtime = mtime;
  zip.add(captions);
  captions.push(strToU8(`\ufeff${captionsText(kit, names, lang)}`), true);
  yield* drain();
  for (const [i, photo] of kit.photos.entries()) {
    const entry = new ZipPassThrough(names[i]!);
    entry.mtime = mtime;
    zip.add(entry);
    for await (const chunk of files.read(photo.sha256) as AsyncIterable<Buffer>) {
      entry.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      yield* drain();
    }
    entry.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** Attachment text views and media kits (#19), under the files' visibility rule (see app/attachment-pages.ts). */
export function registerAttachmentRoutes(app: FastifyInstance, deps: { attachments: AttachmentPages; files: FileStore; contextFor: SiteContext; caching: SharedCaching }): void {
  app.get('/:lang/:board/:number/files/:attachmentId', async (request, reply) => {
    const parsed = textParams.safeParse(request.params);
    if (!parsed.success) return reply.callNotFound();
    const p = parsed.data;
    const [ctx, page] = await Promise.all([deps.contextFor(p.lang), deps.attachments.textView(p.board, p.lang, p.number, p.attachmentId)]);
    // Not cached here: it follows the release's withdrawal and the extraction's progress at once; a
    // shared cache hears of both (release events, `release.attachment_text_ready`) by its keys.
    deps.caching.applyPublic(reply, [k.release(page.release.id), k.board(p.board), k.language(p.lang), k.file(page.attachment.sha256)]);
    return reply.type('text/html; charset=utf-8').send(renderPage(<AttachmentTextView ctx={ctx} page={page} />));
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/:lang/:board/:number/photos.zip',
    handler: async (request, reply) => {
      const parsed = kitParams.safeParse(request.params);
      if (!parsed.success) return reply.callNotFound();
      const p = parsed.data;
      const kit = await deps.attachments.mediaKit(p.board, p.lang, p.number);
      setSurrogateKeys(reply, [k.release(kit.release.id), k.board(p.board), k.language(p.lang)]);
      reply
        .header('Content-Type', 'application/zip')
        .header('Cache-Control', fileCacheControl(deps.caching.lifetimes))
        .header('Content-Disposition', contentDisposition(`${p.board}-${p.number}-photos.zip`));
      return request.method === 'HEAD' ? reply.send() : reply.send(Readable.from(zipStream(kit, deps.files, p.lang)));
    },
  });
}
