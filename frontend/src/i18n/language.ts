import type { i18n as I18n } from 'i18next';

/**
 * The languages and the helpers pages need, in a module that imports no feature: pages import
 * these from here, so `i18n/index.ts` (which gathers every feature's texts) is no part of an
 * import cycle.
 */

/** Thai first, English second. */
export const LANGUAGES = ['th', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'th';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The i18n instance's language narrowed to ours (Thai when unknown). */
export function languageOf(instance: Pick<I18n, 'resolvedLanguage' | 'language'>): Language {
  const value = instance.resolvedLanguage ?? instance.language;
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}
