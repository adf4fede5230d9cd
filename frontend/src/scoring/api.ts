import * as z from 'zod/mini';
import type { TableFormat } from '../api/files';
import type { HttpClient } from '../api/http';

/** Paths of scoring-service behind the gateway's `/api/scoring`. */
const base = '/scoring';

const label = z.object({ th: z.string(), en: z.nullish(z.string()) });
const scores = z.record(z.string(), z.number());

export const publicResultSchema = z.object({
  unit: z.object({ code: z.string(), nameTh: z.string(), nameEn: z.nullish(z.string()) }),
  fiscalYear: z.number(),
  official: z.boolean(),
  /** OFFICIAL, or COMPUTED: a published round's complete sheet (the public never sees a provisional one). */
  status: z.optional(z.enum(['OFFICIAL', 'COMPUTED'])),
  source: z.nullish(z.string()),
  frameworkId: z.nullish(z.string()),
  frameworkVersion: z.nullish(z.number()),
  indicators: scores,
  instruments: scores,
  total: z.number(),
  rating: z.string(),
  ratingLabel: z.nullish(label),
  passed: z.boolean(),
  /** Why this rating and not the one above, under the result's own edition (absent without a framework). */
  ratingExplained: z.nullish(z.looseObject({ scheme: z.string(), text: label })),
  /** Indicator names as the result's own edition prints them (absent without a framework). */
  indicatorNames: z.nullish(z.record(z.string(), label)),
});
export type PublicResult = z.infer<typeof publicResultSchema>;

const unitRow = z.object({
  rank: z.number(),
  code: z.string(),
  nameTh: z.string(),
  type: z.string(),
  total: z.nullish(z.number()),
  rating: z.nullish(z.string()),
  passed: z.nullish(z.boolean()),
  provisional: z.boolean(),
  source: z.nullish(z.string()),
  indicators: scores,
});
const indicatorMean = z.object({
  code: z.string(),
  instrument: z.string(),
  name: z.nullish(label),
  mean: z.nullish(z.number()),
  units: z.number(),
});
export const dashboardSchema = z.object({
  unitCode: z.string(),
  unitNameTh: z.string(),
  fiscalYear: z.number(),
  frameworkId: z.nullish(z.string()),
  unitsTotal: z.number(),
  /** Official or published results only. */
  unitsWithScore: z.number(),
  /** Units with only a running round's sheet: listed, marked, never counted. */
  unitsProvisional: z._default(z.number(), 0),
  passed: z.number(),
  passRate: z.nullish(z.number()),
  passMark: z.nullish(z.number()),
  distribution: z.array(z.object({ code: z.string(), label: z.nullish(label), min: z.nullish(z.number()), count: z.number() })),
  indicators: z.array(indicatorMean),
  weakestIndicators: z.array(indicatorMean),
  units: z.array(unitRow),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

const change = z.object({
  previousFiscalYear: z.number(),
  comparable: z.boolean(),
  reason: z.nullish(z.string()),
  total: z.nullish(z.number()),
  indicators: z.nullish(scores),
});
export const historySchema = z.object({
  unitCode: z.string(),
  nameTh: z.string(),
  nameEn: z.nullish(z.string()),
  years: z.array(
    z.object({
      fiscalYear: z.number(),
      official: z.boolean(),
      frameworkId: z.nullish(z.string()),
      frameworkVersion: z.nullish(z.number()),
      comparabilityGroup: z.nullish(z.string()),
      total: z.number(),
      rating: z.string(),
      ratingLabel: z.nullish(label),
      passed: z.boolean(),
      indicators: scores,
      change: z.nullish(change),
    }),
  ),
  latestFiscalYear: z.nullish(z.number()),
  pullingDown: z.array(
    z.object({ code: z.string(), instrument: z.string(), name: z.nullish(label), score: z.number(), pointsLost: z.number() }),
  ),
});
export type History = z.infer<typeof historySchema>;

/** The Thai fiscal year (B.E.) of a date: CE year + 543, and the next one from October. */
export function currentFiscalYear(now: Date = new Date()): number {
  return now.getFullYear() + 543 + (now.getMonth() >= 9 ? 1 : 0);
}

/** Fiscal years from the first ITA year this platform holds (2564) up to the current one. */
export function fiscalYearsUpToNow(now: Date = new Date(), first = 2564): number[] {
  const years: number[] = [];
  for (let y = first; y <= Math.max(first, currentFiscalYear(now)); y++) years.push(y);
  return years;
}

export const PROGRESS_REASONS = ['IIT_SHORT', 'EIT_SHORT', 'OIT_UNREVIEWED'] as const;
export type ProgressReason = (typeof PROGRESS_REASONS)[number];

export const progressSchema = z.object({
  roundId: z.string(),
  scopeUnitCode: z.string(),
  state: z.enum(['DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED']),
  surveyClosesAt: z.nullish(z.string()),
  /** The OIT review window's end or, for a round without one, the OIT deadline. */
  reviewClosesAt: z.nullish(z.string()),
  /** Units in scope, counted over every page. */
  units: z.number(),
  unitsAtRisk: z.number(),
  /** Units per reason code, over every unit in scope. */
  reasons: z._default(z.record(z.string(), z.number()), {}),
  /** Rows matching the at-risk filter, over every page. */
  matching: z.number(),
  page: z.number(),
  size: z.number(),
  /** One page of `matching`: at-risk units first, then in tree order. */
  progress: z.array(
    z.object({
      code: z.string(),
      nameTh: z.string(),
      iitReceived: z.number(),
      iitRequired: z.number(),
      eitReceived: z.number(),
      eitRequired: z.number(),
      oitReviewed: z.number(),
      oitPassed: z.number(),
      oitItems: z.number(),
      atRisk: z.boolean(),
      // Kept as strings: a reason added by the service later shows as its code rather than failing the page.
      reasons: z.array(z.string()),
    }),
  ),
});
export type RoundProgress = z.infer<typeof progressSchema>;

export const scoringApi = {
  history: (http: HttpClient, unitCode: string) =>
    http.get(`${base}/units/${encodeURIComponent(unitCode)}/history`, historySchema),
  publicResult: (http: HttpClient, unitCode: string, fiscalYear: number) =>
    http.get(`${base}/public/units/${encodeURIComponent(unitCode)}/years/${fiscalYear}`, publicResultSchema),
  dashboard: (http: HttpClient, unitCode: string, fiscalYear: number) =>
    http.get(`${base}/dashboards/areas/${encodeURIComponent(unitCode)}?fiscalYear=${fiscalYear}`, dashboardSchema),
  progress: (http: HttpClient, unitCode: string, roundId: string, query: ProgressQuery) =>
    http.get(
      `${progressPath(unitCode, roundId)}?${new URLSearchParams({
        atRisk: String(query.atRisk),
        page: String(query.page),
        size: String(query.size),
      }).toString()}`,
      progressSchema,
    ),
};

/** Which rows of a round's progress to read: only units at risk or all, one page (from 0) of `size` (1–500). */
export interface ProgressQuery {
  atRisk: boolean;
  page: number;
  size: number;
}

function progressPath(unitCode: string, roundId: string): string {
  return `${base}/dashboards/areas/${encodeURIComponent(unitCode)}/rounds/${encodeURIComponent(roundId)}/progress`;
}

/** Every matching unit's progress as a file, for `downloadTable`. */
export function progressExportPath(unitCode: string, roundId: string, format: TableFormat, atRisk: boolean): string {
  return `${progressPath(unitCode, roundId)}/export?format=${format}&atRisk=${atRisk}`;
}

/** The area dashboard's ranking of a fiscal year as a file, for `downloadTable`. */
export function dashboardExportPath(unitCode: string, fiscalYear: number, format: TableFormat): string {
  return `${base}/dashboards/areas/${encodeURIComponent(unitCode)}/export?fiscalYear=${fiscalYear}&format=${format}`;
}

/** A unit's yearly results (each year with its indicators) as a file, for `downloadTable`. */
export function historyExportPath(unitCode: string, format: TableFormat): string {
  return `${base}/units/${encodeURIComponent(unitCode)}/history/export?format=${format}`;
}

/** Scores as the official sheets print them: two decimals. */
export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toFixed(2);
}

export const INDICATOR_CODES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/**
 * An indicator's name: the edition's own (from the API) in the reader's language, else the built-in name
 * kept only for results recorded without a framework.
 */
export function indicatorName(
  code: string,
  names: Record<string, { th: string; en?: string | null }> | null | undefined,
  english: boolean,
  fallback: (key: `indicators.${IndicatorCode}`) => string,
): string {
  const fromApi = names?.[code];
  return fromApi ? ((english ? fromApi.en : null) ?? fromApi.th) : fallback(indicatorKey(code));
}

/** The i18n key of an indicator's name; codes outside the ten fall back to indicator 1's key shape. */
export function indicatorKey(code: string): `indicators.${IndicatorCode}` {
  return `indicators.${(INDICATOR_CODES as readonly string[]).includes(code) ? (code as IndicatorCode) : '1'}`;
}
