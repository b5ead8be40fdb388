import type { FieldIssue } from '../../../domain/errors.js';
import type { DirectoryContact } from '../../../domain/press-contact.js';
import type { DirectoryContactUse } from '../../../ports/press-contacts.js';
import type { AdminContext } from '../shared/admin-context.js';
import { AdminLayout, CsrfField } from '../shared/admin-layout.view.js';
import { ErrorSummary, FieldErrors } from '../shared/error-summary.view.js';
import { languageLabel } from '../shared/format.js';
import { AdminTableHead } from '../shared/admin-table-head.view.js';

/** A contact form as typed, so a refused form comes back as sent. */
export interface ContactFormValues {
  language: string;
  name: string;
  role: string;
  phone: string;
  email: string;
}

export const emptyContact = (language: string): ContactFormValues => ({ language, name: '', role: '', phone: '', email: '' });
export const contactValues = (c: DirectoryContact): ContactFormValues => ({ language: c.language, name: c.name, role: c.role, phone: c.phone, email: c.email });

const described = (issues: FieldIssue[], id: string) => (issues.some((i) => i.field && `field-${i.field}` === id) ? `${id}-error` : undefined);

function ContactFields(props: { ctx: AdminContext; values: ContactFormValues; issues: FieldIssue[] }) {
  const { t } = props.ctx;
  const { values, issues } = props;
  const text = (name: 'name' | 'role' | 'phone' | 'email', label: string, type: string, max: number) => (
    <div class="form-group">
      <label for={`field-${name}`}>{label}</label>
      <FieldErrors issues={issues} id={`field-${name}`} t={t} />
      <input type={type} id={`field-${name}`} name={name} value={values[name]} maxLength={max} aria-describedby={described(issues, `field-${name}`)} />
    </div>
  );
  return (
    <>
      <div class="form-group">
        <label for="field-language">{t('adminContactLanguage')}</label>
        <select id="field-language" name="language">
          {(['ko', 'en'] as const).map((l) => (
            <option key={l} value={l} selected={values.language === l}>
              {languageLabel(l, t)}
            </option>
          ))}
        </select>
      </div>
      {text('name', t('adminContactName'), 'text', 120)}
      {text('role', t('adminContactRole'), 'text', 120)}
      {text('phone', t('adminContactPhone'), 'tel', 60)}
      {text('email', t('adminContactEmail'), 'email', 320)}
    </>
  );
}

const DONE = { added: 'adminContactAdded', saved: 'adminContactSaved', deleted: 'adminContactDeleted' } as const;

/** GET /admin/contacts: the directory (cards on phones) and the add form. */
export function ContactsView(props: { ctx: AdminContext; contacts: DirectoryContactUse[]; values: ContactFormValues; issues: FieldIssue[]; done?: string }) {
  const { ctx, issues } = props;
  const { t } = ctx;
  const done = props.done && props.done in DONE ? DONE[props.done as keyof typeof DONE] : null;
  return (
    <AdminLayout ctx={ctx} title={t('adminNavContacts')} hasErrors={issues.length > 0}>
      <ErrorSummary issues={issues} title={t('adminChangesNotSaved')} t={t} />
      {done && (
        <div class="success-notice" role="status">
          <p>{t(done)}</p>
        </div>
      )}
      <h1>{t('adminNavContacts')}</h1>
      <p>{t('adminContactsIntro')}</p>
      {props.contacts.length === 0 ? (
        <p>{t('adminContactsEmpty')}</p>
      ) : (
        <table class="admin-table release-cards">
          <caption class="visually-hidden">{t('adminNavContacts')}</caption>
          <AdminTableHead columns={[t('adminContactName'), t('adminContactRole'), t('adminContactPhone'), t('adminContactEmail'), t('adminColLanguage')]} />
          <tbody>
            {props.contacts.map(({ contact, editions }) => (
              <tr key={contact.id}>
                <td class="title-cell">
                  <a href={`/admin/contacts/${contact.id}`}>{contact.name}</a> <span class="hint">({t('adminContactUsedBy', { count: editions })})</span>
                </td>
                <td data-label={t('adminContactRole')}>{contact.role}</td>
                <td data-label={t('adminContactPhone')}>{contact.phone}</td>
                <td data-label={t('adminContactEmail')}>{contact.email}</td>
                <td data-label={t('adminColLanguage')}>{languageLabel(contact.language, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('adminContactNew')}</h2>
      <form method="post" action="/admin/contacts" class="admin-form" novalidate>
        <CsrfField ctx={ctx} />
        <ContactFields ctx={ctx} values={props.values} issues={issues} />
        <button type="submit">{t('adminContactAdd')}</button>
      </form>
    </AdminLayout>
  );
}

/** GET /admin/contacts/:id: edit one entry, or delete it. */
export function ContactEditView(props: { ctx: AdminContext; contact: DirectoryContact; values: ContactFormValues; issues: FieldIssue[] }) {
  const { ctx, issues, contact } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('adminContactEdit')} hasErrors={issues.length > 0}>
      <ErrorSummary issues={issues} title={t('adminChangesNotSaved')} t={t} />
      <p>
        <a href="/admin/contacts">{t('adminNavContacts')}</a>
      </p>
      <h1>{t('adminContactEdit')}</h1>
      <form method="post" action={`/admin/contacts/${contact.id}`} class="admin-form" novalidate>
        <CsrfField ctx={ctx} />
        <ContactFields ctx={ctx} values={props.values} issues={issues} />
        <button type="submit">{t('adminContactSave')}</button>
      </form>
      <form method="post" action={`/admin/contacts/${contact.id}/delete`} class="admin-form">
        <CsrfField ctx={ctx} />
        <p class="hint">{t('adminContactDeleteHint')}</p>
        <button type="submit" class="button-danger">
          {t('adminContactDelete')}
        </button>
      </form>
    </AdminLayout>
  );
}
