// The files in deploy/ an operator installs as they are: systemd accepts the units (every key known,
// every referenced program present), and deploy/README.md lists every file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { loadConfig } from '../../src/config.js';

const DEPLOY = fileURLToPath(new URL('../../deploy/', import.meta.url));
const SYSTEMD_ANALYZE = '/usr/bin/systemd-analyze';
const isCI = process.env.CI === 'true' || process.env.CI === '1';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

describe('deploy/', () => {
  test('deploy/README.md names every file in deploy/', () => {
    const readme = readFileSync(join(DEPLOY, 'README.md'), 'utf8');
    const missing = filesUnder(DEPLOY)
      .map((file) => relative(DEPLOY, file))
      .filter((name) => name !== 'README.md' && !readme.includes(`\`${name}\``));
    assert.deepEqual(missing, []);
  });

  test('pressroom.env.example is a valid configuration as it stands, and with every commented setting filled in', () => {
    const lines = readFileSync(join(DEPLOY, 'pressroom.env.example'), 'utf8').split('\n');
    const parse = (keep: (line: string) => boolean) =>
      Object.fromEntries(
        lines
          .filter(keep)
          .map((line) => line.replace(/^#/, ''))
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).replace(/^"(.*)"$/, '$1')]),
      );
    const set = parse((line) => /^[A-Z_]+=/.test(line));
    assert.equal(set.PORT, undefined, 'the port comes from the systemd instance name');
    const config = loadConfig(set);
    assert.equal(config.database.kind, 'sqlite');
    assert.equal(config.siteName, 'Ministry of Examples Newsroom', 'quotes are stripped, as systemd and a shell do');
    assert.deepEqual(config.trustProxy, { addresses: ['127.0.0.1'] });
    // The several-machines settings, with placeholders made concrete (variables the loader does not know yet are ignored).
    const all = parse((line) => /^#?[A-Z_0-9]+=/.test(line));
    const several = loadConfig(all);
    assert.equal(several.database.kind, 'postgres');
    assert.equal(several.objectStorage?.bucket, 'pressroom-files', 'the S3 settings are read');
    assert.equal(several.objectStorage?.forcePathStyle, true);
    assert.equal(several.cdn.purgeUrl, 'http://127.0.0.1:6081/', 'purges go to Varnish');
    assert.ok(several.metrics?.token, 'metrics are protected by a token');
  });

  const skip = existsSync(SYSTEMD_ANALYZE) || isCI ? false : `no ${SYSTEMD_ANALYZE} (apt-get install systemd to check the units)`;
  test('systemd accepts the units: no unknown key, no bad value, the programs they start exist', { skip }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'pressroom-units-'));
    try {
      for (const name of ['pressroom@.service', 'pressroom-migrate.service']) {
        // Node may live elsewhere on this machine than on a Debian server (/usr/bin/node).
        const text = readFileSync(join(DEPLOY, 'systemd', name), 'utf8').replaceAll('/usr/bin/node ', `${process.execPath} `);
        writeFileSync(join(dir, name), text);
      }
      symlinkSync(join(dir, 'pressroom@.service'), join(dir, 'pressroom@3000.service'));
      const result = spawnSync(SYSTEMD_ANALYZE, ['verify', '--man=no', join(dir, 'pressroom@3000.service'), join(dir, 'pressroom-migrate.service')], { encoding: 'utf8' });
      assert.equal(result.error, undefined, `${SYSTEMD_ANALYZE} could not run (CI=true: install systemd)`);
      const complaints = `${result.stdout}${result.stderr}`
        .split('\n')
        .filter((line) => line.includes(dir) || /pressroom/.test(line))
        .filter((line) => line.trim() !== '');
      assert.deepEqual(complaints, []);
      assert.equal(result.status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
