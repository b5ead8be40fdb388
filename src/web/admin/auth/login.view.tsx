import type { FieldIssue } from '../../../domain/errors.js';
import { ACCOUNT_LIMITS } from '../../../domain/user.js';
import { AdminFrame, CsrfField, ErrorSummary, Field, type AdminPageContext } from './admin-frame.view.js';

/** Hidden `next` field: where to go after signing in. */
function NextField(props: { next: string | null }) {
  return props.next ? <input type="hidden" name="next" value={props.next} /> : null;
}

export function LoginView(props: { ctx: AdminPageContext; next: string | null; email: string; errors: FieldIssue[]; notice?: string | null }) {
  const { ctx, errors } = props;
  const { t } = ctx;
  return (
    <AdminFrame ctx={ctx} title={t('adminSignIn')} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} fallbackField="email" t={t} />
      {props.notice && (
        <div class="success-notice" role="status">
          <p>{props.notice}</p>
        </div>
      )}
      <h1>{t('adminSignIn')}</h1>
      <form class="admin-form" method="post" action="/admin/login" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <NextField next={props.next} />
        <Field id="email" label={t('adminEmail')} type="email" autocomplete="username" value={props.email} errors={errors} maxLength={ACCOUNT_LIMITS.emailMaxChars} t={t} />
        <Field id="password" label={t('adminPassword')} type="password" autocomplete="current-password" errors={errors} maxLength={ACCOUNT_LIMITS.passwordMaxChars} t={t} />
        <button type="submit">{t('adminSignIn')}</button>
      </form>
    </AdminFrame>
  );
}

export function SecondFactorView(props: { ctx: AdminPageContext; next: string | null; errors: FieldIssue[] }) {
  const { ctx, errors } = props;
  const { t } = ctx;
  return (
    <AdminFrame ctx={ctx} title={t('adminCodeTitle')} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} fallbackField="code" t={t} />
      <h1>{t('adminCodeTitle')}</h1>
      <form class="admin-form" method="post" action="/admin/login/two-factor" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <NextField next={props.next} />
        <Field id="code" label={t('adminCode')} type="text" hint={t('adminCodeHint')} autocomplete="one-time-code" className="code" maxLength={20} errors={errors} t={t} />
        <button type="submit">{t('adminContinue')}</button>
      </form>
      <p>
        <a href="/admin/login">{t('adminStartAgain')}</a>
      </p>
    </AdminFrame>
  );
}
