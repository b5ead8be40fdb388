import type { Readable } from 'node:stream';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import type { makeSetPassword } from '../app/accounts/set-password.js';
import { emailArgument } from './user-account-errors.js';

const USAGE = `Usage: pressroom user set-password EMAIL
Gives an existing staff account a new password, e.g. staff brought in by \`pressroom import\` or
\`pressroom import-json\`, who have none. On a terminal the password is asked for twice, without
echo; otherwise it is read from standard input (one line): printf '%s\\n' "$PASSWORD" | pressroom user set-password EMAIL.
Every session of the account ends. The same rules as \`pressroom user add\` apply (12-200 characters).`;

/** Longest input read from a pipe: a password is at most 200 characters (up to 800 UTF-8 bytes). */
const MAX_PIPED_BYTES = 4096;

/** Standard input as the command sees it: a terminal (raw mode, no echo) or a pipe. */
export type PasswordInput = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
export interface PromptIo {
  stdin: PasswordInput;
  /** Prompts go to standard error, so standard output stays the command's result. */
  prompt: (text: string) => void;
}

class Cancelled extends Error {}

/** Reads one line from a terminal in raw mode, echoing nothing; Ctrl-C or Ctrl-D cancels. */
function readHidden(io: PromptIo, question: string): Promise<string> {
  const { stdin } = io;
  io.prompt(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error: Error | null) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.prompt('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return finish(null);
        if (ch === '\u0003' || ch === '\u0004') return finish(new Cancelled('Cancelled: no password was set.'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.setRawMode?.(true);
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** Reads a piped password: everything up to the first line end (a trailing newline is not part of it). */
async function readPiped(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin as AsyncIterable<Buffer | string>) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    chunks.push(bytes);
    size += bytes.length;
    if (size > MAX_PIPED_BYTES) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function readPassword(io: PromptIo): Promise<string> {
  if (!io.stdin.isTTY) return readPiped(io.stdin);
  const first = await readHidden(io, 'New password: ');
  const second = await readHidden(io, 'Repeat it: ');
  if (first !== second) throw new ValidationError('The passwords differ', [{ code: 'mismatch', message: 'The two passwords do not match', field: 'password' }]);
  return first;
}

export const userSetPasswordCommand = {
  name: 'user-set-password',
  summary: 'Give a staff account a new password (imported staff have none), read without echo or from stdin',
  async run(system: { accounts: { setPassword: ReturnType<typeof makeSetPassword> } }, argv: string[], io: PromptIo = { stdin: process.stdin, prompt: (text) => void process.stderr.write(text) }): Promise<number> {
    const email = emailArgument(argv, USAGE);
    if (email === null) return 2;
    try {
      const password = await readPassword(io);
      const { user, endedSessions } = await system.accounts.setPassword({ email, password }, { userId: null, label: 'system:cli', ip: null });
      const ended = endedSessions === 0 ? '' : ` ${endedSessions} session${endedSessions === 1 ? '' : 's'} ended.`;
      console.log(`New password set for ${user.role} account ${user.email} (id ${user.id}).${ended}${user.disabledAt ? ' The account is disabled: it still cannot sign in.' : ''}`);
      return 0;
    } catch (error) {
      if (error instanceof Cancelled) {
        console.error(error.message);
        return 1;
      }
      if (error instanceof NotFoundError) {
        console.error(`${error.message}. \`pressroom user list\` shows every account; \`pressroom user add\` creates one.`);
        return 1;
      }
      if (!(error instanceof ValidationError)) throw error;
      console.error(`The password was not set:\n${error.issues.map((i) => `  - ${i.field === 'email' ? 'EMAIL: ' : ''}${i.message}`).join('\n')}`);
      return 1;
    }
  },
};
