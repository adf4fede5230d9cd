import { DEFAULT_LANGUAGE, isLanguage, type Language } from './language';

/**
 * The language helpers and the stored choice. Imports no feature, so the pages that import it are
 * no part of an import cycle; the i18next instance with every feature's texts is made in ./setup.
 */
export { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, languageOf, type Language } from './language';
export const LANGUAGE_STORAGE_KEY = 'ita.language';

export function safeStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined; // storage can be blocked (privacy mode, some in-app browsers)
  }
}

/** The language the user chose last time, or Thai. */
export function storedLanguage(storage: Storage | undefined = safeStorage()): Language {
  const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}
