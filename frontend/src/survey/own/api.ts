import * as z from 'zod/mini';
import type { HttpClient } from '../../api/http';

/** An office's own surveys (survey-service, behind the gateway's `/api/survey`). */
const base = '/survey';
const enc = encodeURIComponent;

const texts = z.record(z.string(), z.string());

export const questionTypes = ['LIKERT_5', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'SHORT_TEXT'] as const;
export type QuestionType = (typeof questionTypes)[number];

export const ownQuestionSchema = z.object({
  code: z.string(),
  type: z.enum(questionTypes),
  text: texts,
  required: z.boolean(),
  options: z.array(z.object({ code: z.string(), label: texts })),
});
export type OwnQuestion = z.infer<typeof ownQuestionSchema>;

const state = z.enum(['DRAFT', 'OPEN', 'CLOSED']);
export type OwnSurveyState = z.infer<typeof state>;

export const ownSurveySchema = z.object({
  id: z.string(),
  unitCode: z.string(),
  state,
  title: texts,
  intro: z.nullish(texts),
  questions: z.array(ownQuestionSchema),
  resultsPublic: z.boolean(),
  createdOn: z.string(),
  createdBy: z.string(),
  responses: z.number(),
  publicUrl: z.string(),
  resultsUrl: z.string(),
  resultsPageUrl: z.string(),
});
export type OwnSurvey = z.infer<typeof ownSurveySchema>;

export const publicSurveySchema = z.object({
  token: z.string(),
  unitCode: z.string(),
  unitName: texts,
  state,
  title: texts,
  intro: z.nullish(texts),
  questions: z.array(ownQuestionSchema),
});
export type PublicSurvey = z.infer<typeof publicSurveySchema>;

export const resultsSchema = z.object({
  title: texts,
  unitName: texts,
  state,
  responses: z.number(),
  breakdownHidden: z.boolean(),
  questions: z.array(
    z.object({
      code: z.string(),
      type: z.enum(questionTypes),
      text: texts,
      answered: z.nullish(z.number()),
      options: z.nullish(z.array(z.object({ code: z.string(), label: texts, count: z.number() }))),
      mean: z.nullish(z.number()),
      texts: z.nullish(z.array(z.string())),
    }),
  ),
});
export type OwnResults = z.infer<typeof resultsSchema>;

/** What the editor sends: Thai texts required, English optional; codes are the service's. */
export interface OwnSurveyInput {
  titleTh: string;
  titleEn?: string;
  introTh?: string;
  introEn?: string;
  questions: {
    type: QuestionType;
    textTh: string;
    textEn?: string;
    required: boolean;
    options?: { labelTh: string; labelEn?: string }[];
  }[];
}

export type OwnAnswers = Record<string, string | string[]>;

export function ownSurveyPath(unitCode: string, id?: string): string {
  return `${base}/units/${enc(unitCode)}/own-surveys${id ? `/${enc(id)}` : ''}`;
}

export function ownSurveyApi(http: HttpClient) {
  return {
    list: (unitCode: string) => http.get(ownSurveyPath(unitCode), z.array(ownSurveySchema)),
    create: (unitCode: string, input: OwnSurveyInput) =>
      http.request(ownSurveyPath(unitCode), ownSurveySchema, { method: 'POST', body: input }),
    update: (unitCode: string, id: string, input: OwnSurveyInput) =>
      http.request(ownSurveyPath(unitCode, id), ownSurveySchema, { method: 'PUT', body: input }),
    changeState: (unitCode: string, id: string, next: OwnSurveyState) =>
      http.request(`${ownSurveyPath(unitCode, id)}/state`, ownSurveySchema, { method: 'POST', body: { state: next } }),
    setResultsPublic: (unitCode: string, id: string, resultsPublic: boolean) =>
      http.request(`${ownSurveyPath(unitCode, id)}/results-public`, ownSurveySchema, { method: 'PUT', body: { resultsPublic } }),
    results: (unitCode: string, id: string) => http.get(`${ownSurveyPath(unitCode, id)}/results`, resultsSchema),
    form: (token: string) => http.get(`${base}/own-surveys/${enc(token)}`, publicSurveySchema),
    submit: (token: string, submissionId: string, answers: OwnAnswers) =>
      http.request(`${base}/own-surveys/${enc(token)}/responses`, z.object({ status: z.string(), receivedOn: z.string() }), {
        method: 'POST',
        body: { submissionId, answers },
      }),
  };
}

/** The public link's QR (public, so an <img> can load it). */
export function ownQrUrl(apiBase: string, token: string): string {
  return `${apiBase.replace(/\/+$/, '')}${base}/own-surveys/${enc(token)}/qr.svg`;
}

export function tokenOf(publicUrl: string): string {
  return publicUrl.slice(publicUrl.lastIndexOf('/') + 1);
}
