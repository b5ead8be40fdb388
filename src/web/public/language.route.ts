import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../domain/language.js';
import { redirectTarget } from '../redirect-target.js';
import { preferredLanguage } from './system.route.js';

/** The cookie that remembers a reader's (or staff member's) chosen language. */
export const LANGUAGE_COOKIE = 'pressroom_lang';
const ONE_YEAR_S = 365 * 24 * 3600;

const switchQuery = z.object({
  to: z.enum(LANGUAGES),
  // Checked by the one redirect-target rule below; anything it refuses goes to the language's home.
  next: z.string().optional().catch(undefined),
});

/** The language remembered in the cookie, if any. */
export function rememberedLanguage(request: FastifyRequest): Language | null {
  const value = request.cookies?.[LANGUAGE_COOKIE];
  return value === 'ko' || value === 'en' ? value : null;
}

/** The language for a request with no language in its URL: the remembered choice, else Accept-Language. */
export function negotiatedLanguage(request: FastifyRequest): Language {
  return rememberedLanguage(request) ?? preferredLanguage(request.headers['accept-language']);
}

/**
 * GET /language?to=en&next=/en/...: the language switcher on every page. Remembers the choice in a
 * cookie (so `/` and the admin open in it next time) and continues to the page in that language.
 * A plain link and a redirect: it works without JavaScript.
 */
export function registerLanguageRoutes(app: FastifyInstance): void {
  app.get('/language', async (request, reply) => {
    const parsed = switchQuery.safeParse(request.query ?? {});
    if (!parsed.success) return reply.callNotFound();
    const { to, next } = parsed.data;
    reply.header('Cache-Control', 'no-store').header('X-Robots-Tag', 'noindex');
    reply.setCookie(LANGUAGE_COOKIE, to, { path: '/', maxAge: ONE_YEAR_S, sameSite: 'lax', httpOnly: true, secure: request.protocol === 'https' });
    return reply.redirect(redirectTarget(next, `/${to}/`), 303);
  });
}
