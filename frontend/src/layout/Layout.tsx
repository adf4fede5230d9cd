import { Link, NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';

/** Skip link, header (name, menu, language, logout), main landmark and footer around each page. */
export function Layout() {
  const { t } = useTranslation();
  const { status, logout } = useAuth();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <span className="brand-name" lang="en">
              {t('app.name')}
            </span>
          </Link>
          <nav aria-label={t('layout.mainNav')} className="main-nav">
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
            </ul>
          </nav>
          <div className="header-tools">
            <LanguageSwitcher />
            {status === 'authenticated' && (
              <button type="button" className="button on-dark" onClick={() => void logout()}>
                {t('auth.logout')}
              </button>
            )}
          </div>
        </div>
        <p className="tagline">{t('app.tagline')}</p>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </>
  );
}
