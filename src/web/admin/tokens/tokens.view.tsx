import { API_SCOPES, type ApiScope } from '../../../domain/api-scopes.js';
import type { FieldIssue } from '../../../domain/errors.js';
import type { ApiTokenListing } from '../../../ports/api-token-repo.js';
import type { AdminContext } from '../shared/admin-context.js';
import { AdminLayout, CsrfField, DangerButtonForm } from '../shared/admin-layout.view.js';
import { ErrorSummary, FieldErrors } from '../shared/error-summary.view.js';
import { formatDateTime } from '../shared/format.js';
import type { Role } from '../../../domain/user.js';
import { AdminTableHead } from '../shared/admin-table-head.view.js';

/** What the person typed into the create form, kept as text so a refused form comes back as sent. */
export interface TokenFormValues {
  name: string;
  ownerEmail: string;
  scopes: string[];
  expiresAt: string;
}

export interface TokensPageProps {
  ctx: AdminContext;
  tokens: ApiTokenListing[];
  values: TokenFormValues;
  issues: FieldIssue[];
  /** Just created: the only time the secret is ever shown. */
  created?: { name: string; secret: string };
  done?: string;
}

function tokenStatus(token: ApiTokenListing, now: Date): 'active' | 'expired' | 'revoked' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt <= now) return 'expired';
  return 'active';
}

const describedBy = (issues: FieldIssue[], id: string, hint: boolean) =>
  [hint ? `${id}-hint` : null, issues.some((i) => i.field && `field-${i.field.split('.')[0]}` === id) ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

/** GET /admin/tokens: every API token, the create form, and (once) a new token's secret; in the staff member's language. */
export function TokensView(props: TokensPageProps) {
  const { ctx, values, issues } = props;
  const { t } = ctx;
  const when = (d: Date | null, none = '—') => (d ? <time datetime={d.toISOString()}>{formatDateTime(d, ctx.timeZone, ctx.lang)}</time> : none);
  return (
    <AdminLayout ctx={ctx} title={t('adminNavTokens')} hasErrors={issues.length > 0}>
      <ErrorSummary issues={issues} title={t('adminTokenNotCreated')} t={t} />
      {props.done === 'revoked' && (
        <div class="success-notice" role="status">
          <p>{t('adminTokenRevokedNotice')}</p>
        </div>
      )}
      <h1>{t('adminNavTokens')}</h1>
      <p>
        {t('adminTokensIntro')} <code>Authorization: Bearer &lt;token&gt;</code>
      </p>
      <p>
        {t('adminTokensActsAsOwner')} <a href="/api/openapi.json">{t('adminTokensApiDocs')}</a>
      </p>
      {props.created && (
        <div class="success-notice" role="status" aria-labelledby="new-token-title">
          <h2 id="new-token-title">{t('adminTokenCreatedTitle', { name: props.created.name })}</h2>
          <p>{t('adminTokenCopyNow')}</p>
          <p class="secret" id="new-token-secret">
            {props.created.secret}
          </p>
        </div>
      )}
      <h2>
        {t('adminTokensList')} <span class="hint">({t('adminTokensCount', { count: props.tokens.length })})</span>
      </h2>
      {props.tokens.length === 0 ? (
        <p>{t('adminNoTokens')}</p>
      ) : (
        <table class="admin-table">
          <AdminTableHead columns={[t('adminTokenColName'), t('adminTokenColHint'), t('adminTokenColOwner'), t('adminTokenColScopes'), t('adminCreated'), t('adminTokenColExpires'), t('adminTokenColLastUsed'), t('adminTokenColStatus')]} actions={t('adminTokenColActions')} />
          <tbody>
            {props.tokens.map((tk) => (
              <tr key={tk.id} id={`token-${tk.id}`}>
                <td>{tk.name}</td>
                <td>
                  <code>{tk.tokenHint}…</code>
                </td>
                <td>
                  {tk.owner.name} <span class="hint">({tk.owner.email}, {t(`adminRole_${tk.owner.role as Role}`)})</span>
                </td>
                <td>{tk.scopes.join(', ')}</td>
                <td>{when(tk.createdAt)}</td>
                <td>{when(tk.expiresAt)}</td>
                <td>{when(tk.lastUsedAt)}</td>
                <td>{t(`adminTokenStatus_${tokenStatus(tk, ctx.now)}`)}</td>
                <td>
                  {!tk.revokedAt && (
                    <DangerButtonForm ctx={ctx} action={`/admin/tokens/${tk.id}/revoke`} label={t('adminTokenRevokeLabel', { name: tk.name })}>
                      {t('adminTokenRevoke')}
                    </DangerButtonForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="create">{t('adminTokenCreateTitle')}</h2>
      <form method="post" action="/admin/tokens" class="admin-form" novalidate>
        <CsrfField ctx={ctx} />
        <div class="form-group">
          <label for="field-name">{t('adminTokenName')}</label>
          <span class="hint" id="field-name-hint">
            {t('adminTokenNameHint')}
          </span>
          <FieldErrors issues={issues} id="field-name" t={t} />
          <input type="text" id="field-name" name="name" value={values.name} maxLength={120} aria-describedby={describedBy(issues, 'field-name', true)} />
        </div>
        <div class="form-group">
          <label for="field-ownerEmail">{t('adminTokenOwner')}</label>
          <span class="hint" id="field-ownerEmail-hint">
            {t('adminTokenOwnerHint')}
          </span>
          <FieldErrors issues={issues} id="field-ownerEmail" t={t} />
          <input type="email" id="field-ownerEmail" name="ownerEmail" value={values.ownerEmail} aria-describedby={describedBy(issues, 'field-ownerEmail', true)} spellcheck={false} />
        </div>
        <fieldset id="field-scopes" aria-describedby={describedBy(issues, 'field-scopes', false)}>
          <legend>{t('adminTokenScopes')}</legend>
          <FieldErrors issues={issues} id="field-scopes" t={t} />
          {API_SCOPES.map((scope: ApiScope) => (
            <div key={scope}>
              <input type="checkbox" id={`scope-${scope.replace(':', '-')}`} name="scopes" value={scope} checked={values.scopes.includes(scope)} />{' '}
              <label class="inline-label" for={`scope-${scope.replace(':', '-')}`}>
                <code>{scope}</code>: {t(`adminScope_${scope}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="form-group">
          <label for="field-expiresAt">{t('adminTokenExpires')}</label>
          <span class="hint" id="field-expiresAt-hint">
            {t('adminTokenExpiresHint', { zone: ctx.timeZone })}
          </span>
          <FieldErrors issues={issues} id="field-expiresAt" t={t} />
          <input type="datetime-local" id="field-expiresAt" name="expiresAt" value={values.expiresAt} aria-describedby={describedBy(issues, 'field-expiresAt', true)} />
        </div>
        <div class="form-buttons">
          <button type="submit">{t('adminTokenCreate')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}
