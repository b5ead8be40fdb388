import { z } from 'zod';
import { ACCOUNT_LIMITS, normaliseEmail, ROLES } from '../../domain/user.js';

const password = z
  .string()
  .min(ACCOUNT_LIMITS.passwordMinChars, `Use at least ${ACCOUNT_LIMITS.passwordMinChars} characters`)
  .max(ACCOUNT_LIMITS.passwordMaxChars, `Use at most ${ACCOUNT_LIMITS.passwordMaxChars} characters`);

export const emailSchema = z
  .string()
  .trim()
  .max(ACCOUNT_LIMITS.emailMaxChars)
  .pipe(z.email('Enter an email address like name@example.org'))
  .transform(normaliseEmail);

/** A new staff account, from the CLI or an admin form. */
export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Enter a name').max(ACCOUNT_LIMITS.nameMaxChars),
  role: z.enum(ROLES, `Choose one of: ${ROLES.join(', ')}`),
  password,
});
export type NewUserInput = z.input<typeof newUserSchema>;

/** A password change; the current password is checked by the command. */
export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password'),
    newPassword: password,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: 'The two new passwords do not match', path: ['confirmPassword'] })
  .refine((v) => v.currentPassword === '' || v.newPassword !== v.currentPassword, { message: 'Choose a password different from the current one', path: ['newPassword'] });
export type PasswordChangeInput = z.input<typeof passwordChangeSchema>;

/** The password an invited person chooses when accepting their invitation (#16). */
export const newPasswordSchema = z
  .object({ newPassword: password, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { message: 'The two passwords do not match', path: ['confirmPassword'] });
export type NewPasswordInput = z.input<typeof newPasswordSchema>;

/** A new password an administrator gives an account (imported staff, a forgotten password). */
export const passwordSetSchema = z.object({ email: emailSchema, password });
export type PasswordSetInput = z.input<typeof passwordSetSchema>;
