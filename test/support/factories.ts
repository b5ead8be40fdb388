import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import type { Language } from '../../src/domain/language.js';
import type { StaffActor } from '../../src/app/workflow/actor.js';
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
  state?: 'draft' | 'in_review' | 'approved' | 'scheduled' | 'published' | 'embargoed' | 'withdrawn';
  title?: string;
  subtitle?: string[];
  bodyMarkdown?: string;
  department?: string;
  tags?: string[];
  publishedAt?: Date;
  embargoUntil?: Date;
  scheduledAt?: Date;
  files?: { fileName: string; bytes: Uint8Array; altText?: string; caption?: string; credit?: string }[];
  actor?: StaffActor;
}

/** The actor factories use: an admin-level system actor, so any state can be reached. */
export const TEST_ACTOR: StaffActor = { userId: null, label: 'system:test', ip: null, role: 'admin' };

let releaseSeq = 0;

/** A release in the requested state, made through the application's own commands. */
export async function buildRelease(system: System, spec: ReleaseSpec) {
  releaseSeq += 1;
  const actor = spec.actor ?? TEST_ACTOR;
  const state = spec.state ?? 'published';
  const embargoUntil = state === 'embargoed' ? (spec.embargoUntil ?? new Date(system.clock.now().getTime() + 3_600_000)) : (spec.embargoUntil ?? null);
  const { release, edition } = await system.commands.createRelease(
    {
      boardSlug: spec.boardSlug,
      language: spec.language ?? 'en',
      title: spec.title ?? `Test release ${releaseSeq}`,
      subtitle: spec.subtitle ?? [],
      bodyMarkdown: spec.bodyMarkdown ?? `Body of test release ${releaseSeq}.`,
      ...(spec.department !== undefined ? { department: spec.department } : {}),
      ...(spec.tags !== undefined ? { tags: spec.tags } : {}),
      embargoUntil,
    },
    actor,
  );
  for (const file of spec.files ?? []) {
    await system.commands.attachFile({ editionId: edition.id, ...file, actor });
  }
  if (state !== 'draft') await system.commands.submitRelease(release.id, actor);
  if (state !== 'draft' && state !== 'in_review') await system.commands.approveRelease(release.id, actor);
  if (state === 'scheduled') await system.commands.scheduleRelease(release.id, spec.scheduledAt ?? new Date(system.clock.now().getTime() + 600_000), actor);
  if (state === 'published' || state === 'embargoed' || state === 'withdrawn') {
    await system.commands.publishRelease(release.id, actor, spec.publishedAt ? { publishedAt: spec.publishedAt } : {});
  }
  if (state === 'withdrawn') await system.commands.withdrawRelease(release.id, 'Issued in error', actor);
  return { release: (await system.releases.getRelease(release.id))!, edition: (await system.editions.latestEdition(release.id))! };
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
