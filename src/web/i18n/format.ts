import type { Language } from '../../domain/language.js';

export interface DateFormatters {
  day: (d: Date) => string;
  long: (d: Date) => string;
  number: (n: number) => string;
}

/**
 * Made once per language and zone (the zone is configuration, so a handful at most): each Intl
 * object holds ICU memory outside the JS heap, and making four per email grew a 10,000-email alert
 * by hundreds of MB of RSS that the process never gave back.
 */
const made = new Map<string, DateFormatters>();

/** Dates in the site's time zone: lists show 2026-11-28 as the source board does; pages add the time. */
export function dateFormatters(language: Language, timeZone: string): DateFormatters {
  const key = `${language}|${timeZone}`;
  let formatters = made.get(key);
  if (!formatters) {
    formatters = makeDateFormatters(language, timeZone);
    made.set(key, formatters);
  }
  return formatters;
}

function makeDateFormatters(language: Language, timeZone: string): DateFormatters {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const long = new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone,
    dateStyle: 'long',
    timeStyle: 'short',
  });
  const zoneName = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
  const numbers = new Intl.NumberFormat(language === 'ko' ? 'ko-KR' : 'en-GB');
  return {
    day: (d: Date) => day.format(d),
    long: (d: Date) => {
      const zone = zoneName.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
      return `${long.format(d)} (${zone})`;
    },
    number: (n: number) => numbers.format(n),
  };
}
