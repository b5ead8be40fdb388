import { AdminFrame, type AdminPageContext } from './admin-frame.view.js';

const MARK = '\u0000';

/** A translated sentence with its one argument in <strong> (word order differs by language). */
function withStrong(sentence: string, value: string) {
  const [before, after] = sentence.split(MARK);
  return (
    <>
      {before}
      <strong>{value}</strong>
      {after}
    </>
  );
}

/** Signed in, but the role does not allow this page: say so plainly, with a way on. */
export function ForbiddenView(props: { ctx: AdminPageContext; requiredRole: string; role: string }) {
  const { t } = props.ctx;
  return (
    <AdminFrame ctx={props.ctx} title={t('adminForbiddenTitle')}>
      <h1>{t('adminForbiddenHeading')}</h1>
      <p>
        {withStrong(t('adminForbiddenNeeds', { role: MARK }), props.requiredRole)} {withStrong(t('adminForbiddenYours', { role: MARK }), props.role)}
      </p>
      <p>{t('adminForbiddenAsk')}</p>
      <p>
        <a href="/admin">{t('adminGoHome')}</a>
      </p>
    </AdminFrame>
  );
}

/** A form sent without a valid CSRF token: usually an old tab or an expired page. */
export function FormExpiredView(props: { ctx: AdminPageContext }) {
  const { t } = props.ctx;
  return (
    <AdminFrame ctx={props.ctx} title={t('adminFormExpiredTitle')}>
      <h1>{t('adminFormExpiredTitle')}</h1>
      <p>{t('adminFormExpiredBody')}</p>
      <p>{t('adminFormExpiredAgain')}</p>
      <p>
        <a href="/admin/login">{t('adminGoToSignIn')}</a>
      </p>
    </AdminFrame>
  );
}
