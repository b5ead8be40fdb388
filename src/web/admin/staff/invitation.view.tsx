import type { FieldIssue } from '../../../domain/errors.js';
import { INVITATION_LIMITS, type StaffInvitation } from '../../../domain/staff-invitation.js';
import type { InvitationLookup } from '../../../app/accounts/accept-invitation.js';
import { AdminFrame, CsrfField, ErrorSummary, type AdminPageContext } from '../auth/admin-frame.view.js';
import { NewPasswordFields } from '../auth/account.view.js';

/** The invited person's page: who invited them, as what, and the password form. */
export function InvitationView(props: { ctx: AdminPageContext; invitation: StaffInvitation; action: string; errors: FieldIssue[] }) {
  const { ctx, invitation: inv, errors } = props;
  const { t } = ctx;
  return (
    <AdminFrame ctx={ctx} title={t('adminInvitationTitle')} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} fallbackField="newPassword" t={t} />
      <h1>{t('adminInvitationTitle')}</h1>
      <p>{t('adminInvitationIntro', { inviter: inv.createdByLabel, site: ctx.siteName, role: t(`adminRole_${inv.role}`) })}</p>
      <dl class="release-meta">
        <div>
          <dt>{t('adminInvitationYourName')}</dt>
          <dd>{inv.name}</dd>
        </div>
        <div>
          <dt>{t('adminInvitationYourEmail')}</dt>
          <dd>{inv.email}</dd>
        </div>
      </dl>
      <p>{t('adminInvitationChoose')}</p>
      <form class="admin-form" method="post" action={props.action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <NewPasswordFields label={t('adminInvitationPassword')} confirmLabel={t('adminInvitationConfirm')} errors={errors} t={t} />
        <button type="submit">{t('adminInvitationButton')}</button>
      </form>
    </AdminFrame>
  );
}

/** A link that no longer works: why, and what to do next. */
export function InvitationGoneView(props: { ctx: AdminPageContext; state: Exclude<InvitationLookup['state'], 'pending'> }) {
  const { t } = props.ctx;
  return (
    <AdminFrame ctx={props.ctx} title={t('adminInvitationGoneTitle')}>
      <h1>{t('adminInvitationGoneTitle')}</h1>
      <p>{t(`adminInvitationGone_${props.state}`, { hours: INVITATION_LIMITS.validForMs / 3600_000 })}</p>
      <p>
        <a class="button" href="/admin/login">
          {t('adminInvitationSignIn')}
        </a>
      </p>
    </AdminFrame>
  );
}
