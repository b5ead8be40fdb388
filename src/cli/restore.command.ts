import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError } from '../adapters/backup/backup-files.js';
import { restoreSqlite } from '../adapters/backup/sqlite-backup.js';
import type { Config } from '../config.js';
import { makeProgress } from './progress.js';

const USAGE = `Usage: pressroom restore DIR
Restores a backup made by \`pressroom backup DIR\` into an EMPTY data directory (PRESSROOM_DATA, and
DATABASE_URL=sqlite:PATH if set): it never overwrites a newsroom. Every file is checked against its
SHA-256. Start the server afterwards as usual. PostgreSQL: see docs/backup.md (pg_restore).`;

export const restoreCommand = {
  name: 'restore',
  summary: 'Restore a backup into an empty data directory, checking every file (SQLite; PostgreSQL: docs/backup.md)',
  standalone: true as const,
  async run(config: Pick<Config, 'database' | 'dataDir'>, argv: string[]): Promise<number> {
    let source: string;
    try {
      const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {} });
      if (positionals.length !== 1) throw new Error('Name one backup directory.');
      source = resolve(positionals[0]!);
    } catch (error) {
      console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
      return 2;
    }
    if (config.database.kind === 'postgres') {
      console.error('This newsroom is configured for PostgreSQL: `pressroom restore` restores SQLite backups only, and nothing was restored. Restore a PostgreSQL dump with pg_restore and unpack the files into PRESSROOM_DATA/files (see docs/backup.md).');
      return 1;
    }
    try {
      const manifest = await restoreSqlite({ source, dataDir: config.dataDir, databaseFile: config.database.file, progress: (label) => makeProgress(label) });
      const c = manifest.counts;
      if (manifest.files.in_object_storage) {
        console.log(
          `Restored ${c.releases} releases, ${c.boards} boards and ${c.users} staff accounts (backup of ${manifest.created_at}) into ${config.dataDir}. ` +
            'The backup holds no files: they were in an S3-compatible bucket. Start the server with PRESSROOM_S3_* naming that bucket (restored from its own copy if it was lost; see docs/storage.md).',
        );
        return 0;
      }
      console.log(`Restored ${c.releases} releases, ${c.boards} boards, ${c.users} staff accounts and ${manifest.files.count} files (backup of ${manifest.created_at}) into ${config.dataDir}. Every file matched its SHA-256. Start the server as usual.`);
      return 0;
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      console.error([`Restore refused: ${error.message}`, ...error.problems.map((p) => `  - ${p}`)].join('\n'));
      return 1;
    }
  },
};
