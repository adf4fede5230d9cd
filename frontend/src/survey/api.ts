import * as z from 'zod/mini';
import type { HttpClient } from '../api/http';

/** Paths of survey-service behind the gateway's `/api/survey`. */
const base = '/survey';

const texts = z.record(z.string(), z.string());

export const questionnaireSchema = z.object({
  roundId: z.string(),
  unitCode: z.string(),
  unitName: texts,
  instrument: z.enum(['IIT', 'EIT']),
  frameworkId: z.string(),
  frameworkVersion: z.number(),
  name: texts,
  closesAt: z.nullish(z.string()),
  respondentCategories: z.array(z.object({ code: z.string(), name: texts })),
  sections: z.array(
    z.object({
      code: z.string(),
      name: texts,
      questions: z.array(
        z.object({
          code: z.string(),
          text: texts,
          yesNo: z.boolean(),
          required: z.boolean(),
          options: z.array(z.object({ code: z.string(), label: texts })),
        }),
      ),
    }),
  ),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type Instrument = Questionnaire['instrument'];

export const receiptSchema = z.object({ status: z.string(), receivedOn: z.string() });
export type Receipt = z.infer<typeof receiptSchema>;

export const codeBatchSchema = z.object({
  batchId: z.string(),
  roundId: z.string(),
  unitCode: z.string(),
  createdOn: z.string(),
  codes: z.array(z.string()),
  surveyUrl: z.string(),
});
export type CodeBatch = z.infer<typeof codeBatchSchema>;

export const codeSummarySchema = z.object({
  roundId: z.string(),
  unitCode: z.string(),
  staffCount: z.number(),
  generated: z.number(),
  used: z.number(),
  voided: z.number(),
  unused: z.number(),
  batches: z.array(
    z.object({ batchId: z.string(), createdOn: z.string(), createdBy: z.string(), size: z.number(), voided: z.number() }),
  ),
});
export type CodeSummary = z.infer<typeof codeSummarySchema>;

export const eitLinkSchema = z.object({
  token: z.string(),
  roundId: z.string(),
  unitCode: z.string(),
  url: z.string(),
  qrSvg: z.string(),
  qrPng: z.string(),
});
export type EitLink = z.infer<typeof eitLinkSchema>;

export const progressSchema = z.object({
  roundId: z.string(),
  unitCode: z.string(),
  unitName: texts,
  releaseStep: z.number(),
  instruments: z.array(
    z.object({
      instrument: z.string(),
      received: z.number(),
      required: z.number(),
      population: z.number(),
      breakdownHidden: z.boolean(),
      questions: z.nullish(z.record(z.string(), z.record(z.string(), z.number()))),
    }),
  ),
});
export type UnitProgress = z.infer<typeof progressSchema>;

export const roundSchema = z.object({
  id: z.string(),
  name: z.nullish(z.string()),
  fiscalYear: z.nullish(z.number()),
  state: z.string(),
  scopeUnitCode: z.string(),
  surveyOpensAt: z.nullish(z.string()),
  surveyClosesAt: z.nullish(z.string()),
});
export type Round = z.infer<typeof roundSchema>;

export interface SubmissionBody {
  submissionId: string;
  roundId: string;
  unitCode: string;
  instrument: Instrument;
  code?: string;
  answers: Record<string, string>;
  respondentCategory?: string;
  browserToken?: string;
}

const enc = encodeURIComponent;

export function surveyApi(http: HttpClient) {
  const unitPath = (roundId: string, unitCode: string) => `${base}/rounds/${enc(roundId)}/units/${enc(unitCode)}`;
  return {
    rounds: () => http.get(`${base}/rounds`, z.array(roundSchema)),
    questionnaire: (roundId: string, unitCode: string, instrument: Instrument) =>
      http.get(`${base}/rounds/${enc(roundId)}/questionnaires/${instrument}?unit=${enc(unitCode)}`, questionnaireSchema),
    browserToken: (roundId: string, unitCode: string) =>
      http.request(`${unitPath(roundId, unitCode)}/browser-token`, z.object({ browserToken: z.string() }), {
        method: 'POST',
      }),
    submit: (body: SubmissionBody, signal?: AbortSignal) =>
      http.request(`${base}/responses`, receiptSchema, { method: 'POST', body, signal }),
    /** Whether an IIT code can still answer (writes nothing); the code goes in the body, never in the URL. */
    checkCode: (check: { roundId: string; unitCode: string; code: string }, signal?: AbortSignal) =>
      http.request(`${base}/access-codes/check`, z.object({ usable: z.boolean() }), { method: 'POST', body: check, signal }),
    resolveLink: (token: string) => http.get(`${base}/links/${enc(token)}`, eitLinkSchema),
    generateCodes: (roundId: string, unitCode: string, count?: number) =>
      http.request(`${unitPath(roundId, unitCode)}/access-codes`, codeBatchSchema, {
        method: 'POST',
        body: count === undefined ? {} : { count },
      }),
    codeSummary: (roundId: string, unitCode: string) =>
      http.get(`${unitPath(roundId, unitCode)}/access-codes`, codeSummarySchema),
    voidCodes: (roundId: string, unitCode: string, what: { codes?: string[]; batchId?: string }) =>
      http.request(`${unitPath(roundId, unitCode)}/access-codes/void`, z.object({ voided: z.number() }), {
        method: 'POST',
        body: what,
      }),
    qrSvgs: (texts: string[]) =>
      http.request(`${base}/qr`, z.object({ svgs: z.array(z.string()) }), { method: 'POST', body: { texts } }),
    eitLink: (roundId: string, unitCode: string) => http.get(`${unitPath(roundId, unitCode)}/eit-link`, eitLinkSchema),
    progress: (roundId: string, unitCode: string) => http.get(`${unitPath(roundId, unitCode)}/progress`, progressSchema),
    /** Every unit of the round the caller looks after (no per-question counts): her choice of units. */
    roundProgress: (roundId: string) => http.get(`${base}/rounds/${enc(roundId)}/progress`, z.array(progressSchema)),
  };
}

/** Path of the generate call that answers with printable slips (PDF) instead of JSON. */
export function slipsPdfPath(roundId: string, unitCode: string): string {
  return `${base}/rounds/${enc(roundId)}/units/${enc(unitCode)}/access-codes`;
}

/** The A4 poster of a public EIT link (public, like its QR images). */
export function posterPdfUrl(apiBase: string, link: EitLink): string {
  return `${apiBase.replace(/\/+$/, '')}${base}/links/${enc(link.token)}/poster.pdf`;
}

/** Where the QR images of a link are, under the API base (they are public, so an <img> can load them). */
export function qrImageUrl(apiBase: string, link: EitLink, format: 'svg' | 'png'): string {
  return `${apiBase.replace(/\/+$/, '')}${base}${format === 'svg' ? link.qrSvg : link.qrPng}`;
}
