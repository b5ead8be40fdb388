// Runs s3rver (an S3-compatible server in pure JavaScript) for test/support/s3.ts, in a process of
// its own so its memory and event loop stay out of the measurements of the process under test.
// argv: DIRECTORY BUCKET; prints {"port":N} once listening; stops on SIGTERM or when stdin closes.
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
