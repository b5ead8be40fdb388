import type { StaffListing } from '../../../app/accounts/list-staff.js';
import type { FieldIssue } from '../../../domain/errors.js';
import type { AdminContext } from '../shared/admin-context.js';
import { AdminLayout, CsrfField } from '../shared/admin-layout.view.js';
import { ErrorSummary, FieldErrors } from '../shared/error-summary.view.js';
import { formatDateTime } from '../shared/format.js';
import { RoleSelect, StaffNoticeBox, type StaffNotice } from './staff.view.js';

/** GET /admin/staff/:id: one account, with its role, access and two-factor forms; administrators only. */
export function StaffMemberView(props: { ctx: AdminContext; member: StaffListing; issues: FieldIssue[]; done?: StaffNotice }) {
  const { ctx, member: m, issues } = props;
  const { t } = ctx;
  const when = (d: Date | null) => (d ? <time datetime={d.toISOString()}>{formatDateTime(d, ctx.timeZone, ctx.lang)}</time> : t('adminStaffNeverSignedIn'));
  const base = `/admin/staff/${m.id}`;
  return (
    <AdminLayout ctx={ctx} title={`${m.name} | ${t('adminStaffTitle')}`} hasErrors={issues.length > 0}>
      <ErrorSummary issues={issues} title={t('adminStaffActionFailed')} t={t} />
      <StaffNoticeBox ctx={ctx} done={props.done} />
      <p>
        <a href="/admin/staff">{t('adminStaffBackToList')}</a>
      </p>
      <h1>{m.name}</h1>
      <h2>{t('adminStaffDetails')}</h2>
      <dl class="release-meta">
        <div>
          <dt>{t('adminStaffColEmail')}</dt>
          <dd>{m.email}</dd>
        </div>
        <div>
          <dt>{t('adminStaffColRole')}</dt>
          <dd>{t(`adminRole_${m.role}`)}</dd>
        </div>
        <div>
          <dt>{t('adminStaffColStatus')}</dt>
          <dd>{m.disabledAt ? t('adminStaffDisabled') : m.hasPassword ? t('adminStaffActive') : t('adminStaffNoPassword')}</dd>
        </div>
        <div>
          <dt>{t('adminStaffColTwoFactor')}</dt>
          <dd>{m.hasTotp ? t('adminStaffTwoFactorOn') : t('adminStaffTwoFactorOff')}</dd>
        </div>
        <div>
          <dt>{t('adminStaffColLastSignIn')}</dt>
          <dd>{when(m.lastSignInAt)}</dd>
        </div>
        <div>
          <dt>{t('adminStaffCreated')}</dt>
          <dd>{when(m.createdAt)}</dd>
        </div>
      </dl>

      <h2 id="role">{t('adminStaffChangeRole')}</h2>
      <form method="post" action={`${base}/role`} class="admin-form" novalidate>
        <CsrfField ctx={ctx} />
        <div class="form-group">
          <label for="field-role">{t('adminStaffNewRole')}</label>
          <span class="hint" id="field-role-hint">
            {t('adminStaffRoleHint')}
          </span>
          <FieldErrors issues={issues} id="field-role" t={t} />
          <RoleSelect ctx={ctx} id="field-role" value={m.role} issues={issues} hint={true} />
        </div>
        <div class="form-buttons">
          <button type="submit">{t('adminStaffChangeRoleButton')}</button>
        </div>
      </form>

      <h2 id="access">{t('adminStaffAccess')}</h2>
      {m.disabledAt ? (
        <form method="post" action={`${base}/enable`} class="admin-form">
          <CsrfField ctx={ctx} />
          <p class="hint">{t('adminStaffEnableHint')}</p>
          <button type="submit">{t('adminStaffEnable')}</button>
        </form>
      ) : (
        <form method="post" action={`${base}/disable`} class="admin-form">
          <CsrfField ctx={ctx} />
          <p class="hint">{t('adminStaffDisableHint')}</p>
          <button type="submit" class="button-danger">
            {t('adminStaffDisable')}
          </button>
        </form>
      )}

      <h2 id="two-factor">{t('adminStaffResetTitle')}</h2>
      {m.hasTotp ? (
        <form method="post" action={`${base}/reset-two-factor`} class="admin-form">
          <CsrfField ctx={ctx} />
          <p class="hint">{t('adminStaffResetHint')}</p>
          <button type="submit" class="button-danger">
            {t('adminStaffReset')}
          </button>
        </form>
      ) : (
        <p>{t('adminStaffResetNone')}</p>
      )}
    </AdminLayout>
  );
}
