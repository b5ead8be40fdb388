import type { ReadableAuditEntry } from '../../../app/audit-trail.js';
import type { Language } from '../../../domain/language.js';
import { isRole } from '../../../domain/user.js';
import { catalogues, type MessageKey, type Translate } from '../../i18n/messages.js';
import { formatDateTime, languageLabel } from '../shared/format.js';

/** What the words of an audit entry are chosen and formatted with. */
export interface AuditWording {
  t: Translate;
  timeZone: string;
  lang: Language;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

function messageKey(key: string): MessageKey | null {
  return Object.hasOwn(catalogues.en, key) ? (key as MessageKey) : null;
}

/** `release.published` -> `release_published`: the action's part of its message keys. */
const keyPart = (action: string) => action.replace(/\./g, '_');

/** The action's name in the UI language ("Published" / "게시"); an action without one shows its code. */
export function actionLabel(action: string, t: Translate): string {
  const key = messageKey(`auditAction_${keyPart(action)}`);
  return key ? t(key) : action;
}

/** Who did it: the staff member's name, or what the system actor is, in words. */
export function actorLabel(entry: ReadableAuditEntry, t: Translate): string {
  if (entry.actorName) return entry.actorName;
  const label = entry.actor.label;
  if (label === 'system:scheduler') return t('auditActorScheduler');
  if (label === 'public:subscriber') return t('auditActorSubscriber');
  if (label.startsWith('preview:')) return t('auditActorPreview', { recipient: label.slice('preview:'.length) });
  if (label.startsWith('system:')) return t('auditActorSystem', { label: label.slice('system:'.length) });
  return label;
}

/** What the entry is about, in words: a release's title, an account's name, else the kind and id. */
export function subjectLabel(entry: ReadableAuditEntry, t: Translate): string {
  if (entry.subjectType === 'release' && entry.subjectId) return entry.releaseTitle || t('auditReleaseGone', { id: entry.subjectId });
  if (entry.subjectUserName) return entry.subjectUserName;
  const kind = messageKey(`auditSubjectType_${entry.subjectType}`);
  return [kind ? t(kind) : entry.subjectType, entry.subjectId ?? ''].join(' ').trim();
}

/** A detail value as text: instants in the newsroom's zone, roles in words, lists joined. */
function valueText(key: string, value: unknown, w: AuditWording): string | number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value)) return formatDateTime(new Date(value), w.timeZone, w.lang);
    if ((key === 'role' || key === 'from' || key === 'to') && isRole(value)) return w.t(`adminRole_${value}`);
    if (key === 'language' && (value === 'ko' || value === 'en')) return languageLabel(value, w.t);
    return value;
  }
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Whether the action has a one-line summary of its own (else the summary lists its details, which are data). */
export function hasSummary(action: string): boolean {
  return messageKey(`auditSummary_${keyPart(action)}`) !== null;
}

/** The details as readable name/value pairs, for the <details> list and the fallback summary. */
export function detailPairs(entry: ReadableAuditEntry, w: AuditWording): [string, string][] {
  return Object.entries(entry.details).map(([k, v]) => [k, String(valueText(k, v, w))]);
}

/**
 * One line saying what happened beyond the action's name ("Comment: add the quote", "사진.jpg
 * (image/jpeg)"), from the action's own message; an action without one lists its details briefly.
 */
export function summaryOf(entry: ReadableAuditEntry, w: AuditWording): string {
  const key = messageKey(`auditSummary_${keyPart(entry.action)}`);
  if (key) {
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(entry.details)) params[k] = valueText(k, v, w);
    return w.t(key, params);
  }
  const line = detailPairs(entry, w)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
