import { safeParse, type $ZodType } from 'zod/v4/core';
import { takeEarly } from './early';
import { problemFromResponse } from './problem';

export { ProblemError, problemFromResponse, type FieldError, type ProblemDetails } from './problem';

/** The service answered 2xx, but the body is not what its contract says. */
export class UnexpectedResponseError extends Error {
  constructor(
    readonly url: string,
    /** What is wrong, one entry per problem, e.g. `version: expected string`. */
    readonly problems: readonly string[],
  ) {
    super(`Unexpected response from ${url}: ${problems.join('; ')}`);
    this.name = 'UnexpectedResponseError';
  }
}

export interface HttpClientOptions {
  /** Base of the API, e.g. `/api` or `https://ita.example.go.th/api` (no trailing slash). */
  baseUrl: string;
  /** The current access token, sent as `Authorization: Bearer …`; none when logged out. */
  getAccessToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** For tests; defaults to the browser's fetch. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Sent as is with its own content type instead of a JSON `body`, e.g. an uploaded file's bytes. */
  raw?: { contentType: string; data: Blob | ArrayBuffer | string };
  signal?: AbortSignal;
}

export interface HttpClient {
  /** Sends a request and returns the JSON body validated by `schema`. */
  request<T>(path: string, schema: $ZodType<T>, options?: RequestOptions): Promise<T>;
  get<T>(path: string, schema: $ZodType<T>, options?: Omit<RequestOptions, 'method' | 'body' | 'raw'>): Promise<T>;
  /** Fetches a file (PDF, image…) with the same bearer token, e.g. to show it from a blob: URL. */
  blob(path: string, accept: string, options?: Pick<RequestOptions, 'signal'>): Promise<Blob>;
}

/**
 * A small typed fetch helper: adds the bearer token, sends and accepts JSON, throws
 * {@link ProblemError} for error statuses and {@link UnexpectedResponseError} for bodies that
 * fail validation.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  const urlOf = (path: string) => `${baseUrl}${path.startsWith('/') ? path : `/${path}`}`;

  async function blob(path: string, accept: string, init: Pick<RequestOptions, 'signal'> = {}): Promise<Blob> {
    const headers = new Headers({ Accept: `${accept}, application/problem+json` });
    const token = await options.getAccessToken?.();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const response = await fetchImpl(urlOf(path), { method: 'GET', headers, signal: init.signal });
    if (!response.ok) throw await problemFromResponse(response);
    return response.blob();
  }

  async function request<T>(path: string, schema: $ZodType<T>, init: RequestOptions = {}): Promise<T> {
    const url = urlOf(path);
    const headers = new Headers({ Accept: 'application/json, application/problem+json' });
    const token = await options.getAccessToken?.();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (init.raw) headers.set('Content-Type', init.raw.contentType);
    else if (init.body !== undefined) headers.set('Content-Type', 'application/json');

    const method = init.method ?? 'GET';
    // A public GET that early.js already sent while the app was loading (see api/early.ts).
    const early = method === 'GET' && !token ? await takeEarly(url) : undefined;
    const response = early ?? await fetchImpl(url, {
      method,
      headers,
      body: init.raw ? init.raw.data : init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
    if (!response.ok) throw await problemFromResponse(response);

    const text = await response.text();
    let body: unknown = undefined;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new UnexpectedResponseError(url, ['(body): not JSON']);
      }
    }
    const parsed = safeParse(schema, body);
    if (!parsed.success) {
      throw new UnexpectedResponseError(
        url,
        parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`),
      );
    }
    return parsed.data;
  }

  return {
    request,
    blob,
    get: (path, schema, init) => request(path, schema, { ...init, method: 'GET' }),
  };
}
