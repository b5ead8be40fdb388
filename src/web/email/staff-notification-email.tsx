import { renderToString } from 'preact-render-to-string';
import type { NotificationDetails, NotificationKind, StaffNotificationEmail } from '../../ports/staff-notifications.js';
import type { MessageKey } from '../i18n/messages.js';
import { translator, type Translate } from '../i18n/messages.js';

const S = {
  body: 'margin:0;padding:0;background:#f3f4f6;font-family:-apple-system,"Segoe UI","Malgun Gothic","Apple SD Gothic Neo",sans-serif;color:#1f2937',
  box: 'max-width:640px;margin:0 auto;padding:24px;background:#ffffff',
  small: 'font-size:13px;color:#4b5563',
};

/** A notification's sentence in one language (the dashboard uses it too). */
export function notificationText(t: Translate, kind: NotificationKind, details: NotificationDetails): string {
  return t(`notif_${kind.replace(/\./g, '_')}` as MessageKey, { actor: details.actor, title: details.title });
}

/**
 * The staff notification email: Korean, then English (staff choose their UI language per browser,
 * so both are given), HTML from JSX plus the same words as plain text, and the link to the release.
 */
export function makeStaffNotificationEmail(deps: { siteName: string }): StaffNotificationEmail {
  return ({ kind, details, releaseUrl, accountUrl }) => {
    const langs = [translator('ko'), translator('en')];
    const lines = (t: Translate) => [notificationText(t, kind, details), ...(details.comment ? [t('notifComment', { comment: details.comment })] : [])];
    const subject = `[${deps.siteName}] ${notificationText(langs[0]!, kind, details)}`;
    const text = [...langs.flatMap((t) => [...lines(t), ...(releaseUrl ? [`${t('emailStaffOpen')}: ${releaseUrl}`] : []), '']), '--', ...langs.map((t) => t('emailStaffWhy', { url: accountUrl }))].join('\n');
    const html = `<!doctype html>${renderToString(
      <html lang="ko">
        <head>
          <meta charSet="utf-8" />
          <title>{subject}</title>
        </head>
        <body style={S.body}>
          <div style={S.box}>
            <p style={S.small}>{deps.siteName}</p>
            {langs.map((t) => (
              <div lang={t.language} key={t.language}>
                {lines(t).map((l) => (
                  <p key={l}>{l}</p>
                ))}
                {releaseUrl && (
                  <p>
                    <a href={releaseUrl}>{t('emailStaffOpen')}</a>
                  </p>
                )}
              </div>
            ))}
            <hr />
            {langs.map((t) => (
              <p style={S.small} key={t.language}>
                {t('emailStaffWhy', { url: accountUrl })}
              </p>
            ))}
          </div>
        </body>
      </html>,
    )}`;
    return { subject, text, html };
  };
}
