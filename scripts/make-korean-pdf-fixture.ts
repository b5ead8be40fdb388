// Builds test/fixtures/korean-briefing.pdf (#19): a Korean PDF drawn with a subset of NanumGothic
// (SIL OFL 1.1, test/fixtures/NanumGothic-OFL.txt), so the text-view and search tests read real
// Hangul out of a PDF. Run once where the font is installed (Debian: fonts-nanum) and commit the
// result; CI clones may lack the font, so the tests read the committed file and never run this.
//   node --import tsx scripts/make-korean-pdf-fixture.ts [--font /path/NanumGothic.ttf]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';

const { values } = parseArgs({ options: { font: { type: 'string', default: '/usr/share/fonts/truetype/nanum/NanumGothic.ttf' } } });
const out = fileURLToPath(new URL('../test/fixtures/korean-briefing.pdf', import.meta.url));

/** The document: a 22 pt title, 11 pt paragraphs (one over two lines 15 pt apart) and a 15 pt heading. */
const lines: { text: string; size: number; y: number }[] = [
  { text: '해상 감시체계 개선 계획', size: 22, y: 780 },
  { text: '국방부는 해역 경계를 강화하기 위해 새 감시체계를 도입한다고 밝혔다.', size: 11, y: 740 },
  { text: '추진 배경', size: 15, y: 700 },
  { text: '잠수정탐지체계를 2027년까지 모든 해안 기지에 배치하고,', size: 11, y: 670 },
  { text: '운용 인력 교육을 함께 추진한다.', size: 11, y: 655 },
  { text: '소요 예산은 총 1,200억 원이다.', size: 11, y: 625 },
];

async function main(): Promise<void> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // A subset: only the glyphs drawn below are embedded, so the fixture stays a few KB.
  const font = await doc.embedFont(readFileSync(values.font), { subset: true });
  const page = doc.addPage([595, 842]);
  for (const line of lines) page.drawText(line.text, { x: 50, y: line.y, size: line.size, font });
  doc.setTitle('해상 감시체계 개선 계획');
  doc.setLanguage('ko-KR');
  doc.setSubject('Pressroom test fixture (#19); font: NanumGothic subset, SIL Open Font License 1.1, Copyright (c) 2010 NAVER Corporation');
  doc.setProducer('pdf-lib + @pdf-lib/fontkit (scripts/make-korean-pdf-fixture.ts)');
  // Fixed dates, so running the script again gives the same bytes.
  doc.setCreationDate(new Date('2026-12-04T00:00:00Z'));
  doc.setModificationDate(new Date('2026-12-04T00:00:00Z'));
  const bytes = await doc.save();
  writeFileSync(out, bytes);
  console.log(`Wrote ${out} (${bytes.length} bytes)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
