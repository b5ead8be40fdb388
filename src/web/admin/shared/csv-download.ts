import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import { wallClockAt } from '../../../domain/zoned-time.js';

export type CsvRecord = Record<string, string | number | null>;

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first): kept as text with a leading apostrophe (OWASP). */
const FORMULA = /^[=+\-@\t\r]/;

/** "2026-12-04 10:42:05" on the newsroom's wall clock: a time every spreadsheet reads as one. */
export function csvTime(at: Date, timeZone: string): string {
  const w = wallClockAt(at, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}:${p(w.second)}`;
}

/**
 * Streams rows as a CSV download (#16): UTF-8 with a byte-order mark so Excel opens Korean
 * correctly, a header row in the staff member's language, `Content-Disposition: attachment`, and
 * never cached. Rows are read as they are written, so a long export never sits in memory whole.
 */
export function sendCsv(reply: FastifyReply, fileName: string, columns: { key: string; header: string }[], rows: AsyncIterable<CsvRecord>) {
  const csv = stringify({
    bom: true,
    header: true,
    columns,
    cast: { string: (value) => (FORMULA.test(value) ? `'${value}` : value) },
  });
  pipeline(Readable.from(rows), csv).catch((error: unknown) => {
    reply.log.error({ err: error }, 'CSV export stopped part-way');
    csv.destroy(error as Error);
  });
  return reply
    .type('text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${fileName}"`)
    .header('Cache-Control', 'no-store')
    .send(csv);
}
