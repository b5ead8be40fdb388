import { z } from 'zod';
import { LANGUAGES } from '../domain/language.js';
import { LIMITS } from '../domain/limits.js';
import { characters, normaliseSubtitleLine } from '../domain/release.js';
import { normaliseText } from '../domain/text.js';

/**
 * A string normalised as it enters (control characters removed, line breaks LF, NFC) before any
 * other check: every writer of release text (admin form, API, importers) goes through this (#13).
 */
export const text = () => z.string().overwrite(normaliseText);

const chars = (max: number) => (value: string) => characters(value).length <= max;

/** A release's editable content, as the admin form, the API and importers send it. */
export const editionContentSchema = z.object({
  title: text()
    .trim()
    .min(1, 'Enter a title')
    .refine(chars(LIMITS.titleMaxChars), `A title has at most ${LIMITS.titleMaxChars} characters`),
  subtitle: z
    .array(text())
    .max(LIMITS.subtitleMaxLines)
    .default([])
    .transform((lines) => lines.map(normaliseSubtitleLine).filter((line) => line.length > 0))
    .refine((lines) => lines.every(chars(LIMITS.subtitleLineMaxChars)), `A subtitle line has at most ${LIMITS.subtitleLineMaxChars} characters`),
  bodyMarkdown: text().max(LIMITS.bodyMaxChars).default(''),
  department: text().trim().max(LIMITS.departmentMaxChars).default(''),
  contact: z
    .object({ name: text().trim().min(1).max(120), phone: text().trim().max(60).default(''), email: z.union([z.literal(''), z.email()]).default(''), contactId: z.number().int().positive().nullable().optional() })
    .nullable()
    .default(null),
  tags: z.array(text().trim().min(1).max(LIMITS.tagMaxChars)).max(LIMITS.tagsMax).default([]),
});

export const newReleaseSchema = editionContentSchema.extend({
  boardSlug: z.string().min(1),
  language: z.enum(LANGUAGES),
  translationGroup: z.string().max(64).nullable().default(null),
  embargoUntil: z.date().nullable().default(null),
});

export type NewReleaseInput = z.input<typeof newReleaseSchema>;
export type NewReleaseData = z.output<typeof newReleaseSchema>;
