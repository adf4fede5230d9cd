import { createElement } from 'react';
import type { Feature } from '../features';
import { AreaDashboardPage } from './AreaDashboardPage';
import en from './i18n/en.json';
import th from './i18n/th.json';
import { ScoreSheetPage } from './ScoreSheetPage';

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
  ],
  nav: [
    { to: '/scoring/results', labelKey: 'nav.results' },
    { to: '/scoring/dashboard', labelKey: 'nav.dashboard', roles: ['area-admin', 'system-admin'] },
  ],
};
