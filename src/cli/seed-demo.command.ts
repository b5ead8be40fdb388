import type { makeSeedDemo } from '../app/demo/seed-demo.js';
import { makeProgress } from './progress.js';

export const seedDemoCommand = {
  name: 'seed-demo',
  summary: 'Load the demo newsroom into an empty database',
  async run(system: { commands: { seedDemo: ReturnType<typeof makeSeedDemo> } }): Promise<number> {
    const progress = makeProgress('Loading demo releases');
    const seeded = await system.commands.seedDemo({ onProgress: progress });
    if (!seeded) {
      console.error('The database already has boards; the demo loads only into an empty database. Point PRESSROOM_DATA or DATABASE_URL at a new one.');
      return 1;
    }
    console.log('Demo newsroom loaded.');
    return 0;
  },
};
