import { EXTRACTABLE_TYPES, guessLanguage, type ExtractionLimits } from '../domain/attachment-text.js';
import type { AttachmentTexts, TextJob } from '../ports/attachment-texts.js';
import type { Clock } from '../ports/clock.js';
import type { FileStore } from '../ports/file-store.js';
import type { TextExtractor } from '../ports/text-extractor.js';

/** How long a claim on an extraction lasts; renewed by nothing, so it outlasts the time limit per file. */
export const TEXT_LEASE_MS = 5 * 60_000;
/** Files read per tick: extraction is CPU work, a few at a time keeps the server responsive. */
const PER_TICK = 2;

export interface ExtractAttachmentTextsDeps {
  texts: AttachmentTexts;
  files: FileStore;
  extractor: TextExtractor;
  clock: Clock;
  workerId: string;
  /** True when the worker named in a claim is a process on this host that is gone (kill -9). */
  isWorkerGone?: (workerId: string) => boolean;
  limits?: Partial<ExtractionLimits>;
  /** Told after texts were stored: the search outbox holds their releases, indexing can start. */
  onStored?: (releaseIds: number[]) => void;
  onError?: (error: unknown, sha256: string) => void;
}

async function readBytes(files: FileStore, sha256: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of files.read(sha256) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Text views as durable background work (#19): attaching a document queues its file; this reads
 * queued files outside any request (claimed with a lease, so a crash loses nothing), stores the
 * sanitized HTML, plain text and language, or the reason there is no text view (damaged, encrypted,
 * too big, too slow), and records the releases carrying the file in the search outbox in the same
 * transaction. A file without a text view never blocks publishing: it simply has no "Read online".
 */
export function makeExtractAttachmentTexts(deps: ExtractAttachmentTextsDeps) {
  const { texts, clock, workerId } = deps;

  async function runOne(job: TextJob): Promise<number[]> {
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(deps.files, job.sha256);
    } catch (error) {
      // The store could not be read (disk trouble): tried again later, not marked as a bad file.
      deps.onError?.(error, job.sha256);
      const retry = job.attempts < 5 ? new Date(clock.now().getTime() + 60_000 * job.attempts) : null;
      await texts.retry(job.sha256, workerId, `the stored file could not be read: ${error instanceof Error ? error.message : String(error)}`, retry);
      return [];
    }
    const result = await deps.extractor.extract(bytes, job.mimeType, deps.limits);
    const stored = await texts.finish(job.sha256, workerId, result.ok ? { ...result, language: guessLanguage(result.text) } : result, clock.now());
    return stored ?? [];
  }

  /** Reads due files (a few per call); resolves with how many were finished. */
  async function runPending(limit = PER_TICK): Promise<number> {
    if (deps.isWorkerGone) {
      const gone = (await texts.holders()).filter((w) => w !== workerId && deps.isWorkerGone!(w));
      if (gone.length > 0) await texts.release(gone, clock.now());
    }
    const jobs = await texts.claim(clock.now(), workerId, limit, new Date(clock.now().getTime() + TEXT_LEASE_MS));
    const releases: number[] = [];
    for (const job of jobs) releases.push(...(await runOne(job)));
    if (releases.length > 0) deps.onStored?.(releases);
    return jobs.length;
  }

  return {
    runPending,
    /** Reads every due file; for the CLI and tests. */
    async runAll(): Promise<number> {
      let total = 0;
      for (let n = await runPending(); n > 0; n = await runPending()) total += n;
      return total;
    },
    /** Queues the documents attached before text views existed, or imported: at start and by `pressroom reindex`. */
    queueMissing: (): Promise<number> => texts.queueMissing([...EXTRACTABLE_TYPES], clock.now()),
    outstanding: (): Promise<number> => texts.outstanding(),
  };
}
export type ExtractAttachmentTexts = ReturnType<typeof makeExtractAttachmentTexts>;
