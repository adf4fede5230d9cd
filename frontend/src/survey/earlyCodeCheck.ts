import { takeEarly } from '../api/early';

/**
 * The check of a code that came in a slip's QR (`#code=…`), sent by public/early.js before the app
 * has loaded, else as the page opens, instead of after the questionnaire has arrived: on 3G that is
 * a round trip less before the first question. Checking writes nothing, so a check whose answer is
 * never taken (a resumed questionnaire that already holds the code) costs nothing. Each is taken once.
 */
type Check = Promise<{ usable: boolean }>;

/** The check public/early.js sent before the app had loaded, if it did and it was answered. */
async function fromEarlyJs(roundId: string, unitCode: string, code: string): Promise<{ usable: boolean } | undefined> {
  const response = await takeEarly(`check ${JSON.stringify({ roundId, unitCode, code })}`);
  if (!response?.ok) return undefined;
  try {
    const body = (await response.json()) as { usable?: unknown };
    return typeof body.usable === 'boolean' ? { usable: body.usable } : undefined;
  } catch {
    return undefined;
  }
}

const started = new Map<string, Check>();

const keyOf = (roundId: string, unitCode: string, code: string) => JSON.stringify([roundId, unitCode, code]);

/** Starts `check` unless one for the same round, unit and code is already under way (StrictMode mounts twice). */
export function startCodeCheck(roundId: string, unitCode: string, code: string, check: () => Check): void {
  const key = keyOf(roundId, unitCode, code);
  if (started.has(key)) return;
  const promise = fromEarlyJs(roundId, unitCode, code).then((early) => early ?? check());
  promise.catch(() => {
    // Taken or not, a failed early check is asked again by the page.
  });
  started.set(key, promise);
}

/** The started check for this code, once; undefined when none was started or it failed. */
export async function takeCodeCheck(roundId: string, unitCode: string, code: string): Promise<{ usable: boolean } | undefined> {
  const key = keyOf(roundId, unitCode, code);
  const promise = started.get(key) ?? fromEarlyJs(roundId, unitCode, code);
  started.delete(key);
  try {
    return await promise;
  } catch {
    return undefined;
  }
}
