import { LANGUAGES } from '../../domain/language.js';
import { urls } from '../urls.js';
import { Breadcrumb, Layout } from './layout.view.js';
import type { PageContext } from './page-context.js';

export type StatementKind = 'privacy' | 'accessibility';

/** The built-in privacy or accessibility statement, for sites that configure no page of their own. */
export function StatementView(props: { ctx: PageContext; kind: StatementKind }) {
  const { ctx, kind } = props;
  const title = ctx.t(kind === 'privacy' ? 'privacyStatement' : 'accessibilityStatement');
  const body = ctx.t(kind === 'privacy' ? 'privacyBody' : 'accessibilityBody');
  const other = ctx.lang === 'ko' ? 'en' : 'ko';
  return (
    <Layout
      ctx={ctx}
      meta={{
        title,
        description: body.split(/(?<=[.다])\s/)[0] ?? body,
        canonicalPath: urls.statement(ctx.lang, kind),
        otherLanguagePath: urls.statement(other, kind),
        alternates: LANGUAGES.map((lang) => ({ lang, path: urls.statement(lang, kind) })),
        xDefaultPath: urls.statement('ko', kind),
      }}
    >
      <Breadcrumb ctx={ctx} trail={[{ label: ctx.t('newsZone'), href: urls.home(ctx.lang) }, { label: title }]} />
      <h1>{title}</h1>
      <p class="statement">{body}</p>
    </Layout>
  );
}
