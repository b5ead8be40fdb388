import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { IMPORT_FORMATS, type ImportFormat, type ImportReport, type ParsedSource } from '../app/import/import-item.js';
import type { ImportOptions, ImportSource } from '../app/import/import-source.js';
import { ValidationError } from '../domain/errors.js';
import { LANGUAGES } from '../domain/language.js';
import { makeProgress } from './progress.js';
import { boardSlugSchema } from '../app/board.schema.js';

const USAGE = `Usage: pressroom import SOURCE [--board SLUG] [--map CATEGORY=BOARD ...] [--language ko|en]
                        [--publish | --draft] [--undated publish|draft] [--title TEXT]
                        [--fetch-files] [--format ${IMPORT_FORMATS.join('|')}]
                        [--dry-run] [--report FILE.json]

SOURCE is a scraped page (.txt), a saved page (.html), a folder of them, an RSS 2.0 or Atom feed,
or a WordPress export (WXR), as a file or an http(s) URL; the format is detected from the content.
  --publish        land items published with their original dates (the default)
  --draft          land every item as a draft
  --undated        an item without a date under --publish: published as of the import (flagged;
                   the default) or kept a draft
  --board SLUG     put every item in this existing board (default: the boards the source names,
                   created when missing)
  --map CAT=BOARD  a feed category or page section named CAT goes to the existing board BOARD
                   (repeat for several; --board overrides)
  --title TEXT     the title of a single page that shows none (its every line is then body)
  --fetch-files    fetch a feed's enclosures (only from the feed's own origin) and attach them
  --language       the language of every item (default: as the source declares, else detected)
  --dry-run        report what would happen and write nothing
  --report FILE    write the full report (every item, its outcome and reasons) as JSON
Items already imported (same URL, GUID or content) are skipped, so a second run adds nothing.`;

/** The command line, checked at the edge; every problem is reported at once. */
const argsSchema = z
  .object({
    source: z.string().min(1, 'name the SOURCE to import'),
    board: boardSlugSchema.optional(),
    language: z.enum(LANGUAGES, `one of ${LANGUAGES.join(', ')}`).optional(),
    publish: z.boolean().default(false),
    draft: z.boolean().default(false),
    undated: z.enum(['publish', 'draft'], 'publish or draft').default('publish'),
    format: z.enum(IMPORT_FORMATS, `one of ${IMPORT_FORMATS.join(', ')}`).optional(),
    'dry-run': z.boolean().default(false),
    report: z.string().min(1).optional(),
    title: z.string().trim().min(1, 'give the title text').max(300, 'at most 300 characters').optional(),
    map: z
      .array(z.string().regex(/^[^=]+=[a-z0-9]+(?:-[a-z0-9]+)*$/, 'CATEGORY=BOARD, with BOARD a board slug such as news'))
      .default([]),
    'fetch-files': z.boolean().default(false),
  })
  // `when`: checked even when another field failed, so every problem is reported at once.
  .refine((a) => !(a.publish && a.draft), { message: 'choose --publish or --draft, not both', path: ['draft'], when: () => true });

export interface ImportCommandSystem {
  imports: { read: (source: string, options?: { format?: ImportFormat; title?: string; fetchFiles?: boolean }) => Promise<ParsedSource>; importSource: ImportSource };
  /** The configured newsroom time zone: dates without an offset are read in it. */
  settings: { timeZone: string };
}

/** Flag codes in the closing line's words ("1 imported (1 flagged: no date)"). */
const FLAG_WORDS: Record<string, string> = {
  no_date: 'no date',
  date_from_text: 'date from the text',
  date_in_future: 'future date',
  date_unreadable: 'unreadable date',
  date_from_updated: 'date from updated',
  title_cut: 'title cut',
  title_given: 'title given',
  photo_not_imported: 'photos not in the source',
  file_not_imported: 'files not in the source',
  enclosure_not_imported: 'enclosures not fetched',
  inline_images_dropped: 'images not imported',
  attachment_missing: 'attachments missing',
  attachment_refused: 'attachment refused',
  alt_text_missing: 'alt text missing',
  draft_in_source: 'draft in the source',
  board_unmapped: 'board not mapped',
  tags_cut: 'tags cut',
};

/** The closing line: flagged items are imported items, so they are counted among them. */
export function closingLine(report: ImportReport): string {
  const c = report.counts;
  const why = new Map<string, number>();
  for (const item of report.items) {
    if (item.outcome !== 'flagged') continue;
    for (const code of new Set(item.flagCodes)) why.set(code, (why.get(code) ?? 0) + 1);
  }
  const reasons = [...why].map(([code, n]) => `${c.flagged > 1 ? `${n} ` : ''}${FLAG_WORDS[code] ?? code.replace(/_/g, ' ')}`).join(', ');
  const flagged = c.flagged > 0 ? ` (${c.flagged} flagged${reasons ? `: ${reasons}` : ''})` : '';
  return `${report.dryRun ? 'Dry run, nothing written: ' : ''}${c.imported + c.flagged} imported${flagged}, ${c.skipped} skipped, ${c.refused} refused (${report.items.length} item${report.items.length === 1 ? '' : 's'}).`;
}

function summary(report: ImportReport): string[] {
  const verb = report.dryRun ? { imported: 'would import', flagged: 'would import, flagged', skipped: 'would skip', refused: 'would refuse' } : { imported: 'imported', flagged: 'imported, flagged', skipped: 'skipped', refused: 'refused' };
  const lines: string[] = [];
  for (const a of report.authors) lines.push(`author ${a.email}: ${a.outcome}${a.reason ? ` (${a.reason})` : ''}`);
  for (const slug of report.boardsCreated) lines.push(`board ${slug}: ${report.dryRun ? 'would be created' : 'created'}`);
  for (const item of report.items) {
    const where = item.board ? ` -> ${item.board}/${item.language}${item.state ? ` as ${item.state === 'published' ? `published ${item.publishedAt?.slice(0, 10)}` : 'draft'}` : ''}` : '';
    lines.push(`${String(item.index).padStart(4)}. ${verb[item.outcome]}: ${item.label}${where}${item.releaseId ? ` [release ${item.releaseId}]` : ''}`);
    for (const reason of item.reasons) lines.push(`        - ${reason}`);
    for (const note of item.notes) lines.push(`        · dropped: ${note}`);
  }
  lines.push(closingLine(report));
  return lines;
}

export const importCommand = {
  name: 'import',
  summary: 'Import releases from scraped pages, RSS/Atom feeds or a WordPress export (--dry-run to preview)',
  async run(system: ImportCommandSystem, argv: string[]): Promise<number> {
    let parsedArgs: ReturnType<typeof parseArgs>;
    try {
      parsedArgs = parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          board: { type: 'string' },
          language: { type: 'string' },
          publish: { type: 'boolean' },
          draft: { type: 'boolean' },
          undated: { type: 'string' },
          format: { type: 'string' },
          'dry-run': { type: 'boolean' },
          report: { type: 'string' },
          title: { type: 'string' },
          map: { type: 'string', multiple: true },
          'fetch-files': { type: 'boolean' },
        },
      });
    } catch (error) {
      console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
      return 2;
    }
    if (parsedArgs.positionals.length > 1) {
      console.error(`Import one SOURCE at a time (got ${parsedArgs.positionals.length}).\n\n${USAGE}`);
      return 2;
    }
    const checked = argsSchema.safeParse({ source: parsedArgs.positionals[0] ?? '', ...parsedArgs.values });
    if (!checked.success) {
      console.error(`${checked.error.issues.map((i) => `  - ${i.path[0] === 'source' ? 'SOURCE' : `--${String(i.path[0])}`}: ${i.message}`).join('\n')}\n\n${USAGE}`);
      return 2;
    }
    const args = checked.data;
    let parsed: ParsedSource;
    try {
      parsed = await system.imports.read(args.source, { ...(args.format ? { format: args.format } : {}), ...(args.title ? { title: args.title } : {}), fetchFiles: args['fetch-files'] });
    } catch (error) {
      console.error(`Nothing was imported: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    const options: ImportOptions = {
      source: args.source,
      mode: args.draft ? 'draft' : 'publish',
      dryRun: args['dry-run'],
      boardSlug: args.board ?? null,
      boardMap: Object.fromEntries(args.map.map((m) => [m.slice(0, m.lastIndexOf('=')).trim(), m.slice(m.lastIndexOf('=') + 1)])),
      language: args.language ?? null,
      undated: args.undated,
      timeZone: system.settings.timeZone,
      onProgress: makeProgress(args['dry-run'] ? 'Checking items' : 'Importing items'),
    };
    let report: ImportReport;
    try {
      report = await system.imports.importSource(parsed, options);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      console.error(`Nothing was imported: ${error.message}${error.issues.map((i) => `\n  - ${i.message}`).join('')}`);
      return 1;
    }
    for (const line of summary(report)) console.log(line);
    if (args.report) {
      await writeFile(args.report, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`Report written to ${args.report}.`);
    }
    return report.counts.refused > 0 ? 1 : 0;
  },
};
