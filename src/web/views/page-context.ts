import type { Board } from '../../domain/board.js';
import type { Language } from '../../domain/language.js';
import type { DateFormatters } from '../i18n/format.js';
import type { Translate } from '../i18n/messages.js';

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
}
