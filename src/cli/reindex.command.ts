import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { SearchIndexing } from '../app/search-indexing.js';
import type { ExtractAttachmentTexts } from '../app/extract-attachment-texts.js';
import type { IndexDrift } from '../ports/search-index.js';
import { makeProgress } from './progress.js';

const USAGE = `Usage: pressroom reindex [--check]
Rebuilds the full-text search index from every published release. --check changes nothing: it
compares the index with the database and exits with status 1 when they differ (releases missing
from the index, stale entries, or entries that should not be there).`;

const args = z.object({ values: z.object({ check: z.boolean().optional() }), positionals: z.array(z.string()).max(0, { error: 'reindex takes no file or directory.' }) });

/** "12, 40, 41 and 3 more": a few ids for the operator, not thousands. */
function someIds(ids: number[]): string {
  const shown = ids.slice(0, 10).join(', ');
  return ids.length > 10 ? `${shown} and ${ids.length - 10} more` : shown;
}

/** The drift report: one line per kind of difference that was found. */
export function describeDrift(drift: IndexDrift, outstanding: number): string[] {
  const lines = [
    ...(drift.missing.length > 0 ? [`  ${drift.missing.length} public release(s) missing from the index (ids ${someIds(drift.missing)})`] : []),
    ...(drift.stale.length > 0 ? [`  ${drift.stale.length} stale entr${drift.stale.length === 1 ? 'y' : 'ies'} (ids ${someIds(drift.stale)})`] : []),
    ...(drift.extra.length > 0 ? [`  ${drift.extra.length} entr${drift.extra.length === 1 ? 'y' : 'ies'} for releases that must not be found (ids ${someIds(drift.extra)})`] : []),
  ];
  if (outstanding > 0) lines.push(`  ${outstanding} release(s) still wait to be indexed (a running server finishes them within a minute).`);
  return lines;
}

export const reindexCommand = {
  name: 'reindex',
  summary: 'Rebuild the full-text search index (--check: report where it differs from the database)',
  async run(system: { search: { indexing: Pick<SearchIndexing, 'rebuild' | 'check' | 'outstanding'> }; texts?: { extraction: Pick<ExtractAttachmentTexts, 'queueMissing'> } }, argv: string[] = []): Promise<number> {
    let parsed: z.infer<typeof args>;
    try {
      parsed = args.parse(parseArgs({ args: argv, allowPositionals: true, strict: true, options: { check: { type: 'boolean' } } }));
    } catch (error) {
      console.error(`${error instanceof z.ZodError ? error.issues.map((i) => i.message).join('\n') : error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
      return 2;
    }
    const indexing = system.search.indexing;
    if (parsed.values.check) {
      const drift = await indexing.check(makeProgress('Checking the search index'));
      const outstanding = await indexing.outstanding();
      const lines = describeDrift(drift, outstanding);
      if (drift.missing.length + drift.stale.length + drift.extra.length === 0) {
        console.log(`The search index matches the database (${drift.checked} release${drift.checked === 1 ? '' : 's'} checked).`);
        return 0;
      }
      console.error(['The search index differs from the database:', ...lines, 'Run `pressroom reindex` to rebuild it.'].join('\n'));
      return 1;
    }
    const count = await indexing.rebuild(makeProgress('Indexing releases'));
    console.log(`Search index rebuilt: ${count} release${count === 1 ? '' : 's'}.`);
    if (system.texts) {
      // Documents attached before text views existed, or imported, get theirs read (#19); each
      // finished text brings its releases' search entries up to date through the outbox.
      const queued = await system.texts.extraction.queueMissing();
      if (queued > 0) console.log(`${queued} attachment${queued === 1 ? '' : 's'} queued for text extraction; a running server reads them and updates the index.`);
    }
    return 0;
  },
};
