import type { FieldIssue } from './errors.js';
import { roleMayTake, type WorkflowAction } from './workflow.js';
import type { Role } from './user.js';

/**
 * What an API token may be used for. A token acts as its owner, so a request must be allowed by
 * BOTH the owner's role (workflow.ts) and one of the token's scopes: a scope never adds a right
 * the role lacks, it only narrows what the token can do.
 */
export const API_SCOPES = ['drafts:write', 'workflow:submit', 'workflow:approve', 'workflow:publish', 'workflow:withdraw'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** The workflow actions each scope allows (share_preview is not offered through the API). */
export const SCOPE_ACTIONS: Record<ApiScope, readonly WorkflowAction[]> = {
  'drafts:write': ['edit', 'correct'],
  'workflow:submit': ['submit', 'recall'],
  'workflow:approve': ['approve', 'reject', 'revise', 'assign_reviewer'],
  'workflow:publish': ['schedule', 'unschedule', 'publish'],
  'workflow:withdraw': ['withdraw'],
};

/** One line per scope, for the admin page and the API documentation. */
export const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  'drafts:write': 'Create releases as drafts, edit drafts, start corrections',
  'workflow:submit': 'Send drafts for review',
  'workflow:approve': 'Approve editions in review, or send them back with a comment',
  'workflow:publish': 'Publish, schedule and unschedule approved editions',
  'workflow:withdraw': 'Withdraw published releases with a public reason',
};

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** The scope that allows an action through the API, or null when no scope does. */
export function scopeFor(action: WorkflowAction): ApiScope | null {
  return API_SCOPES.find((scope) => SCOPE_ACTIONS[scope].includes(action)) ?? null;
}

/** Why a token with these scopes may not take the action (empty when a scope allows it). */
export function scopeRefusals(action: WorkflowAction, scopes: readonly ApiScope[]): FieldIssue[] {
  const needed = scopeFor(action);
  if (needed && scopes.includes(needed)) return [];
  const message = needed ? `The token lacks the "${needed}" scope` : `No API scope allows "${action.replace('_', ' ')}"`;
  return [{ code: 'scope_missing', message }];
}

/** Scopes the role could never use: granting them would be a token that always fails. */
export function scopesBeyondRole(scopes: readonly ApiScope[], role: Role): ApiScope[] {
  return scopes.filter((scope) => !SCOPE_ACTIONS[scope].some((action) => roleMayTake(action, role)));
}
