import { createHash } from 'node:crypto';
import type { Language } from '../../domain/language.js';
import type { Licence } from '../../domain/licence.js';
import type { BoardRepo } from '../../ports/board-repo.js';
import { compressBody } from '../cache/encoding.js';
import { dateFormatters } from '../i18n/format.js';
import { translator } from '../i18n/messages.js';
import type { PageContext, SiteInfo } from '../views/page-context.js';
import { siteCss } from '../views/site-css.js';
import type { FaviconAsset } from './favicon.js';

export const cssAsset = (() => {
  const body = Buffer.from(siteCss, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  // Compressed once at start-up; served by coding (system.route.ts).
  return { body, href: `/assets/site-${hash}.css`, etag: `"${hash}"`, encoded: compressBody(body, 'text/css') };
})();

/** The ministry's settings as configured (config.ts `site`); everything optional but the licence. */
export interface SiteSettings {
  contact?: SiteInfo['contact'];
  licence?: Licence;
  privacyUrl?: string | null;
  accessibilityUrl?: string | null;
}

/** The footer and head details every page shows, with the defaults filled in. */
export function siteInfo(settings: SiteSettings, favicon: FaviconAsset): SiteInfo {
  return {
    contact: settings.contact ?? { address: null, phone: null, email: null },
    licence: settings.licence ?? 'kogl-1',
    privacyUrl: settings.privacyUrl ?? null,
    accessibilityUrl: settings.accessibilityUrl ?? null,
    favicon: { href: favicon.href, type: favicon.contentType },
  };
}

/** Builds the per-language context every public view renders with. */
export function makeSiteContext(deps: { boards: BoardRepo; siteName: string; baseUrl: string; timeZone: string; demo: boolean; site: SiteInfo }) {
  const fixed = {
    ko: { t: translator('ko'), fmt: dateFormatters('ko', deps.timeZone) },
    en: { t: translator('en'), fmt: dateFormatters('en', deps.timeZone) },
  };
  return async function contextFor(lang: Language): Promise<PageContext> {
    return {
      siteName: deps.siteName,
      baseUrl: deps.baseUrl,
      lang,
      ...fixed[lang],
      boards: await deps.boards.list(),
      demo: deps.demo,
      cssHref: cssAsset.href,
      site: deps.site,
    };
  };
}
export type SiteContext = ReturnType<typeof makeSiteContext>;
