import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import th from './th.json';
import en from './en.json';
import { features } from '../features';

/** Thai first, English second. */
export const LANGUAGES = ['th', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'th';
export const LANGUAGE_STORAGE_KEY = 'ita.language';

// The English bundle must have exactly the Thai bundle's keys: checked here at compile time.
const english: typeof th = en;

export const resources = {
  th: { translation: th, ...Object.fromEntries(features.map((f) => [f.namespace, f.messages.th])) },
  en: { translation: english, ...Object.fromEntries(features.map((f) => [f.namespace, f.messages.en])) },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function safeStorage(): Storage | undefined {
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

/** The i18n instance's language narrowed to ours (Thai when unknown). */
export function languageOf(instance: Pick<I18n, 'resolvedLanguage' | 'language'>): Language {
  const value = instance.resolvedLanguage ?? instance.language;
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}

/**
 * Creates an initialised i18next instance. Changing its language updates `<html lang>`, the
 * document title and the stored choice in localStorage.
 */
export function createI18n(language: Language = storedLanguage()): I18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (lng) => {
    if (!isLanguage(lng)) return;
    if (typeof document !== 'undefined') {
      document.documentElement.lang = lng;
      document.title = instance.t('app.name');
    }
    try {
      safeStorage()?.setItem(LANGUAGE_STORAGE_KEY, lng);
    } catch {
      // ignore: the choice then lasts for this page view only
    }
  });
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
