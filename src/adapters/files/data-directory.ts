import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { storageFailure } from '../storage-failure.js';

/**
 * Checks at start that the data directory (and its file store) can be written: creates them and
 * writes and removes a small file. A failure is a StorageUnavailableError naming the path, the
 * cause and the fix, instead of a failure at the first upload or an obscure database error.
 */
export async function checkDataDirectory(dataDir: string): Promise<void> {
  const tmp = join(dataDir, 'files', 'tmp');
  const probe = join(tmp, `.write-check-${process.pid}`);
  try {
    await mkdir(tmp, { recursive: true });
    await writeFile(probe, 'pressroom');
    await rm(probe, { force: true });
  } catch (error) {
    const failure = storageFailure(error, dataDir);
    if (failure) throw failure;
    throw error;
  }
}
