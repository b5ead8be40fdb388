// A real SMTP server on loopback for email tests (smtp-server), parsing what it receives with
// mailparser. `mode` decides how it answers the next messages: accept, a 4xx or 5xx reply to the
// recipient, or never greeting at all (a hanging server).
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  to: string;
  raw: string;
  parsed: ParsedMail;
}

export interface TestSmtp {
  url: string;
  received: ReceivedEmail[];
  mode: 'accept' | 'temporary' | 'permanent' | 'hang';
  /** Waits until at least `count` emails have arrived (bounded: a hang guard, not a timing assertion). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const hanging = new Set<() => void>();
  const state: TestSmtp = {
    url: '',
    received: [],
    mode: 'accept',
    async waitFor(count, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (state.received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} emails, got ${state.received.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return state.received;
    },
    close: async () => {
      for (const release of hanging) release();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onConnect(_session, callback) {
      if (state.mode !== 'hang') return callback();
      // Never greet: the client must give up on its own timeouts.
      hanging.add(() => callback(new Error('closing')));
    },
    onRcptTo(address, _session, callback) {
      if (state.mode === 'temporary') return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
      if (state.mode === 'permanent') return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            for (const rcpt of session.envelope.rcptTo) state.received.push({ to: rcpt.address, raw, parsed });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  state.url = `smtp://127.0.0.1:${port}`;
  return state;
}
