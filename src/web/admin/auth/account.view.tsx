import type { FieldIssue } from '../../../domain/errors.js';
import { ACCOUNT_LIMITS } from '../../../domain/user.js';
import type { Translate } from '../../i18n/messages.js';
import { AdminFrame, CsrfField, ErrorSummary, Field, type AdminPageContext } from './admin-frame.view.js';

export function PasswordView(props: { ctx: AdminPageContext; errors: FieldIssue[]; changed: boolean }) {
  const { ctx, errors } = props;
  const { t } = ctx;
  return (
    <AdminFrame ctx={ctx} title={t('adminChangePasswordTitle')} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} fallbackField="currentPassword" t={t} />
      {props.changed && (
        <div class="success-notice" role="status">
          <p>{t('adminPasswordChanged')}</p>
        </div>
      )}
      <h1>{t('adminChangePasswordTitle')}</h1>
      <form class="admin-form" method="post" action="/admin/account/password" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Field id="currentPassword" label={t('adminCurrentPassword')} type="password" autocomplete="current-password" errors={errors} maxLength={ACCOUNT_LIMITS.passwordMaxChars} t={t} />
        <NewPasswordFields label={t('adminNewPassword')} confirmLabel={t('adminConfirmPassword')} errors={errors} t={t} />
        <button type="submit">{t('adminChangePasswordButton')}</button>
      </form>
    </AdminFrame>
  );
}

/** The secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Two-factor setup: the QR code (an inline SVG made on the server, no outside service) beside the
 * key to type and the otpauth link, then the code to confirm them.
 */
export function TwoFactorSetupView(props: { ctx: AdminPageContext; secret: string; uri: string; qrSvg: string; required: boolean; errors: FieldIssue[] }) {
  const { ctx, errors } = props;
  const { t } = ctx;
  return (
    <AdminFrame ctx={ctx} title={t('adminTotpSetupTitle')} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} fallbackField="code" t={t} />
      <h1>{t('adminTotpSetupTitle')}</h1>
      {props.required && <p class="notice">{t('adminTotpRequiredSetup')}</p>}
      <ol>
        <li>
          <div class="totp-setup">
            <div>
              <p>{t('adminTotpScan')}</p>
              <div class="totp-qr" id="totp-qr" role="img" aria-label={t('adminTotpQrLabel')} dangerouslySetInnerHTML={{ __html: props.qrSvg }} />
            </div>
            <div>
              <p>{t('adminTotpOrKey')}</p>
              <p class="secret" id="totp-secret">
                {grouped(props.secret)}
              </p>
            </div>
          </div>
          <p>
            {t('adminTotpOrLink')} <code class="secret">{props.uri}</code>
          </p>
        </li>
        <li>
          <p>{t('adminTotpStep2')}</p>
        </li>
      </ol>
      <form class="admin-form" method="post" action="/admin/account/two-factor" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="action" value="enable" />
        <Field id="code" label={t('adminTotpCodeFromApp')} type="text" inputMode="numeric" autocomplete="one-time-code" className="code" maxLength={7} errors={errors} t={t} />
        <button type="submit">{t('adminTotpTurnOn')}</button>
      </form>
    </AdminFrame>
  );
}

export function TwoFactorStatusView(props: { ctx: AdminPageContext; unusedRecoveryCodes: number; mandatory: boolean; errors: FieldIssue[]; notice: string | null }) {
  const { ctx, errors } = props;
  const { t } = ctx;
  return (
    <AdminFrame ctx={ctx} title={t('adminTwoFactor')} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} fallbackField="password" t={t} />
      {props.notice && (
        <div class="success-notice" role="status">
          <p>{props.notice}</p>
        </div>
      )}
      <h1>{t('adminTwoFactor')}</h1>
      <p>{t('adminTotpIsOn', { count: props.unusedRecoveryCodes })}</p>
      {props.mandatory ? (
        <p>{t('adminTotpMandatory')}</p>
      ) : (
        <form class="admin-form" method="post" action="/admin/account/two-factor" novalidate>
          <h2>{t('adminTotpTurnOff')}</h2>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="action" value="disable" />
          <Field id="password" label={t('adminYourPassword')} type="password" autocomplete="current-password" errors={errors} maxLength={ACCOUNT_LIMITS.passwordMaxChars} t={t} />
          <button type="submit" class="button-secondary">
            {t('adminTotpTurnOff')}
          </button>
        </form>
      )}
    </AdminFrame>
  );
}

export function RecoveryCodesView(props: { ctx: AdminPageContext; codes: string[]; continuePath: string }) {
  const { t } = props.ctx;
  return (
    <AdminFrame ctx={props.ctx} title={t('adminRecoveryTitle')}>
      <div class="success-notice" role="status">
        <p>{t('adminTotpNowOn')}</p>
      </div>
      <h1>{t('adminRecoveryTitle')}</h1>
      <p>
        {t('adminRecoveryBody')} <strong>{t('adminRecoveryOnce')}</strong>
      </p>
      <ul class="recovery-codes" aria-label={t('adminRecoveryCodes')}>
        {props.codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <p>
        <a class="button" href={props.continuePath}>
          {t('adminRecoverySaved')}
        </a>
      </p>
    </AdminFrame>
  );
}

/** A new password and its confirmation, with the password rules as the hint (change password, accept an invitation). */
export function NewPasswordFields(props: { label: string; confirmLabel: string; errors: FieldIssue[]; t: Translate }) {
  const { errors, t } = props;
  return (
    <>
      <Field
        id="newPassword"
        label={props.label}
        type="password"
        autocomplete="new-password"
        hint={t('adminNewPasswordHint', { min: ACCOUNT_LIMITS.passwordMinChars })}
        errors={errors}
        maxLength={ACCOUNT_LIMITS.passwordMaxChars}
        t={t}
      />
      <Field id="confirmPassword" label={props.confirmLabel} type="password" autocomplete="new-password" errors={errors} maxLength={ACCOUNT_LIMITS.passwordMaxChars} t={t} />
    </>
  );
}
