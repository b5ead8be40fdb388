import { parseArgs } from 'node:util';
import type { makeListUsers } from '../app/accounts/list-users.js';

const USAGE = `Usage: pressroom user list [--json]
Lists every staff account: id, email, name, role, whether it has a password (imported staff have
none until \`pressroom user set-password EMAIL\`), two-factor sign-in, and whether it is disabled.`;

export const userListCommand = {
  name: 'user-list',
  summary: 'List staff accounts (email, name, role, whether a password is set)',
  async run(system: { accounts: { listUsers: ReturnType<typeof makeListUsers> } }, argv: string[]): Promise<number> {
    let json: boolean;
    try {
      const { values } = parseArgs({ args: argv, strict: true, options: { json: { type: 'boolean' } } });
      json = values.json ?? false;
    } catch (error) {
      console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
      return 2;
    }
    const users = await system.accounts.listUsers();
    const rows = users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      password: u.hasPassword ? 'set' : 'none',
      two_factor: u.hasTotp ? 'on' : 'off',
      disabled: u.disabledAt ? u.disabledAt.toISOString() : '',
    }));
    if (json) {
      console.log(JSON.stringify(rows.map((r) => ({ ...r, password: r.password === 'set', two_factor: r.two_factor === 'on', disabled: r.disabled || null })), null, 2));
      return 0;
    }
    if (rows.length === 0) {
      console.log('No staff accounts yet: `pressroom user add` creates one.');
      return 0;
    }
    const header = { id: 'ID', email: 'EMAIL', name: 'NAME', role: 'ROLE', password: 'PASSWORD', two_factor: '2FA', disabled: 'DISABLED' };
    const columns = Object.keys(header) as (keyof typeof header)[];
    const table = [header, ...rows.map((r) => Object.fromEntries(columns.map((c) => [c, String(r[c])])) as typeof header)];
    const widths = columns.map((c) => Math.max(...table.map((r) => [...r[c]].length)));
    for (const r of table) console.log(columns.map((c, i) => r[c] + ' '.repeat(widths[i]! - [...r[c]].length)).join('  ').trimEnd());
    const without = rows.filter((r) => r.password === 'none').length;
    if (without > 0) console.log(`\n${without} account${without === 1 ? ' has' : 's have'} no password and cannot sign in: pressroom user set-password EMAIL`);
    return 0;
  },
};
