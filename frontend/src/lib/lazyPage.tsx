import { createElement, lazy, type ComponentType, type ReactElement } from 'react';
import { RequireLogin } from '../auth/RequireLogin';

/**
 * A page loaded on first visit (React.lazy), so its code, and what only it imports, is not in the
 * bundle every visitor downloads. Staff screens are lazy; the respondent pages are not (a teacher on
 * 3G should download nothing she does not use, and nothing more after the questionnaire opens).
 * The layout's Suspense shows the loading line meanwhile.
 */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): ReactElement {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return createElement(Page);
}

/** A staff screen: loaded on first visit, and asking a logged-out visitor to log in (and come back). */
export function staffPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): ReactElement {
  return createElement(RequireLogin, null, lazyPage(load, name));
}
