import type { TableFormat } from '../../api/files';
import * as z from 'zod/mini';
import type { HttpClient } from '../../api/http';

/** scoring-service's administration endpoints (rounds, units, users, frameworks, official results). */
const base = '/scoring';
const enc = encodeURIComponent;

export const ROUND_STATES = ['DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

/** The one state a round may move to next, or null once published. */
export function nextState(state: RoundState): RoundState | null {
  const i = ROUND_STATES.indexOf(state);
  return i >= 0 && i < ROUND_STATES.length - 1 ? ROUND_STATES[i + 1]! : null;
}

export const ROUND_WINDOWS = [
  'surveyOpensAt',
  'surveyClosesAt',
  'oitDeadline',
  'reviewOpensAt',
  'reviewClosesAt',
  'correctionClosesAt',
] as const;
export type RoundWindow = (typeof ROUND_WINDOWS)[number];

const instant = z.nullish(z.string());

export const roundSchema = z.object({
  id: z.string(),
  name: z.string(),
  fiscalYear: z.number(),
  frameworkId: z.string(),
  frameworkVersion: z.number(),
  scopeUnitCode: z.string(),
  state: z.enum(ROUND_STATES),
  surveyOpensAt: instant,
  surveyClosesAt: instant,
  oitDeadline: instant,
  reviewOpensAt: instant,
  reviewClosesAt: instant,
  correctionClosesAt: instant,
});
export type Round = z.infer<typeof roundSchema>;

export interface RoundInput {
  name: string;
  fiscalYear: number;
  frameworkId: string;
  frameworkVersion: number;
  scopeUnitCode: string;
  surveyOpensAt?: string | null;
  surveyClosesAt?: string | null;
  oitDeadline?: string | null;
  reviewOpensAt?: string | null;
  reviewClosesAt?: string | null;
  correctionClosesAt?: string | null;
}

export const frameworkSummarySchema = z.object({
  id: z.string(),
  version: z.number(),
  fiscalYear: z.number(),
  name: z.nullish(z.record(z.string(), z.string())),
  ratingScheme: z.nullish(z.string()),
  checksum: z.nullish(z.string()),
  inUse: z.boolean(),
  createdAt: z.nullish(z.string()),
  /** The parts of the document not checked against its sources (shown to administrators, never silently). */
  provenance: z.nullish(z.looseObject({ recorded: z.boolean(), unverified: z.array(z.string()) })),
  /** The edition an OBEC office's round of that fiscal year should use: the round form's default. */
  recommended: z.nullish(z.boolean()),
  recommendedWhy: z.nullish(z.record(z.string(), z.string())),
});
export type FrameworkSummary = z.infer<typeof frameworkSummarySchema>;

/** The framework version a new round of `fiscalYear` should start with: the year's recommended one, else the first listed. */
export function defaultFramework(frameworks: FrameworkSummary[], fiscalYear: number): FrameworkSummary | undefined {
  return (
    frameworks.find((f) => f.fiscalYear === fiscalYear && f.recommended) ??
    frameworks.find((f) => f.fiscalYear === fiscalYear) ??
    frameworks[0]
  );
}

export const frameworkImportSchema = z.object({
  id: z.string(),
  version: z.number(),
  fiscalYear: z.number(),
  outcome: z.enum(['CREATED', 'UNCHANGED', 'REPLACED']),
});

export const UNIT_TYPES = ['NATIONAL', 'AREA_PRIMARY', 'AREA_SECONDARY', 'SCHOOL', 'OTHER'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const unitSchema = z.object({
  code: z.string(),
  parentCode: z.nullish(z.string()),
  path: z.string(),
  type: z.string(),
  nameTh: z.string(),
  nameEn: z.nullish(z.string()),
  staffCount: z.number(),
  servicePopulation: z.number(),
  active: z.boolean(),
  demo: z.boolean(),
});
export type Unit = z.infer<typeof unitSchema>;

/** A direct child in the tree, with how many units sit directly below it (so the screen knows whether it expands). */
export const childUnitSchema = z.extend(unitSchema, { childCount: z.number() });
export type ChildUnit = z.infer<typeof childUnitSchema>;

/** One page of a unit's direct children (active and inactive, by code). */
export const childrenPageSchema = z.object({
  parent: unitSchema,
  total: z.number(),
  page: z.number(),
  size: z.number(),
  items: z.array(childUnitSchema),
});
export type ChildrenPage = z.infer<typeof childrenPageSchema>;

/** Children per request when expanding a unit of the tree. */
export const CHILDREN_PAGE_SIZE = 50;
/** Search results per request. */
export const UNIT_SEARCH_LIMIT = 20;

export interface UnitInput {
  code: string;
  parentCode?: string | null;
  type: string;
  nameTh: string;
  nameEn?: string | null;
  staffCount: number;
  servicePopulation: number;
}

const lineError = z.object({ field: z.string(), message: z.string() });
export type LineError = z.infer<typeof lineError>;

export const unitImportSchema = z.object({
  dryRun: z.boolean(),
  lines: z.number(),
  created: z.number(),
  updated: z.number(),
  errors: z.array(lineError),
});
export type UnitImportReport = z.infer<typeof unitImportSchema>;

export const officialImportSchema = z.object({
  dryRun: z.boolean(),
  lines: z.number(),
  written: z.number(),
  errors: z.array(lineError),
});
export type OfficialImportReport = z.infer<typeof officialImportSchema>;

const figures = z.record(z.string(), z.number());
export const officialResultSchema = z.object({
  unitCode: z.string(),
  fiscalYear: z.number(),
  frameworkId: z.nullish(z.string()),
  frameworkVersion: z.nullish(z.number()),
  indicators: z.nullish(figures),
  instruments: z.nullish(figures),
  total: z.nullish(z.number()),
  rating: z.nullish(z.string()),
  passed: z.boolean(),
  source: z.nullish(z.string()),
});
export type OfficialResult = z.infer<typeof officialResultSchema>;

export interface OfficialEntry {
  frameworkId?: string | null;
  frameworkVersion?: number | null;
  indicators?: Record<string, number> | null;
  total?: number | null;
  rating?: string | null;
  passed?: boolean | null;
  source: string;
}

/** The media type of an Excel workbook (.xlsx), which the official results import also takes. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whether a chosen file is an Excel workbook rather than CSV text, by its type or, when the browser gives none, its name. */
/** The units below a unit in the import's columns, as a file for `downloadTable`: edit it and import it again. */
export function unitsExportPath(unitCode: string, format: TableFormat): string {
  return `${base}/units/${encodeURIComponent(unitCode)}/export?format=${format}`;
}

export function isWorkbook(file: Pick<File, 'name' | 'type'>): boolean {
  return file.type === XLSX_MEDIA_TYPE || /\.xlsx$/i.test(file.name);
}

export const INVITABLE_ROLES = ['area-admin', 'unit-admin', 'evidence-editor', 'activity-editor', 'auditor', 'system-admin'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  email: z.nullish(z.string()),
  firstName: z.nullish(z.string()),
  lastName: z.nullish(z.string()),
  unitCode: z.nullish(z.string()),
  roles: z.array(z.string()),
  enabled: z.boolean(),
  pendingActions: z.array(z.string()),
  createdAt: z.nullish(z.string()),
});
export type UserAccount = z.infer<typeof userSchema>;

export const invitedSchema = z.object({
  user: userSchema,
  /** Shown once; absent when the service sent the user an e-mail instead. */
  temporaryPassword: z.nullish(z.string()),
  emailSent: z._default(z.boolean(), false),
});
export type Invited = z.infer<typeof invitedSchema>;

export interface InvitationInput {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  role: string;
}

export const adminApi = {
  rounds: (http: HttpClient) => http.get(`${base}/rounds`, z.array(roundSchema)),
  createRound: (http: HttpClient, input: RoundInput) =>
    http.request(`${base}/rounds`, roundSchema, { method: 'POST', body: input }),
  updateRound: (http: HttpClient, id: string, input: RoundInput) =>
    http.request(`${base}/rounds/${enc(id)}`, roundSchema, { method: 'PUT', body: input }),
  moveRound: (http: HttpClient, id: string, state: RoundState) =>
    http.request(`${base}/rounds/${enc(id)}/state`, roundSchema, { method: 'POST', body: { state } }),

  frameworks: (http: HttpClient) => http.get(`${base}/frameworks`, z.array(frameworkSummarySchema)),
  framework: (http: HttpClient, id: string, version: number) =>
    http.get(`${base}/frameworks/${enc(id)}/versions/${version}`, z.record(z.string(), z.unknown())),
  importFramework: (http: HttpClient, document: unknown) =>
    http.request(`${base}/frameworks`, frameworkImportSchema, { method: 'POST', body: document }),

  children: (http: HttpClient, code: string, page: number, size = CHILDREN_PAGE_SIZE) =>
    http.get(`${base}/units/${enc(code)}/children?page=${page}&size=${size}`, childrenPageSchema),
  searchUnits: (http: HttpClient, code: string, text: string, limit = UNIT_SEARCH_LIMIT) =>
    http.get(`${base}/units/${enc(code)}/search?q=${enc(text)}&limit=${limit}`, z.array(unitSchema)),
  createUnit: (http: HttpClient, input: UnitInput) =>
    http.request(`${base}/units`, unitSchema, { method: 'POST', body: input }),
  updateUnit: (http: HttpClient, code: string, input: UnitInput) =>
    http.request(`${base}/units/${enc(code)}`, unitSchema, { method: 'PUT', body: input }),
  moveUnit: (http: HttpClient, code: string, parentCode: string) =>
    http.request(`${base}/units/${enc(code)}/move`, unitSchema, { method: 'POST', body: { parentCode } }),
  setUnitActive: (http: HttpClient, code: string, active: boolean) =>
    http.request(`${base}/units/${enc(code)}/${active ? 'activate' : 'deactivate'}`, unitSchema, { method: 'POST' }),
  importUnits: (http: HttpClient, csv: string, dryRun: boolean) =>
    http.request(`${base}/units/import?dryRun=${dryRun}`, unitImportSchema, { method: 'POST', body: { csv } }),

  users: (http: HttpClient, code: string) => http.get(`${base}/units/${enc(code)}/users`, z.array(userSchema)),
  grantableRoles: (http: HttpClient, code: string) =>
    http.get(`${base}/units/${enc(code)}/users/grantable-roles`, z.object({ roles: z.array(z.string()) })),
  invite: (http: HttpClient, code: string, input: InvitationInput) =>
    http.request(`${base}/units/${enc(code)}/users`, invitedSchema, { method: 'POST', body: input }),
  disableUser: (http: HttpClient, code: string, userId: string) =>
    http.request(`${base}/units/${enc(code)}/users/${enc(userId)}/disable`, userSchema, { method: 'POST' }),
  enableUser: (http: HttpClient, code: string, userId: string) =>
    http.request(`${base}/units/${enc(code)}/users/${enc(userId)}/enable`, userSchema, { method: 'POST' }),

  officialResults: (http: HttpClient, code: string) =>
    http.get(`${base}/official-results/${enc(code)}`, z.array(officialResultSchema)),
  putOfficialResult: (http: HttpClient, code: string, fiscalYear: number, entry: OfficialEntry) =>
    http.request(`${base}/official-results/${enc(code)}/${fiscalYear}`, officialResultSchema, { method: 'PUT', body: entry }),
  importOfficialResults: (http: HttpClient, csv: string, dryRun: boolean) =>
    http.request(`${base}/official-results/import?dryRun=${dryRun}`, officialImportSchema, {
      method: 'POST',
      body: { csv },
    }),
  importOfficialWorkbook: (http: HttpClient, workbook: Blob | ArrayBuffer, dryRun: boolean) =>
    http.request(`${base}/official-results/import?dryRun=${dryRun}`, officialImportSchema, {
      method: 'POST',
      raw: { contentType: XLSX_MEDIA_TYPE, data: workbook },
    }),
};

/** `2026-03-01T09:00` (a datetime-local input, the browser's zone) → ISO instant, or null when empty. */
export function toInstant(local: string): string | null {
  if (!local) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** ISO instant → the value a datetime-local input shows, in the browser's zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
