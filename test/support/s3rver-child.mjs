// Runs s3rver (an S3-compatible server in pure JavaScript) for test/support/s3.ts, in a process of
// its own so its memory and event loop stay out of the measurements of the process under test.
// argv: DIRECTORY BUCKET; prints {"port":N} once listening; stops on SIGTERM or when stdin closes.
import { createRequire } from 'node:module';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import S3rver from 's3rver';

// s3rver 3.7 answers a PUT before the object's file is written (it resolves when its md5 step ends,
// not when the file stream finishes), so reading an object straight after writing it could see an
// empty file: a flaky "the copy in the target hashes to e3b0c442…" (the hash of nothing). Here a PUT
// is answered once the file is on disk, as S3's read-after-write promises.
const FilesystemStore = createRequire(import.meta.url)('s3rver/lib/stores/filesystem.js');
FilesystemStore.prototype.putObject = async function putObject(object) {
  const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
  mkdirSync(dirname(objectPath), { recursive: true });
  const md5 = createHash('md5');
  let size = 0;
  const source = Buffer.isBuffer(object.content) ? [object.content] : object.content;
  const counting = new Transform({
    transform(chunk, encoding, callback) {
      md5.update(chunk, encoding);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  await pipeline(source, counting, createWriteStream(objectPath));
  const digest = md5.digest('hex');
  await this.putMetadata(object.bucket, object.key, object.metadata, digest);
  return { size, md5: digest };
};

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
