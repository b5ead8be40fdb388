import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { ObjectStorageSettings } from '../../src/config.js';

const CHILD = fileURLToPath(new URL('./s3rver-child.mjs', import.meta.url));
/** s3rver accepts any key pair: these only have to be present, as on a real server. */
const KEY = 'S3RVER';

export interface TestS3 {
  /** Settings for the S3 file store, as PRESSROOM_S3_* would give them. */
  settings: ObjectStorageSettings;
  /** The same, as environment variables (for tests that spawn `pressroom`). */
  env: Record<string, string>;
  /** Where s3rver keeps the objects on disk (a test may damage one there). */
  directory: string;
  /** Another empty bucket on the same server, for a test that wants a store of its own. */
  createBucket(name: string): Promise<ObjectStorageSettings>;
  stop(): Promise<void>;
}

/**
 * An S3-compatible server (s3rver from npm, in a child process) on a free loopback port with one
 * empty bucket. Suites start one in `before` and stop it in `after`.
 */
export async function startTestS3(bucket = 'pressroom-test'): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'pressroom-s3-'));
  const child = spawn(process.execPath, [CHILD, directory, bucket], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('s3rver did not start within 30 s')), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`s3rver exited with ${code} before listening`));
    });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const settings = (name: string): ObjectStorageSettings => Object.freeze({ endpoint, bucket: name, region: 'us-east-1', accessKeyId: KEY, secretAccessKey: KEY, forcePathStyle: true });
  return {
    settings: settings(bucket),
    env: { PRESSROOM_S3_URL: endpoint, PRESSROOM_S3_BUCKET: bucket, PRESSROOM_S3_ACCESS_KEY_ID: KEY, PRESSROOM_S3_SECRET_ACCESS_KEY: KEY },
    directory,
    async createBucket(name) {
      const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: KEY, secretAccessKey: KEY } });
      try {
        await client.send(new CreateBucketCommand({ Bucket: name }));
      } finally {
        client.destroy();
      }
      return settings(name);
    },
    async stop() {
      if (child.exitCode === null) {
        child.stdin.end();
        await exited;
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
