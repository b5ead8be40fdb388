import { LICENCE_URLS } from '../../domain/licence.js';
import type { MessageKey } from '../i18n/messages.js';
import { urls } from '../urls.js';
import type { PageContext } from './page-context.js';

/**
 * What a ministry's footer carries (#17): its contact, the reuse licence of the content, and links to
 * the privacy and accessibility statements (configured URLs, or the built-in pages).
 */
export function SiteFooter(props: { ctx: PageContext }) {
  const { ctx } = props;
  const { contact, licence, privacyUrl, accessibilityUrl } = ctx.site;
  const licenceUrl = LICENCE_URLS[licence];
  const hasContact = contact.address || contact.phone || contact.email;
  return (
    <div class="footer-details">
      {hasContact && (
        <address class="footer-contact">
          <span class="visually-hidden">{ctx.t('footerContact')}: </span>
          {contact.address && <span>{contact.address}</span>}
          {contact.phone && <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a>}
          {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
        </address>
      )}
      <p class="licence">
        {ctx.t(`licence_${licence.replaceAll('-', '_')}` as MessageKey)}{' '}
        {licenceUrl && (
          <a href={licenceUrl} rel="license">
            {ctx.t('licenceLink')}
          </a>
        )}{' '}
        {ctx.t('photoLicenceNote')}
      </p>
      <nav aria-label={ctx.t('footerPolicies')}>
        <ul class="footer-links">
          <li>
            <a href={privacyUrl ?? urls.statement(ctx.lang, 'privacy')}>{ctx.t('privacyStatement')}</a>
          </li>
          <li>
            <a href={accessibilityUrl ?? urls.statement(ctx.lang, 'accessibility')}>{ctx.t('accessibilityStatement')}</a>
          </li>
        </ul>
      </nav>
    </div>
  );
}
