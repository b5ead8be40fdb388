// Builds the bench database: 10,000 published releases in three boards, made through the same
// commands editors use (createRelease, attachFile, submitRelease, approveRelease, publishRelease),
// published oldest first over the past three years so numbers follow dates.
import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDemoAssets } from '../src/adapters/demo/demo-assets.js';
import { SYSTEM_ACTOR, type StaffActor } from '../src/app/workflow/actor.js';
import type { Language } from '../src/domain/language.js';
import { composeSystem } from '../src/main/compose.js';
import { body, DEPARTMENTS, pick, seededRandom, subtitle, tags, title } from './text.js';

export const BOARDS = [
  { slug: 'press-releases', kind: 'press_release', name: { en: 'Press Releases', ko: '보도자료' }, count: 8000 },
  { slug: 'news', kind: 'news', name: { en: 'News', ko: '뉴스' }, count: 1000 },
  { slug: 'statements', kind: 'statement', name: { en: 'Statements', ko: '입장문' }, count: 1000 },
] as const;

const ENGLISH_SHARE = 0.7;
const PDF_SHARE = 0.3;
const PHOTO_SHARE = 0.1;
const YEARS = 3;
/** A named system actor: it may submit, approve and publish its own releases, as the demo loader does. */
const BENCH_ACTOR: StaffActor = { ...SYSTEM_ACTOR, label: 'system:bench' };

export interface Corpus {
  total: number;
  /** Published releases per board and language, e.g. counts['press-releases'].en. */
  counts: Record<string, Record<Language, number>>;
  pdfs: number;
  photos: number;
  /** Build time; NaN when an earlier build was reused (`--reuse`) and its time is not known. */
  ms: number;
}

export function sqliteFile(dataDir: string): string {
  return join(dataDir, 'pressroom.sqlite');
}

/** Deletes `dataDir` and fills it with the corpus; prints a progress line every 1,000 releases. */
export async function buildCorpus(dataDir: string): Promise<Corpus> {
  rmSync(dataDir, { recursive: true, force: true });
  const started = performance.now();
  const system = await composeSystem({ database: { kind: 'sqlite', file: sqliteFile(dataDir) }, dataDir });
  try {
    const rnd = seededRandom(20261128);
    const assets = makeDemoAssets();
    // A few distinct files, reused: identical bytes are stored once (content-addressed by SHA-256).
    const pdfs = await Promise.all([1, 2, 3, 4].map((n) => assets.pdf({ heading: `Bench briefing document ${n}`, lines: [`Background material number ${n}.`] })));
    const photos = await Promise.all([30, 150, 270].map((hue) => assets.photo({ label: `Bench photo ${hue}`, hue, width: 1200, height: 800 })));

    for (const [position, board] of BOARDS.entries()) {
      await system.boards.create({ slug: board.slug, kind: board.kind, name: board.name, position, createdAt: system.clock.now() });
    }
    // Board of each release, shuffled so the boards' publications interleave in time.
    const plan: string[] = BOARDS.flatMap((b) => Array<string>(b.count).fill(b.slug));
    for (let i = plan.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [plan[i], plan[j]] = [plan[j]!, plan[i]!];
    }

    const counts: Corpus['counts'] = Object.fromEntries(BOARDS.map((b) => [b.slug, { en: 0, ko: 0 }]));
    const now = Date.now();
    const span = YEARS * 365 * 86_400_000;
    const step = span / plan.length;
    let pdfCount = 0;
    let photoCount = 0;
    for (const [index, boardSlug] of plan.entries()) {
      const language: Language = rnd() < ENGLISH_SHARE ? 'en' : 'ko';
      const { release, edition } = await system.commands.createRelease({
        boardSlug,
        language,
        title: title(rnd, language, index + 1),
        subtitle: subtitle(rnd, language),
        bodyMarkdown: body(rnd, language),
        department: pick(rnd, DEPARTMENTS[language]),
        contact: rnd() < 0.5 ? { name: language === 'en' ? 'Press Officer Kim' : '홍보담당관 김민수', phone: '02-748-0000', email: 'press@example.gov' } : null,
        tags: tags(rnd, language),
      }, BENCH_ACTOR);
      if (rnd() < PHOTO_SHARE) {
        const altText = language === 'en' ? 'Officials at the announcement' : '발표 현장의 관계자들';
        await system.commands.attachFile({ editionId: edition.id, fileName: `photo-${index + 1}.jpg`, bytes: pick(rnd, photos), altText, caption: altText });
        photoCount += 1;
      }
      if (rnd() < PDF_SHARE) {
        const fileName = language === 'en' ? `press-release-${index + 1}.pdf` : `보도자료-${index + 1}.pdf`;
        await system.commands.attachFile({ editionId: edition.id, fileName, bytes: pick(rnd, pdfs) });
        pdfCount += 1;
      }
      // Oldest first, a few minutes of jitter, never in the future.
      const publishedAt = new Date(Math.min(now - span + index * step + rnd() * step * 0.5, now - 60_000));
      await system.commands.submitRelease(release.id, BENCH_ACTOR);
      await system.commands.approveRelease(release.id, BENCH_ACTOR);
      await system.commands.publishRelease(release.id, BENCH_ACTOR, { publishedAt });
      counts[boardSlug]![language] += 1;
      if ((index + 1) % 1000 === 0) {
        console.log(`  ${(index + 1).toLocaleString('en')} / ${plan.length.toLocaleString('en')} releases (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
    }
    const corpus: Corpus = { total: plan.length, counts, pdfs: pdfCount, photos: photoCount, ms: performance.now() - started };
    writeFileSync(join(dataDir, 'corpus.json'), JSON.stringify(corpus));
    return corpus;
  } finally {
    await system.close();
  }
}

/**
 * The corpus already in `dataDir` (`--reuse`), or null when there is no database: its corpus.json
 * when the build wrote one, else counted from the SQLite file (build time unknown).
 */
export function reuseCorpus(dataDir: string): Corpus | null {
  if (!existsSync(sqliteFile(dataDir))) return null;
  const saved = join(dataDir, 'corpus.json');
  if (existsSync(saved)) return JSON.parse(readFileSync(saved, 'utf8')) as Corpus;
  const db = new Database(sqliteFile(dataDir), { readonly: true });
  try {
    const counts: Corpus['counts'] = Object.fromEntries(BOARDS.map((b) => [b.slug, { en: 0, ko: 0 }]));
    const rows = db
      .prepare("select b.slug as slug, r.language as language, count(*) as n from releases r join boards b on b.id = r.board_id where r.status = 'published' group by 1, 2")
      .all() as { slug: string; language: Language; n: number }[];
    for (const row of rows) (counts[row.slug] ??= { en: 0, ko: 0 })[row.language] = row.n;
    const withType = (like: string) => (db.prepare('select count(distinct edition_id) as n from attachments where mime_type like ?').get(like) as { n: number }).n;
    return { total: rows.reduce((sum, row) => sum + row.n, 0), counts, pdfs: withType('application/pdf'), photos: withType('image/%'), ms: Number.NaN };
  } finally {
    db.close();
  }
}
