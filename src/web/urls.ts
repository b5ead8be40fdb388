import type { Language } from '../domain/language.js';

/** The documented, permanent URL scheme (README "URL scheme"). Build every link through these. */
export const urls = {
  home: (lang: Language) => `/${lang}/`,
  board: (lang: Language, slug: string, page = 1, filter: string | null = null) => {
    const params = new URLSearchParams();
    if (filter) params.set('q', filter);
    if (page > 1) params.set('page', String(page));
    const query = params.toString();
    return `/${lang}/${slug}${query ? `?${query}` : ''}`;
  },
  release: (lang: Language, slug: string, number: number) => `/${lang}/${slug}/${number}`,
  /** A tag's page (#16): its listed releases, newest first; `after` is the keyset cursor of an older page. */
  tag: (lang: Language, tag: string, after: string | null = null) => `/${lang}/tags/${encodeURIComponent(tag)}${after ? `?after=${encodeURIComponent(after)}` : ''}`,
  releasePrint: (lang: Language, slug: string, number: number) => `/${lang}/${slug}/${number}/print`,
  search: (lang: Language, params: { q?: string; board?: string | null; sort?: 'newest' | 'relevance'; from?: string | null; to?: string | null; page?: number } = {}) => {
    const query = new URLSearchParams();
    if (params.q) query.set('q', params.q);
    if (params.board) query.set('board', params.board);
    if (params.sort && params.sort !== 'newest') query.set('sort', params.sort);
    if (params.from) query.set('from', params.from);
    if (params.to) query.set('to', params.to);
    if (params.page && params.page > 1) query.set('page', String(params.page));
    const text = query.toString();
    return `/${lang}/search${text ? `?${text}` : ''}`;
  },
  /** Email alerts (#14): the subscribe form for a board, tag or saved search (none: every release). */
  subscribe: (lang: Language, criteria: { board?: string | null; tag?: string | null; q?: string | null } = {}) => {
    const query = new URLSearchParams();
    if (criteria.board) query.set('board', criteria.board);
    if (criteria.tag) query.set('tag', criteria.tag);
    if (criteria.q) query.set('q', criteria.q);
    const text = query.toString();
    return `/${lang}/subscribe${text ? `?${text}` : ''}`;
  },
  subscriptionConfirm: (lang: Language, token: string) => `/${lang}/subscriptions/confirm?token=${encodeURIComponent(token)}`,
  subscriptionManage: (lang: Language, token: string) => `/${lang}/subscriptions/manage?token=${encodeURIComponent(token)}`,
  unsubscribe: (lang: Language, token: string) => `/${lang}/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`,
  /** An attachment's text view (#19), under its release. */
  attachmentText: (lang: Language, slug: string, number: number, attachmentId: number) => `/${lang}/${slug}/${number}/files/${attachmentId}`,
  /** The photos of a release as one zip, with their captions and credits (#19). */
  mediaKit: (lang: Language, slug: string, number: number) => `/${lang}/${slug}/${number}/photos.zip`,
  file: (sha256: string, fileName: string) => `/files/${sha256}/${encodeURIComponent(fileName)}`,
  /** The built-in privacy and accessibility statements (when no external URL is configured). */
  statement: (lang: Language, which: 'privacy' | 'accessibility') => `/${lang}/${which}`,
};
