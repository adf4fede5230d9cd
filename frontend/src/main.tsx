import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { isRespondentPath, loadFonts } from './fonts/fonts';
import { createQueryClient } from './api/queryClient';
import { LazyUserManager } from './auth/lazyUserManager';
import { createI18n } from './i18n/setup';
import { ConfigErrorPage } from './layout/ConfigErrorPage';
import { readEnv, type AppEnv } from './lib/env';

if (!isRespondentPath(window.location.pathname)) void loadFonts();

const i18n = createI18n();
const root = createRoot(document.getElementById('root')!);

let env: AppEnv | undefined;
try {
  env = readEnv();
} catch (error) {
  console.error(error);
  root.render(
    <I18nextProvider i18n={i18n}>
      <ConfigErrorPage message={error instanceof Error ? error.message : String(error)} />
    </I18nextProvider>,
  );
}

if (env) {
  root.render(
    <StrictMode>
      <App env={env} userManager={new LazyUserManager(env)} i18n={i18n} queryClient={createQueryClient()} />
    </StrictMode>,
  );
}
