import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { makeTextExtractor } from '../../src/adapters/text/extract-document.js';
import { makeThreadedTextExtractor, TIME_LIMIT_REASON } from '../../src/adapters/text/threaded-extractor.js';
import type { ExtractedText } from '../../src/domain/attachment-text.js';
import { hwpxDocument, koreanPdf, longPdf } from '../support/document-fixtures.js';

const HWPX = 'application/hwp+zip';

/** An HWPX whose one section holds `n` paragraphs: the XML reader parses it in one synchronous go. */
const manyParagraphs = (n: number) => hwpxDocument({ heading: '대용량 문서', paragraphs: Array.from({ length: n }, (_, i) => `문단 ${i} 내용이 길게 이어진다.`), cells: [] });

/** Runs `work` while a 1 ms interval counts how often the event loop got to run timers. */
async function ticksDuring(work: () => Promise<ExtractedText>): Promise<{ ticks: number; result: ExtractedText }> {
  let ticks = 0;
  const interval = setInterval(() => (ticks += 1), 1);
  try {
    const result = await work();
    return { ticks, result };
  } finally {
    clearInterval(interval);
  }
}

// Extraction off the main thread (#19): the server keeps answering while a document is read, and
// a document that keeps a reader busy past the time limit is stopped by terminating its thread.
describe('attachment text extraction in a worker thread', () => {
  const replaced: string[] = [];
  const threaded = makeThreadedTextExtractor({ onReplaced: (reason) => replaced.push(reason) });
  after(() => threaded.close());

  test('gives the same text view as reading on the main thread', async () => {
    const bytes = koreanPdf();
    assert.deepEqual(await threaded.extract(bytes, 'application/pdf'), await makeTextExtractor().extract(bytes, 'application/pdf'));
  });

  test('the event loop keeps running timers while a big PDF and a big HWPX are read', async () => {
    const bigPdf = await longPdf(300);
    const reading = await ticksDuring(() => threaded.extract(bigPdf, 'application/pdf'));
    assert.ok(reading.result.ok && reading.result.pageCount === 300, JSON.stringify(reading.result).slice(0, 200));
    assert.ok(reading.ticks > 0, 'timers ran while the 300-page PDF was read');

    const hwpx = manyParagraphs(30_000);
    // Control: on the main thread this file's XML is parsed in one synchronous block, so no timer runs at all.
    const blocking = await ticksDuring(() => makeTextExtractor().extract(hwpx, HWPX));
    assert.ok(blocking.result.ok);
    assert.equal(blocking.ticks, 0, 'read on the main thread, the file blocks the event loop throughout');
    const threadedRead = await ticksDuring(() => threaded.extract(hwpx, HWPX));
    assert.ok(threadedRead.result.ok);
    assert.equal(threadedRead.result.text, blocking.result.text);
    assert.ok(threadedRead.ticks > 0, 'read in the worker thread, timers kept running');
  });

  test('a file that keeps the reader busy past the time limit has no text view, and the next file gets a new thread', async () => {
    replaced.length = 0;
    const busy = await threaded.extract(manyParagraphs(100_000), HWPX, { maxMillis: 50 });
    assert.deepEqual(busy, { ok: false, reason: TIME_LIMIT_REASON });
    assert.deepEqual(replaced, [TIME_LIMIT_REASON], 'the thread was stopped (and the operator told)');
    const next = await threaded.extract(koreanPdf(), 'application/pdf');
    assert.ok(next.ok, 'a fresh thread reads the next file');
  });

  test('a hanging reader is terminated at the limit, the file reported without a text view', async () => {
    const stopped: string[] = [];
    const hanging = makeThreadedTextExtractor({ workerUrl: new URL('../support/hanging-extract-worker.mjs', import.meta.url), onReplaced: (r) => stopped.push(r) });
    try {
      assert.deepEqual(await hanging.extract(koreanPdf(), 'application/pdf', { maxMillis: 100 }), { ok: false, reason: TIME_LIMIT_REASON });
      assert.deepEqual(await hanging.extract(koreanPdf(), 'application/pdf', { maxMillis: 100 }), { ok: false, reason: TIME_LIMIT_REASON }, 'the replacement hangs too, and is stopped too');
      assert.deepEqual(stopped, [TIME_LIMIT_REASON, TIME_LIMIT_REASON]);
    } finally {
      await hanging.close();
    }
  });

  test('a reader thread that runs out of memory costs only that file its text view', async () => {
    const small = makeThreadedTextExtractor({ maxHeapMb: 32 });
    try {
      const r = await small.extract(manyParagraphs(100_000), HWPX);
      assert.deepEqual(r, { ok: false, reason: 'reading it needed more memory than the reader may use' });
    } finally {
      await small.close();
    }
  });
});
