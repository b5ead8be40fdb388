import type { makeDisableUser } from '../app/accounts/disable-user.js';
import { emailArgument, reportAccountError } from './user-account-errors.js';

const USAGE = `Usage: pressroom user disable EMAIL
Offboarding: the account can no longer sign in, its sessions end at once and its API tokens are
refused from the next request. Nothing it wrote is removed; \`pressroom user enable EMAIL\` undoes it.
The only active administrator cannot be disabled.`;

export const userDisableCommand = {
  name: 'user-disable',
  summary: 'Disable a staff account: sessions and API tokens stop at once (offboarding)',
  async run(system: { accounts: { disableUser: ReturnType<typeof makeDisableUser> } }, argv: string[]): Promise<number> {
    const email = emailArgument(argv, USAGE);
    if (email === null) return 2;
    try {
      const { user, changed, endedSessions } = await system.accounts.disableUser({ email }, { userId: null, label: 'system:cli', ip: null });
      if (!changed) console.log(`${user.email} is already disabled (since ${user.disabledAt?.toISOString()}); nothing changed.`);
      else console.log(`Disabled ${user.role} account ${user.email} (id ${user.id}): ${endedSessions} session${endedSessions === 1 ? '' : 's'} ended; its API tokens are refused from now on.`);
      return 0;
    } catch (error) {
      return reportAccountError(error, 'The account was not disabled');
    }
  },
};
