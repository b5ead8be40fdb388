// One measured import, run in its own process by bench/import.ts so its peak memory is its own:
// `node --import tsx bench/import-run.ts EXPORT_DIR DATA_DIR [DATABASE_URL]`. Prints one JSON line.
// With BENCH_MODE=export it measures `pressroom export` of that database into EXPORT_DIR (new) instead.
import { join } from 'node:path';
import { composeSystem } from '../src/main/compose.js';

async function main(): Promise<void> {
  const [dir, dataDir, url] = process.argv.slice(2);
  if (!dir || !dataDir) throw new Error('usage: import-run.ts EXPORT_DIR DATA_DIR [DATABASE_URL]');
  const database = url ? ({ kind: 'postgres', url } as const) : ({ kind: 'sqlite', file: join(dataDir, 'pressroom.sqlite') } as const);
  const system = await composeSystem({ database, dataDir });
  // Sampled every 100 ms, and at every progress report, per phase: loading, then the search rebuild.
  const peak = { import: process.memoryUsage().rss, index: 0 };
  let phase: keyof typeof peak = 'import';
  const sample = () => void (peak[phase] = Math.max(peak[phase], process.memoryUsage().rss));
  const sampler = setInterval(sample, 100);
  const marks: Record<string, number> = {};
  const started = performance.now();
  if (process.env.BENCH_MODE === 'export') {
    try {
      const manifest = await system.transfer.exportTo(dir, () => sample);
      const exportMs = performance.now() - started;
      console.log(JSON.stringify({ releases: manifest.streams.releases.count, exportMs, exportRss: peak.import, maxRss: process.resourceUsage().maxRSS * 1024 }));
    } finally {
      clearInterval(sampler);
      await system.close();
    }
    return;
  }
  try {
    const report = await system.transfer.importFrom(dir, {
      dryRun: false,
      // BENCH_REINDEX=0: the import as `import-json --skip-reindex` runs it.
      reindex: process.env.BENCH_REINDEX !== '0',
      progress: (label) => {
        sample();
        marks[label] ??= performance.now() - started;
        if (label.startsWith('Indexing')) phase = 'index';
        return sample;
      },
    });
    const totalMs = performance.now() - started;
    const indexStart = marks['Indexing releases for search'] ?? totalMs;
    console.log(JSON.stringify({ releases: report.counts.releases, importMs: indexStart, indexMs: totalMs - indexStart, totalMs, importRss: peak.import, indexRss: peak.index, maxRss: process.resourceUsage().maxRSS * 1024, indexed: report.indexed }));
  } finally {
    clearInterval(sampler);
    await system.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
