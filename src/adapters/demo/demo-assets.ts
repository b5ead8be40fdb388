import type { DemoAssets } from '../../ports/demo-assets.js';

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

// sharp and pdf-lib load on first use: only the demo seed needs them, and together they cost
// about 40 MB of memory in every server process.
/** Draws placeholder photos with sharp (an SVG scene rendered to JPEG) and real PDFs with pdf-lib. */
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
