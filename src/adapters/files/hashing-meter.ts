import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

/**
 * A pass-through stream that hashes (SHA-256) and counts the bytes going through it, so a file is
 * hashed while it is copied or staged, never read twice and never held whole.
 */
export function hashingMeter(): { stream: Transform; result(): { sha256: string; byteSize: number } } {
  const hash = createHash('sha256');
  let byteSize = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      byteSize += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), byteSize }) };
}
