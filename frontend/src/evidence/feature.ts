import type { Feature } from '../features';
import en from './i18n/en.json';
import th from './i18n/th.json';

// The English texts must have exactly the Thai texts' keys: checked here at compile time.
const english: typeof th = en;

export const evidenceFeature: Feature = {
  namespace: 'evidence',
  messages: { th, en: english },
  routes: [],
  nav: [],
};
