/** The languages Pressroom publishes in. Korean and English are equals; order is display order. */
export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** Text held once per language (board names, UI labels). */
export type Localized<T = string> = Record<Language, T>;
