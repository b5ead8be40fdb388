import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import type SharpFactory from 'sharp';
import type { Sharp } from 'sharp';
import type { ImageOutput, ImageProcessor, ImageSize } from '../../ports/image-processor.js';

// sharp (libvips) loads on the first upload, not at start: it costs tens of MB in every process
// that only serves pages.
const require = createRequire(import.meta.url);
let sharpFactory: typeof SharpFactory | null = null;
const loadSharp = (): typeof SharpFactory => (sharpFactory ??= require('sharp') as typeof SharpFactory);

/** Feeds `source` into a sharp stream; a failing source fails the output, so nothing half-made is stored. */
function run(source: Readable, image: Sharp): ImageOutput {
  let size: ImageSize | null = null;
  image.on('info', (info: { width: number; height: number }) => {
    size = { width: info.width, height: info.height };
  });
  source.on('error', (error) => image.destroy(error));
  source.pipe(image);
  return { stream: image, size: () => size };
}

const animated = (mimeType: string) => mimeType === 'image/gif' || mimeType === 'image/webp';

/**
 * sharp (libvips) re-encoding. Without `.withMetadata()`/`.keepExif()` sharp writes no EXIF, XMP
 * or IPTC at all; `.rotate()` with no angle first applies the EXIF orientation to the pixels, so
 * dropping the orientation tag keeps the photo upright.
 */
export function makeSharpImageProcessor(): ImageProcessor {
  return {
    sanitise(source, mimeType) {
      const sharp = loadSharp();
      const image = sharp({ animated: animated(mimeType), failOn: 'error' }).rotate();
      switch (mimeType) {
        case 'image/jpeg':
          return run(source, image.jpeg({ quality: 92, mozjpeg: true }));
        case 'image/png':
          return run(source, image.png());
        case 'image/webp':
          return run(source, image.webp({ quality: 90 }));
        case 'image/gif':
          return run(source, image.gif());
        default:
          throw new Error(`Not an image type sharp re-encodes here: ${mimeType}`);
      }
    },

    webp(source, mimeType, width) {
      const sharp = loadSharp();
      return run(source, sharp({ animated: animated(mimeType) }).resize({ width, withoutEnlargement: true }).webp({ quality: 80 }));
    },
  };
}
