// The mail bench's SMTP server (smtp-server on loopback), in a process of its own so that its memory
// (sockets, parsing) is not counted as the sender's. Reads and discards every message. Started with
// `fork` by bench/mail-sender.ts: sends `{ port }` once listening, and `{ received, rss }` whenever
// it is sent a message.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      received += 1;
      callback();
    });
  },
});
smtp.listen(0, '127.0.0.1', () => process.send!({ port: (smtp.server.address() as AddressInfo).port }));
process.on('message', () => process.send!({ received, rss: process.memoryUsage().rss }));
process.on('disconnect', () => smtp.close(() => process.exit(0)));
