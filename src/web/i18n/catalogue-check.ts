import { messageArguments } from './icu.js';

/**
 * Every problem of a set of catalogues compared with a reference one: missing or extra keys, empty
 * strings, different arguments, unparseable ICU. The unit test fails on any (messages.ts also makes
 * a missing key a compile error; this catches what types cannot: empties and argument drift).
 */
export function catalogueProblems(reference: Record<string, string>, others: Record<string, Record<string, string>>): string[] {
  const problems: string[] = [];
  const refKeys = Object.keys(reference);
  const args = (lang: string, key: string, text: string) => {
    try {
      return messageArguments(text).join(',');
    } catch (error) {
      problems.push(`${lang}.${key}: ${(error as Error).message}`);
      return null;
    }
  };
  for (const [key, text] of Object.entries(reference)) if (text.trim() === '') problems.push(`reference.${key} is empty`);
  for (const [lang, catalogue] of Object.entries(others)) {
    for (const key of refKeys) {
      const text = catalogue[key];
      if (text === undefined) problems.push(`${lang}.${key} is missing`);
      else if (text.trim() === '') problems.push(`${lang}.${key} is empty`);
      else if (args(lang, key, text) !== args('reference', key, reference[key]!)) problems.push(`${lang}.${key} has different arguments`);
    }
    for (const key of Object.keys(catalogue)) if (!(key in reference)) problems.push(`${lang}.${key} is not in the reference catalogue`);
  }
  return problems;
}
