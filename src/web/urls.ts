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
  releasePrint: (lang: Language, slug: string, number: number) => `/${lang}/${slug}/${number}/print`,
  file: (sha256: string, fileName: string) => `/files/${sha256}/${encodeURIComponent(fileName)}`,
};
