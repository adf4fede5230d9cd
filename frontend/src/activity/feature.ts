import type { Feature } from '../features';
import { lazyPage } from '../lib/lazyPage';
import en from './i18n/en.json';
import th from './i18n/th.json';

// The English texts must have exactly the Thai texts' keys: checked here at compile time.
const english: typeof th = en;

export const activityFeature: Feature = {
  namespace: 'activity',
  messages: { th, en: english },
  routes: [
    { path: 'activity', element: lazyPage(() => import('./PlanPage'), 'PlanPage') },
    { path: 'activity/activities/:id', element: lazyPage(() => import('./ActivityPage'), 'ActivityPage') },
    { path: 'activity/overview', element: lazyPage(() => import('./AreaOverviewPage'), 'AreaOverviewPage') },
    { path: 'activity/plans/:year/new', element: lazyPage(() => import('./NewActivityPage'), 'NewActivityPage') },
  ],
  nav: [
    {
      to: '/activity',
      labelKey: 'nav',
      roles: ['system-admin', 'area-admin', 'unit-admin', 'activity-editor', 'auditor'],
    },
    { to: '/activity/overview', labelKey: 'navOverview', roles: ['system-admin', 'area-admin'] },
  ],
};
