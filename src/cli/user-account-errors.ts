import { parseArgs } from 'node:util';
import { InvalidStateError, NotFoundError, ValidationError } from '../domain/errors.js';

/** Prints a refused account change (unknown address, invalid input, last administrator) and returns the exit code; rethrows anything else. */
export function reportAccountError(error: unknown, refused: string): number {
  if (error instanceof NotFoundError) {
    console.error(`${error.message}. \`pressroom user list\` shows every account.`);
    return 1;
  }
  if (error instanceof InvalidStateError) {
    console.error(`${refused}: ${error.message}`);
    return 1;
  }
  if (error instanceof ValidationError) {
    console.error(`${refused}:\n${error.issues.map((i) => `  - ${i.field === 'email' ? 'EMAIL: ' : i.field === 'role' ? 'ROLE: ' : ''}${i.message}`).join('\n')}`);
    return 1;
  }
  throw error;
}

/** The one EMAIL argument of a `pressroom user ...` command, or null after printing the problem and the usage (exit 2). */
export function emailArgument(argv: string[], usage: string): string | null {
  try {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {} });
    if (positionals.length !== 1) throw new Error('Name one account by its email address.');
    return positionals[0]!;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return null;
  }
}
