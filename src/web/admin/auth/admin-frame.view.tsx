import type { ComponentChildren } from 'preact';
import type { FieldIssue } from '../../../domain/errors.js';
import type { Language } from '../../../domain/language.js';
import { issueText } from '../../i18n/issue-messages.js';
import type { Translate } from '../../i18n/messages.js';
import { switchLanguageHref } from '../../views/layout.view.js';
import { cssAsset } from '../../public/site-context.js';
import { adminCssAsset } from '../admin-css.js';

/** What every admin page knows: the site, and the signed-in person when there is one. */
export interface AdminPageContext {
  siteName: string;
  csrfToken: string;
  staff: { name: string; email: string } | null;
  /** The UI language (cookie from the switcher, else Accept-Language) and its translator. */
  lang: Language;
  t: Translate;
  /** This page's path, so the language switcher comes back to it. */
  path?: string;
}

/** The admin page frame (skip link, language switch, account links, stylesheets); the editorial pages add their navigation around it in shared/admin-layout.view.tsx. */
export function AdminFrame(props: { ctx: AdminPageContext; title: string; hasErrors?: boolean; children: ComponentChildren }) {
  const { ctx } = props;
  const { t } = ctx;
  const other: Language = ctx.lang === 'ko' ? 'en' : 'ko';
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.hasErrors ? t('adminErrorPrefix') : ''}${props.title} | ${t('adminSiteName', { site: ctx.siteName })}`}</title>
        <link rel="stylesheet" href={cssAsset.href} />
        <link rel="stylesheet" href={adminCssAsset.href} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header class="admin-header">
          <div class="wrap">
            <span class="site-name">{t('adminSiteName', { site: ctx.siteName })}</span>
            <nav class="lang-switch" aria-label={t('languageSwitcher')}>
              <span aria-current="true" lang={ctx.lang}>
                {t('languageName')}
              </span>
              <a href={switchLanguageHref(other, ctx.path ?? '/admin')} lang={other} hrefLang={other}>
                {t('otherLanguage')}
              </a>
            </nav>
            {ctx.staff && (
              <nav aria-label={t('adminAccountNav')}>
                <ul class="admin-nav">
                  <li>
                    {t('adminSignedInAs')} <strong>{ctx.staff.name}</strong>
                  </li>
                  <li>
                    <a href="/admin/account/password">{t('adminPassword')}</a>
                  </li>
                  <li>
                    <a href="/admin/account/two-factor">{t('adminTwoFactor')}</a>
                  </li>
                  <li>
                    <a href="/admin/account/notifications">{t('adminNotificationsSettings')}</a>
                  </li>
                  <li>
                    <form method="post" action="/admin/logout">
                      <CsrfField token={ctx.csrfToken} />
                      <button type="submit">{t('adminSignOut')}</button>
                    </form>
                  </li>
                </ul>
              </nav>
            )}
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {props.children}
        </main>
      </body>
    </html>
  );
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** Every problem at the top of the page, each linking to its field (GOV.UK error summary pattern). */
export function ErrorSummary(props: { errors: FieldIssue[]; fallbackField: string; t: Translate }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{props.t('adminThereIsAProblem')}</h2>
      <ul>
        {props.errors.map((e, i) => (
          <li key={i}>
            <a href={`#${e.field ?? props.fallbackField}`}>{issueText(e, props.t)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled input with its hint and its own error messages, linked for screen readers. */
export function Field(props: {
  id: string;
  label: string;
  type: 'text' | 'email' | 'password';
  errors: FieldIssue[];
  value?: string;
  hint?: string;
  autocomplete?: string;
  inputMode?: 'numeric' | 'text';
  className?: string;
  maxLength?: number;
  t: Translate;
}) {
  const own = props.errors.filter((e) => e.field === props.id);
  const describedBy = [props.hint ? `${props.id}-hint` : null, own.length > 0 ? `${props.id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={own.length > 0 ? 'form-group form-group-error' : 'form-group'}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      {own.length > 0 && (
        <p class="field-error" id={`${props.id}-error`}>
          <span class="visually-hidden">{props.t('adminErrorPrefix')}</span>
          {own.map((e) => issueText(e, props.t)).join(' ')}
        </p>
      )}
      <input
        id={props.id}
        name={props.id}
        type={props.type}
        value={props.type === 'password' ? undefined : props.value}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        class={props.className}
        maxLength={props.maxLength}
        aria-describedby={describedBy}
        aria-invalid={own.length > 0 ? 'true' : undefined}
        spellcheck={false}
      />
    </div>
  );
}
