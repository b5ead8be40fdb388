// One measured wrk run against a target, with the server's memory sampled while it runs.
import { rssBytes } from './server.js';
import { runWrk, type WrkResult } from './wrk.js';

export interface LoadSettings {
  threads: number;
  connections: number;
  seconds: number;
  warmUpSeconds: number;
}

export interface Measured {
  result: WrkResult;
  /** The highest VmRSS sampled during the run and just after it (null without a pid). */
  maxRss: number | null;
  rssAfter: number | null;
}

/** Samples VmRSS of `pid` every 250 ms, passing each to `onRss`; call the result to stop. */
export function sampleRss(pid: number, onRss: (bytes: number) => void): () => void {
  const timer = setInterval(() => {
    const rss = rssBytes(pid);
    if (rss !== null) onRss(rss);
  }, 250);
  return () => clearInterval(timer);
}

/**
 * wrk against `url`: a warm-up of `warmUpSeconds` (skipped with `warmUp: false`), then the measured
 * run, with the memory of `pid` (when given) sampled every 250 ms and once at the end.
 */
export async function measureLoad(wrk: string, url: string, settings: LoadSettings, options: { pid?: number; script?: string; warmUp?: boolean } = {}): Promise<Measured> {
  const { threads, connections, seconds } = settings;
  if (options.warmUp !== false) await runWrk(wrk, url, { threads, connections, seconds: settings.warmUpSeconds, script: options.script });
  let maxRss: number | null = null;
  const note = (rss: number) => (maxRss = Math.max(maxRss ?? 0, rss));
  const stop = options.pid === undefined ? () => undefined : sampleRss(options.pid, note);
  const result = await runWrk(wrk, url, { threads, connections, seconds, script: options.script }).finally(stop);
  const rssAfter = options.pid === undefined ? null : rssBytes(options.pid);
  if (rssAfter !== null) note(rssAfter);
  return { result, maxRss, rssAfter };
}
