import type { Readable } from 'node:stream';

export interface ImageSize {
  width: number;
  height: number;
}

/** A re-encoded image as a stream; its size is known once the stream has ended. */
export interface ImageOutput {
  stream: Readable;
  size(): ImageSize | null;
}

/** Re-encodes uploaded photos: the stored original is sanitised, the page serves WebP sizes. */
export interface ImageProcessor {
  /**
   * The image in its own format, turned upright by its EXIF orientation, with every metadata
   * block dropped (EXIF with GPS, XMP, IPTC), so a photo cannot reveal where it was taken.
   */
  sanitise(source: Readable, mimeType: string): ImageOutput;
  /** A WebP copy `width` pixels wide (the caller never asks for more than the original's width). */
  webp(source: Readable, mimeType: string, width: number): ImageOutput;
}
