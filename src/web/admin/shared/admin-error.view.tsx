import type { FieldIssue } from '../../../domain/errors.js';
import { cssAsset } from '../../public/site-context.js';
import { adminCssAsset } from './admin-css.js';

export interface AdminErrorPage {
  status: number;
  title: string;
  message: string;
  issues?: FieldIssue[];
}

/** A friendly page for refusals and failures inside admin: what happened and where to go next. */
export function AdminErrorView(props: { siteName: string; page: AdminErrorPage }) {
  const { page } = props;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${page.title} | ${props.siteName} admin`}</title>
        <link rel="stylesheet" href={cssAsset.href} />
        <link rel="stylesheet" href={adminCssAsset.href} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="admin-header">
          <div class="wrap">
            <a class="site-name" href="/admin">
              {props.siteName} admin
            </a>
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
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
        </main>
      </body>
    </html>
  );
}
