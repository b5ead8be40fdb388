import type { ComponentChildren } from 'preact';
import type { Language } from '../../domain/language.js';
import { LIMITS } from '../../domain/limits.js';
import { urls } from '../urls.js';
import type { PageContext } from './page-context.js';
import { SiteFooter } from './site-footer.view.js';

export interface HeadMeta {
  title: string;
  description?: string;
  /** Path of the canonical URL; made absolute with the site's base URL. */
  canonicalPath?: string;
  prevPath?: string | null;
  nextPath?: string | null;
  ogType?: 'website' | 'article';
  ogImagePath?: string | null;
  /** The social image's text alternative (og:image:alt, twitter:image:alt). */
  ogImageAlt?: string | null;
  publishedTime?: Date | null;
  /** The other language's version of this page, when there is one (else the switcher goes home). */
  otherLanguagePath?: string | null;
  /**
   * Language versions of this page for `<link rel="alternate" hreflang>` (this page included);
   * only public pages belong here. `xDefault` is the page for readers of neither language.
   */
  alternates?: { lang: Language; path: string }[];
  xDefaultPath?: string | null;
  noIndex?: boolean;
  /** Feeds to announce with `<link rel="alternate">` (paths; made absolute). */
  feeds?: { title: string; rss: string; atom: string }[];
  /** Structured data, already serialized with jsonLdText (seo/json-ld.ts). */
  jsonLd?: string | null;
  /** What the footer's "Get email alerts" link subscribes to (#14); the whole site when absent. */
  subscribe?: { board?: string | null; tag?: string | null; q?: string | null };
}

const otherLang = (lang: Language): Language => (lang === 'ko' ? 'en' : 'ko');

/**
 * The language switcher's link: through /language, which remembers the choice in a cookie (no
 * JavaScript needed) and then opens the page in the other language.
 */
export function switchLanguageHref(to: Language, next: string): string {
  return `/language?${new URLSearchParams({ to, next }).toString()}`;
}

export function Layout(props: { ctx: PageContext; meta: HeadMeta; currentBoard?: string; print?: boolean; children: ComponentChildren }) {
  const { ctx, meta } = props;
  const abs = (path: string) => `${ctx.baseUrl}${path}`;
  const other = otherLang(ctx.lang);
  const fullTitle = meta.title === ctx.siteName ? meta.title : `${meta.title} | ${ctx.siteName}`;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {meta.description && <meta name="description" content={meta.description} />}
        {meta.noIndex && <meta name="robots" content="noindex" />}
        {meta.canonicalPath && <link rel="canonical" href={abs(meta.canonicalPath)} />}
        {meta.alternates && meta.alternates.length > 1 && [
          ...meta.alternates.map((a) => <link key={a.lang} rel="alternate" hrefLang={a.lang} href={abs(a.path)} />),
          meta.xDefaultPath ? <link key="x-default" rel="alternate" hrefLang="x-default" href={abs(meta.xDefaultPath)} /> : null,
        ]}
        {meta.prevPath && <link rel="prev" href={meta.prevPath} />}
        {meta.nextPath && <link rel="next" href={meta.nextPath} />}
        <meta property="og:site_name" content={ctx.siteName} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        <meta property="og:locale" content={ctx.lang === 'ko' ? 'ko_KR' : 'en_GB'} />
        {meta.canonicalPath && <meta property="og:url" content={abs(meta.canonicalPath)} />}
        {meta.description && <meta property="og:description" content={meta.description} />}
        {meta.ogImagePath && <meta property="og:image" content={abs(meta.ogImagePath)} />}
        {meta.ogImagePath && meta.ogImageAlt && <meta property="og:image:alt" content={meta.ogImageAlt} />}
        {meta.publishedTime && <meta property="article:published_time" content={meta.publishedTime.toISOString()} />}
        <meta name="twitter:card" content={meta.ogImagePath ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={meta.title} />
        {meta.description && <meta name="twitter:description" content={meta.description} />}
        {meta.ogImagePath && <meta name="twitter:image" content={abs(meta.ogImagePath)} />}
        {meta.ogImagePath && meta.ogImageAlt && <meta name="twitter:image:alt" content={meta.ogImageAlt} />}
        {meta.feeds?.flatMap((feed) => [
          <link key={`${feed.rss}`} rel="alternate" type="application/rss+xml" title={feed.title} href={abs(feed.rss)} />,
          <link key={`${feed.atom}`} rel="alternate" type="application/atom+xml" title={feed.title} href={abs(feed.atom)} />,
        ])}
        {meta.jsonLd && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: meta.jsonLd }} />}
        <link rel="stylesheet" href={ctx.cssHref} />
        <link rel="icon" href={ctx.site.favicon.href} type={ctx.site.favicon.type} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {ctx.t('skipToContent')}
        </a>
        {!props.print && (
          <header class="site-header">
            <div class="wrap">
              <a class="site-name" href={urls.home(ctx.lang)}>
                {ctx.siteName}
              </a>
              <form class="site-search" method="get" action={urls.search(ctx.lang)} role="search" aria-label={ctx.t('siteSearchForm')}>
                <label for="site-search-q">{ctx.t('searchLabel')}</label>
                <input id="site-search-q" type="search" name="q" maxLength={LIMITS.searchMaxChars} />
                <button type="submit">{ctx.t('filterButton')}</button>
              </form>
              <nav class="lang-switch" aria-label={ctx.t('languageSwitcher')}>
                <span aria-current="true" lang={ctx.lang}>
                  {ctx.t('languageName')}
                </span>
                <a href={switchLanguageHref(other, meta.otherLanguagePath ?? urls.home(other))} lang={other} hrefLang={other} rel="alternate">
                  {ctx.t('otherLanguage')}
                </a>
              </nav>
            </div>
          </header>
        )}
        {!props.print && (
          <nav class="board-nav" aria-label={ctx.t('mainNavigation')}>
            <ul>
              {ctx.boards.map((b) => (
                <li key={b.slug}>
                  <a href={urls.board(ctx.lang, b.slug)} aria-current={props.currentBoard === b.slug ? 'page' : undefined}>
                    {b.name[ctx.lang]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {ctx.demo && (
          <section class="demo-banner" aria-label={ctx.t('demoRegion')}>
            <p class="wrap">{ctx.t('demoNotice')}</p>
          </section>
        )}
        <main id="main" class="wrap" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {ctx.siteName} · {ctx.t('newsZone')}
            </p>
            <nav class="footer-follow" aria-label={ctx.t('subFeeds')}>
              <a href={urls.subscribe(ctx.lang, meta.subscribe)}>{ctx.t('subLink')}</a>
              {meta.feeds?.[0] && (
                <>
                  {' · '}
                  <a href={meta.feeds[0].rss} type="application/rss+xml">
                    RSS
                  </a>
                  {' · '}
                  <a href={meta.feeds[0].atom} type="application/atom+xml">
                    Atom
                  </a>
                </>
              )}
            </nav>
            <SiteFooter ctx={ctx} />
          </div>
        </footer>
      </body>
    </html>
  );
}

export function Breadcrumb(props: { ctx: PageContext; trail: { label: string; href?: string }[] }) {
  return (
    <nav class="breadcrumb" aria-label={props.ctx.t('breadcrumb')}>
      <ol>
        {props.trail.map((item, i) => (
          <li key={i}>{item.href ? <a href={item.href}>{item.label}</a> : <span aria-current="page">{item.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
