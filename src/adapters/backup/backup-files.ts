import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { hashingMeter } from '../files/hashing-meter.js';

export const BACKUP_FORMAT = 'pressroom-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_DATABASE = 'pressroom.sqlite';
export const MANIFEST = 'manifest.json';
const SHA256 = /^[0-9a-f]{64}$/;

/** A backup or restore refused or failed for a reason the operator can act on (the message says how). */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

/** `manifest.json` of a backup directory: written last, so a directory without it is incomplete. */
export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1),
  created_at: z.string(),
  database: z.object({ kind: z.literal('sqlite'), file: z.literal(BACKUP_DATABASE), sha256: z.string().regex(SHA256), bytes: z.number().int().min(0) }),
  /** `in_object_storage`: the files live in a bucket (PRESSROOM_S3_*) and are not in this backup. */
  files: z.object({ count: z.number().int().min(0), bytes: z.number().int().min(0), in_object_storage: z.boolean().optional() }),
  counts: z.object({ boards: z.number().int(), releases: z.number().int(), editions: z.number().int(), attachments: z.number().int(), users: z.number().int() }),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** Progress for long steps: a label, then (done, total) calls. */
export type BackupProgress = (label: string) => (done: number, total: number) => void;

/** Where the file store keeps a file: files/ab/cd/<sha256> (as adapters/files/local-file-store.ts). */
export const storePath = (filesDir: string, sha256: string) => join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

/** Streams `from` to `to` (via `to.part`, renamed once complete), returning the SHA-256 and size of the bytes. */
export async function copyHashed(from: string, to: string): Promise<{ sha256: string; bytes: number }> {
  const meter = hashingMeter();
  await mkdir(dirname(to), { recursive: true });
  const part = `${to}.part`;
  try {
    await pipeline(createReadStream(from), meter.stream, createWriteStream(part, { flags: 'wx' }));
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  }
  await rename(part, to);
  const { sha256, byteSize } = meter.result();
  return { sha256, bytes: byteSize };
}

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** Entries of a directory, or [] when it does not exist. */
export async function entriesOf(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).sort();
}

export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  await writeFile(join(dir, `${MANIFEST}.part`), `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(join(dir, `${MANIFEST}.part`), join(dir, MANIFEST));
}

/** Reads and checks a backup's manifest, saying what is wrong with a directory that is not a complete backup. */
export async function readManifest(dir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    throw new BackupError(`${dir} has no ${MANIFEST}: it is not a Pressroom backup, or the backup did not finish. Use a complete backup made by \`pressroom backup\`.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BackupError(`${join(dir, MANIFEST)} is not valid JSON: the backup is damaged.`);
  }
  const version = (parsed as { version?: unknown })?.version;
  if (typeof version === 'number' && version > BACKUP_VERSION) throw new BackupError(`This backup uses format version ${version}; this Pressroom reads version ${BACKUP_VERSION}. Restore it with a newer Pressroom.`);
  const result = backupManifestSchema.safeParse(parsed);
  if (!result.success) throw new BackupError(`${join(dir, MANIFEST)} does not describe a Pressroom backup.`, result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return result.data;
}
