import type { Feature } from '../features';
import { lazyPage } from '../lib/lazyPage';
import en from './i18n/en.json';
import th from './i18n/th.json';

// The English texts must have exactly the Thai texts' keys: checked here at compile time.
const english: typeof th = en;

export const scoringFeature: Feature = {
  namespace: 'scoring',
  messages: { th, en: english },
  routes: [
    { path: 'scoring/units/:unitCode/years/:fiscalYear', element: lazyPage(() => import('./ScoreSheetPage'), 'ScoreSheetPage') },
    { path: 'scoring/results', element: lazyPage(() => import('./ScoreSheetPage'), 'ScoreSheetPage') },
    { path: 'scoring/dashboard', element: lazyPage(() => import('./AreaDashboardPage'), 'AreaDashboardPage') },
    { path: 'scoring/dashboard/:unitCode', element: lazyPage(() => import('./AreaDashboardPage'), 'AreaDashboardPage') },
    { path: 'scoring/progress', element: lazyPage(() => import('./ProgressPage'), 'ProgressPage') },
    { path: 'scoring/progress/:unitCode', element: lazyPage(() => import('./ProgressPage'), 'ProgressPage') },
    { path: 'scoring/rounds', element: lazyPage(() => import('./admin/RoundsPage'), 'RoundsPage') },
    { path: 'scoring/units', element: lazyPage(() => import('./admin/UnitsPage'), 'UnitsPage') },
    { path: 'scoring/frameworks', element: lazyPage(() => import('./admin/FrameworksPage'), 'FrameworksPage') },
    { path: 'scoring/official-results', element: lazyPage(() => import('./admin/OfficialResultsPage'), 'OfficialResultsPage') },
  ],
  nav: [
    { to: '/scoring/results', labelKey: 'nav.results' },
    { to: '/scoring/dashboard', labelKey: 'nav.dashboard', roles: ['area-admin', 'system-admin'] },
    { to: '/scoring/progress', labelKey: 'nav.progress', roles: ['area-admin', 'system-admin'] },
    { to: '/scoring/rounds', labelKey: 'nav.rounds', roles: ['area-admin', 'system-admin'] },
    { to: '/scoring/units', labelKey: 'nav.units', roles: ['area-admin', 'system-admin', 'unit-admin'] },
    { to: '/scoring/frameworks', labelKey: 'nav.frameworks', roles: ['system-admin'] },
    { to: '/scoring/official-results', labelKey: 'nav.official', roles: ['area-admin', 'system-admin'] },
  ],
};
