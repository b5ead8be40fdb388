import type { Language, Localized } from '../domain/language.js';
import type { Frequency, SubscriptionCriteria } from '../domain/subscription.js';
import type { AlertItem } from './distribution.js';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** A subscription's criteria as the emails describe them (board names resolved). */
export interface CriteriaLabel extends SubscriptionCriteria {
  boardName: Localized | null;
}

/** The emails' words and layout (JSX in the web layer), each with a plain-text part. */
export interface EmailTemplates {
  confirm(input: { language: Language; criteria: CriteriaLabel; frequency: Frequency; confirmUrl: string; expiresAt: Date }): EmailContent;
  alreadySubscribed(input: { language: Language; criteria: CriteriaLabel; manageUrl: string }): EmailContent;
  alert(input: { language: Language; item: AlertItem; releaseUrl: string; criteria: CriteriaLabel; manageUrl: string; unsubscribeUrl: string }): EmailContent;
  digest(input: { language: Language; frequency: 'daily' | 'weekly'; items: { item: AlertItem; releaseUrl: string }[]; criteria: CriteriaLabel; manageUrl: string; unsubscribeUrl: string }): EmailContent;
}

/** Absolute links the emails carry (the URL scheme lives in the web layer). */
export interface DistributionLinks {
  confirm(language: Language, token: string): string;
  manage(language: Language, token: string): string;
  unsubscribe(language: Language, token: string): string;
  release(language: Language, boardSlug: string, number: number): string;
  /** The host part of Message-IDs ("news.example.org"). */
  messageIdHost: string;
}

/** What an embargoed email says about the release (#14). */
export interface EmbargoedItem {
  title: string;
  subtitle: string[];
  bodyText: string;
  department: string;
  boardName: Localized;
}

/** The emails to journalists (#14): the embargoed release, and notices when its embargo changes. */
export interface JournalistEmailTemplates {
  embargoed(input: { language: Language; item: EmbargoedItem; embargoUntil: Date; previewUrl: string; recipientName: string }): EmailContent;
  embargoNotice(input: { language: Language; title: string; change: { kind: 'lifted'; at: Date } | { kind: 'moved'; to: Date } | { kind: 'postponed' } | { kind: 'withdrawn' }; publicUrl: string | null }): EmailContent;
}
