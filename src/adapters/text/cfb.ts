import { ExtractionRefused } from './limits.js';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

/**
 * A small reader of OLE compound files (CFB, as HWP 5 files are): reads one named stream from the
 * root storage. Every chain is walked with a step limit, so a damaged or looping file is refused,
 * never followed forever.
 */
export function readCfbStream(bytes: Uint8Array, streamName: string): Uint8Array | null {
  const broken = () => new ExtractionRefused('it is not a readable HWP file (damaged compound file)');
  if (bytes.length < 512 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new ExtractionRefused('it is not an HWP 5 file (no compound-file signature)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => {
    if (at + 4 > bytes.length) throw broken();
    return view.getUint32(at, true);
  };
  const sectorSize = 1 << view.getUint16(0x1e, true);
  const miniSectorSize = 1 << view.getUint16(0x20, true);
  if (sectorSize !== 512 && sectorSize !== 4096) throw broken();
  const sectorCount = Math.floor(bytes.length / sectorSize);
  const sectorAt = (n: number) => (n + 1) * sectorSize;

  // The FAT's sectors: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i += 1) {
    const s = u32(0x4c + i * 4);
    if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
  }
  let difat = u32(0x44);
  for (let steps = 0; difat !== END_OF_CHAIN && difat !== FREE && steps < sectorCount; steps += 1) {
    for (let i = 0; i < sectorSize / 4 - 1; i += 1) {
      const s = u32(sectorAt(difat) + i * 4);
      if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
    }
    difat = u32(sectorAt(difat) + sectorSize - 4);
  }
  const fat = (n: number) => u32(sectorAt(fatSectors[Math.floor((n * 4) / sectorSize)] ?? -2) + ((n * 4) % sectorSize));

  const chain = (start: number, next: (n: number) => number, limit: number): number[] => {
    const out: number[] = [];
    for (let s = start; s !== END_OF_CHAIN; s = next(s)) {
      if (s === FREE || out.length > limit) throw broken();
      out.push(s);
    }
    return out;
  };
  const readChain = (start: number, size: number | null): Uint8Array => {
    const sectors = chain(start, fat, sectorCount);
    const out = new Uint8Array(sectors.length * sectorSize);
    sectors.forEach((s, i) => {
      if (sectorAt(s) + sectorSize > bytes.length) throw broken();
      out.set(bytes.subarray(sectorAt(s), sectorAt(s) + sectorSize), i * sectorSize);
    });
    return size === null ? out : out.subarray(0, size);
  };

  const directory = readChain(u32(0x30), null);
  const dir = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  let root: { start: number; size: number } | null = null;
  let found: { start: number; size: number } | null = null;
  for (let at = 0; at + 128 <= directory.length; at += 128) {
    const nameBytes = Math.min(64, dir.getUint16(at + 64, true));
    const name = new TextDecoder('utf-16le').decode(directory.subarray(at, at + Math.max(0, nameBytes - 2)));
    const type = directory[at + 66];
    const entry = { start: dir.getUint32(at + 116, true), size: dir.getUint32(at + 120, true) };
    if (type === 5) root = entry;
    else if (type === 2 && name === streamName) found = entry;
  }
  if (!found) return null;
  if (found.size > bytes.length) throw broken();
  const cutoff = u32(0x38);
  if (found.size >= cutoff) return readChain(found.start, found.size);
  // A small stream lives in the mini stream (the root entry's chain), by the mini FAT.
  if (!root) throw broken();
  const miniStream = readChain(root.start, root.size);
  const miniFat = readChain(u32(0x3c), null);
  const miniView = new DataView(miniFat.buffer, miniFat.byteOffset, miniFat.byteLength);
  const miniNext = (n: number) => {
    if (n * 4 + 4 > miniFat.length) throw broken();
    return miniView.getUint32(n * 4, true);
  };
  const sectors = chain(found.start, miniNext, miniFat.length / 4);
  const out = new Uint8Array(sectors.length * miniSectorSize);
  sectors.forEach((s, i) => {
    if ((s + 1) * miniSectorSize > miniStream.length) throw broken();
    out.set(miniStream.subarray(s * miniSectorSize, (s + 1) * miniSectorSize), i * miniSectorSize);
  });
  return out.subarray(0, found.size);
}
