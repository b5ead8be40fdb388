import { renderToString } from 'preact-render-to-string';
import type { EmailContent, JournalistEmailTemplates } from '../../ports/email-templates.js';
import { dateFormatters } from '../i18n/format.js';
import { translator } from '../i18n/messages.js';
import { Email, EMAIL_STYLE } from './email-layout.js';

const S = {
  ...EMAIL_STYLE,
  embargo: 'padding:8px 12px;background:#fef3c7;border-left:4px solid #b45309;font-weight:bold',
  para: 'white-space:pre-wrap',
};

const html = (view: preact.VNode) => `<!doctype html>${renderToString(view)}`;

/**
 * The emails to journalists (#14), as JSX with a plain-text part, in the journalist's language:
 * the embargoed release ("Embargoed until <date time, zone>" in subject and body, the text, their
 * own preview link) and the notices when its embargo is lifted, moved, postponed or withdrawn.
 */
export function makeJournalistEmailTemplates(deps: { siteName: string; timeZone: string }): JournalistEmailTemplates {
  const site = deps.siteName;
  return {
    embargoed({ language, item, embargoUntil, previewUrl, recipientName }): EmailContent {
      const t = translator(language);
      const time = dateFormatters(language, deps.timeZone).long(embargoUntil);
      const subject = t('emailEmbargoSubject', { time, title: item.title });
      const notice = t('emailEmbargoNotice', { time });
      const paragraphs = item.bodyText.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
      const meta = `${item.boardName[language]}${item.department ? ` · ${item.department}` : ''}`;
      return {
        subject,
        text: [notice, '', t('emailEmbargoGreeting', { name: recipientName }), t('emailEmbargoIntro'), '', item.title, ...item.subtitle.map((s) => `- ${s}`), meta, '', ...paragraphs.flatMap((p) => [p, '']), `${t('emailEmbargoPreview')}: ${previewUrl}`, '', notice].join('\n'),
        html: html(
          <Email lang={language} title={subject} site={site}>
            <p style={S.embargo}>{notice}</p>
            <p>{t('emailEmbargoGreeting', { name: recipientName })}</p>
            <p>{t('emailEmbargoIntro')}</p>
            <h1>{item.title}</h1>
            {item.subtitle.length > 0 && (
              <ul>
                {item.subtitle.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ul>
            )}
            <p style={S.small}>{meta}</p>
            {paragraphs.map((p, i) => (
              <p key={i} style={S.para}>
                {p}
              </p>
            ))}
            <p>
              <a href={previewUrl} style={S.button}>
                {t('emailEmbargoPreview')}
              </a>
            </p>
            <p style={S.embargo}>{notice}</p>
          </Email>,
        ),
      };
    },
    embargoNotice({ language, title, change, publicUrl }): EmailContent {
      const t = translator(language);
      const fmt = dateFormatters(language, deps.timeZone);
      const [subject, body] =
        change.kind === 'lifted'
          ? [t('emailEmbargoLiftedSubject', { title }), t('emailEmbargoLiftedBody', { title, time: fmt.long(change.at) })]
          : change.kind === 'moved'
            ? [t('emailEmbargoMovedSubject', { title, time: fmt.long(change.to) }), t('emailEmbargoMovedBody', { title, time: fmt.long(change.to) })]
            : change.kind === 'postponed'
              ? [t('emailEmbargoPostponedSubject', { title }), t('emailEmbargoPostponedBody', { title })]
              : [t('emailEmbargoWithdrawnSubject', { title }), t('emailEmbargoWithdrawnBody', { title })];
      return {
        subject,
        text: [body, ...(publicUrl ? ['', `${t('emailEmbargoPublicLink')}: ${publicUrl}`] : [])].join('\n'),
        html: html(
          <Email lang={language} title={subject} site={site}>
            <p style={change.kind === 'lifted' ? undefined : S.embargo}>{body}</p>
            {publicUrl && (
              <p>
                <a href={publicUrl}>{t('emailEmbargoPublicLink')}</a>
              </p>
            )}
          </Email>,
        ),
      };
    },
  };
}
