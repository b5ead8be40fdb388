import { z } from 'zod';
import type { FieldIssue } from '../../../domain/errors.js';
import type { Language } from '../../../domain/language.js';
import type { DirectoryContact } from '../../../domain/press-contact.js';
import type { Edition, EditionContent } from '../../../domain/release.js';
import { parseLocalDateTime, toLocalDateTimeValue } from '../shared/datetime-local.js';

/** What the person typed, kept as text so a refused form comes back exactly as it was sent. */
export interface ReleaseFormValues {
  boardSlug: string;
  language: string;
  title: string;
  subtitle: string;
  bodyMarkdown: string;
  department: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  /** The directory entry picked (#16), as its id; empty: the details typed below. */
  contactId: string;
  tags: string;
  embargoUntil: string;
}

const FIELDS: (keyof ReleaseFormValues)[] = ['boardSlug', 'language', 'title', 'subtitle', 'bodyMarkdown', 'department', 'contactName', 'contactPhone', 'contactEmail', 'contactId', 'tags', 'embargoUntil'];

/** A urlencoded field: formbody gives a string, or an array when a name repeats (first wins). */
const text = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().optional().catch(undefined)).transform((v) => v ?? '');

export const formBodySchema = z.record(z.string(), z.unknown()).catch({});

export function fieldText(body: unknown, name: string): string {
  const record = formBodySchema.parse(body ?? {});
  return text.parse(record[name]);
}

/** Reads the release form's fields from a urlencoded body. */
export function readReleaseForm(body: unknown): ReleaseFormValues {
  return Object.fromEntries(FIELDS.map((f) => [f, fieldText(body, f)])) as unknown as ReleaseFormValues;
}

export function emptyReleaseForm(defaults: Partial<ReleaseFormValues> = {}): ReleaseFormValues {
  return { ...(Object.fromEntries(FIELDS.map((f) => [f, ''])) as unknown as ReleaseFormValues), ...defaults };
}

/** An edition's content as form text (times in the press office's zone). */
export function formFromEdition(edition: Edition, timeZone: string): ReleaseFormValues {
  return emptyReleaseForm({
    title: edition.title,
    subtitle: edition.subtitle.join('\n'),
    bodyMarkdown: edition.bodyMarkdown,
    department: edition.department,
    contactName: edition.contact?.name ?? '',
    contactPhone: edition.contact?.phone ?? '',
    contactEmail: edition.contact?.email ?? '',
    contactId: edition.contact?.contactId ? String(edition.contact.contactId) : '',
    tags: edition.tags.join(', '),
    embargoUntil: edition.embargoUntil ? toLocalDateTimeValue(edition.embargoUntil, timeZone) : '',
  });
}

/** Subtitle lines, one per line; blank lines dropped (the domain strips leading dashes). */
export const subtitleLines = (value: string) => value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);

/** Tags, comma-separated; blanks and repeats dropped. */
export const tagList = (value: string) => [...new Set(value.split(/[,，]/).map((t) => t.trim()).filter((t) => t.length > 0))];

/** The content the commands take, plus the issues only the form can find (an unreadable time). */
export function contentFromForm(values: ReleaseFormValues, timeZone: string): { content: EditionContent; embargoUntil: Date | null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  let embargoUntil: Date | null = null;
  if (values.embargoUntil.trim() !== '') {
    embargoUntil = parseLocalDateTime(values.embargoUntil, timeZone);
    if (!embargoUntil) issues.push({ code: 'invalid_time', message: 'Enter the embargo time as a date and a time, for example 2026-12-01 09:00', field: 'embargoUntil' });
  }
  const hasContact = [values.contactName, values.contactPhone, values.contactEmail].some((v) => v.trim() !== '');
  if (hasContact && values.contactName.trim() === '') issues.push({ code: 'contact_name_missing', message: "Enter the press contact's name", field: 'contact.name' });
  return {
    content: {
      title: values.title,
      subtitle: subtitleLines(values.subtitle),
      bodyMarkdown: values.bodyMarkdown,
      department: values.department,
      contact: hasContact ? { name: values.contactName, phone: values.contactPhone, email: values.contactEmail, ...(/^[1-9]\d{0,9}$/.test(values.contactId) ? { contactId: Number(values.contactId) } : {}) } : null,
      tags: tagList(values.tags),
    },
    embargoUntil,
    issues,
  };
}

/**
 * A contact picked from the directory (#16) fills the contact fields with the entry's details, so the
 * edition keeps them too (feeds, exports, and the page if the entry is later deleted). An entry that
 * no longer exists is dropped and the typed details stay.
 */
export async function withPickedContact(values: ReleaseFormValues, directory: { byId(id: number): Promise<DirectoryContact | null> }): Promise<ReleaseFormValues> {
  if (!/^[1-9]\d{0,9}$/.test(values.contactId)) return { ...values, contactId: '' };
  const entry = await directory.byId(Number(values.contactId));
  if (!entry) return { ...values, contactId: '' };
  return { ...values, contactName: entry.name, contactPhone: entry.phone, contactEmail: entry.email };
}

export const asLanguage = (value: string) => value as Language;

/** Issues of a schema without throwing, so form-only issues and schema issues are shown together. */
export function schemaIssues(schema: z.ZodType, input: unknown): FieldIssue[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ code: issue.code, message: issue.message, field: issue.path.join('.') || undefined }));
}
