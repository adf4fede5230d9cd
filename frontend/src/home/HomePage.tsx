import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import type { Session } from '../auth/claims';
import { RoleList } from '../auth/RoleList';
import { languageOf } from '../i18n';
import { fiscalYear, formatThaiDate } from '../lib/thaiDate';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { ServiceStatusPanel } from './ServiceStatusPanel';

// Only a signed-in person sees it, and it reads evidence, survey and activity: loaded when shown, so
// what a respondent's phone downloads first carries none of those clients.
const WhatIsMissing = lazy(async () => ({ default: (await import('./WhatIsMissing')).WhatIsMissing }));

export function HomePage() {
  const { t } = useTranslation();
  const { status, session } = useAuth();
  if (status === 'loading') {
    return (
      <p role="status" className="loading">
        {t('auth.checking')}
      </p>
    );
  }
  return session ? <SignedInHome session={session} /> : <Welcome />;
}

function Welcome() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const [redirecting, setRedirecting] = useState(false);
  const [failed, setFailed] = useState(false);

  const startLogin = async () => {
    setFailed(false);
    setRedirecting(true);
    try {
      await login(); // the browser leaves for Keycloak when this succeeds
    } catch (error) {
      console.error('Login could not start', error);
      setFailed(true);
      setRedirecting(false);
    }
  };

  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      <h1 id="welcome-heading">{t('home.welcomeTitle')}</h1>
      <p className="lead">{t('home.welcomeText')}</p>
      <p>{t('home.loginHint')}</p>
      <button type="button" className="button primary" disabled={redirecting} onClick={() => void startLogin()}>
        {t('auth.login')}
      </button>
      {failed && (
        <p role="alert" className="error-text alert">
          {t('auth.loginUnavailable')}
        </p>
      )}
    </section>
  );
}

function SignedInHome({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const today = new Date();
  return (
    <>
      <h1 id="greeting">{t('home.greeting', { name: session.name })}</h1>
      <p className="muted">
        {t('home.today', {
          date: formatThaiDate(today, { language: languageOf(i18n) }),
          fiscalYear: fiscalYear(today),
        })}
      </p>
      <ErrorBoundary fallback={<p className="alert" role="alert">{t('layout.renderFailed')}</p>}>
        <Suspense fallback={null}>
          <WhatIsMissing session={session} today={today} />
        </Suspense>
      </ErrorBoundary>
      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">{t('home.accountHeading')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('home.unit')}</dt>
            <dd data-testid="unit-code">{session.unitCode ?? t('home.noUnit')}</dd>
          </div>
          <div>
            <dt id="roles-label">{t('home.roles')}</dt>
            <dd>
              <RoleList roles={session.roles} labelledBy="roles-label" />
            </dd>
          </div>
        </dl>
      </section>
      <ServiceStatusPanel />
    </>
  );
}
