import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { FileInspector } from '../../ports/file-inspector.js';

const IMAGE = /^image\/(jpeg|png|webp|gif)$/;

/** Detects the real format from magic bytes (file-type) and reads image dimensions (sharp). */
export function makeFileInspector(): FileInspector {
  return {
    async inspect(bytes) {
      const type = await fileTypeFromBuffer(bytes);
      if (!type) return { mimeType: null, extension: null, width: null, height: null };
      if (!IMAGE.test(type.mime)) return { mimeType: type.mime, extension: type.ext, width: null, height: null };
      try {
        const meta = await sharp(bytes).metadata();
        return { mimeType: type.mime, extension: type.ext, width: meta.width ?? null, height: meta.height ?? null };
      } catch {
        // Magic bytes of an image but a body sharp cannot read: treat as unrecognised.
        return { mimeType: null, extension: null, width: null, height: null };
      }
    },
  };
}
