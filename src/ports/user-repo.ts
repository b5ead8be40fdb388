import type { Role, User } from '../domain/user.js';
import type { AuditLog } from './audit-log.js';
import type { SessionRepo } from './session-repo.js';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: Date;
}

/** A user's stored secrets, read only by the commands that check them. */
export interface UserCredentials {
  passwordHash: string;
  totpSecret: string | null;
  /** The secret shown during setup, kept until a code from it confirms it. */
  totpPendingSecret: string | null;
  /** The last TOTP time step accepted, so a code cannot be used twice. */
  totpLastStep: number | null;
}

/** Staff accounts and their two-factor secrets and recovery codes. */
export interface UserRepo {
  /** Returns null when the email address is already taken. */
  create(input: NewUser): Promise<User | null>;
  byId(id: number): Promise<User | null>;
  /** By normalised email address. */
  byEmail(email: string): Promise<User | null>;
  /** Every account, by id (staff lists are short: tens, not thousands). */
  list(): Promise<User[]>;
  credentials(id: number): Promise<UserCredentials | null>;
  setPassword(id: number, passwordHash: string, at: Date): Promise<void>;
  /** Disables the account (`disabledAt` a time) or enables it again (null). */
  setDisabled(id: number, disabledAt: Date | null, at: Date): Promise<void>;
  setRole(id: number, role: Role, at: Date): Promise<void>;
  /** Administrators who are not disabled: the last one may not be disabled or demoted. */
  countActiveAdmins(): Promise<number>;
  setPendingTotpSecret(id: number, secret: string | null, at: Date): Promise<void>;
  /** Makes the secret live, clears the pending one and replaces the recovery codes. */
  enableTotp(id: number, secret: string, recoveryCodeHashes: string[], at: Date): Promise<void>;
  /** Removes the secret and every recovery code. */
  disableTotp(id: number, at: Date): Promise<void>;
  /**
   * Records a TOTP time step as used; false when this or a later step was already used (a replayed
   * code). Atomic, so two requests with one code cannot both pass.
   */
  claimTotpStep(id: number, step: number): Promise<boolean>;
  /** Marks an unused recovery code as used; false when there is no such unused code. Atomic. */
  useRecoveryCode(userId: number, codeHash: string, at: Date): Promise<boolean>;
  unusedRecoveryCodes(userId: number): Promise<number>;
}

/** The repositories one accounts transaction sees (see AccountsUnitOfWork). */
export interface AccountsTx {
  users: UserRepo;
  sessions: SessionRepo;
  /** Audit entries written in the same transaction as the change they describe. */
  audit: AuditLog;
}

/** Runs an accounts change (password, two-factor) in one transaction, passed explicitly. */
export interface AccountsUnitOfWork {
  run<T>(work: (tx: AccountsTx) => Promise<T>): Promise<T>;
}
