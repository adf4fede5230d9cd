import { useEffect } from 'react';

/**
 * Sarabun is ≈ 45 kB of font files. Staff pages ask for it at once; a respondent's page on a slow
 * phone (issue 20) first shows its questionnaire in the phone's own Thai font and asks for Sarabun
 * only once the screen is usable and nothing else is on the wire, so the font never delays a question.
 */
let loading: Promise<unknown> | undefined;

export function loadFonts(): Promise<unknown> {
  loading ??= import('./sarabun').catch(() => {
    // No font is no error: the phone's own Thai font stays.
    loading = undefined;
  });
  return loading;
}

/** Pages a respondent reaches from a link or a QR code: they wait for the font. */
export function isRespondentPath(path: string): boolean {
  return /^\/(s|e|o)\//.test(path);
}

/** How long a respondent's page stays quiet before the font is asked for. */
export const QUIET_MS = 1500;

/** Asks for the font once the page has been usable and not `busy` for {@link QUIET_MS}. */
export function useFontsWhenQuiet(busy: boolean): void {
  useEffect(() => {
    if (busy) return;
    const timer = window.setTimeout(() => void loadFonts(), QUIET_MS);
    return () => window.clearTimeout(timer);
  }, [busy]);
}
