import { createHash, randomBytes, randomInt } from 'node:crypto';
import { ACCOUNT_LIMITS } from '../../domain/user.js';

/** A new session token for the cookie: 32 random bytes, base64url. Only its hash is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// No 0/o, 1/l/i: codes are read off paper and typed by hand.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * One-use recovery codes such as "k7mq2-x9tde": 10 characters from 31 (about 50 bits), shown once.
 * They are random, not chosen by people, so a SHA-256 of the code is a sufficient stored form.
 */
export function newRecoveryCodes(count: number = ACCOUNT_LIMITS.recoveryCodes): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Spaces, dashes and case do not matter when a recovery code is typed. */
export function hashRecoveryCode(code: string): string {
  return sha256Hex(code.toLowerCase().replace(/[\s-]/g, ''));
}

/** A strong generated password: 18 random bytes as 24 base64url characters (144 bits). */
export function newPassword(): string {
  return randomBytes(18).toString('base64url');
}
