import type { FieldIssue } from '../../../domain/errors.js';
import { AdminLayout as AccountFrame } from '../auth/admin-layout.view.js';

export interface AdminErrorPage {
  status: number;
  title: string;
  message: string;
  issues?: FieldIssue[];
}

/** A friendly page for refusals and failures inside admin: what happened and where to go next. */
export function AdminErrorView(props: { siteName: string; csrfToken: string; staff: { name: string; email: string } | null; page: AdminErrorPage }) {
  const { page } = props;
  return (
    <AccountFrame ctx={{ siteName: props.siteName, csrfToken: props.csrfToken, staff: props.staff }} title={page.title}>
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
        <a href="/admin">Go to the dashboard</a> · <a href="/admin/releases">All releases</a>
      </p>
    </AccountFrame>
  );
}
