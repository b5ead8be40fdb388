import { renderToString } from 'preact-render-to-string';
import type { AlertItem } from '../../ports/distribution.js';
import type { CriteriaLabel, EmailContent, EmailTemplates } from '../../ports/email-templates.js';
import { dateFormatters } from '../i18n/format.js';
import { translator, type Translate } from '../i18n/messages.js';
import { describeCriteria, FREQUENCY_LABEL } from './describe-criteria.js';
import { Email, EMAIL_STYLE as S } from './email-layout.js';

function Footer(props: { t: Translate; criteria: string; manageUrl: string; unsubscribeUrl: string }) {
  return (
    <div style={S.small}>
      <p>{props.t('emailWhy', { criteria: props.criteria })}</p>
      <p>
        <a href={props.manageUrl}>{props.t('emailManage')}</a> · <a href={props.unsubscribeUrl}>{props.t('emailUnsubscribe')}</a>
      </p>
    </div>
  );
}

const html = (view: preact.VNode) => `<!doctype html>${renderToString(view)}`;
const textFooter = (t: Translate, criteria: string, manageUrl: string, unsubscribeUrl: string) => ['', '--', t('emailWhy', { criteria }), `${t('emailManage')}: ${manageUrl}`, `${t('emailUnsubscribe')}: ${unsubscribeUrl}`];

/**
 * The emails as JSX (the same view stack as the pages), each with a plain-text part carrying the
 * same words and links, in the subscriber's language. Styles are inline: mail clients drop
 * stylesheets. Subjects are plain text; the mail adapter encodes non-ASCII ones (RFC 2047).
 */
export function makeEmailTemplates(deps: { siteName: string; timeZone: string }): EmailTemplates {
  const site = deps.siteName;
  const alertTitle = (t: Translate, item: AlertItem) => (item.changeNote ? t('emailAlertCorrected', { title: item.title }) : item.title);
  function itemText(t: Translate, item: AlertItem, releaseUrl: string): string[] {
    const fmt = dateFormatters(t.language, deps.timeZone);
    return [alertTitle(t, item), ...item.subtitle.map((s) => `- ${s}`), `${item.boardName[t.language]} · ${item.department ? `${item.department} · ` : ''}${fmt.long(item.publicAt)}`, ...(item.changeNote ? [t('emailChangeNote', { note: item.changeNote })] : []), `${t('emailReadRelease')}: ${releaseUrl}`];
  }
  function ItemHtml(props: { t: Translate; item: AlertItem; releaseUrl: string; heading: 'h1' | 'h2' }) {
    const { t, item } = props;
    const fmt = dateFormatters(t.language, deps.timeZone);
    const H = props.heading;
    return (
      <div>
        <H>
          <a href={props.releaseUrl}>{alertTitle(t, item)}</a>
        </H>
        {item.subtitle.length > 0 && (
          <ul>
            {item.subtitle.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        )}
        <p style={S.small}>
          {item.boardName[t.language]} · {item.department ? `${item.department} · ` : ''}
          {fmt.long(item.publicAt)}
        </p>
        {item.changeNote && <p>{t('emailChangeNote', { note: item.changeNote })}</p>}
      </div>
    );
  }
  return {
    confirm({ language, criteria, frequency, confirmUrl, expiresAt }): EmailContent {
      const t = translator(language);
      const subject = t('emailConfirmSubject', { site });
      const what = describeCriteria(t, criteria);
      const expiry = t('emailConfirmExpiry', { time: dateFormatters(language, deps.timeZone).long(expiresAt) });
      return {
        subject,
        text: [t('emailConfirmIntro', { site }), '', `${t('emailSubscribedTo')}: ${what}`, `${t('emailHowOften')}: ${t(FREQUENCY_LABEL[frequency])}`, '', `${t('emailConfirmAction')}: ${confirmUrl}`, '', expiry].join('\n'),
        html: html(
          <Email lang={language} title={subject} site={site}>
            <p>{t('emailConfirmIntro', { site })}</p>
            <p>
              {t('emailSubscribedTo')}: {what}
              <br />
              {t('emailHowOften')}: {t(FREQUENCY_LABEL[frequency])}
            </p>
            <p>
              <a href={confirmUrl} style={S.button}>
                {t('emailConfirmAction')}
              </a>
            </p>
            <p style={S.small}>{expiry}</p>
          </Email>,
        ),
      };
    },
    alreadySubscribed({ language, criteria, manageUrl }): EmailContent {
      const t = translator(language);
      const subject = t('emailAlreadySubject', { site });
      const what = describeCriteria(t, criteria);
      return {
        subject,
        text: [t('emailAlreadyBody'), '', `${t('emailSubscribedTo')}: ${what}`, '', `${t('emailManage')}: ${manageUrl}`].join('\n'),
        html: html(
          <Email lang={language} title={subject} site={site}>
            <p>{t('emailAlreadyBody')}</p>
            <p>
              {t('emailSubscribedTo')}: {what}
            </p>
            <p>
              <a href={manageUrl}>{t('emailManage')}</a>
            </p>
          </Email>,
        ),
      };
    },
    alert({ language, item, releaseUrl, criteria, manageUrl, unsubscribeUrl }): EmailContent {
      const t = translator(language);
      const what = describeCriteria(t, criteria);
      const subject = alertTitle(t, item);
      return {
        subject,
        text: [...itemText(t, item, releaseUrl), ...textFooter(t, what, manageUrl, unsubscribeUrl)].join('\n'),
        html: html(
          <Email lang={language} title={subject} site={site} footer={<Footer t={t} criteria={what} manageUrl={manageUrl} unsubscribeUrl={unsubscribeUrl} />}>
            <ItemHtml t={t} item={item} releaseUrl={releaseUrl} heading="h1" />
            <p>
              <a href={releaseUrl} style={S.button}>
                {t('emailReadRelease')}
              </a>
            </p>
          </Email>,
        ),
      };
    },
    digest({ language, items, criteria, manageUrl, unsubscribeUrl }): EmailContent {
      const t = translator(language);
      const what = describeCriteria(t, criteria);
      const subject = t('emailDigestSubject', { site, count: items.length });
      return {
        subject,
        text: [t('emailDigestIntro'), ...items.flatMap((i) => ['', ...itemText(t, i.item, i.releaseUrl)]), ...textFooter(t, what, manageUrl, unsubscribeUrl)].join('\n'),
        html: html(
          <Email lang={language} title={subject} site={site} footer={<Footer t={t} criteria={what} manageUrl={manageUrl} unsubscribeUrl={unsubscribeUrl} />}>
            <p>{t('emailDigestIntro')}</p>
            {items.map((i) => (
              <ItemHtml key={`${i.item.releaseId}:${i.item.editionId}`} t={t} item={i.item} releaseUrl={i.releaseUrl} heading="h2" />
            ))}
          </Email>,
        ),
      };
    },
  };
}

export type { CriteriaLabel };
