// Files for the upload tests, made here so nothing is downloaded: real zips (DOCX, HWPX), an OLE
// compound file header (HWP), a photo with GPS EXIF, and hostile look-alikes.
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** A zip with every entry stored (no compression), in the given order. */
export function storedZip(entries: { name: string; data: string | Uint8Array }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A minimal DOCX: the content types that name it, and a document part. */
export function docxBytes(): Buffer {
  return storedZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    { name: 'word/document.xml', data: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>' },
  ]);
}

/** An HWPX as Hancom writes it: an OCF container whose first, stored entry is its mimetype. */
export function hwpxBytes(): Buffer {
  return storedZip([
    { name: 'mimetype', data: 'application/hwp+zip' },
    { name: 'version.xml', data: '<?xml version="1.0" encoding="UTF-8"?><hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version"/>' },
    { name: 'Contents/section0.xml', data: '<hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"/>' },
  ]);
}

/** The header of an OLE compound file (the container of HWP 5, and of Word 97 and MSI files). */
export function compoundFileBytes(): Buffer {
  const header = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  return header;
}

/** A Windows executable's first bytes. */
export function exeBytes(): Buffer {
  return Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(512, 0)]);
}

export function pngBytes(width = 40, height = 30): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } }).png().toBuffer();
}

export const SVG_WITH_SCRIPT = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>');
export const HTML_PAGE = Buffer.from('<!DOCTYPE html>\n<html><head><title>x</title></head><body><script>fetch("/admin")</script></body></html>');

/**
 * A 1000×2000 JPEG stored sideways (EXIF orientation 6, so it shows 2000×1000) carrying a camera
 * make and a GPS position; "SecretCam" and "WGS-84" are plain ASCII in its EXIF block.
 */
export function gpsJpegBytes(): Promise<Buffer> {
  return sharp({ create: { width: 1000, height: 2000, channels: 3, background: { r: 30, g: 90, b: 140 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: 'SecretCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 33/1 59/1', GPSLongitudeRef: 'E', GPSLongitude: '126/1 58/1 41/1', GPSMapDatum: 'WGS-84' } })
    .toBuffer();
}
