import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { IMPORT_FORMATS, type ImportFormat, type ImportReport, type ParsedSource } from '../app/import/import-item.js';
import type { ImportOptions, ImportSource } from '../app/import/import-source.js';
import { ValidationError } from '../domain/errors.js';
import { LANGUAGES } from '../domain/language.js';
import { makeProgress } from './progress.js';

const USAGE = `Usage: pressroom import SOURCE [--board SLUG] [--language ko|en] [--publish | --draft]
                        [--undated publish|draft] [--format ${IMPORT_FORMATS.join('|')}]
                        [--dry-run] [--report FILE.json]

SOURCE is a scraped page (.txt), a saved page (.html), a folder of them, an RSS 2.0 or Atom feed,
or a WordPress export (WXR), as a file or an http(s) URL; the format is detected from the content.
  --publish        land items published with their original dates (the default)
  --draft          land every item as a draft
  --undated        an item without a date under --publish: published as of the import (flagged;
                   the default) or kept a draft
  --board SLUG     put every item in this existing board (default: the boards the source names,
                   created when missing)
  --language       the language of every item (default: as the source declares, else detected)
  --dry-run        report what would happen and write nothing
  --report FILE    write the full report (every item, its outcome and reasons) as JSON
Items already imported (same URL, GUID or content) are skipped, so a second run adds nothing.`;

/** The command line, checked at the edge; every problem is reported at once. */
const argsSchema = z
  .object({
    source: z.string().min(1, 'name the SOURCE to import'),
    board: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a board slug such as press-releases').optional(),
    language: z.enum(LANGUAGES, `one of ${LANGUAGES.join(', ')}`).optional(),
    publish: z.boolean().default(false),
    draft: z.boolean().default(false),
    undated: z.enum(['publish', 'draft'], 'publish or draft').default('publish'),
    format: z.enum(IMPORT_FORMATS, `one of ${IMPORT_FORMATS.join(', ')}`).optional(),
    'dry-run': z.boolean().default(false),
    report: z.string().min(1).optional(),
  })
  // `when`: checked even when another field failed, so every problem is reported at once.
  .refine((a) => !(a.publish && a.draft), { message: 'choose --publish or --draft, not both', path: ['draft'], when: () => true });

export interface ImportCommandSystem {
  imports: { read: (source: string, options?: { format?: ImportFormat }) => Promise<ParsedSource>; importSource: ImportSource };
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
  }
  const c = report.counts;
  lines.push(`${report.dryRun ? 'Dry run, nothing written: ' : ''}${c.imported} imported, ${c.flagged} flagged, ${c.skipped} skipped, ${c.refused} refused (${report.items.length} item${report.items.length === 1 ? '' : 's'}).`);
  return lines;
}

export const importCommand = {
  name: 'import',
  summary: 'Import releases from scraped pages, RSS/Atom feeds or a WordPress export (--dry-run to preview)',
  async run(system: ImportCommandSystem, argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
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
      parsed = await system.imports.read(args.source, args.format ? { format: args.format } : {});
    } catch (error) {
      console.error(`Nothing was imported: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    const options: ImportOptions = {
      source: args.source,
      mode: args.draft ? 'draft' : 'publish',
      dryRun: args['dry-run'],
      boardSlug: args.board ?? null,
      language: args.language ?? null,
      undated: args.undated,
      timeZone: env.PRESSROOM_TIME_ZONE || 'Asia/Seoul',
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
