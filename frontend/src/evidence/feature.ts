import type { Feature } from '../features';
import { staffPage } from '../lib/lazyPage';
import en from './i18n/en.json';
import th from './i18n/th.json';

// The English texts must have exactly the Thai texts' keys: checked here at compile time.
const english: typeof th = en;

export const evidenceFeature: Feature = {
  namespace: 'evidence',
  messages: { th, en: english },
  routes: [
    { path: 'evidence', element: staffPage(() => import('./ChecklistPage'), 'ChecklistPage') },
    { path: 'evidence/reviews', element: staffPage(() => import('./ReviewQueuePage'), 'ReviewQueuePage') },
    { path: 'evidence/auditors', element: staffPage(() => import('./AuditorAssignmentPage'), 'AuditorAssignmentPage') },
    { path: 'evidence/:unitCode/rounds/:roundId', element: staffPage(() => import('./ChecklistPage'), 'ChecklistPage') },
    { path: 'evidence/:unitCode/rounds/:roundId/items/:itemCode', element: staffPage(() => import('./ItemPage'), 'ItemPage') },
  ],
  nav: [
    { to: '/evidence', labelKey: 'nav.checklist', roles: ['unit-admin', 'evidence-editor', 'area-admin', 'system-admin'] },
    { to: '/evidence/reviews', labelKey: 'nav.reviews', roles: ['auditor'] },
    { to: '/evidence/auditors', labelKey: 'nav.auditors', roles: ['area-admin', 'system-admin'] },
  ],
};
