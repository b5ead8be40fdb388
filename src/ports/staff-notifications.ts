import type { AuditLog } from './audit-log.js';
import type { OutboxRepo } from './distribution.js';
import type { EmailContent } from './email-templates.js';

/** Audit actions that notify someone (#14). */
export const NOTIFYING_ACTIONS = ['release.submitted', 'release.rejected', 'release.approved', 'release.scheduled', 'release.published', 'release.corrected', 'preview_link.opened', 'release.reviewer_assigned'] as const;
export type NotificationKind = (typeof NOTIFYING_ACTIONS)[number];

export interface NotificationDetails {
  title: string;
  /** Who did it (a staff member's name, or the preview recipient's label). */
  actor: string;
  comment?: string;
}

export interface StaffNotification {
  id: number;
  kind: NotificationKind;
  releaseId: number | null;
  details: NotificationDetails;
  createdAt: Date;
  readAt: Date | null;
}

/** An audit entry that may notify someone and has not been turned into notifications yet. */
export interface NotificationSource {
  auditId: number;
  action: NotificationKind;
  at: Date;
  actorId: number | null;
  actorLabel: string;
  releaseId: number | null;
  details: Record<string, unknown>;
}

export interface StaffRecipient {
  id: number;
  email: string;
  name: string;
  notifyByEmail: boolean;
}

/** Staff notifications and what deciding them needs (migration 2026120350-webhooks-notifications). */
export interface StaffNotificationRepo {
  sources(since: Date, limit: number): Promise<NotificationSource[]>;
  /** The release's title now and the author of its newest edition. */
  releaseFacts(releaseId: number): Promise<{ title: string; authorId: number | null } | null>;
  previewLinkCreator(linkId: number): Promise<number | null>;
  /** Active staff with one of these roles. */
  staffWithRoles(roles: string[]): Promise<StaffRecipient[]>;
  /** An active staff member, or null. */
  staffMember(id: number): Promise<StaffRecipient | null>;
  /** Marks the audit entry as handled; false when another process already did. */
  markProcessed(auditId: number, at: Date): Promise<boolean>;
  add(rows: { userId: number; auditId: number; kind: NotificationKind; releaseId: number | null; details: NotificationDetails; createdAt: Date }[]): Promise<void>;
  list(userId: number, limit: number): Promise<StaffNotification[]>;
  unreadCount(userId: number): Promise<number>;
  /** Marks every unread notification of this person as read; returns how many. */
  markAllRead(userId: number, at: Date): Promise<number>;
  emailPreference(userId: number): Promise<boolean>;
  setEmailPreference(userId: number, on: boolean): Promise<boolean>;
}

export interface StaffNotificationTx {
  notifications: StaffNotificationRepo;
  outbox: OutboxRepo;
  audit: AuditLog;
}

/** Notifications, their emails and audit entries in one transaction. */
export interface StaffNotificationUnitOfWork {
  run<T>(work: (tx: StaffNotificationTx) => Promise<T>): Promise<T>;
}

/** The notification email (both languages, JSX in the web layer). */
export type StaffNotificationEmail = (input: { kind: NotificationKind; details: NotificationDetails; releaseUrl: string | null; accountUrl: string }) => EmailContent;
