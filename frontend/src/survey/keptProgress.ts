import type { Instrument } from './api';

/**
 * A respondent's place in a questionnaire, kept on her phone so that a reload (LINE's in-app
 * browser and app switching cause them often) resumes where she was instead of starting over.
 *
 * Kept in localStorage for one day after the last change, and removed as soon as the service
 * acknowledges the answers: the submission id must not outlive its acceptance (survey-service
 * README, "Dedupe rows"), and nobody who picks up the phone later should find the answers. The
 * submission id is kept with the answers because a reload after a submit that was stored but not
 * acknowledged must send the same id again, so the service answers "already received" instead of
 * counting the answers twice or calling the spent code "used".
 */
export interface KeptProgress {
  /** The IIT code, checked at entry; null for EIT or before entry. */
  code: string | null;
  answers: Record<string, string>;
  /** Index of the current screen in {@link stepsOf}. */
  step: number;
  submissionId: string;
  /** EIT respondent category, when chosen. */
  category: string | null;
}

export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'ita.survey.progress.';
export const KEEP_FOR_MS = 24 * 60 * 60 * 1000;

interface Stored extends KeptProgress {
  savedAt: number;
}

export function progressKey(roundId: string, unitCode: string, instrument: Instrument): string {
  return `${PREFIX}${roundId}.${unitCode}.${instrument}`;
}

/** The kept progress of this questionnaire, or null when there is none, it expired or it is unreadable. */
export function loadProgress(
  storage: ProgressStorage | undefined,
  roundId: string,
  unitCode: string,
  instrument: Instrument,
  now: number = Date.now(),
): KeptProgress | null {
  if (!storage) return null;
  forgetExpired(storage, now);
  const text = safely(() => storage.getItem(progressKey(roundId, unitCode, instrument)));
  if (!text) return null;
  const stored = parse(text);
  if (!stored) {
    safely(() => storage.removeItem(progressKey(roundId, unitCode, instrument)));
    return null;
  }
  return { code: stored.code, answers: stored.answers, step: stored.step, submissionId: stored.submissionId, category: stored.category };
}

export function saveProgress(
  storage: ProgressStorage | undefined,
  roundId: string,
  unitCode: string,
  instrument: Instrument,
  progress: KeptProgress,
  now: number = Date.now(),
): void {
  const stored: Stored = { ...progress, savedAt: now };
  // A full or forbidden storage (private mode) only loses the resume, never the answering.
  safely(() => storage?.setItem(progressKey(roundId, unitCode, instrument), JSON.stringify(stored)));
}

/** Once the answers are acknowledged (or abandoned for another code): nothing of them stays on the phone. */
export function clearProgress(
  storage: ProgressStorage | undefined,
  roundId: string,
  unitCode: string,
  instrument: Instrument,
): void {
  safely(() => storage?.removeItem(progressKey(roundId, unitCode, instrument)));
}

/** Removes every questionnaire's progress older than a day, not only this one's (a shared phone). */
function forgetExpired(storage: ProgressStorage, now: number): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = safely(() => storage.key(i));
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) {
    const stored = parse(safely(() => storage.getItem(key)) ?? '');
    if (!stored || now - stored.savedAt > KEEP_FOR_MS || stored.savedAt > now + KEEP_FOR_MS) {
      safely(() => storage.removeItem(key));
    }
  }
}

function parse(text: string): Stored | null {
  try {
    const value = JSON.parse(text) as Partial<Stored> | null;
    if (
      !value ||
      typeof value.savedAt !== 'number' ||
      typeof value.step !== 'number' ||
      typeof value.submissionId !== 'string' ||
      typeof value.answers !== 'object' ||
      value.answers === null
    ) {
      return null;
    }
    const answers = Object.fromEntries(
      Object.entries(value.answers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    return {
      code: typeof value.code === 'string' ? value.code : null,
      answers,
      step: Math.max(0, Math.floor(value.step)),
      submissionId: value.submissionId,
      category: typeof value.category === 'string' ? value.category : null,
      savedAt: value.savedAt,
    };
  } catch {
    return null;
  }
}

function safely<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}

/**
 * Where the flow starts: the kept progress, unless a QR brought a different code (another
 * person's slip on a shared phone: her colleague's answers must not appear, so they are dropped);
 * else a fresh start. `checkCode` is a code from the QR that still has to be checked.
 */
export function startingPoint(
  kept: KeptProgress | null,
  codeFromQr: string | null,
  lastStep: number,
  newId: () => string = () => crypto.randomUUID(),
): { progress: KeptProgress; checkCode: string | null; dropped: boolean } {
  if (kept && (!codeFromQr || kept.code === codeFromQr)) {
    // A kept IIT without a code has not passed the code screen.
    const step = Math.min(kept.step, lastStep);
    return { progress: { ...kept, step }, checkCode: null, dropped: false };
  }
  return {
    progress: { code: null, answers: {}, step: 0, submissionId: newId(), category: null },
    checkCode: codeFromQr,
    dropped: kept !== null,
  };
}
