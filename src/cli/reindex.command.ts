import type { System } from '../main/compose.js';
import { makeProgress } from './progress.js';

export const reindexCommand = {
  name: 'reindex',
  summary: 'Rebuild the full-text search index from every published release',
  async run(system: System): Promise<number> {
    const progress = makeProgress('Indexing releases');
    const count = await system.search.index.rebuild(progress);
    console.log(`Search index rebuilt: ${count} release${count === 1 ? '' : 's'}.`);
    return 0;
  },
};
