import type { makeEnableUser } from '../app/accounts/enable-user.js';
import { emailArgument, reportAccountError } from './user-account-errors.js';

const USAGE = `Usage: pressroom user enable EMAIL
Enables a disabled staff account again: it can sign in with its password, and its API tokens work
again unless they were revoked or have expired.`;

export const userEnableCommand = {
  name: 'user-enable',
  summary: 'Enable a disabled staff account again',
  async run(system: { accounts: { enableUser: ReturnType<typeof makeEnableUser> } }, argv: string[]): Promise<number> {
    const email = emailArgument(argv, USAGE);
    if (email === null) return 2;
    try {
      const { user, changed } = await system.accounts.enableUser({ email }, { userId: null, label: 'system:cli', ip: null });
      console.log(changed ? `Enabled ${user.role} account ${user.email} (id ${user.id}): it can sign in again.` : `${user.email} is not disabled; nothing changed.`);
      return 0;
    } catch (error) {
      return reportAccountError(error, 'The account was not enabled');
    }
  },
};
