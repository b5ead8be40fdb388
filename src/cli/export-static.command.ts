import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { StaticExportReport } from '../app/static-export/export-static-site.js';
import { makeProgress } from './progress.js';

const USAGE = `Usage: pressroom export-static DIR [--base-url URL]
Writes every public page, list page, feed, sitemap, attachment and asset into DIR for a plain static
file server. A second run rewrites only what changed and removes pages that are gone.
--base-url: the origin the copy will be served from (canonical, feed and sitemap URLs); PRESSROOM_BASE_URL by default.`;

const argsSchema = z.object({
  dir: z.string().min(1, 'DIR is required'),
  baseUrl: z
    .httpUrl({ error: '--base-url must be an http or https URL, e.g. https://news.example.go.kr' })
    .refine((u) => !/[?#]/.test(u), '--base-url must not carry a query or fragment')
    .transform((u) => u.replace(/\/+$/, ''))
    .nullable(),
});

/** What `export-static` needs from the composition root: an export of the system it was given (`S`) into a directory. */
export type StaticExportFactory<S> = (system: S, options: { dir: string; baseUrl: string | null }) => Promise<{ run(progress?: (done: number, total: number) => void): Promise<StaticExportReport> }>;

/** `pressroom export-static DIR [--base-url URL]`; the renderer comes from src/main, injected. */
export function makeExportStaticCommand<S>(compose: StaticExportFactory<S>) {
  return {
    name: 'export-static',
    summary: 'Write the public site as static files (pages, lists, feeds, sitemaps, attachments) into DIR',
    async run(system: S, argv: string[]): Promise<number> {
      let parsed: { values: { 'base-url'?: string }; positionals: string[] };
      try {
        parsed = parseArgs({ args: argv, options: { 'base-url': { type: 'string' } }, allowPositionals: true, strict: true });
      } catch (error) {
        console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
        return 2;
      }
      const args = argsSchema.safeParse({ dir: parsed.positionals[0] ?? '', baseUrl: parsed.values['base-url'] ?? null });
      if (!args.success || parsed.positionals.length > 1) {
        const issues = args.success ? ['only one DIR'] : args.error.issues.map((i) => i.message);
        console.error(`${issues.join('\n')}\n\n${USAGE}`);
        return 2;
      }
      const exporter = await compose(system, args.data);
      const report = await exporter.run(makeProgress('Exporting'));
      console.log(`Static site in ${args.data.dir}: ${report.written} written, ${report.unchanged} unchanged, ${report.removed} removed (${report.total} files).`);
      for (const s of report.skipped) console.log(`  skipped ${s.url}: ${s.reason}`);
      if (report.nextChange) console.log(`The next embargo lifts at ${report.nextChange.toISOString()}: export again then.`);
      return 0;
    },
  };
}
