import type { Edition, Release } from './release.js';

/**
 * When a release is planned to become public, as journalists are told: the public time once
 * published; before that the later of the scheduled time and the embargo; for an approved edition
 * its embargo. Null when there is no planned time (unscheduled without an embargo).
 */
export function plannedPublicAt(release: Pick<Release, 'status' | 'publicAt'>, edition: Pick<Edition, 'state' | 'scheduledAt' | 'embargoUntil'> | null): Date | null {
  if (release.status !== 'unpublished') return release.publicAt;
  if (!edition) return null;
  if (edition.state === 'scheduled' && edition.scheduledAt) {
    return edition.embargoUntil && edition.embargoUntil > edition.scheduledAt ? edition.embargoUntil : edition.scheduledAt;
  }
  return edition.embargoUntil;
}

/** What a journalist who got an embargoed release is told when its planned time changes. */
export type EmbargoChange = { kind: 'lifted'; at: Date } | { kind: 'moved'; to: Date } | { kind: 'postponed' } | { kind: 'withdrawn' } | null;

/**
 * Compares the time a journalist was told with the release's state now. Published earlier than
 * announced: lifted; a new planned time: moved; no planned time any more: postponed.
 */
export function embargoChange(announced: Date | null, now: Date, release: Pick<Release, 'status' | 'publicAt'>, planned: Date | null): EmbargoChange {
  if (release.status === 'withdrawn') return announced === null ? null : { kind: 'withdrawn' };
  const same = (planned?.getTime() ?? null) === (announced?.getTime() ?? null);
  if (release.status === 'published' && release.publicAt && release.publicAt <= now) {
    return announced && release.publicAt < announced ? { kind: 'lifted', at: release.publicAt } : null;
  }
  if (same) return null;
  return planned ? { kind: 'moved', to: planned } : { kind: 'postponed' };
}

export const JOURNALIST_LIMITS = { nameMaxChars: 120, outletMaxChars: 120, listNameMaxChars: 120 } as const;
