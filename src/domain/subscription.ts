import type { Language } from './language.js';

/** How often a subscriber hears from us: each release as it is published, or one digest a day or week. */
export const FREQUENCIES = ['immediate', 'daily', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const SUBSCRIPTION_LIMITS = {
  emailMaxChars: 254,
  queryMaxChars: 200,
  tagMaxChars: 100,
  /** A confirmation link works this long. */
  confirmTtlMs: 48 * 3_600_000,
  /** An address that never confirmed is deleted after this long. */
  unconfirmedTtlMs: 7 * 24 * 3_600_000,
} as const;

/** What a subscription follows, within one language (which is also the language of its emails). */
export interface SubscriptionCriteria {
  language: Language;
  /** null: every board. */
  boardId: number | null;
  /** null: any tag. */
  tag: string | null;
  /** A saved search (the public search's syntax); null: no text condition. */
  query: string | null;
}

export interface Subscription extends SubscriptionCriteria {
  id: number;
  email: string;
  frequency: Frequency;
  status: 'pending' | 'confirmed';
  createdAt: Date;
  confirmedAt: Date | null;
  lastDigestAt: Date | null;
}

/** The criteria as one stable string, so one address cannot hold the same subscription twice. */
export function criteriaKey(c: Omit<SubscriptionCriteria, 'language'>): string {
  return JSON.stringify([c.boardId, c.tag, c.query]);
}

