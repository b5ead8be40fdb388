import { createHash } from 'node:crypto';
import { InvalidStateError, ValidationError, type FieldIssue } from '../../domain/errors.js';
import type { FileStore } from '../../ports/file-store.js';
import type { ArchiveReader, ContentSink, ContentStore } from '../../ports/transfer.js';
import type { AttachmentCheck } from './check-attachments.js';
import { forEachLine, type ProgressFactory } from './export-content.js';
import { EXPORT_FORMAT, EXPORT_VERSION, manifestSchema, STREAM_NAMES, STREAMS, type Manifest, type StreamName, type StreamRecord } from './export-format.js';

/** Records inserted per batch: large enough for few statements, small enough to keep memory flat. */
const BATCH = 100;
/** A broken export is reported with this many problems at most. */
const MAX_ISSUES = 20;

export interface ImportReport {
  dryRun: boolean;
  /** The database already holds exactly this export's content: nothing was done. */
  alreadyImported: boolean;
  counts: Record<StreamName, number>;
  files: { count: number; bytes: number };
  /** Releases put in the search index afterwards (0 on a dry run, or when indexing was skipped); on a re-run, those an interrupted run left. */
  indexed: number;
}

export interface ImportDeps {
  content: ContentStore;
  files: FileStore;
  /** Indexes the releases waiting in the search outbox (the load queues every one in its transaction). */
  search: { finish(onProgress?: (done: number, total: number) => void): Promise<number> };
  progress?: ProgressFactory;
  /** The upload allow-list applied to each attachment's bytes (see check-attachments.ts). */
  checkAttachments?: AttachmentCheck;
}

const issue = (message: string, field?: string): FieldIssue => ({ code: 'invalid_export', message, ...(field ? { field } : {}) });

/** Reads and checks manifest.json: the right format, a version this code reads, every stream named. */
async function readManifest(archive: ArchiveReader): Promise<Manifest> {
  const text = await archive.readManifest();
  if (text === null) throw new ValidationError('This directory has no manifest.json: it is not a Pressroom export, or the export did not finish.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError('manifest.json is not valid JSON.');
  }
  const head = parsed as { format?: unknown; version?: unknown };
  if (head?.format !== EXPORT_FORMAT) throw new ValidationError(`manifest.json does not describe a Pressroom export (format "${String(head?.format)}", expected "${EXPORT_FORMAT}").`);
  if (typeof head.version === 'number' && head.version > EXPORT_VERSION) {
    throw new ValidationError(`This export uses format version ${head.version}; this Pressroom reads version ${EXPORT_VERSION}. Import it with a newer Pressroom.`);
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) throw new ValidationError('manifest.json is malformed.', result.error.issues.map((i) => issue(i.message, `manifest.${i.path.join('.')}`)));
  const missing = STREAM_NAMES.filter((s) => !result.data.streams[s]);
  if (missing.length > 0) throw new ValidationError(`manifest.json names no ${missing.join(', ')} stream.`);
  return result.data;
}

/** The stored files a record refers to. */
function fileRefs(stream: StreamName, record: StreamRecord<StreamName>): string[] {
  if (stream === 'image_derivatives') {
    const d = record as StreamRecord<'image_derivatives'>;
    return [d.sha256];
  }
  if (stream !== 'releases') return [];
  return (record as StreamRecord<'releases'>).editions.flatMap((e) => e.attachments.map((a) => a.sha256));
}

/**
 * `pressroom import-json DIR [--dry-run]`: loads an export into an empty database, keeping ids and
 * release numbers, in one transaction (a failed import leaves the database as it was). Files are
 * checked against their SHA-256 and stored first; NDJSON is read line by line and inserted in
 * batches. A database that already holds exactly this content is left alone (re-running is safe);
 * any other non-empty database is refused.
 */
export function makeImportContent(deps: ImportDeps) {
  const progress = deps.progress ?? ((() => () => undefined) as ProgressFactory);

  /** True when every stream this database would export hashes as the manifest says. */
  async function holdsExactly(manifest: Manifest): Promise<boolean> {
    for (const stream of STREAM_NAMES) {
      const hash = createHash('sha256');
      await forEachLine(deps.content, stream, (line) => void hash.update(`${line}\n`));
      if (hash.digest('hex') !== manifest.streams[stream]!.sha256) return false;
    }
    return true;
  }

  /** Checks every file in files/ against its name; stores the good ones unless this is a dry run. */
  async function loadFiles(archive: ArchiveReader, names: string[], dryRun: boolean, issues: FieldIssue[]) {
    const report = names.length > 0 ? progress(dryRun ? 'Checking files' : 'Storing files') : null;
    let bytes = 0;
    for (const [index, name] of names.entries()) {
      if (!/^[0-9a-f]{64}$/.test(name)) {
        issues.push(issue(`files/${name} is not named by a SHA-256 digest.`, `files/${name}`));
        continue;
      }
      if (dryRun) {
        const actual = await archive.hashFile(name);
        if (actual.sha256 !== name) issues.push(issue(`files/${name} is damaged: its content hashes to ${actual.sha256}.`, `files/${name}`));
        bytes += actual.bytes;
      } else {
        const staged = await deps.files.stage(archive.openFile(name));
        if (staged.sha256 !== name) {
          await staged.discard();
          issues.push(issue(`files/${name} is damaged: its content hashes to ${staged.sha256}.`, `files/${name}`));
        } else {
          await staged.commit();
        }
        bytes += staged.byteSize;
      }
      report?.(index + 1, names.length);
      if (issues.length >= MAX_ISSUES) break;
    }
    return bytes;
  }

  /** Reads one stream line by line, validates each record and inserts them in batches. */
  async function loadStream(archive: ArchiveReader, manifest: Manifest, stream: StreamName, sink: ContentSink, files: Set<string>, issues: FieldIssue[]): Promise<number> {
    const { file, count: expected, sha256 } = manifest.streams[stream]!;
    const reader = archive.openStream(file);
    if (!reader) {
      issues.push(issue(`${file} is missing.`, file));
      return 0;
    }
    const schema = STREAMS[stream];
    const report = expected > 0 && expected >= BATCH ? progress(`Importing ${stream}`) : null;
    let batch: StreamRecord<StreamName>[] = [];
    let line = 0;
    const flush = async () => {
      if (batch.length === 0 || issues.length > 0) return void (batch = []);
      try {
        await sink.insert(stream, batch);
      } catch (error) {
        issues.push(issue(`${file} lines ${line - batch.length + 1}-${line} could not be stored: ${error instanceof Error ? error.message : String(error)}`, file));
      }
      batch = [];
      report?.(Math.min(line, expected), expected);
    };
    for await (const text of reader.lines) {
      line += 1;
      if (issues.length >= MAX_ISSUES) continue; // keep reading so the digest covers the whole file
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        issues.push(issue(`${file} line ${line} is not valid JSON.`, `${file}:${line}`));
        continue;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        for (const i of parsed.error.issues.slice(0, 3)) issues.push(issue(`${file} line ${line}: ${i.path.join('.') || 'record'}: ${i.message}`, `${file}:${line}`));
        continue;
      }
      for (const ref of fileRefs(stream, parsed.data)) {
        if (!files.has(ref)) issues.push(issue(`${file} line ${line} refers to files/${ref}, which the export does not contain.`, `${file}:${line}`));
      }
      if (stream === 'releases' && deps.checkAttachments && fileRefs(stream, parsed.data).every((ref) => files.has(ref))) {
        issues.push(...(await deps.checkAttachments(parsed.data as StreamRecord<'releases'>, (name, range) => archive.openFile(name, range), `${file} line ${line}`)));
      }
      batch.push(parsed.data);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (line !== expected) issues.push(issue(`${file} has ${line} lines; the manifest says ${expected}: the export is incomplete or was changed.`, file));
    else if (reader.digest() !== sha256) issues.push(issue(`${file} does not match its SHA-256 in the manifest: it was changed or damaged.`, file));
    return line;
  }

  /** `reindex: false` leaves the indexing to the server (it finishes the outbox at start) or `pressroom reindex`. */
  return async function importContent(archive: ArchiveReader, options: { dryRun: boolean; reindex?: boolean }): Promise<ImportReport> {
    const manifest = await readManifest(archive);
    const counts = Object.fromEntries(STREAM_NAMES.map((s) => [s, manifest.streams[s]!.count])) as Record<StreamName, number>;
    const present = await deps.content.counts();
    if (present.boards + present.users + present.releases + present.audit_log > 0) {
      if (await holdsExactly(manifest)) {
        // A run killed while indexing left its releases in the outbox: finish them.
        const indexed = options.dryRun || options.reindex === false ? 0 : await deps.search.finish(progress('Indexing releases for search'));
        return { dryRun: options.dryRun, alreadyImported: true, counts, files: manifest.files, indexed };
      }
      throw new InvalidStateError(
        `The database is not empty (${present.boards} boards, ${present.releases} releases, ${present.users} users, ${present.audit_log} audit entries) and does not hold exactly this export. ` +
          'An import keeps ids and release numbers, so it only goes into an empty database: point DATABASE_URL (or PRESSROOM_DATA) at a new one and run the import again.',
      );
    }

    const issues: FieldIssue[] = [];
    const names = await archive.fileNames();
    const bytes = await loadFiles(archive, names, options.dryRun, issues);
    if (issues.length > 0) throw new ValidationError('The export is damaged; nothing was imported.', issues);
    if (names.length !== manifest.files.count) issues.push(issue(`files/ holds ${names.length} files; the manifest says ${manifest.files.count}.`, 'files'));

    const files = new Set(names);
    await deps.content.load(
      async (sink) => {
        for (const stream of STREAM_NAMES) await loadStream(archive, manifest, stream, sink, files, issues);
        if (issues.length > 0) throw new ValidationError('The export is damaged or inconsistent; nothing was imported.', issues.slice(0, MAX_ISSUES));
      },
      { commit: !options.dryRun },
    );
    if (options.dryRun) return { dryRun: true, alreadyImported: false, counts, files: { count: names.length, bytes }, indexed: 0 };

    await deps.content.touch();
    const indexed = options.reindex === false ? 0 : await deps.search.finish(progress('Indexing releases for search'));
    return { dryRun: false, alreadyImported: false, counts, files: { count: names.length, bytes }, indexed };
  };
}
