import type { Language } from '../../domain/language.js';
import { feedUrls } from '../feeds/feed-urls.js';
import { urls } from '../urls.js';
import type { PageContext } from './page-context.js';

/**
 * A release's tags (#16), each linking to its tag page and the tag's feed. On a preview or a page that
 * is no longer listed (withdrawn) the tags are plain words: their pages may not list it.
 */
export function ReleaseTags(props: { ctx: PageContext; lang: Language; tags: string[]; linked: boolean }) {
  const { ctx, lang, tags } = props;
  if (tags.length === 0) return null;
  return (
    <section class="release-tags" aria-labelledby="release-tags-title">
      <h2 id="release-tags-title">{ctx.t('releaseTags')}</h2>
      <ul>
        {tags.map((tag) =>
          props.linked ? (
            <li key={tag}>
              <a href={urls.tag(lang, tag)} rel="tag">
                #{tag}
              </a>{' '}
              <a class="tag-feed" href={feedUrls.tag(lang, tag, 'rss')} type="application/rss+xml">
                RSS<span class="visually-hidden"> {ctx.t('tagFeedOf', { tag })}</span>
              </a>
            </li>
          ) : (
            <li key={tag}>#{tag}</li>
          ),
        )}
      </ul>
    </section>
  );
}
