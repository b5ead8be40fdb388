import { parseArgs } from 'node:util';
import type { MigrateFilesReport } from '../app/migrate-files.js';
import { StorageUnavailableError } from '../domain/errors.js';
import type { Actor } from '../ports/audit-log.js';
import { makeProgress } from './progress.js';

const USAGE = `Usage: pressroom files migrate --to s3
Copies every file of the local store (PRESSROOM_DATA/files) into the bucket PRESSROOM_S3_* names,
reading each copy back to check its SHA-256. Safe to stop and run again: files already in the bucket
with the right size and hash are skipped. Run it before starting servers with PRESSROOM_S3_* set
(see docs/storage.md); the local files are left in place.`;

/** A migration the composition root built from the system it was given (`S`), or why there is none (no bucket configured). */
export type FilesMigrationFactory<S> = (system: S) => { migrate(actor: Actor, progress?: (done: number, total: number) => void): Promise<MigrateFilesReport>; from: string; to: string } | { refused: string };

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** `pressroom files migrate --to s3`: the stores come from src/main, injected. */
export function makeFilesMigrateCommand<S>(compose: FilesMigrationFactory<S>) {
  return {
    name: 'files-migrate',
    summary: 'Copy the local file store into the S3-compatible bucket (resumable, verified by SHA-256)',
    async run(system: S, argv: string[]): Promise<number> {
      let to: string | undefined;
      try {
        const parsed = parseArgs({ args: argv, options: { to: { type: 'string' } }, allowPositionals: false, strict: true });
        to = parsed.values.to;
      } catch (error) {
        console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
        return 2;
      }
      if (to !== 's3') {
        console.error(`${to === undefined ? 'Say where the files go: --to s3.' : `Unknown target "${to}": the only one is s3.`}\n\n${USAGE}`);
        return 2;
      }
      const migration = compose(system);
      if ('refused' in migration) {
        console.error(migration.refused);
        return 2;
      }
      console.log(`Copying files from ${migration.from} to ${migration.to}.`);
      let report: MigrateFilesReport;
      try {
        report = await migration.migrate({ userId: null, label: 'system:cli', ip: null }, makeProgress('Copying files'));
      } catch (error) {
        if (!(error instanceof StorageUnavailableError)) throw error;
        console.error(`${error.detail}\nFiles copied so far stay in the bucket: run \`pressroom files migrate --to s3\` again once it is fixed, and it continues where it stopped.`);
        return 1;
      }
      console.log(
        `${report.total} files: ${report.copied} copied (${mb(report.bytes)} MB), ${report.present} already in the bucket and verified, ${report.repaired} damaged in the bucket and copied again, ${report.failed.length} failed.`,
      );
      if (report.failed.length > 0) {
        for (const f of report.failed.slice(0, 20)) console.error(`  ${f.sha256}: ${f.reason}`);
        if (report.failed.length > 20) console.error(`  … and ${report.failed.length - 20} more`);
        console.error('Some files were not copied: fix what is named above and run `pressroom files migrate --to s3` again (copied files are skipped). Do not switch the servers to the bucket until it reports 0 failed.');
        return 1;
      }
      console.log('Every file is in the bucket and verified. Start the servers with PRESSROOM_S3_* set.');
      return 0;
    },
  };
}
