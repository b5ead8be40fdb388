// A reader thread that hangs on every file (#19): it says it is ready, then spins forever on the
// first file, as a parser stuck inside one part would. Only terminating the thread stops it.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => {
  for (;;);
});
parentPort.postMessage({ ready: true });
