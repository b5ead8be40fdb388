import { z } from 'zod';
import { LANGUAGES } from '../../domain/language.js';
import { CONTACT_LIMITS } from '../../domain/press-contact.js';

/** A directory entry as staff type it (#16): a name is required; role, phone and email may be empty. */
export const directoryContactSchema = z.object({
  language: z.enum(LANGUAGES),
  name: z.string().trim().min(1).max(CONTACT_LIMITS.nameMaxChars),
  role: z.string().trim().max(CONTACT_LIMITS.roleMaxChars).default(''),
  phone: z.string().trim().max(CONTACT_LIMITS.phoneMaxChars).default(''),
  email: z.union([z.literal(''), z.email().max(CONTACT_LIMITS.emailMaxChars)]).default(''),
});
export type DirectoryContactInput = z.input<typeof directoryContactSchema>;
