import { ProblemError } from '../api/http';

/**
 * Sending over a poor connection (3G, a lift, a train): a request that fails on the network or
 * times out is sent again, a few times, with growing pauses. Only for requests that may be
 * repeated safely: a submission carries its submission id, so a repeat is counted once.
 */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Each try is abandoned after this long. */
  timeoutMs: number;
  /** Pause before the second, third, ... try (the last value repeats). */
  pausesMs: number[];
}

export const SUBMIT_RETRY: RetryPolicy = { attempts: 4, timeoutMs: 20_000, pausesMs: [1_000, 3_000, 6_000] };

/** The service answered, so sending the same again would be answered the same: no retry. Gateways' 502–504 are not the service. */
export function isWorthRetrying(error: unknown): boolean {
  if (error instanceof ProblemError) return error.status === 502 || error.status === 503 || error.status === 504;
  // fetch rejects with a TypeError when the network fails, and with an AbortError on our timeout.
  return error instanceof TypeError || (error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError'));
}

export async function withRetry<T>(
  send: (signal: AbortSignal) => Promise<T>,
  policy: RetryPolicy = SUBMIT_RETRY,
  pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), policy.timeoutMs);
    try {
      return await send(controller.signal);
    } catch (error) {
      if (attempt >= policy.attempts || !isWorthRetrying(error)) throw error;
    } finally {
      clearTimeout(timer);
    }
    await pause(policy.pausesMs[Math.min(attempt - 1, policy.pausesMs.length - 1)] ?? 0);
  }
}
