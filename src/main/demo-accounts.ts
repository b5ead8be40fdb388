import type { System } from './compose.js';

/** Demo-only staff accounts with published passwords; a real newsroom creates its own (`pressroom user add`). */
export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.pressroom.example', name: 'Demo Admin', role: 'admin', password: 'demo-admin-password' },
  { email: 'editor@demo.pressroom.example', name: 'Demo Editor', role: 'editor', password: 'demo-editor-password' },
  { email: 'writer@demo.pressroom.example', name: 'Demo Writer', role: 'writer', password: 'demo-writer-password' },
] as const;

export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];

/**
 * The demo accounts whose published password still works: the account exists, is not disabled and
 * its password was never changed since it was created. Only these are printed at start.
 */
export async function workingDemoAccounts(system: Pick<System, 'accounts'>): Promise<DemoAccount[]> {
  const working: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const user = await system.accounts.users.byEmail(account.email);
    if (user && !user.disabledAt && user.passwordChangedAt.getTime() === user.createdAt.getTime()) working.push(account);
  }
  return working;
}

export function printDemoAccounts(baseUrl: string, accounts: readonly DemoAccount[]): void {
  if (accounts.length === 0) return;
  console.log(`Demo staff accounts (sign in at ${baseUrl}/admin/login):`);
  for (const a of accounts) console.log(`  ${a.role.padEnd(6)} ${a.email}  password: ${a.password}`);
}
