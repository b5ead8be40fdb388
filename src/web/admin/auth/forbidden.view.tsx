import { AdminLayout, type AdminPageContext } from './admin-layout.view.js';

/** Signed in, but the role does not allow this page: say so plainly, with a way on. */
export function ForbiddenView(props: { ctx: AdminPageContext; requiredRole: string; role: string }) {
  return (
    <AdminLayout ctx={props.ctx} title="You do not have permission">
      <h1>You do not have permission to see this page</h1>
      <p>
        This page needs the <strong>{props.requiredRole}</strong> role or higher. Your account has the <strong>{props.role}</strong> role.
      </p>
      <p>If you need access, ask an administrator of your press office.</p>
      <p>
        <a href="/admin">Go to the admin home page</a>
      </p>
    </AdminLayout>
  );
}

/** A form sent without a valid CSRF token: usually an old tab or an expired page. */
export function FormExpiredView(props: { ctx: AdminPageContext }) {
  return (
    <AdminLayout ctx={props.ctx} title="The form has expired">
      <h1>The form has expired</h1>
      <p>For your security, the form could not be accepted. Nothing was changed.</p>
      <p>Go back, reload the page and try again.</p>
      <p>
        <a href="/admin/login">Go to the sign-in page</a>
      </p>
    </AdminLayout>
  );
}
