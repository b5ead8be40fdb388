import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { ImportReport, ParsedSource } from '../../src/app/import/import-item.js';
import type { ImportOptions } from '../../src/app/import/import-source.js';
import { readImportSource } from '../../src/adapters/import/read-source.js';
import { importCommand } from '../../src/cli/import.command.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

describe('pressroom import (command line)', () => {
  let out: string[];
  let err: string[];
  const original = { log: console.log, error: console.error };
  beforeEach(() => {
    out = [];
    err = [];
    console.log = (...args: unknown[]) => void out.push(args.join(' '));
    console.error = (...args: unknown[]) => void err.push(args.join(' '));
  });
  afterEach(() => Object.assign(console, original));

  /** The real source reader, and an import command that records what it was asked. */
  function fakeSystem(outcome: 'imported' | 'refused' = 'imported', timeZone = 'Asia/Seoul') {
    const calls: { parsed: ParsedSource; options: ImportOptions }[] = [];
    return {
      calls,
      system: {
        settings: { timeZone },
        imports: {
          read: readImportSource,
          importSource: async (parsed: ParsedSource, options: ImportOptions): Promise<ImportReport> => {
            calls.push({ parsed, options });
            const counts = { imported: 0, flagged: 0, skipped: 0, refused: 0 };
            counts[outcome] = parsed.items.length;
            const items = parsed.items.map((item, i) => ({ index: i + 1, sourceKey: item.sourceKey, label: item.label, outcome, reasons: outcome === 'refused' ? ['bad item'] : [], notes: [], flagCodes: [], releaseId: null, board: 'press-releases', language: 'en' as const, state: 'draft' as const, publishedAt: null, attachments: 0 }));
            return { source: options.source, format: parsed.format, dryRun: options.dryRun, mode: options.mode, startedAt: '', finishedAt: '', counts, boardsCreated: [], authors: [], items };
          },
        },
      },
    };
  }

  test('defaults: publish, undated items published as of the import, not a dry run', async () => {
    const { system, calls } = fakeSystem('imported', 'Europe/London');
    assert.equal(await importCommand.run(system, [`${FIXTURES}en-news-cut128.txt`]), 0);
    assert.equal(calls[0]!.options.mode, 'publish');
    assert.equal(calls[0]!.options.undated, 'publish');
    assert.equal(calls[0]!.options.dryRun, false);
    assert.equal(calls[0]!.options.timeZone, 'Europe/London');
    assert.match(out.join('\n'), /1 imported, 0 skipped, 0 refused \(1 item\)/);
  });

  test('flags reach the command; a dry run says nothing was written', async () => {
    const { system, calls } = fakeSystem();
    const code = await importCommand.run(system, [FIXTURES, '--draft', '--dry-run', '--board', 'news', '--language', 'ko', '--undated', 'draft', '--map', 'Defence News=news', '--map', '보도자료=press-releases']);
    assert.equal(code, 0);
    assert.deepEqual(
      { ...calls[0]!.options, onProgress: undefined, source: undefined },
      { source: undefined, mode: 'draft', dryRun: true, boardSlug: 'news', boardMap: { 'Defence News': 'news', 보도자료: 'press-releases' }, language: 'ko', undated: 'draft', timeZone: 'Asia/Seoul', onProgress: undefined },
    );
    assert.equal(calls[0]!.parsed.items.length, 4);
    assert.match(out.join('\n'), /^Dry run, nothing written: 4 imported/m);
  });

  test('bad arguments are refused together with the usage; nothing is read', async () => {
    const { system, calls } = fakeSystem();
    assert.equal(await importCommand.run(system, ['x.txt', '--publish', '--draft', '--language', 'fr', '--map', 'Defence News']), 2);
    assert.match(err.join('\n'), /--language: one of ko, en/);
    assert.match(err.join('\n'), /--map: CATEGORY=BOARD/);
    assert.match(err.join('\n'), /--draft: choose --publish or --draft, not both/);
    assert.match(err.join('\n'), /Usage: pressroom import SOURCE/);
    assert.equal(await importCommand.run(system, []), 2);
    assert.equal(await importCommand.run(system, ['a', '--nonsense']), 2);
    assert.equal(calls.length, 0);
  });

  test('an unreadable source is reported clearly and exits 1; refused items make the exit status 1', async () => {
    const { system } = fakeSystem('refused');
    assert.equal(await importCommand.run(system, [`${FIXTURES}malformed.xml`]), 1);
    assert.match(err.join('\n'), /Nothing was imported: malformed\.xml is not well-formed XML \(line 3/);
    assert.equal(await importCommand.run(system, [`${FIXTURES}no-such-file.txt`]), 1);
    assert.match(err.join('\n'), /no such file or folder/);
    assert.equal(await importCommand.run(system, [`${FIXTURES}feed.rss.xml`]), 1);
    assert.match(out.join('\n'), /refused: .*\n\s+- bad item/);
  });
});
