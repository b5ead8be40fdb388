// The worker thread of the threaded text extractor (#19): reads one document at a time with the
// in-thread extractor, so pdf.js, mammoth and the XML readers never block the server's event loop.
// Protocol: it posts { ready: true } once loaded, then answers each { id, bytes, mimeType, limits }
// with { id, result }. The parent terminates it when a file outruns the time limit.
import { parentPort, workerData } from 'node:worker_threads';
import type { ExtractionLimits } from '../../domain/attachment-text.js';
import { makeTextExtractor } from './extract-document.js';

interface Job {
  id: number;
  bytes: Uint8Array;
  mimeType: string;
  limits: Partial<ExtractionLimits>;
}

const port = parentPort;
if (!port) throw new Error('extract-worker.ts runs only as a worker thread (see threaded-extractor.ts)');
const extractor = makeTextExtractor((workerData as { defaults?: Partial<ExtractionLimits> } | null)?.defaults ?? {});
port.on('message', (job: Job) => {
  void extractor.extract(job.bytes, job.mimeType, job.limits).then((result) => port.postMessage({ id: job.id, result }));
});
port.postMessage({ ready: true });
