import type { EditionState, ReleaseStatus } from '../../../domain/release.js';

const dateTimeFormatters = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>();

/** "2026-11-20 10:00 GMT+9": staff see times in the press office's zone, with the zone named. */
export function formatDateTime(date: Date, timeZone: string): string {
  let f = dateTimeFormatters.get(timeZone);
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
      time: new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      zone: new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }),
    };
    dateTimeFormatters.set(timeZone, f);
  }
  const zone = f.zone.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return `${f.date.format(date)} ${f.time.format(date)} ${zone}`;
}

const STATE_LABELS: Record<EditionState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  superseded: 'Superseded',
};

export function stateLabel(state: EditionState): string {
  return STATE_LABELS[state];
}

const STATUS_LABELS: Record<ReleaseStatus, string> = { unpublished: 'Not yet published', published: 'Published', withdrawn: 'Withdrawn' };

export function statusLabel(status: ReleaseStatus): string {
  return STATUS_LABELS[status];
}

export const LANGUAGE_LABELS = { ko: 'Korean', en: 'English' } as const;
