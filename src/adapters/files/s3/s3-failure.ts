import { StorageUnavailableError } from '../../../domain/errors.js';

/** What an S3 client error means and what the operator can do about it, by error name or code. */
const CAUSES: { match: RegExp; cause: string; fix: string }[] = [
  { match: /^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EPIPE|TimeoutError|RequestTimeout|NetworkingError)$/, cause: 'the object storage server cannot be reached', fix: 'check that the server is running and that PRESSROOM_S3_URL names it' },
  { match: /^(ENOTFOUND|EAI_AGAIN)$/, cause: 'the object storage host name does not resolve', fix: 'check the host name in PRESSROOM_S3_URL (and DNS)' },
  { match: /^(AccessDenied|Forbidden|InvalidAccessKeyId|SignatureDoesNotMatch|InvalidToken|ExpiredToken|CredentialsProviderError|AllAccessDisabled)$/, cause: 'the object storage refused the credentials', fix: 'check PRESSROOM_S3_ACCESS_KEY_ID and PRESSROOM_S3_SECRET_ACCESS_KEY, and that the key may read and write the bucket' },
  { match: /^(NoSuchBucket)$/, cause: 'the bucket does not exist', fix: 'create the bucket, or correct PRESSROOM_S3_BUCKET' },
  { match: /^(SlowDown|ServiceUnavailable|InternalError|ServerError|QuotaExceeded|EntityTooLarge)$/, cause: 'the object storage server failed or is overloaded', fix: 'check the object storage server (its logs, free space, quotas)' },
];

/** The name or code that classifies an SDK or network error. */
function keysOf(error: unknown): string[] {
  const e = error as { name?: unknown; code?: unknown; Code?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  const keys = [e?.name, e?.code, e?.Code].filter((k): k is string => typeof k === 'string');
  const status = e?.$metadata?.httpStatusCode;
  if (status === 403) keys.push('AccessDenied');
  if (status !== undefined && status >= 500) keys.push('ServerError');
  return keys;
}

/**
 * The storage failure behind an S3 client error, as a StorageUnavailableError whose detail names
 * the endpoint and bucket, the cause and the fix; null for other errors (a missing object, say).
 */
export function s3Failure(error: unknown, where: string): StorageUnavailableError | null {
  if (error instanceof StorageUnavailableError) return error;
  const keys = keysOf(error);
  const known = CAUSES.find((c) => keys.some((k) => c.match.test(k)));
  if (!known) return null;
  const message = error instanceof Error ? error.message : String(error);
  return new StorageUnavailableError(`Pressroom cannot use the object storage at ${where}: ${known.cause} (${keys[0] ?? 'error'}: ${message}). To fix: ${known.fix}, then retry.`);
}

/** A missing object (404): absent, like a missing file on local disk. */
export function isMissingObject(error: unknown): boolean {
  const e = error as { name?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  if (e?.name === 'NoSuchBucket') return false;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}
