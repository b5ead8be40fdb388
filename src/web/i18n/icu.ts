/**
 * A small ICU MessageFormat subset, enough for the UI catalogue: `{name}` arguments and
 * `{count, plural, =0 {none} one {# file} other {# files}}` with the language's plural rules
 * (Intl.PluralRules) and `#` as the formatted number. Dates are formatted by i18n/format.ts.
 */
export type MessageParams = Record<string, string | number>;

type Part = string | { arg: string } | { arg: string; plural: Map<string, Part[]> };

const cache = new Map<string, Part[]>();

function parse(pattern: string): Part[] {
  let pos = 0;
  function parts(inPlural: boolean): Part[] {
    const out: Part[] = [];
    let text = '';
    while (pos < pattern.length) {
      const c = pattern[pos]!;
      if (c === '}') break;
      if (c === '{') {
        if (text) out.push(text);
        text = '';
        pos += 1;
        out.push(argument());
        continue;
      }
      if (c === '#' && inPlural) {
        if (text) out.push(text);
        text = '';
        out.push({ arg: '#' });
        pos += 1;
        continue;
      }
      text += c;
      pos += 1;
    }
    if (text) out.push(text);
    return out;
  }
  function argument(): Part {
    const close = pattern.indexOf('}', pos);
    const comma = pattern.indexOf(',', pos);
    if (comma === -1 || comma > close) {
      const name = pattern.slice(pos, close).trim();
      pos = close + 1;
      return { arg: name };
    }
    const name = pattern.slice(pos, comma).trim();
    const rest = /^\s*plural\s*,/.exec(pattern.slice(comma + 1));
    if (!rest) throw new Error(`Unsupported message argument in "${pattern}"`);
    pos = comma + 1 + rest[0].length;
    const plural = new Map<string, Part[]>();
    for (;;) {
      const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(pattern.slice(pos));
      if (!m) break;
      pos += m[0].length;
      plural.set(m[1]!, parts(true));
      pos += 1; // the option's closing brace
    }
    const end = /^\s*\}/.exec(pattern.slice(pos));
    if (!end || !plural.has('other')) throw new Error(`Malformed plural in "${pattern}"`);
    pos += end[0].length;
    return { arg: name, plural };
  }
  const result = parts(false);
  if (pos < pattern.length) throw new Error(`Unbalanced braces in "${pattern}"`);
  return result;
}

function parsed(pattern: string): Part[] {
  let p = cache.get(pattern);
  if (!p) {
    p = parse(pattern);
    cache.set(pattern, p);
  }
  return p;
}

/** The argument names a pattern uses (plural branches included), for catalogue checks. */
export function messageArguments(pattern: string): string[] {
  const names = new Set<string>();
  const walk = (list: Part[]) => {
    for (const part of list) {
      if (typeof part === 'string' || part.arg === '#') continue;
      names.add(part.arg);
      if ('plural' in part) for (const branch of part.plural.values()) walk(branch);
    }
  };
  walk(parsed(pattern));
  return [...names].sort();
}

/**
 * Intl objects per locale, made once: each one holds ICU memory outside the JS heap, and making two
 * per message (several per email, 10,000 emails per alert) grew the process by hundreds of MB.
 */
const intlByLocale = new Map<string, { numbers: Intl.NumberFormat; rules: Intl.PluralRules }>();
function intlFor(locale: string): { numbers: Intl.NumberFormat; rules: Intl.PluralRules } {
  let intl = intlByLocale.get(locale);
  if (!intl) {
    intl = { numbers: new Intl.NumberFormat(locale), rules: new Intl.PluralRules(locale) };
    intlByLocale.set(locale, intl);
  }
  return intl;
}

/** Formats a message for a locale ("ko-KR", "en-GB"). Numbers use the locale's grouping. */
export function formatMessage(locale: string, pattern: string, params: MessageParams = {}): string {
  const { numbers, rules } = intlFor(locale);
  const show = (value: string | number | undefined) => (typeof value === 'number' ? numbers.format(value) : String(value ?? ''));
  const render = (list: Part[], count: number | null): string =>
    list
      .map((part) => {
        if (typeof part === 'string') return part;
        if (part.arg === '#') return count === null ? '#' : numbers.format(count);
        const value = params[part.arg];
        if (!('plural' in part)) return show(value);
        const n = Number(value ?? 0);
        const branch = part.plural.get(`=${n}`) ?? part.plural.get(rules.select(n)) ?? part.plural.get('other')!;
        return render(branch, n);
      })
      .join('');
  return render(parsed(pattern), null);
}
