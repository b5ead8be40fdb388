import type { System } from './compose.js';

/** Demo-only staff accounts with published passwords; a real newsroom creates its own (`pressroom user add`). */
export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.pressroom.example', name: 'Demo Admin', role: 'admin', password: 'demo-admin-password' },
  { email: 'editor@demo.pressroom.example', name: 'Demo Editor', role: 'editor', password: 'demo-editor-password' },
  { email: 'writer@demo.pressroom.example', name: 'Demo Writer', role: 'writer', password: 'demo-writer-password' },
] as const;

export async function createDemoAccounts(system: System): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    await system.accounts.createUser(account, { userId: null, label: 'system:demo', ip: null });
  }
}

export function printDemoAccounts(baseUrl: string): void {
  console.log(`Demo staff accounts (sign in at ${baseUrl}/admin/login):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(6)} ${a.email}  password: ${a.password}`);
}
