import { createElement } from 'react';
import type { Feature } from '../features';
import { staffPage } from '../lib/lazyPage';
import { EitLinkPage } from './EitLinkPage';
import { OwnRespondPage } from './own/OwnRespondPage';
import en from './i18n/en.json';
import th from './i18n/th.json';
import { RespondentPage } from './RespondentPage';

// The English texts must have exactly the Thai texts' keys: checked here at compile time.
const english: typeof th = en;

export const surveyFeature: Feature = {
  namespace: 'survey',
  messages: { th, en: english },
  routes: [
    // Public: respondents have no account. The IIT code arrives in the fragment (#code=…).
    { path: 's/:roundId/:unitCode/:instrument', element: createElement(RespondentPage) },
    { path: 'e/:token', element: createElement(EitLinkPage) },
    { path: 'survey/manage', element: staffPage(() => import('./StaffSurveyPage'), 'StaffSurveyPage') },
    // Public: an office's own survey, answered anonymously by its link.
    { path: 'o/:token', element: createElement(OwnRespondPage) },
    { path: 'survey/own', element: staffPage(() => import('./own/OwnSurveysPage'), 'OwnSurveysPage') },
  ],
  nav: [
    { to: '/survey/manage', labelKey: 'nav.manage', roles: ['unit-admin', 'area-admin', 'system-admin'] },
    { to: '/survey/own', labelKey: 'own.nav', roles: ['unit-admin', 'area-admin', 'system-admin'] },
  ],
};
