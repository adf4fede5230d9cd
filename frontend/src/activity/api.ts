import * as z from 'zod/mini';
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

const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const activitySchema = z.object({
  id: z.string(),
  planId: z.string(),
  unitCode: z.string(),
  fiscalYear: z.int(),
  templateCode: z.nullish(z.string()),
  name: z.string(),
  description: z.nullish(z.string()),
  mettaElements: z.array(z.enum(METTA_ELEMENTS)),
  pdcaPhase: z.enum(PDCA_PHASES),
  indicatorCodes: z.array(z.string()),
  oitItemCodes: z.array(z.string()),
  honestTraits: z.array(z.enum(HONEST_TRAITS)),
  owner: z.nullish(z.string()),
  participantsCount: z.nullish(z.int()),
  startsOn: z.nullish(date),
  endsOn: z.nullish(date),
  budget: z.nullish(z.number()),
  status: z.enum(ACTIVITY_STATUSES),
  notes: z.nullish(z.string()),
  evidenceLinks: z.array(z.string()),
  completedOn: z.nullish(date),
});
export type Activity = z.infer<typeof activitySchema>;

export const kpiSchema = z.object({
  id: z.string(),
  name: z.string(),
  target: z.number(),
  unitOfMeasure: z.string(),
  indicatorCode: z.nullish(z.string()),
  latestActual: z.nullish(z.number()),
  reached: z.boolean(),
  actuals: z.array(z.object({ id: z.string(), recordedOn: date, value: z.number(), note: z.nullish(z.string()) })),
});
export type Kpi = z.infer<typeof kpiSchema>;

const progressSchema = z.object({
  activities: z.int(),
  done: z.int(),
  inProgress: z.int(),
  cancelled: z.int(),
  completionRate: z.number(),
});

export const planSchema = z.object({
  id: z.string(),
  unitCode: z.string(),
  fiscalYear: z.int(),
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
  doneOn: z.nullish(date),
  overdue: z.boolean(),
});
export type ActionItem = z.infer<typeof actionSchema>;

export const meetingSchema = z.object({
  id: z.string(),
  unitCode: z.string(),
  heldOn: date,
  title: z.string(),
  attendeesCount: z.int(),
  agenda: z.array(
    z.object({ title: z.string(), indicatorCodes: z.array(z.string()), activityIds: z.array(z.string()) }),
  ),
  decisions: z.array(z.string()),
  actions: z.array(actionSchema),
});
export type Meeting = z.infer<typeof meetingSchema>;

const overdueSchema = z.object({
  actions: z.array(actionSchema),
  followUps: z.array(z.object({ id: z.string(), followUp: z.nullish(z.string()), followUpDue: z.nullish(date) })),
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
  fiscalYear: z.int(),
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
  fiscalYear: z.int(),
  scoresFiscalYear: z.nullish(z.int()),
  roundId: z.nullish(z.string()),
  total: z.nullish(z.number()),
  rating: z.nullish(z.string()),
  /** The unit's official result for the year (it wins over any computed sheet). */
  official: z._default(z.boolean(), false),
  /** A computed sheet that is not final yet (samples short or OIT items unreviewed). */
  provisional: z.boolean(),
  indicatorTarget: z.number(),
  indicators: z.array(
    z.object({
      code: z.string(),
      score: z.nullish(z.number()),
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
  fiscalYear: z.int(),
  units: z.int(),
  unitsWithPlan: z.int(),
  change: z.object({
    unitsWithActivities: z.int(),
    meanChangeWithActivities: z.nullish(z.number()),
    unitsWithoutActivities: z.int(),
    meanChangeWithoutActivities: z.nullish(z.number()),
  }),
  rows: z.array(
    z.object({
      unitCode: z.string(),
      nameTh: z.nullish(z.string()),
      nameEn: z.nullish(z.string()),
      hasPlan: z.boolean(),
      activities: z.int(),
      done: z.int(),
      completionRate: z.number(),
      overdueActions: z.int(),
      total: z.nullish(z.number()),
      previousTotal: z.nullish(z.number()),
      totalChange: z.nullish(z.number()),
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
  indicatorCode: z.nullish(z.string()),
  startedOn: date,
  notes: z.nullish(z.string()),
  logs: z.array(
    z.object({
      id: z.string(),
      heldOn: date,
      kind: z.enum(['VISIT', 'COACHING']),
      summary: z.string(),
      followUp: z.nullish(z.string()),
      followUpDue: z.nullish(date),
      followUpDoneOn: z.nullish(date),
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
