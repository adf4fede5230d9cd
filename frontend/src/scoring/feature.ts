import { createElement } from 'react';
import type { Feature } from '../features';
import { AreaDashboardPage } from './AreaDashboardPage';
import en from './i18n/en.json';
import th from './i18n/th.json';
import { ProgressPage } from './ProgressPage';
import { ScoreSheetPage } from './ScoreSheetPage';
import { RoundsPage } from './admin/RoundsPage';
import { UnitsPage } from './admin/UnitsPage';
import { FrameworksPage } from './admin/FrameworksPage';
import { OfficialResultsPage } from './admin/OfficialResultsPage';

// The English texts must have exactly the Thai texts' keys: checked here at compile time.
const english: typeof th = en;

export const scoringFeature: Feature = {
  namespace: 'scoring',
  messages: { th, en: english },
  routes: [
    { path: 'scoring/units/:unitCode/years/:fiscalYear', element: createElement(ScoreSheetPage) },
    { path: 'scoring/results', element: createElement(ScoreSheetPage) },
    { path: 'scoring/dashboard', element: createElement(AreaDashboardPage) },
    { path: 'scoring/dashboard/:unitCode', element: createElement(AreaDashboardPage) },
    { path: 'scoring/progress', element: createElement(ProgressPage) },
    { path: 'scoring/progress/:unitCode', element: createElement(ProgressPage) },
    { path: 'scoring/rounds', element: createElement(RoundsPage) },
    { path: 'scoring/units', element: createElement(UnitsPage) },
    { path: 'scoring/frameworks', element: createElement(FrameworksPage) },
    { path: 'scoring/official-results', element: createElement(OfficialResultsPage) },
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
