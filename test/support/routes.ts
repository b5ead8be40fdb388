import type { FastifyInstance } from 'fastify';

export interface ListedRoute {
  method: string;
  /** The route's path as registered, parameters included (`/admin/releases/:id`). */
  url: string;
}

/**
 * Every route the app serves, read from Fastify's own route tree (after `ready`, so routes of
 * plugins registered late are there too): one entry per method, HEAD and OPTIONS left out.
 */
export async function listRoutes(app: FastifyInstance): Promise<ListedRoute[]> {
  await app.ready();
  const stack: string[] = [];
  const routes: ListedRoute[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const marker = line.indexOf('── ');
    if (marker < 0) continue;
    const depth = Math.round((marker - 1) / 4);
    const m = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(marker + 3))!;
    stack.length = depth;
    stack.push(m[1]!);
    const url = stack.join('');
    for (const method of (m[2] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push({ method, url });
    }
  }
  return routes;
}

/** Every query parameter and form field name the app reads (views' `name=` attributes and route schemas). */
export const PARAMETER_NAMES = [
  'q', 'page', 'next', 'to', 'from', 'board', 'sort', 'language', 'lang', 'state', 'mine', 'cursor', 'limit', 'since', 'until', 'tag',
  'department', 'done', 'changed', 'disabled', 'signed_out', 'expired', 'action', 'subjectType', 'subjectId', 'before', 'other', 'number',
  'email', 'password', 'code', 'currentPassword', 'newPassword', 'confirmPassword', 'boardSlug', 'title', 'subtitle', 'bodyMarkdown',
  'contactName', 'contactPhone', 'contactEmail', 'tags', 'embargoUntil', 'intent', 'lockVersion', 'scheduledAt', 'comment', 'reason',
  'changeNote', 'isMinorChange', 'recipient', 'caption', 'credit', 'altText', 'direction', 'needed', 'back', 'authoritative', 'name',
  'ownerEmail', 'scopes', 'expiresAt', 'description', 'files',
];

/** The names the app reads from query strings (a subset of PARAMETER_NAMES), which the fuzz repeats most. */
export const QUERY_NAMES = [
  'q', 'page', 'next', 'to', 'from', 'board', 'sort', 'language', 'state', 'mine', 'cursor', 'limit', 'since', 'until', 'tag', 'department',
  'done', 'changed', 'disabled', 'signed_out', 'expired', 'action', 'subjectType', 'subjectId', 'before', 'other', 'number', '_csrf',
];

/** Two different values per name: a repeated parameter, as `?q=a&q=b` or a form with two `email` fields. */
export function twice(names: readonly string[], first: (name: string) => string, second: (name: string) => string): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of names) params.append(name, first(name));
  for (const name of names) params.append(name, second(name));
  return params;
}
