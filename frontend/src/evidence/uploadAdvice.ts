import { ProblemError } from '../api/http';

/** The largest file evidence-service keeps (its `file-too-large` limit); checked before sending too. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export type UploadAdvice = 'tooLarge' | 'wrongType' | 'loggedOut' | 'notYours' | 'locked' | 'offline' | 'retry';

/**
 * What the coordinator should do about a failed upload. The service's detail says what went
 * wrong; this says how to get past it (the gateway's own 413 carries no detail at all).
 */
export function uploadAdvice(error: unknown): UploadAdvice {
  if (!(error instanceof ProblemError)) return 'offline';
  switch (error.status) {
    case 413:
      return 'tooLarge';
    case 415:
      return 'wrongType';
    case 401:
      return 'loggedOut';
    case 403:
    case 404:
      return 'notYours';
    case 409:
      return 'locked';
    default:
      return 'retry';
  }
}

/** SHA-256 of a file as lowercase hex, the form evidence-service reports; null where the browser cannot hash (plain http). */
export async function sha256Hex(file: Blob): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  // A view rather than the buffer itself: digest refuses an ArrayBuffer made in another realm (jsdom's File under test).
  const digest = await subtle.digest('SHA-256', new Uint8Array(await file.arrayBuffer()));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
