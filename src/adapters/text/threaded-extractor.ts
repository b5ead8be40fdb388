import { Worker } from 'node:worker_threads';
import { DEFAULT_EXTRACTION_LIMITS, type ExtractedText, type ExtractionLimits } from '../../domain/attachment-text.js';
import type { TextExtractor } from '../../ports/text-extractor.js';

export interface ThreadedExtractorOptions {
  /** Limits every file gets unless the caller overrides them (as `makeTextExtractor`'s). */
  defaults?: Partial<ExtractionLimits>;
  /** Heap the reader thread may use; past it the file has no text view and the thread is replaced. */
  maxHeapMb?: number;
  /** An idle reader thread is stopped after this long, giving its memory back; the next file starts a new one. */
  idleMs?: number;
  /** Told when a reader thread was stopped or died mid-file (time limit, memory, crash) and will be replaced. */
  onReplaced?: (reason: string) => void;
  /** Another worker script speaking the same protocol (tests). */
  workerUrl?: URL;
}

export const TIME_LIMIT_REASON = 'reading it took longer than the time limit';
const MEMORY_REASON = 'reading it needed more memory than the reader may use';
/** How long a new thread may take to load its readers before the file is given up. */
const START_MS = 60_000;

type Answer = { ready: true } | { id: number; result: ExtractedText };

/** The worker script: the .js file in dist/ (`npm start`); under tsx (tests, `npm run dev`) the .ts file, loaded through tsx. */
function workerScript(): { script: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { script: new URL('./extract-worker.js', import.meta.url), eval: false };
  // A worker does not inherit the parent's loader hooks, and on Node 20 `--import tsx` in a worker's
  // execArgv comes too late for its entry: register tsx's hooks first, then import the .ts file.
  const target = new URL('./extract-worker.ts', import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  return { script: `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); });`, eval: true };
}

interface Thread {
  worker: Worker;
  ready: Promise<void>;
  /** Settles the file being read when the thread dies under it. */
  onDeath: ((reason: string) => void) | null;
  stopping: boolean;
}

/**
 * The text extractor behind the `TextExtractor` port, run off the main thread (#19): one worker
 * thread reads one file at a time, so a 100-page PDF never blocks a server answering requests. The
 * time limit per file is enforced by terminating the thread (a document that keeps a parser busy
 * cannot be interrupted any other way), which gives "no text view" with the time-limit reason;
 * the next file gets a fresh thread. A thread that runs out of its heap or crashes costs only that
 * file its text view.
 */
export function makeThreadedTextExtractor(options: ThreadedExtractorOptions = {}): TextExtractor & { close(): Promise<void> } {
  const defaults = options.defaults ?? {};
  // 15 s: a burst of uploads shares one thread, and its ~50 MB (pdf.js, mammoth) goes back soon after (#17).
  const idleMs = options.idleMs ?? 15_000;
  let thread: Thread | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | null = null;

  function start(): Thread {
    const script = options.workerUrl ? { script: options.workerUrl, eval: false } : workerScript();
    const worker = new Worker(script.script, {
      eval: script.eval,
      execArgv: [],
      workerData: { defaults },
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 },
      stdout: false,
      stderr: false,
    });
    const t: Thread = { worker, ready: Promise.resolve(), onDeath: null, stopping: false };
    t.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: Answer) => {
        if ('ready' in m) {
          worker.off('message', onMessage);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('exit', () => reject(new Error('the reader thread stopped while starting')));
    });
    t.ready.catch(() => undefined);
    worker.on('error', (error: Error & { code?: string }) => {
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? MEMORY_REASON : `it could not be read (the reader stopped: ${error.message})`;
      die(t, reason);
    });
    worker.on('exit', (code) => die(t, `it could not be read (the reader stopped with code ${code})`));
    worker.unref();
    return t;
  }

  /** Forgets a dead thread and settles the file it was reading. */
  function die(t: Thread, reason: string) {
    if (thread === t) thread = null;
    const settle = t.onDeath;
    t.onDeath = null;
    if (settle && !t.stopping) {
      options.onReplaced?.(reason);
      settle(reason);
    }
  }

  async function stop(t: Thread) {
    t.stopping = true;
    if (thread === t) thread = null;
    await t.worker.terminate();
  }

  async function readOne(bytes: Uint8Array, mimeType: string, overrides: Partial<ExtractionLimits>): Promise<ExtractedText> {
    if (idleTimer) clearTimeout(idleTimer);
    const t = thread ?? (thread = start());
    t.worker.ref();
    try {
      await withTimeout(t.ready, START_MS);
    } catch (error) {
      await stop(t);
      return { ok: false, reason: `it could not be read (the reader did not start: ${error instanceof Error ? error.message : String(error)})` };
    }
    const limits = { ...DEFAULT_EXTRACTION_LIMITS, ...defaults, ...overrides };
    // The reader checks the limit itself between pages and parts; the thread is stopped only when it
    // cannot (a parser busy inside one part), a little after.
    const hardLimit = limits.maxMillis + Math.min(5_000, Math.max(100, limits.maxMillis / 10));
    const id = nextId++;
    return new Promise<ExtractedText>((resolve) => {
      const done = (result: ExtractedText) => {
        clearTimeout(timer);
        t.worker.off('message', onMessage);
        t.onDeath = null;
        if (thread === t) {
          t.worker.unref();
          idleTimer = setTimeout(() => void stop(t), idleMs);
          idleTimer.unref();
        }
        resolve(result);
      };
      const onMessage = (m: Answer) => {
        if ('id' in m && m.id === id) done(m.result);
      };
      const timer = setTimeout(() => {
        options.onReplaced?.(TIME_LIMIT_REASON);
        t.onDeath = null;
        void stop(t);
        done({ ok: false, reason: TIME_LIMIT_REASON });
      }, hardLimit);
      t.worker.on('message', onMessage);
      t.onDeath = (reason) => done({ ok: false, reason });
      t.worker.postMessage({ id, bytes, mimeType, limits: overrides });
    });
  }

  return {
    extract(bytes, mimeType, overrides = {}) {
      // One file at a time: a pool of one thread, so extraction takes at most one core.
      const run = queue.then(() => readOne(bytes, mimeType, overrides));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      if (idleTimer) clearTimeout(idleTimer);
      await queue;
      if (thread) await stop(thread);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`not ready after ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}
