import { parseArgs } from 'node:util';
import type { Accounts } from '../main/compose-accounts.js';
import { reportAccountError } from './user-account-errors.js';

const USAGE = `Usage: pressroom user enable EMAIL
Enables a disabled staff account again: it can sign in with its password, and its API tokens work
again unless they were revoked or have expired.`;

export const userEnableCommand = {
  name: 'user-enable',
  summary: 'Enable a disabled staff account again',
  async run(system: { accounts: Pick<Accounts, 'enableUser'> }, argv: string[]): Promise<number> {
    let email: string;
    try {
      const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {} });
      if (positionals.length !== 1) throw new Error('Name one account by its email address.');
      email = positionals[0]!;
    } catch (error) {
      console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
      return 2;
    }
    try {
      const { user, changed } = await system.accounts.enableUser({ email }, { userId: null, label: 'system:cli', ip: null });
      console.log(changed ? `Enabled ${user.role} account ${user.email} (id ${user.id}): it can sign in again.` : `${user.email} is not disabled; nothing changed.`);
      return 0;
    } catch (error) {
      return reportAccountError(error, 'The account was not enabled');
    }
  },
};
