import { createElement } from 'react';
import type { Feature } from '../features';
import { ChecklistPage } from './ChecklistPage';
import en from './i18n/en.json';
import th from './i18n/th.json';
import { ItemPage } from './ItemPage';
import { ReviewQueuePage } from './ReviewQueuePage';

// The English texts must have exactly the Thai texts' keys: checked here at compile time.
const english: typeof th = en;

export const evidenceFeature: Feature = {
  namespace: 'evidence',
  messages: { th, en: english },
  routes: [
    { path: 'evidence', element: createElement(ChecklistPage) },
    { path: 'evidence/reviews', element: createElement(ReviewQueuePage) },
    { path: 'evidence/:unitCode/rounds/:roundId', element: createElement(ChecklistPage) },
    { path: 'evidence/:unitCode/rounds/:roundId/items/:itemCode', element: createElement(ItemPage) },
  ],
  nav: [
    { to: '/evidence', labelKey: 'nav.checklist', roles: ['unit-admin', 'evidence-editor', 'area-admin', 'system-admin'] },
    { to: '/evidence/reviews', labelKey: 'nav.reviews', roles: ['auditor'] },
  ],
};
