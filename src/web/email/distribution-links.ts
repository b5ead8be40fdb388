import type { DistributionLinks } from '../../ports/email-templates.js';
import { urls } from '../urls.js';

/** The absolute links emails carry, built from the site's base URL and the one URL scheme. */
export function makeDistributionLinks(baseUrl: string): DistributionLinks {
  const base = baseUrl.replace(/\/$/, '');
  return {
    confirm: (lang, token) => `${base}${urls.subscriptionConfirm(lang, token)}`,
    manage: (lang, token) => `${base}${urls.subscriptionManage(lang, token)}`,
    unsubscribe: (lang, token) => `${base}${urls.unsubscribe(lang, token)}`,
    release: (lang, slug, number) => `${base}${urls.release(lang, slug, number)}`,
    messageIdHost: new URL(base).hostname || 'pressroom.invalid',
  };
}
