import { useTranslation } from 'react-i18next';
import { LANGUAGES, languageOf } from './index';

/** ไทย / English toggle; the choice is kept in localStorage by the i18n instance. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = languageOf(i18n);
  return (
    <div role="group" aria-label={t('layout.languageSwitcher')} className="language-switcher">
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={current === lng}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  );
}
