import { createElement } from 'react';
import type { Feature } from '../features';
import { ActivityPage } from './ActivityPage';
import { AreaOverviewPage } from './AreaOverviewPage';
import { NewActivityPage } from './NewActivityPage';
import en from './i18n/en.json';
import th from './i18n/th.json';
import { PlanPage } from './PlanPage';

// The English texts must have exactly the Thai texts' keys: checked here at compile time.
const english: typeof th = en;

export const activityFeature: Feature = {
  namespace: 'activity',
  messages: { th, en: english },
  routes: [
    { path: 'activity', element: createElement(PlanPage) },
    { path: 'activity/activities/:id', element: createElement(ActivityPage) },
    { path: 'activity/overview', element: createElement(AreaOverviewPage) },
    { path: 'activity/plans/:year/new', element: createElement(NewActivityPage) },
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
