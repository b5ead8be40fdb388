import { parseArgs } from 'node:util';
import { newPassword } from '../app/accounts/secrets.js';
import { ValidationError } from '../domain/errors.js';
import { ROLES } from '../domain/user.js';
import type { makeCreateUser } from '../app/accounts/create-user.js';

const USAGE = `Usage: pressroom user-add --email EMAIL --name NAME --role ${ROLES.join('|')}
The password is read from PRESSROOM_NEW_PASSWORD; without it a strong one is generated and printed once.`;

export const userAddCommand = {
  name: 'user-add',
  summary: 'Create a staff account (password from PRESSROOM_NEW_PASSWORD, or generated)',
  async run(system: { accounts: { createUser: ReturnType<typeof makeCreateUser> } }, argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
    let values: { email?: string; name?: string; role?: string };
    try {
      ({ values } = parseArgs({ args: argv, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } }, strict: true }));
    } catch (error) {
      console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
      return 2;
    }
    const missing = (['email', 'name', 'role'] as const).filter((k) => !values[k]);
    if (missing.length > 0) {
      console.error(`Missing ${missing.map((k) => `--${k}`).join(', ')}.\n\n${USAGE}`);
      return 2;
    }
    const given = env.PRESSROOM_NEW_PASSWORD;
    const password = given && given.length > 0 ? given : newPassword();
    try {
      const user = await system.accounts.createUser(
        { email: values.email!, name: values.name!, role: values.role as (typeof ROLES)[number], password },
        { userId: null, label: 'system:cli', ip: null },
      );
      console.log(`Created ${user.role} account ${user.email} (id ${user.id}).`);
      if (!given) console.log(`Password (shown only now): ${password}`);
      return 0;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const source: Record<string, string> = { password: 'PRESSROOM_NEW_PASSWORD' };
      console.error(`The account was not created:\n${error.issues.map((i) => `  - ${i.field ? `${source[i.field] ?? `--${i.field}`}: ` : ''}${i.message}`).join('\n')}`);
      return 1;
    }
  },
};
