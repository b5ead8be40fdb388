import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../../domain/language.js';
import type { Clock } from '../../../ports/clock.js';
import { translator, type Translate } from '../../i18n/messages.js';
import { negotiatedLanguage } from '../../public/language.route.js';
import type { User } from '../../../domain/user.js';
import { staffOf } from './staff.js';

/** What every admin view renders with. */
export interface AdminContext {
  siteName: string;
  timeZone: string;
  user: User;
  /** Token for the hidden `_csrf` field of every form on the page. */
  csrfToken: string;
  /** The request path, to mark the current navigation item. */
  path: string;
  now: Date;
  /** The staff member's UI language: the switcher's cookie, else Accept-Language. */
  lang: Language;
  t: Translate;
}

export interface AdminContextDeps {
  /** The page's "now". */
  system: { clock: Clock };
  siteName: string;
  timeZone: string;
}

export async function adminContext(request: FastifyRequest, reply: FastifyReply, deps: AdminContextDeps): Promise<AdminContext> {
  return {
    siteName: deps.siteName,
    timeZone: deps.timeZone,
    user: staffOf(request),
    csrfToken: await reply.generateCsrf({ secure: request.protocol === 'https' }),
    path: request.url.split('?')[0] ?? '/admin',
    now: deps.system.clock.now(),
    lang: negotiatedLanguage(request),
    t: translator(negotiatedLanguage(request)),
  };
}
