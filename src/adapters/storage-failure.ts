import { StorageUnavailableError } from '../domain/errors.js';

/** What a failed write means and what the operator can do about it, by error code. */
const CAUSES: { codes: RegExp; cause: string; fix: (where: string) => string }[] = [
  { codes: /^(ENOSPC|EDQUOT|SQLITE_FULL|53100)$/, cause: 'the disk is full', fix: (where) => `free space on the disk holding ${where} (or move PRESSROOM_DATA to a larger disk)` },
  { codes: /^(EROFS|SQLITE_READONLY.*|25006)$/, cause: 'it is read-only', fix: (where) => `make ${where} writable (remount the file system read-write, or point PRESSROOM_DATA at a writable directory)` },
  { codes: /^(EACCES|EPERM|SQLITE_PERM|SQLITE_AUTH|42501)$/, cause: 'permission is denied', fix: (where) => `give the user running Pressroom write access to ${where} (chown or chmod)` },
  { codes: /^(ENOTDIR|EEXIST|EISDIR)$/, cause: 'part of the path is a file, not a directory', fix: (where) => `make ${where} a directory the user running Pressroom can write (check PRESSROOM_DATA)` },
  { codes: /^(EIO|SQLITE_IOERR.*|SQLITE_CANTOPEN|SQLITE_CORRUPT|58030)$/, cause: 'the disk reported an input/output error', fix: (where) => `check the disk holding ${where} (kernel log, free space, mount state) and restore from a backup if it is damaged` },
];

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * The storage failure behind a file-system or database error, as a StorageUnavailableError whose
 * detail names `where` (a path or the database), the cause and the fix; null for other errors.
 */
export function storageFailure(error: unknown, where: string): StorageUnavailableError | null {
  if (error instanceof StorageUnavailableError) return error;
  const code = codeOf(error);
  if (!code) return null;
  const known = CAUSES.find((c) => c.codes.test(code));
  if (!known) return null;
  const message = error instanceof Error ? error.message : String(error);
  return new StorageUnavailableError(`Pressroom cannot write to ${where}: ${known.cause} (${code}: ${message}). To fix: ${known.fix(where)}, then retry.`);
}

/** Runs `work`; a storage failure is rethrown as StorageUnavailableError (told to `report` first). */
export async function translatingStorageErrors<T>(where: string, work: () => Promise<T>, report?: (error: StorageUnavailableError) => void): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const failure = storageFailure(error, where);
    if (!failure) throw error;
    report?.(failure);
    throw failure;
  }
}
