import { parseArgs } from 'node:util';
import { ROLES } from '../domain/user.js';
import type { makeSetRole } from '../app/accounts/set-role.js';
import { reportAccountError } from './user-account-errors.js';

const USAGE = `Usage: pressroom user set-role EMAIL ${ROLES.join('|')}
Changes a staff account's role; it applies from the account's next request (signed-in sessions and
API tokens included). The only active administrator cannot be demoted.`;

export const userSetRoleCommand = {
  name: 'user-set-role',
  summary: `Change a staff account's role (${ROLES.join(', ')})`,
  async run(system: { accounts: { setRole: ReturnType<typeof makeSetRole> } }, argv: string[]): Promise<number> {
    let email: string;
    let role: string;
    try {
      const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {} });
      if (positionals.length !== 2) throw new Error('Name one account by its email address, then the new role.');
      [email, role] = positionals as [string, string];
    } catch (error) {
      console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
      return 2;
    }
    try {
      const { user, changed, previous } = await system.accounts.setRole({ email, role: role as (typeof ROLES)[number] }, { userId: null, label: 'system:cli', ip: null });
      console.log(changed ? `${user.email} (id ${user.id}) is now ${user.role === 'admin' ? 'an' : 'a'} ${user.role} (was ${previous}).` : `${user.email} is already ${user.role === 'admin' ? 'an' : 'a'} ${user.role}; nothing changed.`);
      return 0;
    } catch (error) {
      return reportAccountError(error, 'The role was not changed');
    }
  },
};
