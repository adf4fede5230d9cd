import { useTranslation } from 'react-i18next';

/** Shown instead of the app when /env.js is missing or invalid. */
export function ConfigErrorPage({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="config-error">
      <h1>{t('errors.configTitle')}</h1>
      <p>{t('errors.configHelp')}</p>
      <pre lang="en">{message}</pre>
    </main>
  );
}
