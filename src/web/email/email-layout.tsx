import type { ComponentChildren } from 'preact';
import type { Language } from '../../domain/language.js';

/** Inline styles shared by every email (mail clients ignore style sheets). */
export const EMAIL_STYLE = {
  body: 'margin:0;padding:0;background:#f3f4f6;font-family:-apple-system,"Segoe UI","Malgun Gothic","Apple SD Gothic Neo",sans-serif;color:#1f2937',
  box: 'max-width:640px;margin:0 auto;padding:24px;background:#ffffff',
  button: 'display:inline-block;padding:10px 16px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px',
  small: 'font-size:13px;color:#4b5563',
};

/** The frame of every email: the site's name, the content, and an optional footer under a rule. */
export function Email(props: { lang: Language; title: string; site: string; footer?: ComponentChildren; children: ComponentChildren }) {
  const S = EMAIL_STYLE;
  return (
    <html lang={props.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
      </head>
      <body style={S.body}>
        <div style={S.box}>
          <p style={S.small}>{props.site}</p>
          {props.children}
          {props.footer && <hr />}
          {props.footer}
        </div>
      </body>
    </html>
  );
}
