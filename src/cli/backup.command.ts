import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError } from '../adapters/backup/backup-files.js';
import { backupSqlite } from '../adapters/backup/sqlite-backup.js';
import type { Config, ObjectStorageSettings } from '../config.js';
import { makeProgress } from './progress.js';

const USAGE = `Usage: pressroom backup DIR
Backs up a SQLite newsroom while it keeps serving: a consistent copy of the database (SQLite's online
backup API) and every stored file it refers to, into DIR (new or empty), with a manifest of SHA-256
digests. Copy DIR elsewhere (e.g. tar czf pressroom-backup.tar.gz DIR). \`pressroom restore DIR\`
brings it back into an empty data directory. PostgreSQL: see docs/backup.md (pg_dump).`;

/** Where the files are when they live in a bucket, and that a backup here does not hold them. */
export function objectStorageBackupNote(s3: ObjectStorageSettings): string {
  return (
    `The stored files live in the bucket ${s3.bucket} at ${s3.endpoint ?? `AWS S3 (${s3.region})`} and are NOT in this backup. ` +
    'Protect them with the object storage\'s own tools (bucket versioning or replication, or a copy with `aws s3 sync` / `mc mirror`): see docs/storage.md.'
  );
}

/** What to run instead on PostgreSQL, whose own tools make consistent dumps (docs/backup.md). */
export function postgresBackupAdvice(dataDir: string, objectStorage: ObjectStorageSettings | null = null): string {
  return [
    'This newsroom runs on PostgreSQL: `pressroom backup` copies SQLite newsrooms only, and nothing was backed up.',
    'Back up PostgreSQL with its own tools, plus the stored files (see docs/backup.md):',
    '  pg_dump --format=custom --file=pressroom.dump "$DATABASE_URL"',
    objectStorage ? `  ${objectStorageBackupNote(objectStorage)}` : `  tar -C ${dataDir} -czf pressroom-files.tar.gz files`,
  ].join('\n');
}

export const backupCommand = {
  name: 'backup',
  summary: 'Back up the database and stored files into a new directory while serving (SQLite; PostgreSQL: docs/backup.md)',
  standalone: true as const,
  async run(config: Pick<Config, 'database' | 'dataDir'> & Partial<Pick<Config, 'objectStorage'>>, argv: string[]): Promise<number> {
    let target: string;
    try {
      const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {} });
      if (positionals.length !== 1) throw new Error('Name one directory to back up into.');
      target = resolve(positionals[0]!);
    } catch (error) {
      console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
      return 2;
    }
    if (config.database.kind === 'postgres') {
      console.error(postgresBackupAdvice(config.dataDir, config.objectStorage ?? null));
      return 1;
    }
    const started = performance.now();
    try {
      const s3 = config.objectStorage ?? null;
      const manifest = await backupSqlite({ databaseFile: config.database.file, filesDir: s3 ? null : join(config.dataDir, 'files'), target, progress: (label) => makeProgress(label) });
      const c = manifest.counts;
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      console.log(
        `Backed up ${c.releases} releases, ${c.boards} boards, ${c.users} staff accounts and ${manifest.files.count} files ` +
          `(${mb(manifest.database.bytes)} MB database, ${mb(manifest.files.bytes)} MB files) to ${target} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
      );
      if (s3) console.log(objectStorageBackupNote(s3));
      return 0;
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      console.error([`Backup failed: ${error.message}`, ...error.problems.map((p) => `  - ${p}`)].join('\n'));
      return 1;
    }
  },
};
