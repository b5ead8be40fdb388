import type { Language } from '../../../domain/language.js';
import type { EditionState, ReleaseStatus } from '../../../domain/release.js';
import { zoneLabel } from '../../i18n/format.js';
import { LOCALES, translator, type Translate } from '../../i18n/messages.js';

const english = translator('en');
const dateTimeFormatters = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>();

/**
 * "2026-11-20 10:00 GMT+9" in English, "2026. 11. 20. 10:00 KST" in Korean: staff see times in
 * the press office's zone (Asia/Seoul by default), in their language's date format, with the zone.
 */
export function formatDateTime(date: Date, timeZone: string, lang: Language = 'en'): string {
  const key = `${lang}|${timeZone}`;
  let f = dateTimeFormatters.get(key);
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat(lang === 'ko' ? LOCALES.ko : 'en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
      time: new Intl.DateTimeFormat(lang === 'ko' ? LOCALES.ko : 'en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      zone: new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }),
    };
    dateTimeFormatters.set(key, f);
  }
  return `${f.date.format(date)} ${f.time.format(date)} ${zoneLabel(f.zone, date, timeZone, lang)}`;
}

export function stateLabel(state: EditionState, t: Translate = english): string {
  return t(`adminState_${state}`);
}

export function statusLabel(status: ReleaseStatus, t: Translate = english): string {
  return t(`adminStatus_${status}`);
}

/** A language's name in the UI language ("Korean" / "한국어"). */
export function languageLabel(language: Language, t: Translate = english): string {
  return t(language === 'ko' ? 'languageKorean' : 'languageEnglish');
}

export const LANGUAGE_LABELS = { ko: 'Korean', en: 'English' } as const;
