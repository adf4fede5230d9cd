import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Button, Notice } from '../ui/controls';
import { useAuth } from './AuthContext';

/**
 * A staff screen opened while logged out (a bookmark, a link in a message) says so and offers the
 * login, which comes back to this very page, instead of an empty form over silent 401s.
 */
export function RequireLogin({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { status, login } = useAuth();
  const location = useLocation();
  const [failed, setFailed] = useState(false);
  if (status === 'authenticated') return <>{children}</>;
  if (status === 'loading') {
    return (
      <p role="status" className="loading">
        {t('auth.checking')}
      </p>
    );
  }
  return (
    <section className="card" aria-labelledby="login-needed">
      <h1 id="login-needed">{t('auth.loginNeeded')}</h1>
      <p>{t('auth.loginNeededText')}</p>
      <Button
        variant="primary"
        onClick={() => {
          setFailed(false);
          login(`${location.pathname}${location.search}${location.hash}`).catch(() => setFailed(true));
        }}
      >
        {t('auth.login')}
      </Button>
      {failed && <Notice tone="error">{t('auth.loginUnavailable')}</Notice>}
    </section>
  );
}
