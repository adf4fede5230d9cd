/**
 * Dates in the Buddhist era (พ.ศ. = ค.ศ. + 543) and the Thai government fiscal year
 * (1 October – 30 September, named by the BE year in which it ends).
 *
 * All functions read the date's local calendar fields; the app runs in Thailand's time zone.
 */

export const BUDDHIST_ERA_OFFSET = 543;

export type DateLanguage = 'th' | 'en';

/** Buddhist-era year of a date: 2023-01-15 → 2566. */
export function buddhistYear(date: Date): number {
  return date.getFullYear() + BUDDHIST_ERA_OFFSET;
}

/** Gregorian year of a Buddhist-era year: 2566 → 2023. */
export function gregorianYear(buddhistYearValue: number): number {
  return buddhistYearValue - BUDDHIST_ERA_OFFSET;
}

/**
 * Fiscal year (BE) that a date falls in. The fiscal year runs October–September and is named
 * by the BE year of its end: 2022-10-01 → 2566, 2023-09-30 → 2566, 2023-10-01 → 2567.
 */
export function fiscalYear(date: Date): number {
  const octoberOrLater = date.getMonth() >= 9;
  return buddhistYear(date) + (octoberOrLater ? 1 : 0);
}

/** First and last day of a fiscal year (BE): 2566 → 2022-10-01 .. 2023-09-30 (local dates). */
export function fiscalYearRange(fiscalYearBE: number): { start: Date; end: Date } {
  const endYear = gregorianYear(fiscalYearBE);
  return { start: new Date(endYear - 1, 9, 1), end: new Date(endYear, 8, 30) };
}

const LOCALES: Record<DateLanguage, string> = {
  th: 'th-TH-u-ca-buddhist-nu-latn',
  en: 'en-GB-u-ca-buddhist-nu-latn',
};

export interface ThaiDateOptions {
  /** Thai month names (default) or English ones; the year is always Buddhist era. */
  language?: DateLanguage;
  /** `long`: "1 ตุลาคม 2565" (default); `short`: "1 ต.ค. 2565". */
  style?: 'long' | 'short';
}

/**
 * Formats a date with a Buddhist-era year: "1 ตุลาคม 2565" in Thai,
 * "1 October 2565 BE" in English.
 */
export function formatThaiDate(date: Date, options: ThaiDateOptions = {}): string {
  const { language = 'th', style = 'long' } = options;
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    year: 'numeric',
  }).format(date);
}

/**
 * A `YYYY-MM-DD` date from a service, shown in the Buddhist era ("15 พ.ย. 2566"); read as a local
 * date so it never moves a day with the time zone. Anything else is shown as given.
 */
export function formatIsoDate(iso: string | null | undefined, options: ThaiDateOptions = {}): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return formatThaiDate(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])), options);
}
