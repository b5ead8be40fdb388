import type { DemoAssets } from '../../ports/demo-assets.js';

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

// sharp and pdf-lib load on first use: only the demo seed needs them, and together they cost
// about 40 MB of memory in every server process.
/** Draws placeholder photos with sharp (an SVG scene rendered to JPEG), real PDFs with pdf-lib and HWPX documents from OWPML. */
export function makeDemoAssets(): DemoAssets {
  return {
    async photo({ label, hue, width, height }) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
        <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stop-color="hsl(${hue},45%,38%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},50%,22%)"/>
        </linearGradient></defs>
        <rect width="100%" height="100%" fill="url(#g)"/>
        <circle cx="${width * 0.78}" cy="${height * 0.3}" r="${height * 0.18}" fill="hsla(${(hue + 180) % 360},60%,80%,0.35)"/>
        <rect x="0" y="${height * 0.72}" width="100%" height="${height * 0.28}" fill="rgba(0,0,0,0.35)"/>
        <text x="${width * 0.05}" y="${height * 0.88}" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(height * 0.08)}" fill="#fff">${escapeXml(label)}</text>
        <text x="${width * 0.05}" y="${height * 0.12}" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(height * 0.04)}" fill="#fff" opacity="0.8">DEMO PHOTO</text>
      </svg>`;
      const { default: sharp } = await import('sharp');
      return sharp(Buffer.from(svg)).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
    },

    hwpx: hwpxDocument,

    async pdf({ heading, lines }) {
      const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
      const doc = await PDFDocument.create();
      doc.setTitle(heading);
      doc.setProducer('Pressroom demo');
      const font = await doc.embedFont(StandardFonts.Helvetica);
      const bold = await doc.embedFont(StandardFonts.HelveticaBold);
      const page = doc.addPage([595, 842]);
      page.drawText('DEMO DOCUMENT - sample content for Pressroom', { x: 50, y: 800, size: 9, font, color: rgb(0.45, 0.1, 0) });
      page.drawText(heading, { x: 50, y: 770, size: 16, font: bold, maxWidth: 495 });
      let y = 740;
      for (const line of lines) {
        for (const chunk of wrap(line, 90)) {
          if (y < 60) break;
          page.drawText(chunk, { x: 50, y, size: 11, font });
          y -= 16;
        }
        y -= 6;
      }
      return doc.save();
    },
  };
}

const OWPML = 'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head"';

/**
 * A small HWPX written from its OWPML XML with fflate: the stored `mimetype` entry first (as Hancom
 * writes it, so the upload check knows it), a header whose style 1 is the outline heading "개요 1",
 * and one section of paragraphs.
 */
export async function hwpxDocument(input: { heading: string; lines: string[] }): Promise<Uint8Array> {
  const { strToU8, zipSync } = await import('fflate');
  const p = (text: string, style: number) => `<hp:p styleIDRef="${style}"><hp:run><hp:t>${escapeXml(text)}</hp:t></hp:run></hp:p>`;
  return zipSync({
    mimetype: [strToU8('application/hwp+zip'), { level: 0 }],
    'version.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" major="5" minor="1"/>'),
    'Contents/header.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><hh:head ${OWPML}><hh:refList><hh:styles><hh:style id="0" type="PARA" name="바탕글" engName="Normal"/><hh:style id="1" type="PARA" name="개요 1" engName="Outline 1"/></hh:styles></hh:refList></hh:head>`,
    ),
    'Contents/section0.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><hs:sec ${OWPML}>${p('DEMO DOCUMENT - sample content for Pressroom', 0)}${p(input.heading, 1)}${input.lines.map((l) => p(l, 0)).join('')}</hs:sec>`),
  });
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > width) {
      out.push(line);
      line = word;
    } else line = (line + ' ' + word).trim();
  }
  if (line) out.push(line);
  return out;
}
