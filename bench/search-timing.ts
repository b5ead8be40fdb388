// Search latency on the scale corpus: the app's search use case (what the search page and
// /api/v1/search call) timed in-process, p50 and p95 per query, newest-first and by relevance.
import type { SearchInput } from '../src/app/search-releases.js';
import type { System } from '../src/main/compose.js';

export interface SearchCase {
  /** Which of the issue's query kinds it stands for. */
  kind: string;
  input: Omit<SearchInput, 'sort' | 'page'>;
}

export interface SearchTiming {
  kind: string;
  label: string;
  sort: SearchInput['sort'];
  total: number;
  /** False when the search stopped counting (more than `total` match). */
  totalExact: boolean;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

const DAY = 86_400_000;

/** The query set: every kind the issue names, with terms from rare to found in half the corpus. */
export function searchCases(newest: Date): SearchCase[] {
  const yearAgo = new Date(newest.getTime() - 365 * DAY);
  const base = { board: null, from: null, to: null };
  const en = (query: string, more: Partial<SearchCase['input']> = {}) => ({ ...base, query, language: 'en' as const, ...more });
  const ko = (query: string, more: Partial<SearchCase['input']> = {}) => ({ ...base, query, language: 'ko' as const, ...more });
  return [
    { kind: 'English word', input: en('budget') },
    { kind: 'English word', input: en('ministry') },
    { kind: 'English word', input: en('cyber') },
    { kind: 'English word (stemmed)', input: en('strengthening') },
    { kind: 'two English words', input: en('joint exercise') },
    { kind: 'two English words', input: en('housing veterans') },
    { kind: 'English phrase', input: en('"safety audit"') },
    { kind: 'English phrase', input: en('"the annual readiness inspection"') },
    { kind: 'Korean 2-syllable word', input: ko('국방') },
    { kind: 'Korean 2-syllable word', input: ko('장관') },
    { kind: 'Korean word with particle', input: ko('예산안을') },
    { kind: 'Korean word with particle', input: ko('합동참모본부는') },
    { kind: 'filtered: board', input: en('budget', { board: 'news' }) },
    { kind: 'filtered: board', input: ko('국방', { board: 'statements' }) },
    { kind: 'filtered: language', input: ko('budget') },
    { kind: 'filtered: date range (last year)', input: en('budget', { from: yearAgo, to: newest }) },
    { kind: 'filtered: date range (last year)', input: ko('장관', { from: yearAgo, to: newest }) },
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function label(input: SearchCase['input']): string {
  const filters = [
    input.board ? `board=${input.board}` : null,
    input.from ? `from=${input.from.toISOString().slice(0, 10)}` : null,
    input.to ? `to=${input.to.toISOString().slice(0, 10)}` : null,
  ].filter(Boolean);
  return `${input.language}: ${input.query}${filters.length > 0 ? ` (${filters.join(', ')})` : ''}`;
}

/** Times every case `iterations` times per sort order after a short warm-up. */
export async function timeSearches(system: System, cases: SearchCase[], iterations: number, onResult?: (timing: SearchTiming) => void): Promise<SearchTiming[]> {
  const results: SearchTiming[] = [];
  for (const sort of ['newest', 'relevance'] as const) {
    for (const c of cases) {
      const input: SearchInput = { ...c.input, sort, page: 1 };
      let total = 0;
      let totalExact = true;
      for (let i = 0; i < 3; i++) ({ total, totalExact } = await system.search.releases(input));
      const times: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const started = performance.now();
        await system.search.releases(input);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const timing: SearchTiming = { kind: c.kind, label: label(c.input), sort, total, totalExact, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: times[times.length - 1]! };
      onResult?.(timing);
      results.push(timing);
    }
  }
  return results;
}
