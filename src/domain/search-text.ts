import { stemmer } from 'stemmer';

/**
 * The one tokenizer behind full-text search, used by every search adapter on both sides (what is
 * indexed and what is asked), so SQLite and PostgreSQL find exactly the same things.
 *
 * - Hangul, kana and CJK ideograph runs become overlapping character bigrams (국방부 -> 국방 방부):
 *   a 2-syllable word is one bigram, and a stem is found inside a word carrying a particle
 *   (합참의장 in 합참의장을). A run of one character is kept as it is.
 * - Other letters and digits form words, lower-cased and stemmed (Porter): meets, meeting -> meet.
 *
 * Tokens contain letters and digits only, so they pass through SQLite's unicode61 tokenizer and
 * PostgreSQL's 'simple' configuration unchanged.
 */

export interface Token {
  term: string;
  /** Offsets in the text as given (UTF-16 code units), for highlighting. */
  start: number;
  end: number;
}

const CJK_CLASS = '[\\p{Script=Hangul}\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';
const CJK = new RegExp(CJK_CLASS, 'u');
/** A CJK run, or a run of other letters, digits and marks (never both: 2026년 is 2026 + 년). */
const RUN = new RegExp(`${CJK_CLASS}+|(?:(?!${CJK_CLASS})[\\p{L}\\p{N}\\p{M}])+`, 'gu');

/**
 * Words already normalised: prose repeats its words, and a search page tokenizes ten bodies for its
 * snippets, so most lookups hit. Emptied when it grows past WORD_CACHE_MAX (no unbounded growth).
 */
const wordCache = new Map<string, string>();
const WORD_CACHE_MAX = 20_000;

function normaliseWord(word: string): string {
  const cached = wordCache.get(word);
  if (cached !== undefined) return cached;
  if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
  const term = normaliseUncached(word);
  wordCache.set(word, term);
  return term;
}

function normaliseUncached(word: string): string {
  // NFKC folds full-width Latin and digits; marks are dropped so café and cafe meet.
  const plain = word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  return /^[a-z]+$/.test(plain) ? stemmer(plain) : plain;
}

/** Every token of a text, with where it came from. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(RUN)) {
    const run = match[0];
    const at = match.index;
    if (CJK.test(run[0] ?? '')) {
      const chars = Array.from(run);
      const offsets: number[] = [];
      let o = at;
      for (const c of chars) {
        offsets.push(o);
        o += c.length;
      }
      offsets.push(o);
      if (chars.length === 1) {
        tokens.push({ term: chars[0]!.normalize('NFKC'), start: at, end: o });
        continue;
      }
      for (let i = 0; i + 1 < chars.length; i++) {
        tokens.push({ term: `${chars[i]}${chars[i + 1]}`.normalize('NFKC'), start: offsets[i]!, end: offsets[i + 2]! });
      }
    } else {
      const term = normaliseWord(run);
      if (term) tokens.push({ term, start: at, end: at + run.length });
    }
  }
  return tokens;
}

/** The text as the index stores it: its tokens, space-separated, in order. */
export function indexText(text: string): string {
  return tokenize(text)
    .map((t) => t.term)
    .join(' ');
}

/**
 * One condition of a query: its terms must occur next to each other, in order. A single English
 * word is one term; a Korean word is its bigrams (a phrase); a quoted phrase is all its terms.
 * `prefix` marks a lone CJK character, matched as the start of a bigram.
 */
export interface QueryClause {
  terms: string[];
  prefix: boolean;
}

/** Parses what a reader typed: words are ANDed; "double quotes" make a phrase. */
export function parseQuery(input: string): QueryClause[] {
  const clauses: QueryClause[] = [];
  const parts = input.split('"');
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1 && i < parts.length - 1;
    if (quoted) {
      const terms = tokenize(part).map((t) => t.term);
      if (terms.length > 0) clauses.push({ terms, prefix: false });
      return;
    }
    for (const word of part.split(/\s+/)) {
      const tokens = tokenize(word);
      // A word such as "K9자주포" or "e-mail" yields several runs: still one phrase.
      if (tokens.length === 0) continue;
      const lone = tokens.length === 1 && CJK.test(tokens[0]!.term) && Array.from(tokens[0]!.term).length === 1;
      clauses.push({ terms: tokens.map((t) => t.term), prefix: lone });
    }
  });
  const seen = new Set<string>();
  return clauses.filter((c) => {
    const key = `${c.prefix ? '*' : ''}${c.terms.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A plain-text extract and where its matches are, as offsets into `text` (UTF-16 code units). */
export interface Snippet {
  /** The extract, with "…" where it was cut. */
  text: string;
  /** Ordered, non-overlapping [start, end) ranges of the matches in `text`. */
  matches: [number, number][];
}

/** A short extract of `text` around the first match, with the ranges of every matching token. */
export function snippetWithMatches(text: string, clauses: QueryClause[], maxChars = 200): Snippet {
  const terms = new Set(clauses.flatMap((c) => (c.prefix ? [] : c.terms)));
  const prefixes = clauses.filter((c) => c.prefix).map((c) => c.terms[0]!);
  const hits = tokenize(text).filter((t) => terms.has(t.term) || prefixes.some((p) => t.term.startsWith(p)));
  const firstHit = hits[0]?.start ?? 0;
  let start = Math.max(0, firstHit - Math.floor(maxChars / 4));
  if (start > 0) {
    const space = text.lastIndexOf(' ', firstHit);
    if (space >= start) start = space + 1;
  }
  const end = Math.min(text.length, start + maxChars);
  // Merge overlapping ranges (bigrams overlap by one character).
  const ranges: [number, number][] = [];
  for (const h of hits) {
    if (h.end <= start || h.start >= end) continue;
    const s = Math.max(h.start, start);
    const e = Math.min(h.end, end);
    const last = ranges[ranges.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else ranges.push([s, e]);
  }
  const lead = start > 0 ? '…' : '';
  const shift = lead.length - start;
  return {
    text: `${lead}${text.slice(start, end)}${end < text.length ? '…' : ''}`,
    matches: ranges.map(([s, e]) => [s + shift, e + shift]),
  };
}

/**
 * A short extract of `text` around the first match, HTML-escaped, with every matching token
 * wrapped in <mark>. Safe to insert as HTML.
 */
export function highlightSnippet(text: string, clauses: QueryClause[], maxChars = 200): string {
  return snippetHtml(snippetWithMatches(text, clauses, maxChars));
}

/** A snippet as HTML: escaped text, the matches wrapped in <mark> and nothing else. */
export function snippetHtml(snippet: Snippet): string {
  let html = '';
  let at = 0;
  for (const [s, e] of snippet.matches) {
    html += `${escapeHtml(snippet.text.slice(at, s))}<mark>${escapeHtml(snippet.text.slice(s, e))}</mark>`;
    at = e;
  }
  return html + escapeHtml(snippet.text.slice(at));
}
