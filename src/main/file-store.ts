import { join } from 'node:path';
import { makeLocalFileStore } from '../adapters/files/local-file-store.js';
import { makeMigrateFiles } from '../app/migrate-files.js';
import type { FilesMigrationFactory } from '../cli/files-migrate.command.js';
import { loadConfig, type ObjectStorageSettings } from '../config.js';
import type { StorageUnavailableError } from '../domain/errors.js';
import type { FileStore } from '../ports/file-store.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';

export interface FileStoreChoice {
  dataDir: string;
  /** A bucket (PRESSROOM_S3_*), or null: files on local disk under dataDir/files. */
  objectStorage?: ObjectStorageSettings | null;
  onStorageError?: (error: StorageUnavailableError) => void;
}

/** Where files live, for messages: the bucket or the local directory. */
export function describeFileStore(choice: Pick<FileStoreChoice, 'dataDir' | 'objectStorage'>): string {
  const s3 = choice.objectStorage;
  return s3 ? `the bucket ${s3.bucket} at ${s3.endpoint ?? `AWS S3 (${s3.region})`}` : join(choice.dataDir, 'files');
}

/**
 * The file store the configuration asks for: an S3-compatible bucket when PRESSROOM_S3_BUCKET is
 * set, else the local content-addressed store. Both stage uploads in dataDir/files/tmp. The AWS SDK
 * is loaded only when a bucket is configured (it costs every start otherwise).
 */
export async function makeFileStore(choice: FileStoreChoice): Promise<FileStore & { close(): void }> {
  const s3 = choice.objectStorage;
  if (!s3) return { ...makeLocalFileStore(join(choice.dataDir, 'files'), { onStorageError: choice.onStorageError }), close: () => undefined };
  const { makeS3FileStore } = await import('../adapters/files/s3/s3-file-store.js');
  return makeS3FileStore({
    endpoint: s3.endpoint,
    bucket: s3.bucket,
    region: s3.region,
    credentials: s3.accessKeyId && s3.secretAccessKey ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } : null,
    forcePathStyle: s3.forcePathStyle,
    temporaryDir: join(choice.dataDir, 'files', 'tmp'),
    onStorageError: choice.onStorageError,
  });
}

/** `pressroom files migrate --to s3`: from the local store under PRESSROOM_DATA into the system's (S3) store. */
export const filesMigrationFromConfig: FilesMigrationFactory<{ files: FileStore; audit: AuditLog; clock: Clock }> = (system) => {
  const config = loadConfig();
  if (!config.objectStorage) return { refused: 'No bucket is configured: set PRESSROOM_S3_BUCKET (and PRESSROOM_S3_URL, the access key and secret for a self-hosted server; see docs/storage.md), then run this again.' };
  const source = makeLocalFileStore(join(config.dataDir, 'files'));
  const migrate = makeMigrateFiles({ source, target: system.files, audit: system.audit, clock: system.clock });
  return { migrate, from: describeFileStore({ dataDir: config.dataDir, objectStorage: null }), to: describeFileStore(config) };
};
