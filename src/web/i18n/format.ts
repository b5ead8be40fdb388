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

/**
 * Zones whose usual abbreviation CLDR's English names lack (it says "GMT+9"), each with the offset
 * it stands for: a date at another offset (a past daylight-saving period) keeps the offset.
 */
const USUAL_ABBREVIATIONS: Readonly<Record<string, { offset: string; abbreviation: string }>> = {
  'Asia/Seoul': { offset: 'GMT+9', abbreviation: 'KST' },
  'Asia/Pyongyang': { offset: 'GMT+9', abbreviation: 'KST' },
  'Asia/Tokyo': { offset: 'GMT+9', abbreviation: 'JST' },
};

/**
 * The zone's name after a time, from an `en-US` `timeZoneName: 'short'` formatter made once per
 * zone: Korean readers get the usual abbreviation ("KST", not "GMT+9", #16); English keeps CLDR's
 * (EST, GMT, GMT+9).
 */
export function zoneLabel(zoneName: Intl.DateTimeFormat, d: Date, timeZone: string, language: Language): string {
  const zone = zoneName.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  const usual = language === 'ko' ? USUAL_ABBREVIATIONS[timeZone] : undefined;
  return usual && usual.offset === zone ? usual.abbreviation : zone;
}

function makeDateFormatters(language: Language, timeZone: string): DateFormatters {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  // Korean in 24-hour time ("2026년 12월 3일 16:40"): ICU's Korean day period is "PM" in some
  // versions (CLDR 48), never what a Korean reader expects; English keeps "3 December 2026 at 16:40".
  const long = new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone,
    dateStyle: 'long',
    timeStyle: 'short',
    ...(language === 'ko' ? { hourCycle: 'h23' as const } : {}),
  });
  const zoneName = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
  const numbers = new Intl.NumberFormat(language === 'ko' ? 'ko-KR' : 'en-GB');
  return {
    day: (d: Date) => day.format(d),
    long: (d: Date) => `${long.format(d)} (${zoneLabel(zoneName, d, timeZone, language)})`,
    number: (n: number) => numbers.format(n),
  };
}
