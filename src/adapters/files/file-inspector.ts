import type { Readable } from 'node:stream';
import { fileTypeFromStream } from 'file-type';
import type { FileInspector, InspectedFile } from '../../ports/file-inspector.js';

const HEAD_BYTES = 4100;
const NONE: InspectedFile = { mimeType: null, extension: null };

/**
 * HWPX is an OCF container like EPUB and ODF: a zip whose FIRST entry is an uncompressed file
 * named "mimetype" holding "application/hwp+zip". file-type only knows the OCF mimetypes of EPUB
 * and ODF and calls any other such zip "application/zip", so we recognise HWPX ourselves from the
 * fixed local-file-header layout at offset 0 (signature, stored method 0, name "mimetype", then
 * the content). A zip that merely carries a .hwpx name is not HWPX and is refused as a plain zip.
 */
function isHwpx(head: Buffer): boolean {
  if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) return false;
  const method = head.readUInt16LE(8);
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const size = head.readUInt32LE(18);
  if (method !== 0 || nameLength !== 8 || head.toString('latin1', 30, 38) !== 'mimetype') return false;
  const start = 30 + nameLength + extraLength;
  return head.toString('latin1', start, start + size).trim() === 'application/hwp+zip';
}

/**
 * SVG and HTML have no magic bytes, so file-type returns nothing for them; they are named here so
 * they can be refused explicitly (both can carry scripts that run on our origin).
 */
function markupType(head: Buffer): InspectedFile | null {
  const start = head.toString('utf8', 0, Math.min(head.length, 1024)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  const sample = head.toString('utf8').toLowerCase();
  if (/^<svg[\s>]/.test(start) || (/^<\?xml/.test(start) && sample.includes('<svg')) || /^<!doctype svg/.test(start)) return { mimeType: 'image/svg+xml', extension: 'svg' };
  if (/^<(!doctype html|html|head|body|script|iframe|meta|!--)[\s>]/.test(start) || /<script[\s>]/.test(sample)) return { mimeType: 'text/html', extension: 'html' };
  return null;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Detects the real format from magic bytes (file-type), plus HWPX, SVG and HTML (see above). */
export function makeFileInspector(): FileInspector {
  return {
    async inspect(read) {
      const head = await readAll(read({ start: 0, end: HEAD_BYTES - 1 }));
      if (head.length === 0) return NONE;
      if (isHwpx(head)) return { mimeType: 'application/hwp+zip', extension: 'hwpx' };
      // Before file-type, which would call an SVG "application/xml" and let it pass as mere XML.
      const markup = markupType(head);
      if (markup) return markup;
      // The whole stream, not just the head: OOXML (DOCX, XLSX, PPTX) is told apart by zip entries
      // that may lie beyond the first 4 KB. file-type stops reading as soon as it knows.
      const stream = read();
      try {
        const type = await fileTypeFromStream(stream);
        if (type) return { mimeType: type.mime, extension: type.ext };
      } finally {
        stream.destroy();
      }
      return NONE;
    },
  };
}

