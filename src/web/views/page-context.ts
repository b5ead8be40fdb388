import type { Board } from '../../domain/board.js';
import type { Language } from '../../domain/language.js';
import type { Licence } from '../../domain/licence.js';
import type { DateFormatters } from '../i18n/format.js';
import type { Translate } from '../i18n/messages.js';

/** The ministry's own details for the footer, structured data and the head (#17). */
export interface SiteInfo {
  contact: { address: string | null; phone: string | null; email: string | null };
  licence: Licence;
  /** An external privacy statement; null: the built-in page (/{lang}/privacy). */
  privacyUrl: string | null;
  /** An external accessibility statement; null: the built-in page (/{lang}/accessibility). */
  accessibilityUrl: string | null;
  favicon: { href: string; type: string };
}

/** What every view needs to know about the site and the request's language. */
export interface PageContext {
  siteName: string;
  baseUrl: string;
  lang: Language;
  t: Translate;
  fmt: DateFormatters;
  boards: Board[];
  demo: boolean;
  cssHref: string;
  site: SiteInfo;
}
