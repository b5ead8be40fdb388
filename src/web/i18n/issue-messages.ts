import type { FieldIssue } from '../../domain/errors.js';
import { LIMITS } from '../../domain/limits.js';
import { ACCOUNT_LIMITS } from '../../domain/user.js';
import type { MessageParams } from './icu.js';
import { catalogues, type MessageKey, type Translate } from './messages.js';

/** An issue as the admin shows it, with values for its catalogue message (a file name, a size). */
export interface ShownIssue extends FieldIssue {
  params?: MessageParams;
  /** The field whose message applies, when the issue is shown at another (an upload's caption, listed at "files"). */
  messageField?: string;
}

/** zod's issue codes: their messages are zod's defaults or a schema's English text, never shown as is in Korean. */
const ZOD_CODES = new Set(['invalid_type', 'too_big', 'too_small', 'invalid_format', 'not_multiple_of', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value', 'custom']);

type Entry = readonly [MessageKey, MessageParams?];
const time: Partial<Record<string, Entry>> = { invalid_type: ['adminField_time_invalid'], invalid_format: ['adminField_time_invalid'] };
const email: Partial<Record<string, Entry>> = { invalid_format: ['adminField_email_invalid'], invalid_union: ['adminField_email_invalid'], too_big: ['adminField_ownerEmail_tooLong', { max: ACCOUNT_LIMITS.emailMaxChars }] };

/**
 * The message of a zod issue on an admin form field, by the field's path (ids and indexes as `*`:
 * "tags.3" is "tags.*", "attachments.12.caption" is "attachments.*.caption", then its last part)
 * and zod's code. Limits come from the one limits module, so the text names the real one.
 */
const FIELD_MESSAGES: Record<string, Partial<Record<string, Entry>>> = {
  title: { too_small: ['adminField_title_required'], too_big: ['adminField_title_tooLong', { max: LIMITS.titleMaxChars }], custom: ['adminField_title_tooLong', { max: LIMITS.titleMaxChars }] },
  subtitle: { too_big: ['adminField_subtitle_tooMany', { max: LIMITS.subtitleMaxLines }], custom: ['adminField_subtitle_lineTooLong', { max: LIMITS.subtitleLineMaxChars }] },
  bodyMarkdown: { too_big: ['adminField_body_tooLong', { max: LIMITS.bodyMaxChars }] },
  department: { too_big: ['adminField_department_tooLong', { max: LIMITS.departmentMaxChars }] },
  'contact.name': { too_small: ['adminField_contactName_required'], too_big: ['adminField_contactName_tooLong', { max: 120 }] },
  'contact.phone': { too_big: ['adminField_contactPhone_tooLong', { max: 60 }] },
  'contact.email': email,
  tags: { too_big: ['adminField_tags_tooMany', { max: LIMITS.tagsMax }] },
  'tags.*': { too_big: ['adminField_tag_tooLong', { max: LIMITS.tagMaxChars }] },
  caption: { too_big: ['adminField_caption_tooLong', { max: LIMITS.captionMaxChars }] },
  credit: { too_big: ['adminField_credit_tooLong', { max: 200 }] },
  altText: { too_big: ['adminField_altText_tooLong', { max: LIMITS.captionMaxChars }] },
  boardSlug: { too_small: ['adminField_board_required'] },
  language: { invalid_value: ['adminField_language_invalid'] },
  embargoUntil: time,
  scheduledAt: time,
  expiresAt: time,
  // The API token form is the admin's only plain "name" field.
  name: { too_small: ['adminField_tokenName_required'], too_big: ['adminField_name_tooLong', { max: 120 }] },
  ownerEmail: { too_small: ['adminField_ownerEmail_required'], too_big: ['adminField_ownerEmail_tooLong', { max: ACCOUNT_LIMITS.emailMaxChars }] },
  scopes: { too_small: ['adminField_scopes_required'] },
  'scopes.*': { invalid_value: ['adminField_scopes_invalid'] },
  email,
  currentPassword: { too_small: ['adminField_currentPassword_required'] },
  newPassword: {
    too_small: ['adminField_newPassword_tooShort', { min: ACCOUNT_LIMITS.passwordMinChars }],
    too_big: ['adminField_newPassword_tooLong', { max: ACCOUNT_LIMITS.passwordMaxChars }],
    custom: ['adminField_newPassword_sameAsCurrent'],
  },
  confirmPassword: { custom: ['adminField_confirmPassword_mismatch'] },
  number: { invalid_type: ['adminField_number_invalid'], too_small: ['adminField_number_invalid'] },
};

function fieldEntry(field: string, code: string): Entry | undefined {
  const path = field.split('.').map((part) => (/^\d+$/.test(part) ? '*' : part));
  return FIELD_MESSAGES[path.join('.')]?.[code] ?? FIELD_MESSAGES[path[path.length - 1]!]?.[code];
}

/**
 * An issue's message in the staff member's language. A zod issue on a known field gets its
 * catalogue text in both languages (zod's defaults are never shown). In English anything else is
 * shown as the application wrote it (it may name a file or a limit); in Korean a stable code
 * gives `adminIssue_<code>`, and only a reason without a catalogue entry stays as written.
 */
export function issueText(issue: ShownIssue, t: Translate): string {
  const field = issue.messageField ?? issue.field;
  const entry = ZOD_CODES.has(issue.code) && field ? fieldEntry(field, issue.code) : undefined;
  if (entry) return t(entry[0], { ...issue.params, ...entry[1] });
  if (t.language === 'en') return issue.message;
  const key = `adminIssue_${issue.code}`;
  return key in catalogues.en ? t(key as MessageKey, issue.params ?? {}) : issue.message;
}

/** Whether a Korean admin would read this issue in Korean (a test checks every form's issues). */
export function hasCatalogueText(issue: ShownIssue): boolean {
  const field = issue.messageField ?? issue.field;
  return (ZOD_CODES.has(issue.code) && field !== undefined && fieldEntry(field, issue.code) !== undefined) || `adminIssue_${issue.code}` in catalogues.en;
}
