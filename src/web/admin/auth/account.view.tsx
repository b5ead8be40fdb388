import type { FieldIssue } from '../../../domain/errors.js';
import { ACCOUNT_LIMITS } from '../../../domain/user.js';
import { AdminLayout, CsrfField, ErrorSummary, Field, type AdminPageContext } from './admin-layout.view.js';

export function PasswordView(props: { ctx: AdminPageContext; errors: FieldIssue[]; changed: boolean }) {
  const { ctx, errors } = props;
  return (
    <AdminLayout ctx={ctx} title="Change your password" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} fallbackField="currentPassword" />
      {props.changed && (
        <div class="success-notice" role="status">
          <p>Your password has been changed. You have been signed out everywhere else.</p>
        </div>
      )}
      <h1>Change your password</h1>
      <form class="admin-form" method="post" action="/admin/account/password" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Field id="currentPassword" label="Current password" type="password" autocomplete="current-password" errors={errors} maxLength={ACCOUNT_LIMITS.passwordMaxChars} />
        <Field
          id="newPassword"
          label="New password"
          type="password"
          autocomplete="new-password"
          hint={`At least ${ACCOUNT_LIMITS.passwordMinChars} characters. A few unrelated words make a strong password.`}
          errors={errors}
          maxLength={ACCOUNT_LIMITS.passwordMaxChars}
        />
        <Field id="confirmPassword" label="Confirm new password" type="password" autocomplete="new-password" errors={errors} maxLength={ACCOUNT_LIMITS.passwordMaxChars} />
        <button type="submit">Change password</button>
      </form>
    </AdminLayout>
  );
}

/** The secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

export function TwoFactorSetupView(props: { ctx: AdminPageContext; secret: string; uri: string; required: boolean; errors: FieldIssue[] }) {
  const { ctx, errors } = props;
  return (
    <AdminLayout ctx={ctx} title="Set up two-factor sign-in" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} fallbackField="code" />
      <h1>Set up two-factor sign-in</h1>
      {props.required && <p class="notice">Two-factor sign-in is required on this site. Set it up to continue.</p>}
      <ol>
        <li>
          <p>Open an authenticator app on your phone and add an account by entering this key:</p>
          <p class="secret" id="totp-secret">
            {grouped(props.secret)}
          </p>
          <p>
            Or paste this setup link into the app: <code class="secret">{props.uri}</code>
          </p>
        </li>
        <li>
          <p>Enter the 6-digit code the app shows.</p>
        </li>
      </ol>
      <form class="admin-form" method="post" action="/admin/account/two-factor" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="action" value="enable" />
        <Field id="code" label="Code from the app" type="text" inputMode="numeric" autocomplete="one-time-code" className="code" maxLength={7} errors={errors} />
        <button type="submit">Turn on two-factor sign-in</button>
      </form>
    </AdminLayout>
  );
}

export function TwoFactorStatusView(props: { ctx: AdminPageContext; unusedRecoveryCodes: number; mandatory: boolean; errors: FieldIssue[]; notice: string | null }) {
  const { ctx, errors } = props;
  return (
    <AdminLayout ctx={ctx} title="Two-factor sign-in" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} fallbackField="password" />
      {props.notice && (
        <div class="success-notice" role="status">
          <p>{props.notice}</p>
        </div>
      )}
      <h1>Two-factor sign-in</h1>
      <p>Two-factor sign-in is on. You have {props.unusedRecoveryCodes} unused recovery codes.</p>
      {props.mandatory ? (
        <p>Two-factor sign-in is required on this site and cannot be turned off.</p>
      ) : (
        <form class="admin-form" method="post" action="/admin/account/two-factor" novalidate>
          <h2>Turn off two-factor sign-in</h2>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="action" value="disable" />
          <Field id="password" label="Your password" type="password" autocomplete="current-password" errors={errors} maxLength={ACCOUNT_LIMITS.passwordMaxChars} />
          <button type="submit" class="button-secondary">
            Turn off two-factor sign-in
          </button>
        </form>
      )}
    </AdminLayout>
  );
}

export function RecoveryCodesView(props: { ctx: AdminPageContext; codes: string[]; continuePath: string }) {
  return (
    <AdminLayout ctx={props.ctx} title="Save your recovery codes">
      <div class="success-notice" role="status">
        <p>Two-factor sign-in is now on.</p>
      </div>
      <h1>Save your recovery codes</h1>
      <p>
        If you lose your phone, each of these codes signs you in once instead of a code from the app. Print them or keep them somewhere safe.{' '}
        <strong>They will not be shown again.</strong>
      </p>
      <ul class="recovery-codes" aria-label="Recovery codes">
        {props.codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <p>
        <a class="button" href={props.continuePath}>
          I have saved my codes, continue
        </a>
      </p>
    </AdminLayout>
  );
}
