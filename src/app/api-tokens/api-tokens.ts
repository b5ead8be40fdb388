import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { API_SCOPES, isApiScope, scopesBeyondRole } from '../../domain/api-scopes.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError, type FieldIssue } from '../../domain/errors.js';
import { normaliseEmail, type User } from '../../domain/user.js';
import type { ApiToken, ApiTokenListing, ApiTokenRepo, ApiTokenUnitOfWork } from '../../ports/api-token-repo.js';
import type { Actor, AuditLog } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { UserRepo } from '../../ports/user-repo.js';
import { sha256Hex } from '../accounts/secrets.js';
import type { StaffActor } from '../workflow/actor.js';

export const API_TOKEN_PREFIX = 'prt_';
/** "prt_" and 32 random bytes as base64url (256 bits): a SHA-256 of it is a sufficient stored form. */
const TOKEN_FORMAT = /^prt_[A-Za-z0-9_-]{43}$/;
/** How much of the secret the list shows, to tell tokens apart. */
const HINT_CHARS = 10;
/** The last-use time is written at most this often per token, not on every request. */
export const API_TOKEN_TOUCH_EVERY_MS = 60_000;

export const newApiTokenSchema = z.object({
  name: z.string().trim().min(1, 'Name the token, for example after the system that will use it').max(120, 'A token name has at most 120 characters'),
  ownerEmail: z.string().trim().min(1, 'Enter the email address of the staff member the token acts as').max(254),
  scopes: z.array(z.enum(API_SCOPES)).min(1, 'Choose at least one scope'),
  expiresAt: z.date().nullable().default(null),
});
export type NewApiTokenInput = z.input<typeof newApiTokenSchema>;

/** Who is calling the API: the token and the staff member it acts as, with their current role. */
export interface ApiPrincipal {
  token: ApiToken;
  owner: User;
  /** The actor every command is called with: the owner, labelled with the token. */
  actor: StaffActor;
}

/** Why a presented token was refused, as written to the audit log. */
export type ApiTokenFailure = 'malformed' | 'unknown' | 'revoked' | 'expired' | 'owner_disabled';

const FAILURE_MESSAGES: Record<ApiTokenFailure | 'missing', string> = {
  missing: 'Send an API token: Authorization: Bearer <token>',
  malformed: 'The API token is not valid',
  unknown: 'The API token is not valid',
  revoked: 'The API token has been revoked',
  expired: 'The API token has expired',
  owner_disabled: "The API token's owner can no longer sign in",
};

function refuseAdminOnly(actor: StaffActor): void {
  if (actor.role !== 'admin') throw new ForbiddenError('Only administrators manage API tokens', [{ code: 'role_not_allowed', message: 'Only administrators manage API tokens' }]);
}

const auditActor = (actor: StaffActor): Actor => ({ userId: actor.userId, label: actor.label, ip: actor.ip });

/**
 * API tokens: created by administrators for a staff member, scoped, optionally expiring, revocable.
 * The secret is returned once at creation and only its SHA-256 is stored. Creation, revocation and
 * every refused use are audited.
 */
export function makeApiTokens(deps: { uow: ApiTokenUnitOfWork; tokens: ApiTokenRepo; users: UserRepo; audit: AuditLog; clock: Clock }) {
  async function fail(reason: ApiTokenFailure, ip: string | null, token: ApiToken | null): Promise<never> {
    await deps.audit.record({
      at: deps.clock.now(),
      actor: { userId: null, label: token ? `api-token:${token.id}` : 'api-token:unknown', ip },
      action: 'api_token.use_failed',
      subjectType: 'api_token',
      subjectId: token ? String(token.id) : null,
      details: { reason },
    });
    throw new UnauthenticatedError(FAILURE_MESSAGES[reason], [{ code: reason, message: FAILURE_MESSAGES[reason] }]);
  }

  return {
    /** Creates a token; the secret is returned once and cannot be shown again. Every problem is reported at once. */
    async create(input: NewApiTokenInput, actor: StaffActor): Promise<{ token: ApiToken; secret: string }> {
      refuseAdminOnly(actor);
      const parsed = newApiTokenSchema.safeParse(input);
      const issues: FieldIssue[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ code: i.code, message: i.message, field: i.path.join('.') || undefined }));
      const ownerEmail = typeof input.ownerEmail === 'string' ? input.ownerEmail.trim() : '';
      const scopes = (Array.isArray(input.scopes) ? input.scopes : []).filter(isApiScope);
      const now = deps.clock.now();
      return deps.uow.run(async (tx) => {
        const owner = ownerEmail === '' ? null : await tx.users.byEmail(normaliseEmail(ownerEmail));
        if (ownerEmail !== '' && !owner) issues.push({ code: 'owner_unknown', message: 'There is no staff member with this email address', field: 'ownerEmail' });
        else if (owner?.disabledAt) issues.push({ code: 'owner_disabled', message: 'This staff account is disabled', field: 'ownerEmail' });
        else if (owner) {
          for (const scope of scopesBeyondRole(scopes, owner.role)) {
            issues.push({ code: 'scope_beyond_role', message: `A ${owner.role} cannot use the "${scope}" scope`, field: 'scopes' });
          }
        }
        if (input.expiresAt && input.expiresAt <= now) issues.push({ code: 'expiry_in_past', message: 'The expiry must be in the future', field: 'expiresAt' });
        if (!parsed.success || issues.length > 0 || !owner) throw new ValidationError('The token cannot be created', issues);
        const data = parsed.data;
        const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
        const token = await tx.tokens.create({
          name: data.name,
          ownerId: owner.id,
          tokenHash: sha256Hex(secret),
          tokenHint: secret.slice(0, HINT_CHARS),
          scopes: API_SCOPES.filter((s) => data.scopes.includes(s)),
          createdBy: actor.userId,
          createdAt: now,
          expiresAt: data.expiresAt,
        });
        await tx.audit.record({
          at: now,
          actor: auditActor(actor),
          action: 'api_token.created',
          subjectType: 'api_token',
          subjectId: String(token.id),
          details: { name: token.name, owner: owner.email, scopes: token.scopes, expiresAt: token.expiresAt?.toISOString() ?? null },
        });
        return { token, secret };
      });
    },

    /** Revokes a token at once; revoking a revoked token changes nothing and is not audited again. */
    async revoke(id: number, actor: StaffActor): Promise<void> {
      refuseAdminOnly(actor);
      const now = deps.clock.now();
      await deps.uow.run(async (tx) => {
        const token = await tx.tokens.get(id);
        if (!token) throw new NotFoundError(`No API token ${id}`);
        if (!(await tx.tokens.revoke(id, now, actor.userId))) return;
        await tx.audit.record({ at: now, actor: auditActor(actor), action: 'api_token.revoked', subjectType: 'api_token', subjectId: String(id), details: { name: token.name } });
      });
    },

    list(): Promise<ApiTokenListing[]> {
      return deps.tokens.list();
    },

    /**
     * The principal behind a presented secret (null: no credentials sent). Refusals are
     * UnauthenticatedError and, except for a missing token, are audited as `api_token.use_failed`.
     */
    async authenticate(secret: string | null, ip: string | null): Promise<ApiPrincipal> {
      if (secret === null) throw new UnauthenticatedError(FAILURE_MESSAGES.missing, [{ code: 'missing', message: FAILURE_MESSAGES.missing }]);
      if (!TOKEN_FORMAT.test(secret)) return fail('malformed', ip, null);
      const token = await deps.tokens.byTokenHash(sha256Hex(secret));
      if (!token) return fail('unknown', ip, null);
      const now = deps.clock.now();
      if (token.revokedAt) return fail('revoked', ip, token);
      if (token.expiresAt && token.expiresAt <= now) return fail('expired', ip, token);
      const owner = await deps.users.byId(token.ownerId);
      if (!owner || owner.disabledAt) return fail('owner_disabled', ip, token);
      if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= API_TOKEN_TOUCH_EVERY_MS) {
        await deps.tokens.recordUse(token.id, now);
        token.lastUsedAt = now;
      }
      return { token, owner, actor: { userId: owner.id, label: `${owner.email} (API token ${token.id})`, ip, role: owner.role } };
    },

    /** Records a refused use by a valid token (a scope or role the request needed). */
    async recordRefusal(principal: ApiPrincipal, action: string, subject: { type: string; id: string | null }, issues: FieldIssue[]): Promise<void> {
      await deps.audit.record({
        at: deps.clock.now(),
        actor: auditActor(principal.actor),
        action: 'api_token.use_failed',
        subjectType: subject.type,
        subjectId: subject.id,
        details: { reason: 'forbidden', token: principal.token.id, action, codes: issues.map((i) => i.code) },
      });
    },
  };
}
export type ApiTokens = ReturnType<typeof makeApiTokens>;
