import type { Kysely } from 'kysely';
import { makeAuthenticate, makeCompleteSignIn } from '../app/accounts/authenticate.js';
import { makeChangePassword } from '../app/accounts/change-password.js';
import { makeCreateUser } from '../app/accounts/create-user.js';
import { makeDisableUser } from '../app/accounts/disable-user.js';
import { makeEnableUser } from '../app/accounts/enable-user.js';
import { makeListUsers } from '../app/accounts/list-users.js';
import { makeLoginThrottle } from '../app/accounts/login-throttle.js';
import { DEFAULT_SCRYPT, makePasswordHasher, type ScryptParams } from '../app/accounts/password-hashing.js';
import { makeResolveSession } from '../app/accounts/resolve-session.js';
import { makeSetPassword } from '../app/accounts/set-password.js';
import { makeSetRole } from '../app/accounts/set-role.js';
import { makeSignOut } from '../app/accounts/sign-out.js';
import { makeTotp } from '../app/accounts/totp.js';
import { makeAcceptInvitation } from '../app/accounts/accept-invitation.js';
import { makeInviteStaff } from '../app/accounts/invite-staff.js';
import { makeListStaff } from '../app/accounts/list-staff.js';
import { makeResetTotp } from '../app/accounts/reset-totp.js';
import { makeRevokeInvitation } from '../app/accounts/revoke-invitation.js';
import { makeStaffInvitationRepo } from '../adapters/db/staff-invitation.repo.js';
import type { InvitationsUnitOfWork } from '../ports/staff-invitation-repo.js';
import { makeAuditLog } from '../adapters/db/audit-log.js';
import { makeLoginThrottleStore } from '../adapters/db/login-throttle.repo.js';
import type { Database } from '../adapters/db/schema.js';
import type { AccountsDatabase } from '../adapters/db/schema-accounts.js';
import { makeSessionRepo } from '../adapters/db/session.repo.js';
import { makeUserRepo } from '../adapters/db/user.repo.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { AccountsUnitOfWork } from '../ports/user-repo.js';

export interface AccountsOptions {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditLog;
  /** Two-factor sign-in is mandatory for every staff account. */
  requireTotp: boolean;
  /** The name authenticator apps show next to the code. */
  issuer?: string;
  /** Tests pass a cheap cost; stored hashes keep their own parameters either way. */
  passwordHashing?: ScryptParams;
}

/** Builds the staff-account repositories and commands on the given database. */
export function composeAccounts(options: AccountsOptions) {
  const db: Kysely<AccountsDatabase> = options.db;
  const { clock, audit, requireTotp } = options;
  const users = makeUserRepo(db);
  const sessions = makeSessionRepo(db);
  const throttle = makeLoginThrottle({ store: makeLoginThrottleStore(db) });
  const hasher = makePasswordHasher(options.passwordHashing ?? DEFAULT_SCRYPT);
  const repos = (trx: Kysely<AccountsDatabase>) => ({ users: makeUserRepo(trx), sessions: makeSessionRepo(trx), audit: makeAuditLog(trx as Kysely<Database>), invitations: makeStaffInvitationRepo(trx) });
  // Inside a transaction already (the demo seed), the change joins it.
  const uow: AccountsUnitOfWork & InvitationsUnitOfWork = {
    run: (work) => (db.isTransaction ? work(repos(db)) : db.transaction().execute((trx) => work(repos(trx)))),
  };
  const invitations = makeStaffInvitationRepo(db);
  const listUsers = makeListUsers({ users, hasher });

  return {
    requireTotp,
    users,
    sessions,
    createUser: makeCreateUser({ uow, clock, hasher }),
    authenticate: makeAuthenticate({ users, sessions, throttle, audit, clock, hasher, requireTotp }),
    completeSignIn: makeCompleteSignIn({ users, sessions, throttle, audit, clock }),
    resolveSession: makeResolveSession({ users, sessions, clock, requireTotp }),
    signOut: makeSignOut({ users, sessions, audit, clock }),
    changePassword: makeChangePassword({ uow, users, throttle, clock, hasher }),
    setPassword: makeSetPassword({ uow, users, clock, hasher }),
    listUsers,
    /** Offboarding: disable (sessions and API tokens stop at once), enable, change role; audited. */
    disableUser: makeDisableUser({ uow, clock }),
    enableUser: makeEnableUser({ uow, clock }),
    setRole: makeSetRole({ uow, clock }),
    /** Staff management in the admin (#16): invitations by one-time link, the staff list, two-factor reset. */
    inviteStaff: makeInviteStaff({ uow, clock }),
    revokeInvitation: makeRevokeInvitation({ uow, clock }),
    acceptInvitation: makeAcceptInvitation({ uow, invitations, clock, hasher, requireTotp }),
    listStaff: makeListStaff({ listUsers, audit, invitations, clock }),
    resetTotp: makeResetTotp({ uow, clock }),
    totp: makeTotp({ uow, users, clock, hasher, issuer: options.issuer ?? 'Pressroom', requireTotp }),
  };
}
export type Accounts = ReturnType<typeof composeAccounts>;
