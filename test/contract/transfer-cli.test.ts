import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, mock, test } from 'node:test';
import { exportCommand } from '../../src/cli/export.command.js';
import { importJsonCommand } from '../../src/cli/import-json.command.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

describe('pressroom export and import-json', () => {
  let source: TestSystem;
  let target: TestSystem;
  let out: string;
  const printed: string[] = [];
  before(async () => {
    [source, target] = await Promise.all([createTestSystem('sqlite'), createTestSystem('sqlite')]);
    await buildBoard(source.system, { slug: 'press-releases' });
    await buildRelease(source.system, { boardSlug: 'press-releases', title: 'Moved release' });
    out = join(mkdtempSync(join(tmpdir(), 'pressroom-cli-')), 'export');
    for (const stream of ['log', 'error'] as const) mock.method(console, stream, (...args: unknown[]) => void printed.push(args.join(' ')));
  });
  after(async () => {
    mock.restoreAll();
    await source?.close();
    await target?.close();
    rmSync(join(out, '..'), { recursive: true, force: true });
  });

  test('usage errors exit 2 and say what is wrong', async () => {
    assert.equal(await exportCommand.run(source.system, []), 2);
    assert.equal(await importJsonCommand.run(target.system, [out, '--force']), 2);
    assert.match(printed.join('\n'), /Unknown option '--force'/);
  });

  test('export, dry run, import, and a refused second import into a changed database', async () => {
    assert.equal(await exportCommand.run(source.system, [out]), 0);
    assert.ok(existsSync(join(out, 'manifest.json')));
    assert.equal(await exportCommand.run(source.system, [out]), 1, 'a non-empty directory is refused');
    assert.match(printed.join('\n'), /Export refused: .* is not empty/);
    assert.equal(await importJsonCommand.run(target.system, [out, '--dry-run']), 0);
    assert.equal((await target.system.transfer.content.counts()).releases, 0);
    assert.equal(await importJsonCommand.run(target.system, [out]), 0);
    assert.equal((await target.system.transfer.content.counts()).releases, 1);
    await buildRelease(target.system, { boardSlug: 'press-releases', title: 'Written after the move' });
    printed.length = 0;
    assert.equal(await importJsonCommand.run(target.system, [out]), 1);
    assert.match(printed.join('\n'), /Import refused: The database is not empty/);
  });
});
