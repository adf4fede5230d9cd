import * as z from 'zod/mini';
import type { Language } from '../i18n';

/** One invalid field in a request, as listed in a problem's `errors`. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details as our services send them (Thai + English detail, field errors). */
export const problemSchema = z.object({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.int()),
  detail: z.optional(z.string()),
  detail_th: z.optional(z.string()),
  detail_en: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
});

export type ProblemDetails = z.infer<typeof problemSchema>;

/** An HTTP error response, read from `application/problem+json` when the service sent one. */
export class ProblemError extends Error {
  /** URI that identifies the kind of problem; `about:blank` when the service gave none. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly detailTh?: string;
  readonly detailEn?: string;
  readonly instance?: string;
  readonly errors: readonly FieldError[];

  constructor(problem: ProblemDetails, httpStatus: number) {
    const title = problem.title ?? `HTTP ${httpStatus}`;
    super(problem.detail ?? problem.detail_en ?? problem.detail_th ?? title);
    this.name = 'ProblemError';
    this.type = problem.type ?? 'about:blank';
    this.title = title;
    this.status = problem.status ?? httpStatus;
    this.detail = problem.detail;
    this.detailTh = problem.detail_th;
    this.detailEn = problem.detail_en;
    this.instance = problem.instance;
    this.errors = problem.errors ?? [];
  }

  /** The detail to show in the given language, falling back to any detail, then the title. */
  detailFor(language: Language): string {
    const preferred = language === 'th' ? this.detailTh : this.detailEn;
    const other = language === 'th' ? this.detailEn : this.detailTh;
    return preferred ?? this.detail ?? other ?? this.title;
  }
}

function isProblemContentType(contentType: string | null): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/problem+json' || mediaType === 'application/json';
}

/**
 * Turns an error response into a {@link ProblemError}. A problem+json body (or a JSON body with
 * problem fields) is used as sent; anything else gives a problem with only the HTTP status.
 */
export async function problemFromResponse(response: Response): Promise<ProblemError> {
  const fallback: ProblemDetails = { title: response.statusText || undefined, status: response.status };
  if (!isProblemContentType(response.headers.get('content-type'))) {
    return new ProblemError(fallback, response.status);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return new ProblemError(fallback, response.status);
  }
  const parsed = problemSchema.safeParse(body);
  return new ProblemError(parsed.success ? parsed.data : fallback, response.status);
}
