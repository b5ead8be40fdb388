import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DomainError } from '../domain/errors.js';
import type { ProgressFactory } from '../app/transfer/export-content.js';
import type { makeImportContent } from '../app/transfer/import-content.js';

/** The one use case `import-json` runs: an export directory into this (empty) system. */
export interface ImportFrom {
  importFrom(dir: string, options: { dryRun: boolean; reindex?: boolean; progress?: ProgressFactory }): ReturnType<ReturnType<typeof makeImportContent>>;
}
import { makeProgress } from './progress.js';

const USAGE = `Usage: pressroom import-json DIR [--dry-run] [--skip-reindex]
Loads a Pressroom export (made by \`pressroom export DIR\`) into an empty database, keeping ids and
release numbers; files are checked against their SHA-256. --dry-run checks everything and changes
nothing. --skip-reindex leaves the search index to the server, which indexes the imported releases
when it starts (large newsrooms: the site serves pages meanwhile, search finds them as they are
indexed). Running the same import again finishes indexing that an interrupted run left. Staff accounts arrive without
passwords: give each one with \`pressroom user set-password EMAIL\` before they sign in.`;

const args = z.object({
  values: z.object({ 'dry-run': z.boolean().optional(), 'skip-reindex': z.boolean().optional() }),
  positionals: z.tuple([z.string().min(1)], { error: 'Name one export directory.' }),
});

export const importJsonCommand = {
  name: 'import-json',
  summary: 'Import a Pressroom JSON export into an empty database (--dry-run to check only)',
  async run(system: { transfer: ImportFrom }, argv: string[]): Promise<number> {
    let parsed: z.infer<typeof args>;
    try {
      parsed = args.parse(parseArgs({ args: argv, allowPositionals: true, strict: true, options: { 'dry-run': { type: 'boolean' }, 'skip-reindex': { type: 'boolean' } } }));
    } catch (error) {
      console.error(`${error instanceof z.ZodError ? error.issues.map((i) => i.message).join('\n') : error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
      return 2;
    }
    const dir = resolve(parsed.positionals[0]);
    const dryRun = parsed.values['dry-run'] ?? false;
    const started = performance.now();
    try {
      const reindex = !parsed.values['skip-reindex'];
      const report = await system.transfer.importFrom(dir, { dryRun, reindex, progress: (label) => makeProgress(label) });
      const c = report.counts;
      const what =
        `${c.boards} boards, ${c.releases} releases, ${c.users} staff accounts, ${c.jobs} jobs, ${c.preview_links} preview links, ` +
        `${c.audit_log} audit entries and ${report.files.count} files`;
      if (report.alreadyImported && report.indexed > 0) console.log(`The database already holds exactly this export (${what}); indexed the ${report.indexed} releases an interrupted run left for search.`);
      else if (report.alreadyImported) console.log(`The database already holds exactly this export (${what}): nothing to do.`);
      else if (dryRun) console.log(`Dry run: ${what} would be imported; the export is complete and every file matches its SHA-256. Nothing was changed.`);
      else {
        const seconds = (performance.now() - started) / 1000;
        console.log(`Imported ${what} in ${seconds.toFixed(1)} s; ${reindex ? `${report.indexed} releases indexed for search.` : 'search indexing left to the server (it finishes when it starts), or run `pressroom reindex`.'}`);
        if (c.users > 0) console.log('Imported staff accounts have no password: none of them can sign in until given one with `pressroom user set-password EMAIL` (`pressroom user list` shows them).');
      }
      return 0;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      console.error([`Import refused: ${error.message}`, ...error.issues.map((i) => `  - ${i.field?.startsWith('manifest.') ? `${i.field}: ` : ''}${i.message}`)].join('\n'));
      return 1;
    }
  },
};
