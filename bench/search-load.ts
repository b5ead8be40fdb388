// Search under load (issue #17): each search target is loaded two ways. (a) One query repeated: the
// server keeps answers per query and content version, so after the first request this is the cached
// path. (b) Distinct queries: a generated wrk Lua script cycles through thousands of query strings
// built from the corpus vocabulary (bench/text.ts), more than the search cache holds, so (almost)
// every request is a miss that runs the search.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchVocabulary, seededRandom } from './text.js';

/**
 * Distinct queries per list. The search cache is an LRU of 2,000 entries (src/main/web-app.ts);
 * cycling through more distinct keys than it holds means no key is still cached when it comes round
 * again, so every request of a (b) run is a miss. Keep this above the cache's size if that grows.
 */
export const DISTINCT_QUERIES = 5_000;

export interface SearchTarget {
  name: string;
  /** The repeated query's path, (a). */
  path: string;
  /** Builds the path for one query text, (b). */
  pathFor: (query: string) => string;
  language: 'en' | 'ko';
}

/** The four search targets of #17: the search page and the API, English and Korean. */
export function searchTargets(): SearchTarget[] {
  const page = (language: 'en' | 'ko') => (q: string) => `/${language}/search?q=${encodeURIComponent(q)}`;
  const api = (language: 'en' | 'ko') => (q: string) => `/api/v1/search?q=${encodeURIComponent(q)}&language=${language}`;
  return [
    { name: 'search page, English', path: page('en')('budget'), pathFor: page('en'), language: 'en' },
    { name: 'search page, Korean', path: page('ko')('국방'), pathFor: page('ko'), language: 'ko' },
    { name: 'API search, English', path: api('en')('budget'), pathFor: api('en'), language: 'en' },
    { name: 'API search, Korean', path: api('ko')('국방'), pathFor: api('ko'), language: 'ko' },
  ];
}

/** `count` distinct queries in `language`: every pair of vocabulary words, then word triples, shuffled (seeded). */
export function distinctQueries(language: 'en' | 'ko', count = DISTINCT_QUERIES): string[] {
  const words = searchVocabulary(language);
  const rnd = seededRandom(language === 'en' ? 1717 : 1718);
  const queries = new Set<string>();
  for (let i = 0; i < words.length && queries.size < count; i++) {
    for (let j = i + 1; j < words.length && queries.size < count; j++) queries.add(`${words[i]} ${words[j]}`);
  }
  const at = () => words[Math.floor(rnd() * words.length)]!;
  for (let guard = 0; queries.size < count && guard < count * 20; guard++) {
    const three = new Set([at(), at(), at()]);
    if (three.size === 3) queries.add([...three].join(' '));
  }
  const list = [...queries];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

const lua = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Writes a wrk script that cycles through `paths`. Each of wrk's `threads` threads takes every
 * threads-th path from its own offset, so two threads never ask the same query close together
 * (which would turn the second into a cache hit). Returns the file's path.
 */
export function writeCyclingScript(dir: string, name: string, paths: string[], threads: number): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.lua`);
  writeFileSync(
    file,
    `-- Written by bench/search-load.ts: cycles through ${paths.length} distinct request paths.
local paths = {
${paths.map((p) => `  ${lua(p)},`).join('\n')}
}
local created = 0
function setup(thread)
  thread:set("offset", created)
  created = created + 1
end
local i = nil
function request()
  if i == nil then i = offset or 0 end
  local path = paths[(i % #paths) + 1]
  i = i + ${threads}
  return wrk.format("GET", path)
end
`,
  );
  return file;
}
