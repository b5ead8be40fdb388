import { API_SCOPES, SCOPE_DESCRIPTIONS, type ApiScope } from '../../../domain/api-scopes.js';
import type { FieldIssue } from '../../../domain/errors.js';
import type { ApiTokenListing } from '../../../ports/api-token-repo.js';
import type { AdminContext } from '../shared/admin-context.js';
import { AdminLayout, CsrfField } from '../shared/admin-layout.view.js';
import { ErrorSummary, FieldErrors } from '../shared/error-summary.view.js';
import { formatDateTime } from '../shared/format.js';

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

function tokenStatus(token: ApiTokenListing, now: Date): string {
  if (token.revokedAt) return 'Revoked';
  if (token.expiresAt && token.expiresAt <= now) return 'Expired';
  return 'Active';
}

const describedBy = (issues: FieldIssue[], id: string, hint: boolean) =>
  [hint ? `${id}-hint` : null, issues.some((i) => i.field && `field-${i.field.split('.')[0]}` === id) ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

/** GET /admin/tokens: every API token, the create form, and (once) a new token's secret. */
export function TokensView(props: TokensPageProps) {
  const { ctx, values, issues } = props;
  const when = (d: Date | null) => (d ? <time datetime={d.toISOString()}>{formatDateTime(d, ctx.timeZone)}</time> : '—');
  return (
    <AdminLayout ctx={ctx} title="API tokens" hasErrors={issues.length > 0}>
      <ErrorSummary issues={issues} title="The token could not be created" />
      {props.done === 'revoked' && (
        <div class="success-notice" role="status">
          <p>The token has been revoked. Requests with it are refused from now on.</p>
        </div>
      )}
      <h1>API tokens</h1>
      <p>
        Tokens let other systems use the JSON API's write endpoints (<code>Authorization: Bearer &lt;token&gt;</code>). A token acts as its owner: a request needs both one of the
        token's scopes and the owner's role. See <a href="/api/openapi.json">the API description</a>.
      </p>
      {props.created && (
        <div class="success-notice" role="status" aria-labelledby="new-token-title">
          <h2 id="new-token-title">Token "{props.created.name}" created</h2>
          <p>Copy it now: it is shown only this once and cannot be recovered. Only a hash of it is stored.</p>
          <p class="secret" id="new-token-secret">
            {props.created.secret}
          </p>
        </div>
      )}
      <h2>Tokens</h2>
      {props.tokens.length === 0 ? (
        <p>There are no API tokens yet.</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Owner</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.tokens.map((t) => (
              <tr key={t.id} id={`token-${t.id}`}>
                <td>{t.name}</td>
                <td>
                  <code>{t.tokenHint}…</code>
                </td>
                <td>
                  {t.owner.name} <span class="hint">({t.owner.email}, {t.owner.role})</span>
                </td>
                <td>{t.scopes.join(', ')}</td>
                <td>{when(t.createdAt)}</td>
                <td>{when(t.expiresAt)}</td>
                <td>{when(t.lastUsedAt)}</td>
                <td>{tokenStatus(t, ctx.now)}</td>
                <td>
                  {!t.revokedAt && (
                    <form method="post" action={`/admin/tokens/${t.id}/revoke`}>
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="button-danger" aria-label={`Revoke the token ${t.name}`}>
                        Revoke
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="create">Create a token</h2>
      <form method="post" action="/admin/tokens" class="admin-form" novalidate>
        <CsrfField ctx={ctx} />
        <div class="form-group">
          <label for="field-name">Name</label>
          <span class="hint" id="field-name-hint">
            What uses it, for example "Ministry CMS import"
          </span>
          <FieldErrors issues={issues} id="field-name" />
          <input type="text" id="field-name" name="name" value={values.name} maxLength={120} aria-describedby={describedBy(issues, 'field-name', true)} />
        </div>
        <div class="form-group">
          <label for="field-ownerEmail">Owner's email address</label>
          <span class="hint" id="field-ownerEmail-hint">
            The staff member the token acts as; their role limits it and the audit log names them
          </span>
          <FieldErrors issues={issues} id="field-ownerEmail" />
          <input type="email" id="field-ownerEmail" name="ownerEmail" value={values.ownerEmail} aria-describedby={describedBy(issues, 'field-ownerEmail', true)} spellcheck={false} />
        </div>
        <fieldset id="field-scopes" aria-describedby={describedBy(issues, 'field-scopes', false)}>
          <legend>Scopes</legend>
          <FieldErrors issues={issues} id="field-scopes" />
          {API_SCOPES.map((scope: ApiScope) => (
            <div key={scope}>
              <input type="checkbox" id={`scope-${scope.replace(':', '-')}`} name="scopes" value={scope} checked={values.scopes.includes(scope)} />{' '}
              <label class="inline-label" for={`scope-${scope.replace(':', '-')}`}>
                <code>{scope}</code>: {SCOPE_DESCRIPTIONS[scope]}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="form-group">
          <label for="field-expiresAt">Expires (optional)</label>
          <span class="hint" id="field-expiresAt-hint">
            Date and time in {ctx.timeZone}; leave empty for a token that lasts until revoked
          </span>
          <FieldErrors issues={issues} id="field-expiresAt" />
          <input type="datetime-local" id="field-expiresAt" name="expiresAt" value={values.expiresAt} aria-describedby={describedBy(issues, 'field-expiresAt', true)} />
        </div>
        <div class="form-buttons">
          <button type="submit">Create token</button>
        </div>
      </form>
    </AdminLayout>
  );
}
