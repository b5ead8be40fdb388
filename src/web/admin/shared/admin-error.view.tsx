import type { FieldIssue } from '../../../domain/errors.js';
import type { Language } from '../../../domain/language.js';
import { translator } from '../../i18n/messages.js';
import { AdminFrame } from '../auth/admin-frame.view.js';

export interface AdminErrorPage {
  status: number;
  title: string;
  message: string;
  issues?: FieldIssue[];
}

/** A friendly page for refusals and failures inside admin: what happened and where to go next. */
export function AdminErrorView(props: { siteName: string; csrfToken: string; staff: { name: string; email: string } | null; page: AdminErrorPage; lang: Language }) {
  const { page } = props;
  const t = translator(props.lang);
  return (
    <AdminFrame ctx={{ siteName: props.siteName, csrfToken: props.csrfToken, staff: props.staff, lang: props.lang, t }} title={page.title}>
      <h1>{page.title}</h1>
      <p>{page.message}</p>
      {page.issues && page.issues.length > 0 && (
        <ul>
          {page.issues.map((issue, i) => (
            <li key={i}>{issue.message}</li>
          ))}
        </ul>
      )}
      <p>
        <a href="/admin">{t('adminGoToDashboard')}</a> · <a href="/admin/releases">{t('adminAllReleases')}</a>
      </p>
    </AdminFrame>
  );
}
