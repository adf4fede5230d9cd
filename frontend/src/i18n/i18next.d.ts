import 'i18next';
import type th from './th.json';
import type activity from '../activity/i18n/th.json';
import type evidence from '../evidence/i18n/th.json';
import type scoring from '../scoring/i18n/th.json';
import type survey from '../survey/i18n/th.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof th;
      survey: typeof survey;
      scoring: typeof scoring;
      evidence: typeof evidence;
      activity: typeof activity;
    };
  }
}
