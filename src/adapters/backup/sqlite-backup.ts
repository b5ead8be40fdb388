import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  BACKUP_DATABASE,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  copyHashed,
  entriesOf,
  hashFile,
  readManifest,
  storePath,
  writeManifest,
  type BackupManifest,
  type BackupProgress,
} from './backup-files.js';

const SHA256 = /^[0-9a-f]{64}$/;
/** Pages copied per step after the first: all the rest, so a write between steps restarts one whole copy, never forever. */
const ALL_PAGES = 2 ** 31 - 1;
const quiet: BackupProgress = () => () => undefined;

/** The counts a restore is checked against, and the stored files the database refers to. */
function contentOf(file: string): { counts: BackupManifest['counts']; files: string[] } {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`The database copy ${file} failed SQLite's check (${String(check)}); nothing usable was written.`);
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const counts = { boards: count('boards'), releases: count('releases'), editions: count('editions'), attachments: count('attachments'), users: count('users') };
    const files = (db.prepare('select sha256 from attachments union select sha256 from image_derivatives order by sha256').all() as { sha256: string }[]).map((r) => r.sha256);
    return { counts, files };
  } finally {
    db.close();
  }
}

/**
 * `pressroom backup DIR` on SQLite: a consistent copy of the database made with SQLite's online
 * backup API (the server keeps serving and writing meanwhile; a write during the copy restarts it
 * from a fresh snapshot), then every stored file that copy refers to, each hashed as it is copied.
 * The manifest is written last, so a directory without one is an unfinished backup. With `filesDir`
 * null (files in an S3-compatible bucket) only the database is copied, and the manifest says so.
 */
export async function backupSqlite(input: { databaseFile: string; filesDir: string | null; target: string; progress?: BackupProgress }): Promise<BackupManifest> {
  const progress = input.progress ?? quiet;
  if ((await entriesOf(input.target)).length > 0) throw new BackupError(`${input.target} is not empty: back up into a new or empty directory, so a backup never mixes with other files.`);
  if (!existsSync(input.databaseFile)) throw new BackupError(`There is no database at ${input.databaseFile}: check PRESSROOM_DATA (or DATABASE_URL=sqlite:PATH).`);
  await mkdir(join(input.target, 'files'), { recursive: true });

  const copy = join(input.target, BACKUP_DATABASE);
  const source = new SQLite(input.databaseFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    const report = progress('Copying the database (pages)');
    await source.backup(`${copy}.part`, {
      progress({ totalPages, remainingPages }) {
        report(totalPages - remainingPages, totalPages);
        return ALL_PAGES;
      },
    });
  } finally {
    source.close();
  }
  // One self-contained file (no -wal beside it); the server turns WAL on again when it opens it.
  const single = new SQLite(`${copy}.part`);
  single.pragma('journal_mode = DELETE');
  single.close();
  await rename(`${copy}.part`, copy);
  const { counts, files: referred } = contentOf(copy);
  const filesDir = input.filesDir;
  const files = filesDir === null ? [] : referred;

  const report = progress('Copying files');
  const problems: string[] = [];
  let bytes = 0;
  for (const [index, sha256] of files.entries()) {
    const from = storePath(filesDir!, sha256);
    if (!existsSync(from)) problems.push(`files/${sha256} is referred to by the database but missing from ${filesDir}`);
    else {
      const copied = await copyHashed(from, join(input.target, 'files', sha256));
      if (copied.sha256 !== sha256) problems.push(`${from} is damaged: its content hashes to ${copied.sha256}`);
      bytes += copied.bytes;
    }
    report(index + 1, files.length);
  }
  if (problems.length > 0) {
    throw new BackupError(`The backup in ${input.target} is incomplete (no manifest was written): ${problems.length} stored file(s) are missing or damaged. Restore them from an older backup, or remove the attachments that use them.`, problems.slice(0, 20));
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    created_at: new Date().toISOString(),
    database: { kind: 'sqlite', file: BACKUP_DATABASE, sha256: await hashFile(copy), bytes: statSync(copy).size },
    files: { count: files.length, bytes, ...(filesDir === null ? { in_object_storage: true } : {}) },
    counts,
  };
  await writeManifest(input.target, manifest);
  return manifest;
}

/**
 * `pressroom restore DIR` on SQLite: into an empty data directory only (never over a newsroom).
 * Every file is checked against its SHA-256 as it is copied into the file store, the database copy
 * against the manifest, and the result against the manifest's counts; on any problem everything
 * this restore wrote is removed again.
 */
export async function restoreSqlite(input: { source: string; dataDir: string; databaseFile: string; progress?: BackupProgress }): Promise<BackupManifest> {
  const progress = input.progress ?? quiet;
  const manifest = await readManifest(input.source);
  const present = await entriesOf(input.dataDir);
  if (present.length > 0) {
    throw new BackupError(
      `The data directory ${input.dataDir} is not empty (it holds ${present.slice(0, 5).join(', ')}${present.length > 5 ? ', …' : ''}). ` +
        'A restore only goes into an empty data directory, so it can never overwrite a newsroom: point PRESSROOM_DATA at a new directory (or move this one away) and run the restore again.',
    );
  }
  if (existsSync(input.databaseFile)) throw new BackupError(`A database already exists at ${input.databaseFile}: a restore never overwrites one. Point DATABASE_URL at a new file.`);
  const copy = join(input.source, BACKUP_DATABASE);
  if (!existsSync(copy) || (await hashFile(copy)) !== manifest.database.sha256) throw new BackupError(`${copy} is missing or does not match its SHA-256 in the manifest: the backup is damaged. Nothing was restored.`);

  const filesDir = join(input.dataDir, 'files');
  const written: string[] = [filesDir, input.databaseFile];
  try {
    const names = await entriesOf(join(input.source, 'files'));
    if (names.length !== manifest.files.count) throw new BackupError(`${join(input.source, 'files')} holds ${names.length} files; the manifest says ${manifest.files.count}: the backup is incomplete. Nothing was restored.`);
    const report = progress('Restoring files');
    const problems: string[] = [];
    for (const [index, name] of names.entries()) {
      if (!SHA256.test(name)) problems.push(`files/${name} is not named by a SHA-256 digest`);
      else {
        const restored = await copyHashed(join(input.source, 'files', name), storePath(filesDir, name));
        if (restored.sha256 !== name) problems.push(`files/${name} is damaged: its content hashes to ${restored.sha256}`);
      }
      report(index + 1, names.length);
    }
    if (problems.length > 0) throw new BackupError('The backup is damaged; nothing was restored.', problems.slice(0, 20));

    await mkdir(dirname(input.databaseFile), { recursive: true });
    progress('Restoring the database')(0, 1);
    const restored = await copyHashed(copy, input.databaseFile);
    if (restored.sha256 !== manifest.database.sha256) throw new BackupError('The database copy changed while it was being restored; nothing was restored.');
    progress('Restoring the database')(1, 1);
    const { counts, files } = contentOf(input.databaseFile);
    // A backup of a newsroom whose files are in a bucket holds none: they stay in the bucket.
    const missing = manifest.files.in_object_storage ? [] : files.filter((sha256) => !existsSync(storePath(filesDir, sha256)));
    if (missing.length > 0) throw new BackupError(`The database refers to ${missing.length} file(s) the backup does not hold; nothing was restored.`, missing.slice(0, 20).map((m) => `files/${m}`));
    if (JSON.stringify(counts) !== JSON.stringify(manifest.counts)) throw new BackupError(`The restored database holds ${JSON.stringify(counts)}; the manifest says ${JSON.stringify(manifest.counts)}. Nothing was restored.`);
    return manifest;
  } catch (error) {
    for (const path of written) await rm(path, { recursive: true, force: true });
    await rm(`${input.databaseFile}-wal`, { force: true });
    await rm(`${input.databaseFile}-shm`, { force: true });
    throw error;
  }
}
