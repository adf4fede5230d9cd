import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from './AuthContext';

/** Keycloak redirects here with `?code=…&state=…`; exchange it, then go where she was going (or home). */
export function LoginCallbackPage() {
  const { t } = useTranslation();
  const { completeLogin } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    completeLogin(window.location.href).then(
      (returnTo) => {
        if (active) void navigate(returnTo ?? '/', { replace: true });
      },
      (reason: unknown) => {
        if (active) setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
    return () => {
      active = false;
    };
  }, [completeLogin, navigate]);

  if (error) {
    return (
      <section aria-labelledby="login-failed-heading">
        <h1 id="login-failed-heading">{t('auth.loginFailed')}</h1>
        <p>{t('auth.loginFailedHelp')}</p>
        <p className="muted">
          <code>{error}</code>
        </p>
        <p>
          <Link to="/">{t('auth.backHome')}</Link>
        </p>
      </section>
    );
  }
  return (
    <p role="status" className="loading">
      {t('auth.signingIn')}
    </p>
  );
}
