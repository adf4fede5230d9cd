/**
 * Answers that `public/early.js` asked for before the app had loaded (a respondent's questionnaire
 * on a slow phone), keyed by their full URL. Each is handed out once: a later request (a retry, a
 * refetch) goes to the network as usual.
 */
type EarlyAnswers = Record<string, Promise<Response> | undefined>;

declare global {
  interface Window {
    __ITA_EARLY__?: EarlyAnswers;
  }
}

/** The early answer for `url`, if one was asked for and not yet taken; a failed one counts as none. */
export async function takeEarly(url: string): Promise<Response | undefined> {
  const early = typeof window === 'undefined' ? undefined : window.__ITA_EARLY__;
  const response = early?.[url];
  if (!response) return undefined;
  delete early[url];
  try {
    return await response;
  } catch {
    return undefined;
  }
}
