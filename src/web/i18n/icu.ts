/**
 * ICU MessageFormat for the UI catalogue through `intl-messageformat`: `{name}` arguments and
 * `{count, plural, =0 {none} one {# file} other {# files}}` with the language's plural rules and `#`
 * as the formatted number. Two choices keep the catalogue's behaviour: a number given as a plain
 * `{name}` argument is grouped for the locale (10,000 / 10,000), and a missing argument renders
 * empty (0 for a plural) rather than throwing on a page. Dates are formatted by i18n/format.ts.
 */
import { IntlMessageFormat } from 'intl-messageformat';

export type MessageParams = Record<string, string | number>;

type Ast = ReturnType<IntlMessageFormat['getAst']>;
/** The parser's element kinds that matter here (@formatjs/icu-messageformat-parser's TYPE). */
const LITERAL = 0;
const ARGUMENT = 1;
const SELECT = 5;
const PLURAL = 6;
const TAG = 8;
/** A plain `{name}` argument is renamed to this, so its value can be pre-formatted as text. */
const TEXT_PREFIX = 'text__';

interface Compiled {
  ast: Ast;
  plain: string[];
  counted: string[];
  /** The text of a message without arguments, sent as it is (most of a page's messages). */
  literal: string | null;
}

const compiled = new Map<string, Compiled>();
const formatters = new Map<string, IntlMessageFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

function compile(pattern: string): Compiled {
  const known = compiled.get(pattern);
  if (known) return known;
  let ast: Ast;
  try {
    ast = new IntlMessageFormat(pattern, 'en', undefined, { ignoreTag: true }).getAst();
  } catch (error) {
    throw new Error(`Malformed message "${pattern}": ${(error as Error).message}`);
  }
  const plain = new Set<string>();
  const counted = new Set<string>();
  const walk = (elements: Ast): Ast =>
    elements.map((element) => {
      if (element.type === ARGUMENT) {
        plain.add(element.value);
        return { ...element, value: TEXT_PREFIX + element.value };
      }
      if (element.type === PLURAL || element.type === SELECT) {
        counted.add(element.value);
        const options = Object.fromEntries(Object.entries(element.options).map(([key, option]) => [key, { ...option, value: walk(option.value) }]));
        return { ...element, options } as typeof element;
      }
      if (element.type === TAG) return { ...element, children: walk(element.children) };
      return element;
    });
  const literal = ast.every((element) => element.type === LITERAL) ? ast.map((element) => (element as { value: string }).value).join('') : null;
  const entry = { ast: walk(ast), plain: [...plain], counted: [...counted], literal };
  compiled.set(pattern, entry);
  return entry;
}

/** The argument names a pattern uses (plural branches included), for catalogue checks. */
export function messageArguments(pattern: string): string[] {
  const { plain, counted } = compile(pattern);
  return [...new Set([...plain, ...counted])].sort();
}

/** Formats a message for a locale ("ko-KR", "en-GB"). Numbers use the locale's grouping. */
export function formatMessage(locale: string, pattern: string, params: MessageParams = {}): string {
  const { ast, plain, counted, literal } = compile(pattern);
  if (literal !== null) return literal;
  const numbers = numberFormat(locale);
  const values: Record<string, string | number> = {};
  for (const name of counted) values[name] = Number(params[name] ?? 0);
  for (const name of plain) {
    const value = params[name];
    values[TEXT_PREFIX + name] = typeof value === 'number' ? numbers.format(value) : (value ?? '');
  }
  const key = `${locale}\u0000${pattern}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new IntlMessageFormat(ast, locale, undefined, { ignoreTag: true })));
  return String(formatter.format(values));
}
