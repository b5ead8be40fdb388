import type { FieldIssue } from '../../../domain/errors.js';
import type { EmbargoSend, Journalist, JournalistList } from '../../../ports/journalists.js';
import type { AdminContext } from '../shared/admin-context.js';
import { AdminLayout, CsrfField, DangerButtonForm } from '../shared/admin-layout.view.js';
import { ErrorSummary, FieldErrors } from '../shared/error-summary.view.js';
import { formatDateTime } from '../shared/format.js';
import { AdminTableHead } from '../shared/admin-table-head.view.js';

/** A journalist form as typed, so a refused form comes back as sent. */
export interface JournalistFormValues {
  name: string;
  outlet: string;
  email: string;
  language: string;
  accredited: boolean;
}

export const emptyJournalist: JournalistFormValues = { name: '', outlet: '', email: '', language: 'ko', accredited: true };

const described = (issues: FieldIssue[], id: string) => (issues.some((i) => i.field && `field-${i.field}` === id) ? `${id}-error` : undefined);

function JournalistFields(props: { ctx: AdminContext; values: JournalistFormValues; issues: FieldIssue[] }) {
  const { t } = props.ctx;
  const { values, issues } = props;
  const text = (name: 'name' | 'outlet' | 'email', label: string, type = 'text') => (
    <div class="form-group">
      <label for={`field-${name}`}>{label}</label>
      <FieldErrors issues={issues} id={`field-${name}`} t={t} />
      <input type={type} id={`field-${name}`} name={name} value={values[name]} maxLength={name === 'email' ? 320 : 120} aria-describedby={described(issues, `field-${name}`)} spellcheck={false} />
    </div>
  );
  return (
    <>
      {text('name', t('jrName'))}
      {text('outlet', t('jrOutlet'))}
      {text('email', t('jrEmail'), 'email')}
      <div class="form-group">
        <label for="field-language">{t('jrLanguage')}</label>
        <FieldErrors issues={issues} id="field-language" t={t} />
        <select id="field-language" name="language" aria-describedby={described(issues, 'field-language')}>
          <option value="ko" selected={values.language === 'ko'}>
            {t('languageKorean')}
          </option>
          <option value="en" selected={values.language === 'en'}>
            {t('languageEnglish')}
          </option>
        </select>
      </div>
      <div class="form-group">
        <input type="checkbox" id="field-accredited" name="accredited" value="yes" checked={values.accredited} />
        <label for="field-accredited">{t('jrAccredited')}</label>
      </div>
    </>
  );
}

const Done = (props: { ctx: AdminContext; done?: string }) =>
  props.done ? (
    <div class="success-notice" role="status">
      <p>{props.ctx.t('jrDone')}</p>
    </div>
  ) : null;

/** GET /admin/journalists: every list with its counts, and the create form. */
export function JournalistListsView(props: { ctx: AdminContext; lists: JournalistList[]; issues: FieldIssue[]; typedName: string; done?: string }) {
  const { ctx, issues } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('adminNavJournalists')} hasErrors={issues.length > 0}>
      <ErrorSummary issues={issues} title={t('jrNotSaved')} t={t} />
      <Done ctx={ctx} done={props.done} />
      <h1>{t('adminNavJournalists')}</h1>
      <p>{t('jrIntro')}</p>
      <h2>{t('jrLists')}</h2>
      {props.lists.length === 0 ? (
        <p>{t('jrNoLists')}</p>
      ) : (
        <ul>
          {props.lists.map((l) => (
            <li key={l.id}>
              <a href={`/admin/journalists/${l.id}`}>{l.name}</a> <span class="hint">({t('jrMembers', { count: l.members, accredited: l.accredited })})</span>
            </li>
          ))}
        </ul>
      )}
      <h2 id="create">{t('jrCreateList')}</h2>
      <form method="post" action="/admin/journalists" class="admin-form" novalidate>
        <CsrfField ctx={ctx} />
        <div class="form-group">
          <label for="field-name">{t('jrListName')}</label>
          <FieldErrors issues={issues} id="field-name" t={t} />
          <input type="text" id="field-name" name="name" value={props.typedName} maxLength={120} aria-describedby={described(issues, 'field-name')} />
        </div>
        <button type="submit">{t('jrCreateList')}</button>
      </form>
    </AdminLayout>
  );
}

/** GET /admin/journalists/:id: the list's members, the add form, rename and remove. */
export function JournalistListView(props: { ctx: AdminContext; list: JournalistList; members: Journalist[]; issues: FieldIssue[]; values: JournalistFormValues; done?: string }) {
  const { ctx, list, issues } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={list.name} hasErrors={issues.length > 0}>
      <ErrorSummary issues={issues} title={t('jrNotSaved')} t={t} />
      <Done ctx={ctx} done={props.done} />
      <p>
        <a href="/admin/journalists">{t('jrBackToLists')}</a>
      </p>
      <h1>{list.name}</h1>
      <p>{t('jrMembers', { count: list.members, accredited: list.accredited })}</p>
      {props.members.length === 0 ? (
        <p>{t('jrNoMembers')}</p>
      ) : (
        <table class="admin-table">
          <AdminTableHead columns={[t('jrName'), t('jrOutlet'), t('jrEmail'), t('jrLanguage'), t('jrAccreditedColumn'), t('jrActions')]} />
          <tbody>
            {props.members.map((j) => (
              <tr key={j.id} id={`journalist-${j.id}`}>
                <td>{j.name}</td>
                <td>{j.outlet}</td>
                <td>{j.email}</td>
                <td>{j.language === 'ko' ? t('languageKorean') : t('languageEnglish')}</td>
                <td>{j.accredited ? t('jrYes') : t('jrNo')}</td>
                <td>
                  <a href={`/admin/journalists/members/${j.id}`} aria-label={t('jrEditLabel', { name: j.name })}>
                    {t('jrEdit')}
                  </a>{' '}
                  <form method="post" action={`/admin/journalists/members/${j.id}/remove`} class="inline-actions">
                    <CsrfField ctx={ctx} />
                    <button type="submit" class="button-danger" aria-label={t('jrRemoveLabel', { name: j.name })}>
                      {t('jrRemove')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="add">{t('jrAddJournalist')}</h2>
      <form method="post" action={`/admin/journalists/${list.id}/members`} class="admin-form" novalidate>
        <CsrfField ctx={ctx} />
        <JournalistFields ctx={ctx} values={props.values} issues={issues} />
        <button type="submit">{t('jrAddJournalist')}</button>
      </form>
      <h2>{t('jrRenameList')}</h2>
      <form method="post" action={`/admin/journalists/${list.id}`} class="admin-form" novalidate>
        <CsrfField ctx={ctx} />
        <div class="form-group">
          <label for="field-listName">{t('jrListName')}</label>
          <input type="text" id="field-listName" name="name" value={list.name} maxLength={120} />
        </div>
        <button type="submit">{t('jrRenameList')}</button>
      </form>
      <DangerButtonForm ctx={ctx} action={`/admin/journalists/${list.id}/remove`} label={t('jrRemoveListLabel', { name: list.name })}>
        {t('jrRemoveList')}
      </DangerButtonForm>
    </AdminLayout>
  );
}

/** GET /admin/journalists/members/:id: one journalist's edit form. */
export function JournalistEditView(props: { ctx: AdminContext; id: number; listId: number; values: JournalistFormValues; issues: FieldIssue[] }) {
  const { ctx, issues } = props;
  const { t } = ctx;
  const title = t('jrEditTitle', { name: props.values.name });
  return (
    <AdminLayout ctx={ctx} title={title} hasErrors={issues.length > 0}>
      <ErrorSummary issues={issues} title={t('jrNotSaved')} t={t} />
      <p>
        <a href={`/admin/journalists/${props.listId}`}>{t('jrBackToLists')}</a>
      </p>
      <h1>{title}</h1>
      <form method="post" action={`/admin/journalists/members/${props.id}`} class="admin-form" novalidate>
        <CsrfField ctx={ctx} />
        <JournalistFields ctx={ctx} values={props.values} issues={issues} />
        <button type="submit">{t('jrSave')}</button>
      </form>
    </AdminLayout>
  );
}

/** What the send form shows after a send. */
export interface SendOutcome {
  sent: number;
  alreadySent: string[];
  notAccredited: string[];
}

/** GET/POST /admin/releases/:id/journalists: choose lists and send an embargoed release. */
export function SendEmbargoedView(props: { ctx: AdminContext; releaseId: number; title: string; embargoUntil: Date | null; lists: JournalistList[]; sends: EmbargoSend[]; issues: FieldIssue[]; outcome?: SendOutcome }) {
  const { ctx, issues, outcome } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('jrSendTitle')} hasErrors={issues.length > 0}>
      <ErrorSummary issues={issues} title={t('jrNotSaved')} t={t} />
      {outcome && (
        <div class="success-notice" role="status">
          <p>{t('jrSendDone', { count: outcome.sent })}</p>
          {outcome.alreadySent.length > 0 && <p>{t('jrSendAlready', { names: outcome.alreadySent.join(', ') })}</p>}
          {outcome.notAccredited.length > 0 && <p>{t('jrSendSkipped', { names: outcome.notAccredited.join(', ') })}</p>}
        </div>
      )}
      <p>
        <a href={`/admin/releases/${props.releaseId}`}>{t('jrSendBack')}</a>
      </p>
      <h1>{t('jrSendTitle')}</h1>
      <p>
        <strong>{props.title}</strong>
      </p>
      {props.embargoUntil === null ? (
        <p class="notice">{t('jrSendNotEmbargoed')}</p>
      ) : (
        <>
          <p class="notice">{t('jrSendEmbargo', { time: formatDateTime(props.embargoUntil, ctx.timeZone, ctx.lang) })}</p>
          <p>{t('jrSendIntro')}</p>
          {props.lists.length === 0 ? (
            <p>{t('jrSendNoLists')}</p>
          ) : (
            <form method="post" action={`/admin/releases/${props.releaseId}/journalists`} class="admin-form" novalidate>
              <CsrfField ctx={ctx} />
              <fieldset id="field-lists">
                <legend>{t('jrSendChoose')}</legend>
                <FieldErrors issues={issues} id="field-lists" t={t} />
                {props.lists.map((l) => (
                  <div class="form-group" key={l.id}>
                    <input type="checkbox" id={`list-${l.id}`} name="lists" value={String(l.id)} />
                    <label for={`list-${l.id}`}>
                      {l.name} ({t('jrMembers', { count: l.members, accredited: l.accredited })})
                    </label>
                  </div>
                ))}
              </fieldset>
              <button type="submit">{t('jrSendButton')}</button>
            </form>
          )}
        </>
      )}
      <p>
        <a href="/admin/journalists">{t('jrSendManageLists')}</a>
      </p>
      <h2>{t('jrSendHistory')}</h2>
      {props.sends.length === 0 ? (
        <p>{t('jrSendNone')}</p>
      ) : (
        <ul>
          {props.sends.map((s) => (
            <li key={s.id}>
              {s.journalistName} &lt;{s.email}&gt;
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  );
}
