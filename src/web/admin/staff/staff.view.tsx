import type { StaffListing } from '../../../app/accounts/list-staff.js';
import type { FieldIssue } from '../../../domain/errors.js';
import { INVITATION_LIMITS, type StaffInvitation } from '../../../domain/staff-invitation.js';
import { ACCOUNT_LIMITS, ROLES, type Role } from '../../../domain/user.js';
import type { AdminContext } from '../shared/admin-context.js';
import { AdminLayout, CsrfField, DangerButtonForm } from '../shared/admin-layout.view.js';
import { ErrorSummary, FieldErrors } from '../shared/error-summary.view.js';
import { formatDateTime } from '../shared/format.js';
import { AdminTableHead } from '../shared/admin-table-head.view.js';

/** What the admin typed into the invite form, kept so a refused form comes back as sent. */
export interface InviteFormValues {
  name: string;
  email: string;
  role: string;
}

export const emptyInvite: InviteFormValues = { name: '', email: '', role: 'writer' };

/** The notices a staff change ends with (Post/Redirect/Get). */
export const STAFF_NOTICES = ['revoked', 'role', 'disabled', 'enabled', 'totp_reset', 'unchanged'] as const;
export type StaffNotice = (typeof STAFF_NOTICES)[number];

export interface StaffPageProps {
  ctx: AdminContext;
  staff: StaffListing[];
  invitations: StaffInvitation[];
  values: InviteFormValues;
  issues: FieldIssue[];
  /** Just created: the only time the link is ever shown. */
  invited?: { name: string; email: string; url: string; expiresAt: Date };
  done?: StaffNotice;
}

const hours = INVITATION_LIMITS.validForMs / 3600_000;

/** aria-describedby of a field: its hint, and its errors when it has some. */
export const describedBy = (issues: FieldIssue[], id: string, hint: boolean) =>
  [hint ? `${id}-hint` : null, issues.some((i) => i.field && `field-${i.field.split('.')[0]}` === id) ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

/** A notice after a change, when the query names one. */
export function StaffNoticeBox(props: { ctx: AdminContext; done?: StaffNotice }) {
  if (!props.done) return null;
  return (
    <div class="success-notice" role="status">
      <p>{props.ctx.t(`adminStaffNotice_${props.done}`)}</p>
    </div>
  );
}

/** Role choices, each in the staff member's language. */
export function RoleSelect(props: { ctx: AdminContext; id: string; value: string; issues: FieldIssue[]; hint: boolean }) {
  const { t } = props.ctx;
  return (
    <select id={props.id} name="role" aria-describedby={describedBy(props.issues, props.id, props.hint)}>
      {ROLES.map((role) => (
        <option key={role} value={role} selected={props.value === role}>
          {t(`adminRole_${role}`)}
        </option>
      ))}
    </select>
  );
}

/** GET /admin/staff: every account, the pending invitations and the invite form; administrators only. */
export function StaffView(props: StaffPageProps) {
  const { ctx, values, issues } = props;
  const { t } = ctx;
  const when = (d: Date | null, none: string) => (d ? <time datetime={d.toISOString()}>{formatDateTime(d, ctx.timeZone, ctx.lang)}</time> : none);
  return (
    <AdminLayout ctx={ctx} title={t('adminStaffTitle')} hasErrors={issues.length > 0}>
      <ErrorSummary issues={issues} title={t('adminStaffNotInvited')} t={t} />
      <StaffNoticeBox ctx={ctx} done={props.done} />
      <h1>{t('adminStaffTitle')}</h1>
      <p>{t('adminStaffIntro')}</p>
      {props.invited && (
        <div class="success-notice" role="status" aria-labelledby="invited-title">
          <h2 id="invited-title">{t('adminStaffInvitedTitle', { name: props.invited.name })}</h2>
          <p>{t('adminStaffInviteCopy', { email: props.invited.email, expires: formatDateTime(props.invited.expiresAt, ctx.timeZone, ctx.lang) })}</p>
          <label for="invitation-link">{t('adminStaffInviteLink')}</label>
          <input type="text" id="invitation-link" class="secret" readOnly value={props.invited.url} spellcheck={false} />
        </div>
      )}
      <h2 id="staff-accounts">{t('adminStaffAccounts')}</h2>
      <table class="admin-table" aria-labelledby="staff-accounts">
          <AdminTableHead columns={[t('adminStaffColName'), t('adminStaffColEmail'), t('adminStaffColRole'), t('adminStaffColTwoFactor'), t('adminStaffColStatus'), t('adminStaffColLastSignIn')]} actions={t('adminStaffColActions')} />
          <tbody>
            {props.staff.map((s) => (
              <tr key={s.id} id={`staff-${s.id}`}>
                <td>
                  {s.name} {s.id === ctx.user.id && <span class="hint">{t('adminStaffYou')}</span>}
                </td>
                <td>{s.email}</td>
                <td>{t(`adminRole_${s.role}`)}</td>
                <td>{s.hasTotp ? t('adminStaffTwoFactorOn') : t('adminStaffTwoFactorOff')}</td>
                <td>{s.disabledAt ? t('adminStaffDisabled') : s.hasPassword ? t('adminStaffActive') : t('adminStaffNoPassword')}</td>
                <td>{when(s.lastSignInAt, t('adminStaffNeverSignedIn'))}</td>
                <td>
                  <a href={`/admin/staff/${s.id}`} aria-label={t('adminStaffManageLabel', { name: s.name })}>
                    {t('adminStaffManage')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
      </table>
      <h2 id="pending-invitations">{t('adminStaffPending')}</h2>
      {props.invitations.length === 0 ? (
        <p>{t('adminStaffNoPending')}</p>
      ) : (
        <table class="admin-table" aria-labelledby="pending-invitations">
            <AdminTableHead columns={[t('adminStaffColName'), t('adminStaffColEmail'), t('adminStaffColRole'), t('adminStaffColInvitedBy'), t('adminStaffColExpires')]} actions={t('adminStaffColActions')} />
            <tbody>
              {props.invitations.map((inv) => (
                <tr key={inv.id} id={`invitation-${inv.id}`}>
                  <td>{inv.name}</td>
                  <td>{inv.email}</td>
                  <td>{t(`adminRole_${inv.role as Role}`)}</td>
                  <td>{inv.createdByLabel}</td>
                  <td>{when(inv.expiresAt, '—')}</td>
                  <td>
                    <DangerButtonForm ctx={ctx} action={`/admin/staff/invitations/${inv.id}/revoke`} label={t('adminStaffRevokeLabel', { email: inv.email })}>
                      {t('adminStaffRevoke')}
                    </DangerButtonForm>
                  </td>
                </tr>
              ))}
            </tbody>
        </table>
      )}
      <h2 id="invite">{t('adminStaffInviteTitle')}</h2>
      <p>{t('adminStaffInviteIntro', { hours })}</p>
      <form method="post" action="/admin/staff/invitations" class="admin-form" novalidate>
        <CsrfField ctx={ctx} />
        <div class="form-group">
          <label for="field-name">{t('adminStaffName')}</label>
          <span class="hint" id="field-name-hint">
            {t('adminStaffNameHint')}
          </span>
          <FieldErrors issues={issues} id="field-name" t={t} />
          <input type="text" id="field-name" name="name" value={values.name} maxLength={ACCOUNT_LIMITS.nameMaxChars} autocomplete="off" aria-describedby={describedBy(issues, 'field-name', true)} />
        </div>
        <div class="form-group">
          <label for="field-email">{t('adminStaffEmail')}</label>
          <FieldErrors issues={issues} id="field-email" t={t} />
          <input type="email" id="field-email" name="email" value={values.email} maxLength={ACCOUNT_LIMITS.emailMaxChars} autocomplete="off" spellcheck={false} aria-describedby={describedBy(issues, 'field-email', false)} />
        </div>
        <div class="form-group">
          <label for="field-role">{t('adminStaffRole')}</label>
          <span class="hint" id="field-role-hint">
            {t('adminStaffRoleHint')}
          </span>
          <FieldErrors issues={issues} id="field-role" t={t} />
          <RoleSelect ctx={ctx} id="field-role" value={values.role} issues={issues} hint={true} />
        </div>
        <div class="form-buttons">
          <button type="submit">{t('adminStaffInviteButton')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}
