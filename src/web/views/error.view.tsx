import { urls } from '../urls.js';
import { Layout } from './layout.view.js';
import type { PageContext } from './page-context.js';

/** Friendly pages for 404, 410, 400 and 500: what happened and where to go next. */
export function ErrorView(props: { ctx: PageContext; status: 404 | 410 | 400 | 500 }) {
  const { ctx, status } = props;
  const title = status === 404 ? ctx.t('notFoundTitle') : status === 410 ? ctx.t('goneTitle') : status === 400 ? ctx.t('badRequestTitle') : ctx.t('errorTitle');
  return (
    <Layout ctx={ctx} meta={{ title, noIndex: true }}>
      <h1>{title}</h1>
      <p>{status === 500 ? ctx.t('errorBody') : status === 410 ? ctx.t('goneBody') : ctx.t('notFoundBody')}</p>
      <p>
        <a href={urls.home(ctx.lang)}>{ctx.t('notFoundHome')}</a>
      </p>
    </Layout>
  );
}
