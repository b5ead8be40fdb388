import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/** TOTP per RFC 6238 (SHA-1, 6 digits, 30 s), as every authenticator app expects; via otplib. */
export const TOTP_PERIOD_S = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app reads (typed in or pasted; no QR library needed). */
export function totpUri(input: { issuer: string; label: string; secret: string }): string {
  return generateURI({ issuer: input.issuer, label: input.label, secret: input.secret });
}

/**
 * The time step a code belongs to when it is valid now (one step of clock drift either way is
 * accepted), or null. Callers record the step so the same code cannot be used twice.
 */
export function totpStepOf(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: TOTP_PERIOD_S });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The current code of a secret; for tests and the CLI, never sent to a browser. */
export function totpCodeAt(secret: string, at: Date): string {
  return generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** "123 456" and "123456" are the same code. */
export function normaliseCode(code: string): string {
  return code.replace(/\s/g, '');
}
