// `npm run bench:extract`: attachment text extraction throughput (#19). Generates 1,000 documents
// (40% PDF of 1-20 pages, 30% DOCX, 30% HWPX, half of them Korean), reads each through the same
// extractor the server's worker uses (the worker-thread one), one at a time as the worker does, and
// writes the "Attachment text extraction" section of docs/benchmarks.md: files/s per format and
// overall, and peak memory.
// A benchmark, not a test: the exit code is 0 unless it could not run. Options: --files 1000
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { hwpxDocument } from '../src/adapters/demo/demo-assets.js';
import { makeThreadedTextExtractor } from '../src/adapters/text/threaded-extractor.js';

const docs = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const START = '<!-- bench:extract start: written by `npm run bench:extract` (bench/extract.ts) -->';
const END = '<!-- bench:extract end -->';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const sentence = (i: number, korean: boolean) => (korean ? `국방부는 ${i}번째 훈련 계획과 예산 집행 현황을 점검했다고 밝혔다.` : `The ministry reviewed training plan ${i} and its budget.`);

async function pdf(i: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < 1 + (i % 20); p += 1) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Section ${p + 1}`, { x: 50, y: 780, size: 16, font });
    for (let l = 0; l < 40; l += 1) page.drawText(sentence(i * 100 + l, false), { x: 50, y: 750 - l * 16, size: 11, font });
  }
  return doc.save();
}

function docx(i: number, korean: boolean): Uint8Array {
  const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${Array.from({ length: 200 }, (_, l) => p(sentence(i * 1000 + l, korean))).join('')}</w:body></w:document>`),
  });
}

async function main() {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' } } });
  const total = Number(values.files);
  const extractor = makeThreadedTextExtractor();
  // Warm-up, not measured: starting the reader thread and loading pdf.js into it happen once per server.
  await extractor.extract(await pdf(0), 'application/pdf');
  const load = loadavg()[0]!;
  const perFormat = new Map<string, { files: number; ms: number }>();
  let failed = 0;
  const started = performance.now();
  for (let i = 0; i < total; i += 1) {
    const korean = i % 2 === 0;
    const kind = i % 10 < 4 ? 'PDF' : i % 10 < 7 ? 'DOCX' : 'HWPX';
    const [bytes, type] =
      kind === 'PDF' ? [await pdf(i), 'application/pdf'] : kind === 'DOCX' ? [docx(i, korean), DOCX] : [await hwpxDocument({ heading: `붙임 ${i}`, lines: Array.from({ length: 200 }, (_, l) => sentence(l, korean)) }), 'application/hwp+zip'];
    const t0 = performance.now();
    const result = await extractor.extract(bytes, type);
    const ms = performance.now() - t0;
    if (!result.ok) failed += 1;
    const entry = perFormat.get(kind) ?? { files: 0, ms: 0 };
    perFormat.set(kind, { files: entry.files + 1, ms: entry.ms + ms });
  }
  await extractor.close();
  const wall = performance.now() - started;
  const extractMs = [...perFormat.values()].reduce((n, e) => n + e.ms, 0);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const rows = [...perFormat].map(([kind, e]) => `| ${kind} | ${e.files} | ${(e.files / (e.ms / 1000)).toFixed(1)} |`);
  const section = [
    START,
    `\`npm run bench:extract -- --files ${total}\`: ${total} generated files (PDFs of 1-20 pages of Latin text, DOCX and HWPX of 200 paragraphs, half of these Korean), read one at a time in the reader thread as the server's worker reads them; ${cpus().length} cores, ${Math.round(totalmem() / 1_073_741_824)} GB, load average ${load.toFixed(1)} at the start.`,
    '',
    '| format | files | files/s (extraction only) |',
    '| --- | --- | --- |',
    ...rows,
    `| all | ${total} | ${(total / (extractMs / 1000)).toFixed(1)} |`,
    '',
    `Wall time with generation ${(wall / 1000).toFixed(1)} s; peak memory (max RSS of the whole process: the generator, the main thread and the reader thread) ${peakMb.toFixed(0)} MB; ${failed} file(s) without a text view.`,
    END,
  ].join('\n');
  const current = readFileSync(docs, 'utf8');
  const next = current.includes(START) ? current.replace(new RegExp(`${START.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*?${END}`), section) : `${current.trimEnd()}\n\n## Attachment text extraction\n\n${section}\n`;
  writeFileSync(docs, next);
  console.log(section);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
