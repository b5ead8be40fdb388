import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';

test('defaults give a SQLite newsroom on port 3000 in Asia/Seoul with the demo', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.timeZone, 'Asia/Seoul');
  assert.equal(config.demo, true);
  assert.equal(config.database.kind, 'sqlite');
  assert.match(config.database.kind === 'sqlite' ? config.database.file : '', /data\/pressroom\.sqlite$/);
  assert.ok(Object.isFrozen(config));
});

test('DATABASE_URL chooses PostgreSQL', () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://u@localhost:5432/news', PRESSROOM_DEMO: '0' });
  assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://u@localhost:5432/news' });
  assert.equal(config.demo, false);
});

test('every bad value is reported at once, naming the variable and what is allowed', () => {
  try {
    loadConfig({ PORT: 'eighty', PRESSROOM_TIME_ZONE: 'Mars/Olympus', DATABASE_URL: 'mysql://x', PRESSROOM_DEMO: 'maybe' });
    assert.fail('should have thrown');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    const message = error.message;
    assert.match(message, /PORT="eighty"/);
    assert.match(message, /PRESSROOM_TIME_ZONE="Mars\/Olympus": an IANA time zone/);
    assert.match(message, /DATABASE_URL="mysql:\/\/x": postgres:\/\//);
    assert.match(message, /PRESSROOM_DEMO="maybe"/);
    assert.equal(error.problems.length, 4);
  }
});

test('upload limit and types are read from the environment and checked', () => {
  const config = loadConfig({ PRESSROOM_UPLOAD_MAX_MB: '10', PRESSROOM_UPLOAD_TYPES: 'application/pdf,image/jpeg' });
  assert.equal(config.uploadMaxBytes, 10 * 1024 * 1024);
  assert.deepEqual(config.uploadTypes, ['application/pdf', 'image/jpeg']);
  assert.equal(loadConfig({}).uploadTypes, null);
  assert.throws(() => loadConfig({ PRESSROOM_UPLOAD_TYPES: 'pdf files' }), /PRESSROOM_UPLOAD_TYPES="pdf files": a comma-separated list of MIME types/);
  assert.throws(() => loadConfig({ PRESSROOM_UPLOAD_MAX_MB: '0' }), /PRESSROOM_UPLOAD_MAX_MB/);
});

test('PRESSROOM_TRUST_PROXY: 0, a number of proxy hops (1 stays one hop), or proxy addresses and CIDR ranges', () => {
  assert.equal(loadConfig({}).trustProxy, false);
  assert.equal(loadConfig({ PRESSROOM_TRUST_PROXY: '0' }).trustProxy, false);
  assert.equal(loadConfig({ PRESSROOM_TRUST_PROXY: 'false' }).trustProxy, false);
  assert.deepEqual(loadConfig({ PRESSROOM_TRUST_PROXY: '1' }).trustProxy, { hops: 1 });
  assert.deepEqual(loadConfig({ PRESSROOM_TRUST_PROXY: 'true' }).trustProxy, { hops: 1 }, 'the old on/off flag means one proxy, not "believe any header"');
  assert.deepEqual(loadConfig({ PRESSROOM_TRUST_PROXY: '2' }).trustProxy, { hops: 2 });
  assert.deepEqual(loadConfig({ PRESSROOM_TRUST_PROXY: '10.0.0.5, 192.168.10.0/24,::1,fd00::/8,loopback' }).trustProxy, { addresses: ['10.0.0.5', '192.168.10.0/24', '::1', 'fd00::/8', 'loopback'] });
  for (const bad of ['yes', '11', '-1', '10.0.0.300', '10.0.0.0/33', '::1/129', '10.0.0.1/8/8', 'proxy.example.org', '10.0.0.1,,10.0.0.2']) {
    assert.throws(() => loadConfig({ PRESSROOM_TRUST_PROXY: bad }), /PRESSROOM_TRUST_PROXY=".*": 0 \(no proxy\), the number of reverse proxies in front of Pressroom \(1 to 10\), or a comma-separated list of their addresses or CIDR ranges/, bad);
  }
});

test('the ministry footer settings are read and checked: licence, contact, statements, favicon (#17)', () => {
  const config = loadConfig({ PRESSROOM_LICENCE: 'kogl-3', PRESSROOM_CONTACT_EMAIL: 'press@mnd.example.kr', PRESSROOM_CONTACT_PHONE: '+82 2-748-1111', PRESSROOM_PRIVACY_URL: 'https://www.example.kr/privacy' });
  assert.equal(config.site.licence, 'kogl-3');
  assert.equal(config.site.contact.email, 'press@mnd.example.kr');
  assert.equal(config.site.privacyUrl, 'https://www.example.kr/privacy');
  assert.equal(config.site.accessibilityUrl, null);
  assert.equal(config.site.favicon, null);
  assert.equal(loadConfig({}).site.licence, 'kogl-1');
  try {
    loadConfig({ PRESSROOM_LICENCE: 'kogl-5', PRESSROOM_CONTACT_EMAIL: 'press at mnd', PRESSROOM_FAVICON: '/nonexistent/icon.svg', PRESSROOM_ACCESSIBILITY_URL: 'javascript:alert(1)' });
    assert.fail('should have thrown');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /PRESSROOM_LICENCE="kogl-5": one of kogl-1, kogl-2, kogl-3, kogl-4, cc-by, all-rights-reserved/);
    assert.match(error.message, /PRESSROOM_CONTACT_EMAIL="press at mnd"/);
    assert.match(error.message, /PRESSROOM_FAVICON="\/nonexistent\/icon.svg": no such file/);
    assert.match(error.message, /PRESSROOM_ACCESSIBILITY_URL=/);
    assert.equal(error.problems.length, 4);
  }
});

test('PRESSROOM_S3_*: files in a bucket, path style by default for a self-hosted endpoint; none set keeps local disk', () => {
  assert.equal(loadConfig({}).objectStorage, null);
  const minio = loadConfig({ PRESSROOM_S3_URL: 'http://10.0.0.9:9000', PRESSROOM_S3_BUCKET: 'pressroom', PRESSROOM_S3_ACCESS_KEY_ID: 'key', PRESSROOM_S3_SECRET_ACCESS_KEY: 'secret' });
  assert.deepEqual(minio.objectStorage, { endpoint: 'http://10.0.0.9:9000', bucket: 'pressroom', region: 'us-east-1', accessKeyId: 'key', secretAccessKey: 'secret', forcePathStyle: true });
  assert.ok(Object.isFrozen(minio.objectStorage));
  const aws = loadConfig({ PRESSROOM_S3_BUCKET: 'mnd-press', PRESSROOM_S3_REGION: 'ap-northeast-2' });
  assert.deepEqual(aws.objectStorage, { endpoint: null, bucket: 'mnd-press', region: 'ap-northeast-2', accessKeyId: null, secretAccessKey: null, forcePathStyle: false });
  assert.equal(loadConfig({ PRESSROOM_S3_URL: 'http://minio:9000', PRESSROOM_S3_BUCKET: 'b-1', PRESSROOM_S3_FORCE_PATH_STYLE: '0' }).objectStorage?.forcePathStyle, false);
});

test('PRESSROOM_S3_*: a URL without a bucket and half a key pair are refused, and the secret is never echoed', () => {
  assert.throws(
    () => loadConfig({ PRESSROOM_S3_URL: 'http://10.0.0.9:9000', PRESSROOM_S3_SECRET_ACCESS_KEY: 'hunter2' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /PRESSROOM_S3_BUCKET="": required when PRESSROOM_S3_URL is set/);
      assert.match(error.message, /PRESSROOM_S3_ACCESS_KEY_ID="": set both PRESSROOM_S3_ACCESS_KEY_ID and PRESSROOM_S3_SECRET_ACCESS_KEY, or neither/);
      return true;
    },
  );
  assert.throws(
    () => loadConfig({ PRESSROOM_S3_BUCKET: 'Not_A_Bucket', PRESSROOM_S3_SECRET_ACCESS_KEY: 'hunter2', PRESSROOM_S3_URL: 'ftp://x' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /PRESSROOM_S3_BUCKET="Not_A_Bucket": a bucket name/);
      assert.match(error.message, /PRESSROOM_S3_URL="ftp:\/\/x": the S3 endpoint/);
      assert.doesNotMatch(error.message, /hunter2/);
      return true;
    },
  );
});

test('metrics are off by default, need the token when one is set, and are open only when asked', () => {
  assert.equal(loadConfig({}).metrics, null);
  assert.deepEqual(loadConfig({ PRESSROOM_METRICS_TOKEN: 'a-long-enough-token-123' }).metrics, { token: 'a-long-enough-token-123' });
  assert.deepEqual(loadConfig({ PRESSROOM_METRICS: 'open' }).metrics, { token: null });
  assert.deepEqual(loadConfig({ PRESSROOM_METRICS: 'open', PRESSROOM_METRICS_TOKEN: 'a-long-enough-token-123' }).metrics, { token: 'a-long-enough-token-123' }, 'a set token is always required');
  assert.throws(() => loadConfig({ PRESSROOM_METRICS_TOKEN: 'short-secret', PRESSROOM_METRICS: 'yes' }), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /PRESSROOM_METRICS_TOKEN=\(hidden\): at least 16 characters/);
    assert.doesNotMatch(error.message, /short-secret/);
    assert.match(error.message, /PRESSROOM_METRICS="yes": off \(default\) or open/);
    return true;
  });
});
