import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderPage } from '../../render/page.js';

/** Sends a staff page: never cached anywhere, since it shows unpublished work and a CSRF token. */
export function sendAdminPage(reply: FastifyReply, view: VNode, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(renderPage(view));
}

/** After a successful POST: back to a page with a short notice (Post/Redirect/Get). */
export function redirectDone(reply: FastifyReply, path: string, done: string) {
  const sep = path.includes('?') ? '&' : '?';
  return reply.redirect(`${path}${sep}done=${encodeURIComponent(done)}`, 303);
}

/**
 * Spread on an element whose text is data (a person's name, recorded details), not UI text:
 * `translate="no"`, so browsers' page translation leaves it alone and the Korean-page check skips it.
 * (Preact types `translate` as a boolean, but the attribute takes yes/no.)
 */
export const DATA_TEXT = { translate: 'no' } as unknown as { translate?: boolean };
