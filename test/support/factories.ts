import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import type { Language } from '../../src/domain/language.js';
import type { System } from '../../src/main/compose.js';

let boardSeq = 0;

/** A board with a unique slug. */
export async function buildBoard(system: System, overrides: { slug?: string; kind?: 'press_release' | 'news' | 'statement' | 'photo' } = {}) {
  boardSeq += 1;
  return system.boards.create({
    slug: overrides.slug ?? `board-${boardSeq}`,
    kind: overrides.kind ?? 'press_release',
    name: { en: `Board ${boardSeq}`, ko: `게시판 ${boardSeq}` },
    position: boardSeq,
    createdAt: system.clock.now(),
  });
}

export interface ReleaseSpec {
  boardSlug: string;
  language?: Language;
  state?: 'draft' | 'published' | 'embargoed';
  title?: string;
  subtitle?: string[];
  bodyMarkdown?: string;
  publishedAt?: Date;
  embargoUntil?: Date;
  files?: { fileName: string; bytes: Uint8Array; altText?: string; caption?: string; credit?: string }[];
}

let releaseSeq = 0;

/** A release in the requested state, made through the application's own commands. */
export async function buildRelease(system: System, spec: ReleaseSpec) {
  releaseSeq += 1;
  const { release, edition } = await system.commands.createRelease({
    boardSlug: spec.boardSlug,
    language: spec.language ?? 'en',
    title: spec.title ?? `Test release ${releaseSeq}`,
    subtitle: spec.subtitle ?? [],
    bodyMarkdown: spec.bodyMarkdown ?? `Body of test release ${releaseSeq}.`,
  });
  for (const file of spec.files ?? []) {
    await system.commands.attachFile({ editionId: edition.id, ...file });
  }
  const state = spec.state ?? 'published';
  if (state !== 'draft') {
    await system.commands.publishRelease(release.id, {
      ...(spec.publishedAt ? { publishedAt: spec.publishedAt } : {}),
      ...(state === 'embargoed' ? { embargoUntil: spec.embargoUntil ?? new Date(system.clock.now().getTime() + 3_600_000) } : {}),
    });
  }
  return { release: (await system.releases.getRelease(release.id))!, edition };
}

/** A small real PDF. */
export async function pdfBytes(text = 'Test document'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(text);
  doc.addPage([200, 200]);
  return doc.save();
}

/** A small real JPEG. */
export async function jpegBytes(width = 64, height = 48): Promise<Uint8Array> {
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g: 80, b: 160 } } }).jpeg().toBuffer();
}
