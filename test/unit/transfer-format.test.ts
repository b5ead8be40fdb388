import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { z } from 'zod';
import { makeDirectoryArchiveReader, makeDirectoryArchiveWriter } from '../../src/adapters/transfer/directory-archive.js';
import { isJsonValue } from '../../src/app/transfer/export-format.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pressroom-lines-'));
  dirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function linesOf(text: string | Buffer): Promise<{ lines: string[]; digest: string }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'stream.ndjson'), text);
  const reader = makeDirectoryArchiveReader(dir).openStream('stream.ndjson')!;
  const lines: string[] = [];
  for await (const line of reader.lines) lines.push(line);
  return { lines, digest: reader.digest() };
}

describe('export streams on disk', () => {
  test('lines split on \\n, across read chunks, with a trailing \\r dropped and a last line without \\n kept', async () => {
    const long = `{"body":"${'국방'.repeat(200_000)}"}`; // 1.2 MB of UTF-8: spans several 256 KiB reads
    const { lines } = await linesOf(`a\r\n\nb\n${long}\n{"x":"ü"}`);
    assert.deepEqual(lines, ['a', '', 'b', long, '{"x":"ü"}']);
    assert.deepEqual((await linesOf('')).lines, []);
    assert.deepEqual((await linesOf('only\n')).lines, ['only']);
  });

  test('a multi-byte character cut by a chunk boundary is decoded whole', async () => {
    // 256 KiB - 1 ASCII bytes, then a 3-byte character: the chunk ends inside it.
    const text = `${'a'.repeat(256 * 1024 - 1)}한\n글`;
    const { lines } = await linesOf(text);
    assert.equal(lines[0], `${'a'.repeat(256 * 1024 - 1)}한`);
    assert.equal(lines[1], '글');
  });

  test('the writer hashes exactly the bytes it writes, gathered into large writes', async () => {
    const dir = join(tempDir(), 'out');
    const archive = makeDirectoryArchiveWriter(dir);
    await archive.prepare();
    const out = archive.openStream('s.ndjson');
    const written = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ i, text: i % 2 ? '보도자료'.repeat(100) : 'press release'.repeat(50) }));
    for (const line of written) await out.write(line);
    const { sha256, bytes } = await out.close();
    const onDisk = readFileSync(join(dir, 's.ndjson'));
    assert.equal(onDisk.toString('utf8'), `${written.join('\n')}\n`);
    assert.equal(bytes, onDisk.length);
    const read = await linesOf(onDisk);
    assert.equal(read.digest, sha256);
    assert.deepEqual(read.lines, written);
  });
});

test('the JSON-value check accepts and refuses exactly what z.json() does', () => {
  const zodJson = z.json();
  const values: unknown[] = [
    null, 'text', '', 0, -1.5, 1e300, true, false, [], {}, [1, 'a', null, [{}]], { a: { b: [1, { c: 'd' }] } }, { '한': '글' },
    undefined, Number.NaN, Infinity, -Infinity, () => 1, Symbol('s'), 10n, new Date(0), [undefined], { a: undefined }, { a: [Number.NaN] }, new Map(), /re/,
    JSON.parse('{"__proto__": {"x": 1}}'), Object.create(null),
  ];
  for (const [i, value] of values.entries()) assert.equal(isJsonValue(value), zodJson.safeParse(value).success, `value #${i}`);
});
