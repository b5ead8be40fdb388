// The uncached cost of the public reads: the app's read use cases called directly, with no HTTP and
// no page cache, so a deep board page can be compared with the first one.
import { composeSystem } from '../src/main/compose.js';
import { sqliteFile } from './build-corpus.js';

export interface Timing {
  label: string;
  iterations: number;
  meanMs: number;
}

async function time(label: string, iterations: number, call: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 10; i++) await call();
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await call();
  return { label, iterations, meanMs: (performance.now() - started) / iterations };
}

export async function measureUncached(dataDir: string, options: { deepPage: number; releaseNumber: number; filter: string }): Promise<Timing[]> {
  const system = await composeSystem({ database: { kind: 'sqlite', file: sqliteFile(dataDir) }, dataDir });
  try {
    const { pages } = system;
    return [
      await time('boardListing page 1', 200, () => pages.boardListing('press-releases', 'en', 1, null)),
      await time(`boardListing page ${options.deepPage}`, 200, () => pages.boardListing('press-releases', 'en', options.deepPage, null)),
      await time(`release ${options.releaseNumber}`, 200, () => pages.release('press-releases', 'en', options.releaseNumber)),
      await time('home', 200, () => pages.home('en')),
      await time(`boardListing page 1, q=${options.filter}`, 50, () => pages.boardListing('press-releases', 'en', 1, options.filter)),
    ];
  } finally {
    await system.close();
  }
}
