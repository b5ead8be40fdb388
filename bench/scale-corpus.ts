// The large corpus for the search, feed and API bench (issue #4): by default 100,000 published
// releases, half English and half Korean, over ten years. Building 100,000 through the workflow
// commands would take about 35 minutes here (the 10,000-release page bench does that), so rows are
// written directly, in batches inside one transaction, exactly as the commands leave them (a live,
// published edition; board numbers in publication order; the board counters). The search index is
// then built by `SearchIndex.rebuild`, the code `pressroom reindex` runs.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { makeDemoAssets } from '../src/adapters/demo/demo-assets.js';
import { isPostgres } from '../src/adapters/db/dialect.js';
import type { Database } from '../src/adapters/db/schema.js';
import type { Language } from '../src/domain/language.js';
import type { System } from '../src/main/compose.js';
import { BOARDS } from './build-corpus.js';
import { body, DEPARTMENTS, pick, seededRandom, subtitle, tags, title } from './text.js';

const ENGLISH_SHARE = 0.5;
const PDF_SHARE = 0.3;
const YEARS = 10;
const BATCH = 500;

export interface ScaleCorpus {
  total: number;
  counts: Record<string, Record<Language, number>>;
  /** Average characters of the Markdown body, per language. */
  bodyChars: Record<Language, number>;
  withPdf: number;
  /** Publication time of the newest and oldest release. */
  newest: Date;
  oldest: Date;
  insertMs: number;
  indexMs: number;
  indexed: number;
}

/**
 * Fills an empty, migrated database with `total` published releases, then builds the search index
 * with the same call as `pressroom reindex`. `onIndexProgress` receives the rebuild's progress.
 */
export async function buildScaleCorpus(system: System, total: number, onIndexProgress?: (done: number, total: number) => void): Promise<ScaleCorpus> {
  const db = system.db;
  const started = performance.now();
  const rnd = seededRandom(20261204);
  const pdf = await makeDemoAssets().pdf({ heading: 'Bench briefing document', lines: ['Background material for the scale bench.'] });
  const stored = await system.files.put(pdf);

  const boardIds = new Map<string, number>();
  for (const [position, board] of BOARDS.entries()) {
    const created = await system.boards.create({ slug: board.slug, kind: board.kind, name: board.name, position, createdAt: system.clock.now() });
    boardIds.set(board.slug, created.id);
  }
  const weights = BOARDS.map((b) => b.count);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const boardOf = () => {
    let r = rnd() * weightSum;
    for (const [i, w] of weights.entries()) {
      if ((r -= w) < 0) return BOARDS[i]!.slug;
    }
    return BOARDS[0].slug;
  };

  const counts: ScaleCorpus['counts'] = Object.fromEntries(BOARDS.map((b) => [b.slug, { en: 0, ko: 0 }]));
  const chars = { en: 0, ko: 0 };
  const now = Date.now();
  const span = YEARS * 365 * 86_400_000;
  const step = span / total;
  let withPdf = 0;
  let oldest = now;
  let newest = 0;

  await db.transaction().execute(async (tx) => {
    for (let from = 0; from < total; from += BATCH) {
      const releases: Parameters<typeof insertReleases>[1] = [];
      const editions: Parameters<typeof insertEditions>[1] = [];
      const attachments: Parameters<typeof insertAttachments>[1] = [];
      for (let index = from; index < Math.min(total, from + BATCH); index++) {
        const id = index + 1;
        const slug = boardOf();
        const language: Language = rnd() < ENGLISH_SHARE ? 'en' : 'ko';
        const number = (counts[slug]![language] += 1);
        // Oldest first, with jitter, never in the future: numbers follow dates as in a real board.
        const at = Math.round(Math.min(now - span + index * step + rnd() * step * 0.5, now - 60_000));
        oldest = Math.min(oldest, at);
        newest = Math.max(newest, at);
        const text = body(rnd, language);
        chars[language] += text.length;
        const contact = rnd() < 0.5;
        releases.push({
          id,
          board_id: boardIds.get(slug)!,
          language,
          number,
          status: 'published',
          live_edition_id: id,
          first_published_at: at,
          public_at: at,
          public_updated_at: at,
          created_at: at - 3_600_000,
        });
        editions.push({
          id,
          release_id: id,
          edition_no: 1,
          state: 'published',
          title: title(rnd, language, id),
          subtitle: JSON.stringify(subtitle(rnd, language)),
          body_markdown: text,
          department: pick(rnd, DEPARTMENTS[language]),
          contact_name: contact ? (language === 'en' ? 'Press Officer Kim' : '홍보담당관 김민수') : null,
          contact_phone: contact ? '02-748-0000' : null,
          contact_email: contact ? 'press@example.gov' : null,
          tags: JSON.stringify(tags(rnd, language)),
          published_at: at,
          created_at: at - 3_600_000,
          updated_at: at,
          lock_version: 1,
        });
        if (rnd() < PDF_SHARE) {
          withPdf += 1;
          attachments.push({
            edition_id: id,
            position: 0,
            sha256: stored.sha256,
            file_name: language === 'en' ? `press-release-${id}.pdf` : `보도자료-${id}.pdf`,
            mime_type: 'application/pdf',
            byte_size: stored.byteSize,
            caption: language === 'en' ? 'Full text of the release' : '보도자료 전문',
            credit: '',
            alt_text: '',
          });
        }
      }
      await insertReleases(tx, releases);
      await insertEditions(tx, editions);
      await insertAttachments(tx, attachments);
    }
    for (const [slug, byLanguage] of Object.entries(counts)) {
      for (const language of ['en', 'ko'] as const) {
        if (byLanguage[language] > 0) await tx.insertInto('board_counters').values({ board_id: boardIds.get(slug)!, language, last_number: byLanguage[language] }).execute();
      }
    }
    if (isPostgres(tx)) {
      // Ids were given explicitly: move the identity sequences past them for later inserts.
      await sql`select setval(pg_get_serial_sequence('releases', 'id'), ${total})`.execute(tx);
      await sql`select setval(pg_get_serial_sequence('editions', 'id'), ${total})`.execute(tx);
    }
  });
  // Fresh planner statistics, as a database that has grown to this size over years would have.
  await sql`analyze`.execute(db);
  const insertMs = performance.now() - started;

  const indexStarted = performance.now();
  const indexed = await system.search.index.rebuild(onIndexProgress);
  const indexMs = performance.now() - indexStarted;
  await sql`analyze`.execute(db);

  const english = Object.values(counts).reduce((n, c) => n + c.en, 0);
  return {
    total,
    counts,
    bodyChars: { en: Math.round(chars.en / Math.max(1, english)), ko: Math.round(chars.ko / Math.max(1, total - english)) },
    withPdf,
    newest: new Date(newest),
    oldest: new Date(oldest),
    insertMs,
    indexMs,
    indexed,
  };
}

type Tx = Kysely<Database>;

async function insertReleases(tx: Tx, rows: { id: number; board_id: number; language: string; number: number; status: string; live_edition_id: number; first_published_at: number; public_at: number; public_updated_at: number; created_at: number }[]) {
  if (rows.length > 0) await tx.insertInto('releases').values(rows).execute();
}

async function insertEditions(
  tx: Tx,
  rows: {
    id: number;
    release_id: number;
    edition_no: number;
    state: string;
    title: string;
    subtitle: string;
    body_markdown: string;
    department: string;
    contact_name: string | null;
    contact_phone: string | null;
    contact_email: string | null;
    tags: string;
    published_at: number;
    created_at: number;
    updated_at: number;
    lock_version: number;
  }[],
) {
  if (rows.length > 0) await tx.insertInto('editions').values(rows).execute();
}

async function insertAttachments(tx: Tx, rows: { edition_id: number; position: number; sha256: string; file_name: string; mime_type: string; byte_size: number; caption: string; credit: string; alt_text: string }[]) {
  if (rows.length > 0) await tx.insertInto('attachments').values(rows).execute();
}
