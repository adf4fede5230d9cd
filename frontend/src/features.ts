import type { ReactElement } from 'react';
import type { ItaRole } from './auth/claims';
import { activityFeature } from './activity/feature';
import { evidenceFeature } from './evidence/feature';
import { scoringFeature } from './scoring/feature';
import { surveyFeature } from './survey/feature';

/**
 * One capability of the product (survey, scoring, evidence, activity): its pages, its menu entries
 * and its texts. Each lives in its own folder, so features grow without touching each other.
 */
export interface Feature {
  /** i18next namespace of the feature's texts: `src/<feature>/i18n/{th,en}.json`. */
  namespace: 'survey' | 'scoring' | 'evidence' | 'activity';
  messages: { th: Record<string, unknown>; en: Record<string, unknown> };
  /** Routes inside the main layout; paths are relative (no leading slash). */
  routes: { path: string; element: ReactElement }[];
  /** Menu entries; `labelKey` is in the feature's namespace; shown to users with one of `roles` (all users if omitted). */
  nav: { to: string; labelKey: string; roles?: ItaRole[] }[];
}

export const features: Feature[] = [scoringFeature, surveyFeature, evidenceFeature, activityFeature];
