import * as z from 'zod/mini';
import type { HttpClient } from '../api/http';
import { problemFromResponse } from '../api/http';

/** Paths of evidence-service behind the gateway's `/api/evidence`. */
const base = '/evidence';

export const itemStatusSchema = z.enum(['EMPTY', 'DRAFT', 'SUBMITTED', 'PASSED', 'FAILED', 'RESUBMITTED']);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

const progressSchema = z.object({
  total: z.number(),
  empty: z.number(),
  draft: z.number(),
  submitted: z.number(),
  passed: z.number(),
  failed: z.number(),
});
export type Progress = z.infer<typeof progressSchema>;

const checklistItemSchema = z.object({
  code: z.string(),
  titleTh: z.string(),
  titleEn: z.nullish(z.string()),
  requirementTh: z.nullish(z.string()),
  requirementEn: z.nullish(z.string()),
  status: itemStatusSchema,
  deadline: z.nullish(z.string()),
  updatedBy: z.nullish(z.string()),
  updatedAt: z.nullish(z.string()),
  evidenceCount: z.number(),
});

export const checklistSchema = z.object({
  unitCode: z.string(),
  unitNameTh: z.string(),
  unitNameEn: z.nullish(z.string()),
  roundId: z.string(),
  roundName: z.nullish(z.string()),
  fiscalYear: z.number(),
  deadline: z.nullish(z.string()),
  progress: progressSchema,
  subIndicators: z.array(
    z.object({
      code: z.string(),
      indicatorCode: z.string(),
      nameTh: z.nullish(z.string()),
      nameEn: z.nullish(z.string()),
      progress: progressSchema,
      items: z.array(checklistItemSchema),
    }),
  ),
});
export type Checklist = z.infer<typeof checklistSchema>;

export const versionSchema = z.object({
  id: z.string(),
  itemCode: z.string(),
  version: z.number(),
  kind: z.enum(['LINK', 'FILE']),
  url: z.nullish(z.string()),
  label: z.nullish(z.string()),
  originalName: z.nullish(z.string()),
  contentType: z.nullish(z.string()),
  sizeBytes: z.nullish(z.number()),
  sha256: z.nullish(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  submittedAt: z.nullish(z.string()),
  withdrawnAt: z.nullish(z.string()),
  withdrawnBy: z.nullish(z.string()),
  demo: z.optional(z.boolean()),
});
export type EvidenceVersion = z.infer<typeof versionSchema>;

const reviewSchema = z.object({
  id: z.string(),
  itemCode: z.string(),
  verdict: z.enum(['PASSED', 'FAILED']),
  comment: z.nullish(z.string()),
  finalVerdict: z.boolean(),
  reviewer: z.string(),
  reviewedAt: z.string(),
});

export const itemDetailSchema = z.object({
  unitCode: z.string(),
  roundId: z.string(),
  itemCode: z.string(),
  subIndicatorCode: z.string(),
  titleTh: z.string(),
  titleEn: z.nullish(z.string()),
  requirementTh: z.nullish(z.string()),
  requirementEn: z.nullish(z.string()),
  status: itemStatusSchema,
  versions: z.array(versionSchema),
  reviews: z.array(reviewSchema),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export const queueEntrySchema = z.object({
  unitCode: z.string(),
  unitNameTh: z.string(),
  roundId: z.string(),
  roundName: z.nullish(z.string()),
  fiscalYear: z.number(),
  itemCode: z.string(),
  subIndicatorCode: z.string(),
  titleTh: z.string(),
  titleEn: z.nullish(z.string()),
  requirementTh: z.nullish(z.string()),
  requirementEn: z.nullish(z.string()),
  status: itemStatusSchema,
  submittedAt: z.nullish(z.string()),
});
export type QueueEntry = z.infer<typeof queueEntrySchema>;

const roundSchema = z.object({ id: z.string(), name: z.nullish(z.string()), fiscalYear: z.number(), state: z.string() });

const itemPath = (unit: string, round: string, item: string) =>
  `${base}/units/${encodeURIComponent(unit)}/rounds/${encodeURIComponent(round)}/items/${encodeURIComponent(item)}`;

export const evidenceApi = {
  rounds: (http: HttpClient, unit: string) =>
    http.get(`${base}/units/${encodeURIComponent(unit)}/rounds`, z.array(roundSchema)),
  checklist: (http: HttpClient, unit: string, round: string) =>
    http.get(`${base}/units/${encodeURIComponent(unit)}/rounds/${encodeURIComponent(round)}/checklist`, checklistSchema),
  item: (http: HttpClient, unit: string, round: string, item: string) =>
    http.get(itemPath(unit, round, item), itemDetailSchema),
  addLink: (http: HttpClient, unit: string, round: string, item: string, url: string, label?: string) =>
    http.request(`${itemPath(unit, round, item)}/links`, versionSchema, { method: 'POST', body: { url, label } }),
  withdraw: (http: HttpClient, unit: string, round: string, item: string, id: string) =>
    http.request(`${itemPath(unit, round, item)}/evidence/${id}/withdraw`, versionSchema, { method: 'POST' }),
  submit: (http: HttpClient, unit: string, round: string, item: string) =>
    http.request(`${itemPath(unit, round, item)}/submit`, z.object({ status: itemStatusSchema }), { method: 'POST' }),
  queue: (http: HttpClient) => http.get(`${base}/reviews/queue`, z.array(queueEntrySchema)),
  review: (http: HttpClient, unit: string, round: string, item: string, verdict: 'PASSED' | 'FAILED', comment?: string) =>
    http.request(`${itemPath(unit, round, item)}/review`, reviewSchema, { method: 'POST', body: { verdict, comment } }),
  brokenLinks: (http: HttpClient, unit: string, round: string) =>
    http.get(
      `${base}/units/${encodeURIComponent(unit)}/rounds/${encodeURIComponent(round)}/follow-up/broken-links`,
      z.array(
        z.object({
          itemCode: z.string(),
          evidenceId: z.string(),
          url: z.string(),
          statusCode: z.nullish(z.number()),
          error: z.nullish(z.string()),
          checkedAt: z.string(),
        }),
      ),
    ),
  /** One auditor to a whole area (the unit and all below it) or to chosen units; all or nothing. */
  assignAuditor: (http: HttpClient, auditor: string, target: { area: string } | { unitCodes: string[] }) =>
    http.request(
      `${base}/auditor-assignments`,
      z.object({ auditor: z.string(), unitCodes: z.array(z.string()), added: z.number() }),
      { method: 'POST', body: { auditor, ...target } },
    ),
  uploadPath: (unit: string, round: string, item: string) => `${itemPath(unit, round, item)}/files`,
  /** The stored file of one evidence version (staff only: needs the bearer token). */
  filePath: (unit: string, round: string, item: string, evidenceId: string) =>
    `${itemPath(unit, round, item)}/evidence/${encodeURIComponent(evidenceId)}/file`,
};

/** Sends one file; reports progress (0–1) while the browser uploads it. */
export type Uploader = (path: string, file: File, onProgress: (fraction: number) => void) => Promise<EvidenceVersion>;

/**
 * The browser's upload with progress events (fetch has none): XMLHttpRequest, with the same
 * bearer token and problem+json handling as the JSON client.
 */
export function xhrUploader(apiBase: string, getToken: () => string | null): Uploader {
  return (path, file, onProgress) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${apiBase.replace(/\/+$/, '')}${path}`);
      const token = getToken();
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      xhr.onerror = () => reject(new Error('network error'));
      xhr.onload = async () => {
        const response = new Response(xhr.responseText, {
          status: xhr.status,
          headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json' },
        });
        if (xhr.status >= 200 && xhr.status < 300) {
          onProgress(1);
          resolve(versionSchema.parse(JSON.parse(xhr.responseText)));
        } else {
          reject(await problemFromResponse(response));
        }
      };
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    });
}

/** The access token oidc-client-ts keeps in sessionStorage for this app. */
export function accessTokenFromSession(authority: string, clientId: string): string | null {
  try {
    const raw = window.sessionStorage.getItem(`oidc.user:${authority}:${clientId}`);
    return raw ? ((JSON.parse(raw) as { access_token?: string }).access_token ?? null) : null;
  } catch {
    return null;
  }
}
