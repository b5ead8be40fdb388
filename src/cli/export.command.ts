import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DomainError } from '../domain/errors.js';
import type { makeExportContent, ProgressFactory } from '../app/transfer/export-content.js';

/** The one use case `export` runs: the content of this system into an export directory. */
export interface ExportTo {
  exportTo(dir: string, progress?: ProgressFactory): ReturnType<ReturnType<typeof makeExportContent>>;
}
import { makeProgress } from './progress.js';

const USAGE = `Usage: pressroom export DIR
Writes every board, release (all editions, revisions, attachments), scheduled job, preview link,
audit entry and staff account (without passwords or other secrets) to DIR, with the stored files.
DIR must be new or empty. The format is described in docs/export-format.md.`;

const args = z.object({ positionals: z.tuple([z.string().min(1)], { error: 'Name one directory.' }) });

export const exportCommand = {
  name: 'export',
  summary: 'Export all content and files to a directory (Pressroom JSON export format)',
  async run(system: { transfer: ExportTo }, argv: string[]): Promise<number> {
    let dir: string;
    try {
      const parsed = args.parse(parseArgs({ args: argv, allowPositionals: true, strict: true, options: {} }));
      dir = resolve(parsed.positionals[0]);
    } catch (error) {
      console.error(`${error instanceof z.ZodError ? error.issues.map((i) => i.message).join('\n') : error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
      return 2;
    }
    const started = performance.now();
    let manifest: Awaited<ReturnType<ExportTo['exportTo']>>;
    try {
      manifest = await system.transfer.exportTo(dir, (label) => makeProgress(label));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      console.error(`Export refused: ${error.message}`);
      return 1;
    }
    const s = manifest.streams;
    console.log(
      `Exported ${s.boards.count} boards, ${s.releases.count} releases, ${s.users.count} staff accounts, ${s.jobs.count} jobs, ` +
        `${s.preview_links.count} preview links, ${s.audit_log.count} audit entries and ${manifest.files.count} files ` +
        `(${(manifest.files.bytes / 1_048_576).toFixed(1)} MB) to ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    return 0;
  },
};
