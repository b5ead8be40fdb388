import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { StorageUnavailableError } from '../../../domain/errors.js';
import type { ByteRange, FileStore, StoredFile } from '../../../ports/file-store.js';
import { storageFailure } from '../../storage-failure.js';
import { makeTemporaryArea } from '../temporary-area.js';
import { isMissingObject, s3Failure } from './s3-failure.js';

const SHA256 = /^[0-9a-f]{64}$/;
const PREFIX = 'files/';
const MB = 1024 * 1024;

export interface S3FileStoreOptions {
  /** Null: AWS's own endpoint for the region. */
  endpoint: string | null;
  bucket: string;
  region: string;
  /** Null: the AWS SDK's default credential chain (environment, profile, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  forcePathStyle: boolean;
  /** The local temporary area uploads are staged in (PRESSROOM_DATA/files/tmp). */
  temporaryDir: string;
  /** Files at least this big go up in parts (lib-storage's Upload); smaller ones in one streamed PUT. 64 MB unless set. */
  multipartFromBytes?: number;
  /** Part size of multipart uploads (at least 5 MB, S3's minimum); 8 MB unless set. */
  partBytes?: number;
  onStorageError?: (error: StorageUnavailableError) => void;
}

/** The object key of a content address: files/ab/cd/<sha256>, the local store's layout under a prefix. */
export const objectKey = (sha256: string) => {
  if (!SHA256.test(sha256)) throw new Error('Not a SHA-256 address');
  return `${PREFIX}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
};

/** A read of an absent object fails like a read of an absent local file (ENOENT). */
class MissingObjectError extends Error {
  readonly code = 'ENOENT';
}

/**
 * Stores files in an S3-compatible bucket under their SHA-256 (files/ab/cd/<sha256>). Uploads are
 * staged in the local temporary area as with the local store (hashed on the way, never held whole),
 * then streamed to the bucket: in one PUT, or in parts for large files; the object appears only when
 * complete, so a half-written file is never served. Reads stream, with S3 Range requests for byte
 * ranges. An endpoint that is down or refuses the credentials is a StorageUnavailableError naming the
 * endpoint, bucket and fix, told to `onStorageError` first (the operator's log).
 */
export function makeS3FileStore(options: S3FileStoreOptions): FileStore & { close(): void } {
  const where = `${options.endpoint ?? `AWS S3 (${options.region})`}, bucket ${options.bucket}`;
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    // Checksums only where S3 requires them: MinIO-like servers refuse or mangle the chunked
    // trailing checksums newer SDKs send by default. Content addressing verifies bytes anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
  const multipartFrom = options.multipartFromBytes ?? 64 * MB;
  const partSize = Math.max(5 * MB, options.partBytes ?? 8 * MB);

  /** Runs a call to the bucket, translating its failures (endpoint down, access denied) to StorageUnavailableError. */
  async function storing<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const failure = s3Failure(error, where);
      if (!failure) throw error;
      options.onStorageError?.(failure);
      throw failure;
    }
  }
  /** The same for the local temporary area; a failing source (a stream being read) stays as it is. */
  async function staging<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const path = (error as { path?: unknown }).path;
      const failure = typeof path === 'string' && !path.startsWith(options.temporaryDir) ? null : storageFailure(error, options.temporaryDir);
      if (!failure) throw error;
      options.onStorageError?.(failure);
      throw failure;
    }
  }
  const temporary = makeTemporaryArea(options.temporaryDir, staging);

  /** Streams a temporary file to its object key, then removes it (also when the upload fails). */
  async function upload(tmp: string, sha256: string): Promise<void> {
    try {
      const { size } = await stat(tmp);
      const Key = objectKey(sha256);
      await storing(async () => {
        if (size < multipartFrom) {
          // One PUT whose body streams from the file (a known length needs no buffering).
          await client.send(new PutObjectCommand({ Bucket: options.bucket, Key, Body: createReadStream(tmp), ContentLength: size, ContentType: 'application/octet-stream' }));
        } else {
          // In parts, one at a time: memory holds about two parts, whatever the file's size.
          const parts = new Upload({ client, params: { Bucket: options.bucket, Key, Body: createReadStream(tmp, { highWaterMark: 1 * MB }), ContentType: 'application/octet-stream' }, partSize, queueSize: 1 });
          await parts.done();
        }
      });
    } finally {
      await rm(tmp, { force: true });
    }
  }

  /** The object's bytes as a stream; the request is made when the stream is first read. */
  function read(sha256: string, range?: ByteRange): Readable {
    const Key = objectKey(sha256);
    async function* body(): AsyncGenerator<Buffer> {
      let response;
      try {
        response = await storing(() => client.send(new GetObjectCommand({ Bucket: options.bucket, Key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) })));
      } catch (error) {
        if (isMissingObject(error)) throw new MissingObjectError(`No stored file ${sha256} in ${where}`);
        throw error;
      }
      const stream = response.Body as Readable;
      // Never more than was asked: some S3-compatible servers ignore a Range (a 200 with the whole
      // object) or overrun one (s3rver answers bytes=0-0 with everything).
      let skip = range && !response.ContentRange ? range.start : 0;
      let left = range ? range.end - range.start + 1 : Infinity;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          const from = Math.min(skip, chunk.length);
          skip -= from;
          const part = chunk.subarray(from, from + Math.min(left, chunk.length - from));
          left -= part.length;
          if (part.length > 0) yield part;
          if (left <= 0) break;
        }
      } catch (error) {
        const failure = s3Failure(error, where);
        if (failure) options.onStorageError?.(failure);
        throw failure ?? error;
      } finally {
        stream.destroy();
      }
    }
    return Readable.from(body(), { objectMode: false });
  }

  return {
    async put(source) {
      const { tmp, sha256, byteSize } = await temporary.write(source);
      await upload(tmp, sha256);
      return { sha256, byteSize } satisfies StoredFile;
    },

    async stage(source) {
      const file = await temporary.write(source);
      return temporary.staged(file, (tmp) => upload(tmp, file.sha256));
    },

    async stat(sha256) {
      const Key = objectKey(sha256);
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: options.bucket, Key }));
        return { byteSize: head.ContentLength ?? 0 };
      } catch (error) {
        if (isMissingObject(error)) return null;
        return storing(() => Promise.reject(error));
      }
    },

    read,

    async *list() {
      let ContinuationToken: string | undefined;
      do {
        const page = await storing(() => client.send(new ListObjectsV2Command({ Bucket: options.bucket, Prefix: PREFIX, ContinuationToken })));
        for (const object of page.Contents ?? []) {
          const sha256 = object.Key?.slice(object.Key.lastIndexOf('/') + 1) ?? '';
          if (SHA256.test(sha256) && object.Key === objectKey(sha256)) yield { sha256, byteSize: object.Size ?? 0 };
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },

    sweepTemporary: (olderThan) => temporary.sweep(olderThan),

    /** Readiness (/readyz): the bucket answers with these credentials. */
    async ping() {
      await storing(() => client.send(new HeadBucketCommand({ Bucket: options.bucket })));
    },

    close: () => client.destroy(),
  };
}
