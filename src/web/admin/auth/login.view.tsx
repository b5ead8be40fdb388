import type { FieldIssue } from '../../../domain/errors.js';
import { ACCOUNT_LIMITS } from '../../../domain/user.js';
import { AdminLayout, CsrfField, ErrorSummary, Field, type AdminPageContext } from './admin-layout.view.js';

/** Hidden `next` field: where to go after signing in. */
function NextField(props: { next: string | null }) {
  return props.next ? <input type="hidden" name="next" value={props.next} /> : null;
}

export function LoginView(props: { ctx: AdminPageContext; next: string | null; email: string; errors: FieldIssue[]; notice?: string | null }) {
  const { ctx, errors } = props;
  return (
    <AdminLayout ctx={ctx} title="Sign in" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} fallbackField="email" />
      {props.notice && (
        <div class="success-notice" role="status">
          <p>{props.notice}</p>
        </div>
      )}
      <h1>Sign in</h1>
      <form class="admin-form" method="post" action="/admin/login" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <NextField next={props.next} />
        <Field id="email" label="Email address" type="email" autocomplete="username" value={props.email} errors={errors} maxLength={ACCOUNT_LIMITS.emailMaxChars} />
        <Field id="password" label="Password" type="password" autocomplete="current-password" errors={errors} maxLength={ACCOUNT_LIMITS.passwordMaxChars} />
        <button type="submit">Sign in</button>
      </form>
    </AdminLayout>
  );
}

export function SecondFactorView(props: { ctx: AdminPageContext; next: string | null; errors: FieldIssue[] }) {
  const { ctx, errors } = props;
  return (
    <AdminLayout ctx={ctx} title="Enter your sign-in code" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} fallbackField="code" />
      <h1>Enter your sign-in code</h1>
      <form class="admin-form" method="post" action="/admin/login/two-factor" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <NextField next={props.next} />
        <Field
          id="code"
          label="Code"
          type="text"
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
          autocomplete="one-time-code"
          className="code"
          maxLength={20}
          errors={errors}
        />
        <button type="submit">Continue</button>
      </form>
      <p>
        <a href="/admin/login">Start again with your password</a>
      </p>
    </AdminLayout>
  );
}
