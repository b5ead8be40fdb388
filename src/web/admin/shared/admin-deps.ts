import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler, RouteShorthandOptions } from 'fastify';
import type { Role } from '../../../domain/user.js';
import type { Clock } from '../../../ports/clock.js';

/**
 * What admin routes need from the composition root and the auth side. `S` names the few use cases
 * and reads a route file calls (each declares its own); every admin page also reads the clock.
 * src/main hands the composed system over, and the compiler checks it offers them.
 */
export interface AdminWebDeps<S = unknown> {
  system: S & { clock: Clock };
  /** Refuses a request without a signed-in staff member of at least `minRole`; sets `request.staff`. */
  requireStaff: (minRole: Role) => preHandlerAsyncHookHandler;
  /** @fastify/csrf-protection's `app.csrfProtection`. */
  csrfProtection: (request: FastifyRequest, reply: FastifyReply, done: () => void) => void;
  siteName: string;
  timeZone: string;
  /** PRESSROOM_BASE_URL: links handed out (preview links) start here, never with the request's Host. */
  baseUrl: string;
  /** Largest upload accepted, per file; 50 MB unless set. */
  uploadMaxBytes?: number;
  /** Mirrors the system's self-approval policy, so the Approve button shows when allowed. */
  allowSelfApproval?: boolean;
}

export { DEFAULT_UPLOAD_MAX_BYTES } from '../../../app/upload-checks.js';

/** Every admin route declares its permission; reading needs a signed-in viewer at least. */
export function canRead(deps: AdminWebDeps, minRole: Role = 'viewer'): RouteShorthandOptions {
  return { preHandler: [deps.requireStaff(minRole)] };
}

/** Every admin POST declares its permission and checks the CSRF token. */
export function canWrite(deps: AdminWebDeps, minRole: Role): RouteShorthandOptions {
  return { preHandler: [deps.requireStaff(minRole), deps.csrfProtection] };
}
