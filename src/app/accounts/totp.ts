import { InvalidStateError, NotFoundError, ValidationError } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import type { AccountsUnitOfWork, UserRepo } from '../../ports/user-repo.js';
import type { ClientInfo } from './authenticate.js';
import type { PasswordHasher } from './password-hashing.js';
import { hashRecoveryCode, newRecoveryCodes } from './secrets.js';
import { startSession } from './start-session.js';
import { newTotpSecret, normaliseCode, totpStepOf, totpUri } from './totp-codes.js';

export interface TotpStatus {
  enabled: boolean;
  enabledAt: Date | null;
  unusedRecoveryCodes: number;
}

/**
 * Two-factor sign-in with an authenticator app: setup shows a secret, a code from the app confirms
 * it, and ten one-use recovery codes are shown once and stored only as hashes.
 */
export function makeTotp(deps: { uow: AccountsUnitOfWork; users: UserRepo; clock: Clock; hasher: PasswordHasher; issuer: string; requireTotp: boolean }) {
  async function userOf(userId: number) {
    const user = await deps.users.byId(userId);
    const credentials = user ? await deps.users.credentials(userId) : null;
    if (!user || !credentials) throw new NotFoundError(`No user ${userId}`);
    return { user, credentials };
  }

  return {
    async status(userId: number): Promise<TotpStatus> {
      const { user } = await userOf(userId);
      return { enabled: user.hasTotp, enabledAt: user.totpEnabledAt, unusedRecoveryCodes: user.hasTotp ? await deps.users.unusedRecoveryCodes(userId) : 0 };
    },

    /** The secret to enter in the app. The same one is shown until it is confirmed, so reloading the page is safe. */
    async beginSetup(userId: number): Promise<{ secret: string; uri: string }> {
      const { user, credentials } = await userOf(userId);
      if (user.hasTotp) throw new InvalidStateError('Two-factor sign-in is already on', [{ code: 'totp_already_enabled', message: 'Two-factor sign-in is already on' }]);
      let secret = credentials.totpPendingSecret;
      if (!secret) {
        secret = newTotpSecret();
        await deps.users.setPendingTotpSecret(userId, secret, deps.clock.now());
      }
      return { secret, uri: totpUri({ issuer: deps.issuer, label: user.email, secret }) };
    },

    /**
     * Turns two-factor sign-in on when the code matches the shown secret. Returns the recovery codes
     * (the only time they exist in clear) and a new session token: the session is renewed and, if it
     * was waiting for this setup, becomes a full one.
     */
    async confirm(input: { userId: number; sessionId: number; code: string } & ClientInfo): Promise<{ recoveryCodes: string[]; token: string }> {
      const { user, credentials } = await userOf(input.userId);
      if (user.hasTotp) throw new InvalidStateError('Two-factor sign-in is already on', [{ code: 'totp_already_enabled', message: 'Two-factor sign-in is already on' }]);
      const now = deps.clock.now();
      const step = credentials.totpPendingSecret ? totpStepOf(credentials.totpPendingSecret, normaliseCode(input.code), now) : null;
      if (!credentials.totpPendingSecret || step === null) {
        throw new ValidationError('The code does not match', [{ code: 'wrong_code', message: 'The code is not right. Enter the 6-digit code your app shows now.', field: 'code' }]);
      }
      const secret = credentials.totpPendingSecret;
      const recoveryCodes = newRecoveryCodes();
      const token = await deps.uow.run(async (tx) => {
        // The confirming code proves the app holds the secret; it is not a sign-in, so its time step is
        // not claimed: signing in straight after, the code the app still shows is accepted (#16).
        // Sign-ins claim their steps, so no code signs in twice.
        await tx.users.enableTotp(user.id, secret, recoveryCodes.map(hashRecoveryCode), now);
        await tx.sessions.delete(input.sessionId);
        const started = await startSession(tx.sessions, { userId: user.id, stage: 'full', at: now, ip: input.ip, userAgent: input.userAgent });
        await tx.audit.record({
          at: now,
          actor: { userId: user.id, label: user.email, ip: input.ip },
          action: 'user.totp_enabled',
          subjectType: 'user',
          subjectId: String(user.id),
          details: { recoveryCodes: recoveryCodes.length },
        });
        return started.token;
      });
      return { recoveryCodes, token };
    },

    /** Turns two-factor sign-in off after checking the password; refused while it is mandatory. */
    async disable(input: { userId: number; password: string; ip: string | null }): Promise<void> {
      const { user, credentials } = await userOf(input.userId);
      if (deps.requireTotp) throw new InvalidStateError('Two-factor sign-in is mandatory', [{ code: 'totp_mandatory', message: 'Two-factor sign-in is mandatory on this site and cannot be turned off' }]);
      if (!user.hasTotp) return;
      if (!(await deps.hasher.verify(input.password, credentials.passwordHash))) {
        throw new ValidationError('The password is not right', [{ code: 'wrong_password', message: 'Your password is not right', field: 'password' }]);
      }
      const now = deps.clock.now();
      await deps.uow.run(async (tx) => {
        await tx.users.disableTotp(user.id, now);
        await tx.audit.record({ at: now, actor: { userId: user.id, label: user.email, ip: input.ip }, action: 'user.totp_disabled', subjectType: 'user', subjectId: String(user.id), details: {} });
      });
    },
  };
}
export type Totp = ReturnType<typeof makeTotp>;
