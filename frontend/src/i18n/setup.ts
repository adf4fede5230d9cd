import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import th from './th.json';
import en from './en.json';
import { features } from '../features';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, LANGUAGE_STORAGE_KEY, safeStorage, storedLanguage, type Language } from './index';

// The English bundle must have exactly the Thai bundle's keys: checked here at compile time.
const english: typeof th = en;

export const resources = {
  th: { translation: th, ...Object.fromEntries(features.map((f) => [f.namespace, f.messages.th])) },
  en: { translation: english, ...Object.fromEntries(features.map((f) => [f.namespace, f.messages.en])) },
};

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
