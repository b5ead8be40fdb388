import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import type { ExtractionLimits } from '../../domain/attachment-text.js';
import { ExtractionRefused } from './limits.js';

const CHUNK = 64 * 1024;

/**
 * Reads the wanted entries of a zip (DOCX, HWPX) within limits, against zip bombs: the entry count
 * and the declared sizes in the central directory are checked before anything is inflated, then
 * every inflated byte is counted and reading stops at the cap, whatever the sizes claimed.
 */
export function readZip(bytes: Uint8Array, limits: Pick<ExtractionLimits, 'maxUnzippedBytes' | 'maxZipEntries'>, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  let entries = 0;
  let declared = 0;
  try {
    // The filter sees each central-directory entry and inflates none of them.
    unzipSync(bytes, {
      filter(file) {
        entries += 1;
        if (wanted(file.name)) declared += file.originalSize;
        return false;
      },
    });
  } catch {
    throw new ExtractionRefused('it is not a readable zip file (damaged or incomplete)');
  }
  if (entries > limits.maxZipEntries) throw new ExtractionRefused(`it holds ${entries} parts, more than the ${limits.maxZipEntries} read`);
  if (declared > limits.maxUnzippedBytes) throw new ExtractionRefused(`its parts unpack to more than ${limits.maxUnzippedBytes} bytes`);

  const out = new Map<string, Uint8Array>();
  let inflated = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    if (failure || !wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new ExtractionRefused(`its part ${file.name} is damaged`);
        return;
      }
      inflated += chunk.length;
      if (inflated > limits.maxUnzippedBytes) {
        failure = new ExtractionRefused(`its parts unpack to more than ${limits.maxUnzippedBytes} bytes (more than they declare)`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) out.set(file.name, concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += CHUNK) unzip.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)), at + CHUNK >= bytes.length);
  } catch (error) {
    if (!failure) failure = error instanceof ExtractionRefused ? error : new ExtractionRefused('it is not a readable zip file (damaged or incomplete)');
  }
  if (failure) throw failure;
  return out;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
