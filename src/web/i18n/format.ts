import type { Language } from '../../domain/language.js';

/** Dates in the site's time zone: lists show 2026-11-28 as the source board does; pages add the time. */
export function dateFormatters(language: Language, timeZone: string) {
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
export type DateFormatters = ReturnType<typeof dateFormatters>;
