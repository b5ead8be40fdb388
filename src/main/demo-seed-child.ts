import { spawn } from 'node:child_process';
import type { System } from './compose.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';

/** Set in the child's environment: load the demo and exit, do not serve. */
export const SEED_ONLY_ENV = 'PRESSROOM_DEMO_SEED_CHILD';

/**
 * Loads the demo newsroom on first start, in a child process (#17). Seeding makes photos with sharp,
 * documents with pdf-lib and runs ~60 releases' commands: done in the server's own process it
 * left the server ~150 MB larger for good (native image buffers and arenas the allocator keeps).
 * The child is the same program with `SEED_ONLY_ENV` set; it exits as soon as this process goes
 * (an IPC channel closes), so a start killed during the seed commits nothing, as before.
 * Returns false without starting a child when the database already has boards.
 */
export async function seedDemoInChild(system: Pick<System, 'boards'>): Promise<boolean> {
  if ((await system.boards.list()).length > 0) return false;
  // The same entry and loader flags (tsx under `npm run dev`), without a watcher of its own.
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--watch'));
  const child = spawn(process.execPath, [...execArgv, process.argv[1]!], {
    env: { ...process.env, [SEED_ONLY_ENV]: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode, signal) => resolve(signal ? null : exitCode));
  });
  if (code !== 0) throw new Error('Could not load the demo newsroom (the reason is above). Fix it, or start with PRESSROOM_DEMO=0 for an empty newsroom.');
  return true;
}

/** The child's work: seed the demo (content and accounts in one transaction) and close. */
export async function seedDemoOnly(system: System): Promise<void> {
  // The server that started this child went away (killed, crashed): stop before the seed commits.
  const orphaned = () => process.exit(1);
  process.on('disconnect', orphaned);
  try {
    await system.commands.seedDemo({ accounts: DEMO_ACCOUNTS });
  } finally {
    await system.close();
  }
  process.off('disconnect', orphaned);
  process.disconnect?.();
}
