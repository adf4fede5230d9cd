import { z } from 'zod';
import type { HttpClient } from '../api/http';

/** activity-service's API, under `${apiBase}/activity`. */
const BASE = '/activity';

export const METTA_ELEMENTS = ['MANAGEMENT', 'EXPLORE', 'TEAMWORK', 'TECHNOLOGY', 'ATTITUDE'] as const;
export const PDCA_PHASES = ['PLAN', 'DO', 'CHECK', 'ACT'] as const;
export const ACTIVITY_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export const HONEST_TRAITS = ['THINKING_SKILLS', 'DISCIPLINE', 'HONESTY', 'SUFFICIENCY', 'PUBLIC_MIND'] as const;

export type MettaElement = (typeof METTA_ELEMENTS)[number];
export type PdcaPhase = (typeof PDCA_PHASES)[number];
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export type HonestTrait = (typeof HONEST_TRAITS)[number];

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const activitySchema = z.object({
  id: z.string(),
  planId: z.string(),
  unitCode: z.string(),
  fiscalYear: z.number().int(),
  templateCode: z.string().nullish(),
  name: z.string(),
  description: z.string().nullish(),
  mettaElements: z.array(z.enum(METTA_ELEMENTS)),
  pdcaPhase: z.enum(PDCA_PHASES),
  indicatorCodes: z.array(z.string()),
  oitItemCodes: z.array(z.string()),
  honestTraits: z.array(z.enum(HONEST_TRAITS)),
  owner: z.string().nullish(),
  participantsCount: z.number().int().nullish(),
  startsOn: date.nullish(),
  endsOn: date.nullish(),
  budget: z.number().nullish(),
  status: z.enum(ACTIVITY_STATUSES),
  notes: z.string().nullish(),
  evidenceLinks: z.array(z.string()),
  completedOn: date.nullish(),
});
export type Activity = z.infer<typeof activitySchema>;

export const kpiSchema = z.object({
  id: z.string(),
  name: z.string(),
  target: z.number(),
  unitOfMeasure: z.string(),
  indicatorCode: z.string().nullish(),
  latestActual: z.number().nullish(),
  reached: z.boolean(),
  actuals: z.array(z.object({ id: z.string(), recordedOn: date, value: z.number(), note: z.string().nullish() })),
});
export type Kpi = z.infer<typeof kpiSchema>;

const progressSchema = z.object({
  activities: z.number().int(),
  done: z.number().int(),
  inProgress: z.number().int(),
  cancelled: z.number().int(),
  completionRate: z.number(),
});

export const planSchema = z.object({
  id: z.string(),
  unitCode: z.string(),
  fiscalYear: z.number().int(),
  title: z.string(),
  goals: z.array(z.string()),
  indicatorTarget: z.number(),
  progress: progressSchema,
  kpis: z.array(kpiSchema),
  activities: z.array(activitySchema),
});
export type Plan = z.infer<typeof planSchema>;

const actionSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  unitCode: z.string(),
  description: z.string(),
  owner: z.string(),
  dueOn: date,
  doneOn: date.nullish(),
  overdue: z.boolean(),
});
export type ActionItem = z.infer<typeof actionSchema>;

export const meetingSchema = z.object({
  id: z.string(),
  unitCode: z.string(),
  heldOn: date,
  title: z.string(),
  attendeesCount: z.number().int(),
  agenda: z.array(
    z.object({ title: z.string(), indicatorCodes: z.array(z.string()), activityIds: z.array(z.string()) }),
  ),
  decisions: z.array(z.string()),
  actions: z.array(actionSchema),
});
export type Meeting = z.infer<typeof meetingSchema>;

const overdueSchema = z.object({
  actions: z.array(actionSchema),
  followUps: z.array(z.object({ id: z.string(), followUp: z.string().nullish(), followUpDue: date.nullish() })),
});
export type Overdue = z.infer<typeof overdueSchema>;

/** What the activity form sends (PUT replaces the whole activity). */
export interface ActivityInput {
  name: string;
  description?: string;
  mettaElements: MettaElement[];
  pdcaPhase: PdcaPhase;
  indicatorCodes: string[];
  oitItemCodes: string[];
  honestTraits: HonestTrait[];
  owner?: string;
  participantsCount?: number;
  startsOn?: string;
  endsOn?: string;
  budget?: string;
  status: ActivityStatus;
  notes?: string;
  evidenceLinks: string[];
}

export interface MeetingInput {
  heldOn: string;
  title: string;
  attendeesCount: number;
  agenda: { title: string; indicatorCodes: string[]; activityIds: string[] }[];
  decisions: string[];
  actions: { description: string; owner: string; dueOn: string }[];
}

const unit = (code: string) => `${BASE}/units/${encodeURIComponent(code)}`;

const planSummarySchema = z.object({
  id: z.string(),
  unitCode: z.string(),
  fiscalYear: z.number().int(),
  title: z.string(),
  progress: progressSchema,
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const activityApi = {
  /** The unit's plans, newest fiscal year first. */
  plans: (http: HttpClient, unitCode: string) => http.get(`${unit(unitCode)}/plans`, z.array(planSummarySchema)),
  plan: (http: HttpClient, unitCode: string, year: number) =>
    http.get(`${unit(unitCode)}/plans/${year}`, planSchema),
  copyTemplate: (http: HttpClient, unitCode: string, year: number, templateCode: string) =>
    http.request(`${unit(unitCode)}/plans/${year}/copy-from`, planSchema, { method: 'POST', body: { templateCode } }),
  copyYear: (http: HttpClient, unitCode: string, year: number, fromYear: number) =>
    http.request(`${unit(unitCode)}/plans/${year}/copy-from`, planSchema, { method: 'POST', body: { fromYear } }),
  addActivity: (http: HttpClient, unitCode: string, year: number, input: ActivityInput) =>
    http.request(`${unit(unitCode)}/plans/${year}/activities`, activitySchema, { method: 'POST', body: input }),
  updateActivity: (http: HttpClient, id: string, input: ActivityInput) =>
    http.request(`${BASE}/activities/${encodeURIComponent(id)}`, activitySchema, { method: 'PUT', body: input }),
  activity: (http: HttpClient, id: string) => http.get(`${BASE}/activities/${encodeURIComponent(id)}`, activitySchema),
  recordActual: (http: HttpClient, kpiId: string, recordedOn: string, value: number) =>
    http.request(`${BASE}/kpis/${encodeURIComponent(kpiId)}/actuals`, kpiSchema, {
      method: 'POST',
      body: { recordedOn, value },
    }),
  meetings: (http: HttpClient, unitCode: string) => http.get(`${unit(unitCode)}/meetings`, z.array(meetingSchema)),
  recordMeeting: (http: HttpClient, unitCode: string, input: MeetingInput) =>
    http.request(`${unit(unitCode)}/meetings`, meetingSchema, { method: 'POST', body: input }),
  actionDone: (http: HttpClient, id: string) =>
    http.request(`${BASE}/action-items/${encodeURIComponent(id)}/done`, actionSchema, { method: 'POST', body: {} }),
  overdue: (http: HttpClient, unitCode: string) => http.get(`${unit(unitCode)}/overdue`, overdueSchema),
};

/** The form's view of an activity (everything the PUT needs). */
export function toInput(a: Activity): ActivityInput {
  return {
    name: a.name,
    description: a.description ?? undefined,
    mettaElements: a.mettaElements,
    pdcaPhase: a.pdcaPhase,
    indicatorCodes: a.indicatorCodes,
    oitItemCodes: a.oitItemCodes,
    honestTraits: a.honestTraits,
    owner: a.owner ?? undefined,
    participantsCount: a.participantsCount ?? undefined,
    startsOn: a.startsOn ?? undefined,
    endsOn: a.endsOn ?? undefined,
    budget: a.budget == null ? undefined : String(a.budget),
    status: a.status,
    notes: a.notes ?? undefined,
    evidenceLinks: a.evidenceLinks,
  };
}

const loopSchema = z.object({
  unitCode: z.string(),
  fiscalYear: z.number().int(),
  scoresFiscalYear: z.number().int().nullish(),
  roundId: z.string().nullish(),
  total: z.number().nullish(),
  rating: z.string().nullish(),
  /** The unit's official result for the year (it wins over any computed sheet). */
  official: z.boolean().default(false),
  /** A computed sheet that is not final yet (samples short or OIT items unreviewed). */
  provisional: z.boolean(),
  indicatorTarget: z.number(),
  indicators: z.array(
    z.object({
      code: z.string(),
      score: z.number().nullish(),
      target: z.number(),
      weak: z.boolean(),
      activities: z.array(z.object({ id: z.string(), name: z.string(), status: z.enum(ACTIVITY_STATUSES) })),
      suggestions: z.array(
        z.object({ templateCode: z.string(), activityCode: z.string(), nameTh: z.string(), nameEn: z.string() }),
      ),
    }),
  ),
});
export type Loop = z.infer<typeof loopSchema>;

const overviewSchema = z.object({
  unitCode: z.string(),
  fiscalYear: z.number().int(),
  units: z.number().int(),
  unitsWithPlan: z.number().int(),
  change: z.object({
    unitsWithActivities: z.number().int(),
    meanChangeWithActivities: z.number().nullish(),
    unitsWithoutActivities: z.number().int(),
    meanChangeWithoutActivities: z.number().nullish(),
  }),
  rows: z.array(
    z.object({
      unitCode: z.string(),
      nameTh: z.string().nullish(),
      nameEn: z.string().nullish(),
      hasPlan: z.boolean(),
      activities: z.number().int(),
      done: z.number().int(),
      completionRate: z.number(),
      overdueActions: z.number().int(),
      total: z.number().nullish(),
      previousTotal: z.number().nullish(),
      totalChange: z.number().nullish(),
      linkedActivities: z.boolean(),
    }),
  ),
});
export type AreaOverview = z.infer<typeof overviewSchema>;

const mentorSchema = z.object({
  id: z.string(),
  unitCode: z.string(),
  mentorName: z.string(),
  mentorKind: z.enum(['PERSON', 'TEAM']),
  indicatorCode: z.string().nullish(),
  startedOn: date,
  notes: z.string().nullish(),
  logs: z.array(
    z.object({
      id: z.string(),
      heldOn: date,
      kind: z.enum(['VISIT', 'COACHING']),
      summary: z.string(),
      followUp: z.string().nullish(),
      followUpDue: date.nullish(),
      followUpDoneOn: date.nullish(),
      followUpOverdue: z.boolean(),
    }),
  ),
});
export type Mentor = z.infer<typeof mentorSchema>;

export const loopApi = {
  indicators: (http: HttpClient, unitCode: string, year: number) =>
    http.get(`${unit(unitCode)}/plans/${year}/indicators`, loopSchema),
  overview: (http: HttpClient, unitCode: string, year: number) =>
    http.get(`${unit(unitCode)}/overview?fiscalYear=${year}`, overviewSchema),
  mentors: (http: HttpClient, unitCode: string) => http.get(`${unit(unitCode)}/mentors`, z.array(mentorSchema)),
};
