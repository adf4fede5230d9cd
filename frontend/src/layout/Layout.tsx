import { Suspense, useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { features } from '../features';
import { ErrorBoundary } from '../ui/ErrorBoundary';

/**
 * Pages a respondent answers on (IIT/EIT `/s/…`, a public EIT link `/e/…`, an office's own survey
 * `/o/…`): their header is quiet, the name and the language only, because links to the home page
 * and the results invite her to leave in the middle of the questionnaire.
 */
export function isRespondentPath(pathname: string): boolean {
  return /^\/(s|e|o)\//.test(pathname);
}

/** Skip link, header (name, menu, language, logout), main landmark and footer around each page. */
export function Layout() {
  const { t } = useTranslation();
  const { status, session, logout } = useAuth();
  const { pathname } = useLocation();
  const quiet = isRespondentPath(pathname);
  // On a phone the menu folds behind one button (it grows with her roles, up to 14 links that
  // pushed the page's content below the first screen); it folds again after each move.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [pathname]);
  const roles = session?.roles ?? [];
  // One group per feature (results, IIT/EIT, OIT, METTA), so up to 14 links read as four short lists.
  const navGroups = features
    .map((feature) => ({
      namespace: feature.namespace,
      items: feature.nav.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role))),
    }))
    .filter((group) => group.items.length > 0);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          {quiet ? (
            <span className="brand">
              <span className="brand-name" lang="en">
                {t('app.name')}
              </span>
            </span>
          ) : (
            <Link to="/" className="brand">
              <span className="brand-name" lang="en">
                {t('app.name')}
              </span>
            </Link>
          )}
          {!quiet && (
          <nav aria-label={t('layout.mainNav')} className="main-nav">
            <button
              type="button"
              className="button on-dark menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="main-menu"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {t('layout.menu')}
            </button>
            <ul id="main-menu" className={menuOpen ? 'open' : undefined}>
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
              {navGroups.map((group) =>
                group.items.length === 1 ? (
                  <li key={group.namespace}>
                    <NavLink to={group.items[0]!.to}>{t(group.items[0]!.labelKey as never, { ns: group.namespace })}</NavLink>
                  </li>
                ) : (
                  <li key={group.namespace} className="nav-group">
                    <span className="nav-group-title" id={`nav-group-${group.namespace}`}>
                      {t(`nav.groups.${group.namespace}`)}
                    </span>
                    <ul aria-labelledby={`nav-group-${group.namespace}`}>
                      {group.items.map((item) => (
                        <li key={item.to}>
                          <NavLink to={item.to}>{t(item.labelKey as never, { ns: group.namespace })}</NavLink>
                        </li>
                      ))}
                    </ul>
                  </li>
                ),
              )}
            </ul>
          </nav>
          )}
          <div className="header-tools">
            <LanguageSwitcher />
            {!quiet && status === 'authenticated' && (
              <button type="button" className="button on-dark" onClick={() => void logout()}>
                {t('auth.logout')}
              </button>
            )}
          </div>
        </div>
        {!quiet && <p className="tagline">{t('app.tagline')}</p>}
      </header>
      <main id="main" tabIndex={-1}>
        {/* Staff pages are loaded on first visit (lib/lazyPage). */}
        <Suspense fallback={<p className="loading">{t('layout.loading')}</p>}>
          <ErrorBoundary key={pathname} fallback={<p className="alert" role="alert">{t('layout.renderFailed')}</p>}>
            <Outlet />
          </ErrorBoundary>
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </>
  );
}
