// Documents for the text-view tests (#19), built here from their XML or drawn with pdf-lib, so
// nothing is downloaded: a PDF with headings, a long PDF, an encrypted and a damaged PDF, a DOCX,
// an HWPX, an HWP 5 compound file with preview text, and zip bombs. The Korean PDF is the one
// committed file (test/fixtures/korean-briefing.pdf): drawing Hangul needs a font CI may lack.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

/** A PDF with a 22 pt title, a 15 pt heading and 11 pt paragraphs. */
export async function headedPdf(words: { title: string; heading: string; body: string[] }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText(words.title, { x: 50, y: 780, size: 22, font });
  let y = 740;
  page.drawText(words.body[0]!, { x: 50, y, size: 11, font });
  y -= 40;
  page.drawText(words.heading, { x: 50, y, size: 15, font });
  y -= 30;
  for (const line of words.body.slice(1)) {
    page.drawText(line, { x: 50, y, size: 11, font });
    y -= 30;
  }
  return doc.save();
}

/**
 * A Korean PDF drawn with a NanumGothic subset (scripts/make-korean-pdf-fixture.ts): title
 * 해상 감시체계 개선 계획 (22 pt), heading 추진 배경 (15 pt), and paragraphs, one over two lines,
 * holding the word 잠수정탐지체계, which no other fixture has.
 */
export const koreanPdf = (): Uint8Array => new Uint8Array(readFileSync(new URL('../fixtures/korean-briefing.pdf', import.meta.url)));

/** A PDF of `pages` pages, each with one line naming its number. */
export async function longPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n += 1) doc.addPage([300, 300]).drawText(`Page marker ${n}`, { x: 20, y: 250, size: 11, font });
  return doc.save();
}

/** A PDF whose trailer names a Standard security handler with a user password we do not know. */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  // Unique bytes each call: pdf-lib's dates have whole seconds, so two files made in the same second
  // were the same file (one SHA-256, one text view), and a test expecting a new extraction found none.
  doc.addPage([300, 300]).drawText(`Secret text ${randomUUID()}`, { x: 20, y: 250, size: 11, font });
  const filler = PDFString.of('0123456789abcdef0123456789abcdef');
  const encrypt = doc.context.obj({ Filter: PDFName.of('Standard'), V: 1, R: 2, Length: 40, P: -44, O: filler, U: filler });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([PDFString.of('0123456789abcdef'), PDFString.of('0123456789abcdef')]);
  return doc.save({ useObjectStreams: false });
}

/** Looks like a PDF to a type sniffer, and is not one. */
export const damagedPdf = (): Uint8Array => strToU8('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage without xref\n%%EOF');

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A DOCX from its XML: a Heading 1, a paragraph, a bulleted list and a table. */
export function docxDocument(words: { heading: string; paragraph: string; items: string[]; cells: string[][] }): Uint8Array {
  const p = (text: string, style?: string, list = false) =>
    `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${list ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : ''}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const table = `<w:tbl>${words.cells.map((row) => `<w:tr>${row.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
    ),
    'word/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`),
    'word/numbering.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${p(words.heading, 'Heading1')}${p(words.paragraph)}${words.items.map((i) => p(i, undefined, true)).join('')}${table}</w:body></w:document>`),
  };
  return zipSync(files);
}

const HP = 'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head"';

/** An HWPX from its OWPML XML: an outline-1 heading, paragraphs and a table; `section0` replaces the section when given. */
export function hwpxDocument(words: { heading: string; paragraphs: string[]; cells: string[][] }, section0?: string): Uint8Array {
  const p = (text: string, style = 0) => `<hp:p styleIDRef="${style}"><hp:run><hp:t>${text}</hp:t></hp:run></hp:p>`;
  const table = `<hp:p styleIDRef="0"><hp:run><hp:tbl>${words.cells.map((row) => `<hp:tr>${row.map((c) => `<hp:tc><hp:subList>${p(c)}</hp:subList></hp:tc>`).join('')}</hp:tr>`).join('')}</hp:tbl></hp:run></hp:p>`;
  const section = section0 ?? `<?xml version="1.0" encoding="UTF-8"?><hs:sec ${HP}>${p(words.heading, 2)}${words.paragraphs.map((t) => p(t)).join('')}${table}</hs:sec>`;
  return zipSync({
    // OCF: the first entry, stored, names the type.
    mimetype: [strToU8('application/hwp+zip'), { level: 0 }],
    'version.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version"/>'),
    'Contents/header.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><hh:head ${HP}><hh:refList><hh:styles><hh:style id="0" type="PARA" name="바탕글" engName="Normal"/><hh:style id="2" type="PARA" name="개요 1" engName="Outline 1"/></hh:styles></hh:refList></hh:head>`,
    ),
    'Contents/section0.xml': strToU8(section),
  });
}

/** An HWPX whose one section inflates to `bytes` bytes of spaces (a few KB compressed). */
export function hwpxBomb(bytes: number): Uint8Array {
  return hwpxDocument({ heading: '', paragraphs: [], cells: [] }, `<hs:sec ${HP}><hp:p><hp:run><hp:t>${' '.repeat(bytes)}</hp:t></hp:run></hp:p></hs:sec>`);
}

/** The same bomb with its central directory lying: every entry claims to unpack to 10 bytes. */
export function lyingHwpxBomb(bytes: number): Uint8Array {
  const zip = hwpxBomb(bytes);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 4 <= zip.length; at += 1) {
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 10, true);
    else if (view.getUint32(at, true) === 0x04034b50 && at > 0) view.setUint32(at + 22, 10, true);
  }
  return zip;
}

/**
 * An HWP 5 file: an OLE compound file (512-byte sectors: FAT, directory, then each stream in its
 * own chain; the mini-stream cutoff set to 0 so no mini stream is needed) with a FileHeader and the
 * PrvText preview stream.
 */
export function hwp5Document(preview: string, options: { encrypted?: boolean } = {}): Uint8Array {
  const S = 512;
  const header = new Uint8Array(256);
  header.set(strToU8('HWP Document File'), 0);
  new DataView(header.buffer).setUint32(36, options.encrypted ? 3 : 1, true);
  const text = new Uint8Array(Buffer.from(preview, 'utf16le'));
  const sectorsOf = (n: number) => Math.max(1, Math.ceil(n / S));
  const headerStart = 2;
  const textStart = headerStart + sectorsOf(header.length);
  const total = textStart + sectorsOf(text.length);
  const file = new Uint8Array((total + 1) * S);
  const v = new DataView(file.buffer);
  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  v.setUint16(0x18, 0x3e, true);
  v.setUint16(0x1a, 3, true);
  v.setUint16(0x1c, 0xfffe, true);
  v.setUint16(0x1e, 9, true);
  v.setUint16(0x20, 6, true);
  v.setUint32(0x2c, 1, true);
  v.setUint32(0x30, 1, true);
  v.setUint32(0x38, 0, true);
  v.setUint32(0x3c, 0xfffffffe, true);
  v.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i += 1) v.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const at = (sector: number) => (sector + 1) * S;
  // FAT (sector 0): itself, the directory, then one chain per stream.
  const fat = (n: number, next: number) => v.setUint32(at(0) + n * 4, next, true);
  for (let n = 0; n < S / 4; n += 1) fat(n, 0xffffffff);
  fat(0, 0xfffffffd);
  fat(1, 0xfffffffe);
  const chain = (start: number, count: number) => {
    for (let i = 0; i < count; i += 1) fat(start + i, i === count - 1 ? 0xfffffffe : start + i + 1);
  };
  chain(headerStart, sectorsOf(header.length));
  chain(textStart, sectorsOf(text.length));
  const entry = (index: number, name: string, type: number, start: number, size: number) => {
    const base = at(1) + index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    file.set(encoded, base);
    v.setUint16(base + 64, encoded.length, true);
    file[base + 66] = type;
    for (const o of [68, 72, 76]) v.setUint32(base + o, 0xffffffff, true);
    v.setUint32(base + 116, start, true);
    v.setUint32(base + 120, size, true);
  };
  entry(0, 'Root Entry', 5, 0xfffffffe, 0);
  entry(1, 'FileHeader', 2, headerStart, header.length);
  entry(2, 'PrvText', 2, textStart, text.length);
  file.set(header, at(headerStart));
  file.set(text, at(textStart));
  return file;
}
