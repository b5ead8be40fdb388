import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { PassThrough, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';

/** Files and text fields one upload request may carry; the form sends three fields and the CSRF token goes in the query. */
export const UPLOAD_LIMITS = { files: 20, fields: 20, fieldSize: 4000 } as const;

/**
 * Why an upload was not read to its end, as the page reports it: more files or fields than one
 * request may carry (413), or a body that is not well-formed multipart or stopped in the middle (400).
 */
export type UploadProblem = 'too_many_files' | 'too_many_fields' | 'upload_malformed' | 'upload_interrupted';

/** The status an upload problem is answered with. */
export function uploadProblemStatus(problem: UploadProblem): 400 | 413 {
  return problem === 'too_many_files' || problem === 'too_many_fields' ? 413 : 400;
}

/** A file part whose bytes stopped before its end (body cut short, client gone, parser stopped). */
export class PartInterruptedError extends Error {
  constructor() {
    super('The upload stopped in the middle of a file');
  }
}

// RFC 2046: a boundary is 1 to 70 of these characters, not ending in a space. The parser stalls
// for good on some bodies with an empty one, so a boundary outside the rule is refused first.
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/** Whether the request's Content-Type names a boundary the multipart rules allow. */
function hasValidBoundary(request: FastifyRequest): boolean {
  const match = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(request.headers['content-type'] ?? '');
  const boundary = match?.[1] ?? match?.[2];
  return boundary !== undefined && BOUNDARY.test(boundary);
}

/** How long the parser may hold the request paused, with no part for us, before it counts as stuck. */
const PARSER_STALL_MS = 2000;

/** The multipart parser stopped making progress on a body it cannot make sense of. */
export class ParserStalledError extends Error {
  constructor() {
    super('The multipart parser stopped on a malformed body');
  }
}

/**
 * The parser's next part. While we wait for it nothing of ours holds the parser back, so a request
 * that stays paused (or fully read) without a part arriving means the parser is stuck: some
 * malformed bodies (a bare line feed inside a part header, say) leave @fastify/busboy waiting for
 * ever. That is reported as a malformed upload instead of a request that never answers.
 */
async function nextPart<T>(iterator: AsyncIterator<T>, raw: Readable): Promise<IteratorResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    let stuckSince: number | null = null;
    timer = setInterval(() => {
      const stuck = raw.isPaused() || raw.readableEnded;
      stuckSince = stuck ? (stuckSince ?? Date.now()) : null;
      if (stuckSince !== null && Date.now() - stuckSince >= PARSER_STALL_MS) reject(new ParserStalledError());
    }, PARSER_STALL_MS / 8);
  });
  try {
    return await Promise.race([iterator.next(), stalled]);
  } finally {
    clearInterval(timer);
  }
}

/** The parser's error codes for limits; anything else it throws means the body is not valid multipart. */
function problemOf(error: unknown): UploadProblem {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_FILES_LIMIT') return 'too_many_files';
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return 'too_many_fields';
  return 'upload_malformed';
}

/**
 * Hands `use` a stream of its own fed by the multipart part. A consumer that stops early or fails
 * (a refused file) then destroys only its own stream: destroying the parser's part stream would
 * stall the whole request, so the rest of the part is read and dropped. When the part itself stops
 * before its end (an error, or destroyed by the parser on a limit or an abort), the consumer's
 * stream fails with PartInterruptedError, so whatever it was writing is released, never left waiting.
 */
export async function withPartStream<T>(file: Readable, use: (stream: Readable) => Promise<T>): Promise<T> {
  const own = new PassThrough();
  // The consumer may attach its listeners later (after a database check): the error waits on the stream for it.
  own.on('error', () => undefined);
  const interrupt = () => {
    if (!own.destroyed) own.destroy(new PartInterruptedError());
  };
  const onClose = () => {
    if (!file.readableEnded) interrupt();
  };
  file.on('error', interrupt);
  file.on('close', onClose);
  file.pipe(own);
  // The parser may have destroyed the part before it reached here (a limit tripped while earlier parts were read).
  if (file.destroyed) onClose();
  try {
    return await use(own);
  } finally {
    file.unpipe(own);
    own.destroy();
    if (!file.readableEnded && !file.destroyed) {
      file.resume();
      await finished(file).catch(() => undefined);
    }
    file.off('error', interrupt);
    file.off('close', onClose);
  }
}

export interface UploadHandlers {
  field(name: string, value: string): void;
  /** Called for each file part in order, with a stream of its bytes; the stream fails with PartInterruptedError if the part is cut short. */
  file(part: MultipartFile, stream: Readable): Promise<void>;
}

/**
 * Reads a multipart upload part by part (files stream, never held whole) and says why it stopped
 * early, if it did. Every way a body can go wrong ends here, in bounded time, as a problem to report:
 * too many files or fields, no boundary, a malformed or truncated body, a client that went away.
 * A file part's stream always ends or fails, so a handler writing it to disk never waits forever.
 */
export async function readUpload(request: FastifyRequest, fileSize: number, handlers: UploadHandlers): Promise<UploadProblem | null> {
  let interrupted = false;
  let handlerFailure: { error: unknown } | null = null;
  if (!hasValidBoundary(request)) return 'upload_malformed';
  try {
    // One byte over the limit reaches the handler, which refuses the file; the parser drops the rest.
    const parts = request.parts({ limits: { ...UPLOAD_LIMITS, fileSize }, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0]);
    const iterator = parts[Symbol.asyncIterator]();
    for (let step = await nextPart(iterator, request.raw); !step.done; step = await nextPart(iterator, request.raw)) {
      const part = step.value;
      if (part.type === 'field') {
        handlers.field(part.fieldname, String(part.value));
        continue;
      }
      try {
        await withPartStream(part.file, (stream) => handlers.file(part, stream));
      } catch (error) {
        // The parser says why on its next step (a limit, a malformed body), or ends: the client went away.
        if (!(error instanceof PartInterruptedError)) {
          handlerFailure = { error };
          void iterator.return?.();
          break;
        }
        interrupted = true;
      }
    }
  } catch (error) {
    request.log.info({ err: error }, 'multipart upload refused');
    return problemOf(error);
  }
  if (handlerFailure) throw handlerFailure.error;
  return interrupted ? 'upload_interrupted' : null;
}
