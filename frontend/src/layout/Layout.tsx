import { Link, NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { features } from '../features';

/** Skip link, header (name, menu, language, logout), main landmark and footer around each page. */
export function Layout() {
  const { t } = useTranslation();
  const { status, session, logout } = useAuth();
  const roles = session?.roles ?? [];
  const navItems = features.flatMap((feature) =>
    feature.nav
      .filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)))
      .map((item) => ({ ...item, namespace: feature.namespace })),
  );
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
              {navItems.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to}>{t(item.labelKey as never, { ns: item.namespace })}</NavLink>
                </li>
              ))}
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
