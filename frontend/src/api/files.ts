import { problemFromResponse } from './http';
import { oidcAuthority, readEnv } from '../lib/env';

/**
 * Files the JSON client cannot fetch (PDF, spreadsheets) that need the staff member's token, so a
 * plain link would not do.
 */

/** The access token oidc-client-ts keeps in sessionStorage for this app; none in tests. */
function accessToken(): string | null {
  try {
    const env = readEnv();
    const raw = window.sessionStorage.getItem(`oidc.user:${oidcAuthority(env)}:${env.clientId}`);
    return raw ? ((JSON.parse(raw) as { access_token?: string }).access_token ?? null) : null;
  } catch {
    return null;
  }
}

/** The deployment's API base without a trailing slash ('/api' where no env.js is loaded, as in tests). */
export function apiBase(): string {
  try {
    return readEnv().apiBase.replace(/\/+$/, '');
  } catch {
    return '/api';
  }
}

export interface FileRequest {
  method?: 'GET' | 'POST';
  accept: string;
  body?: unknown;
}

/** Fetches a file under the API base; error statuses throw the service's problem (Thai/English). */
export async function fetchFile(path: string, request: FileRequest): Promise<Blob> {
  const headers = new Headers({ Accept: `${request.accept}, application/problem+json` });
  const token = accessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (request.body !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(`${apiBase()}${path}`, {
    method: request.method ?? 'GET',
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
  if (!response.ok) throw await problemFromResponse(response);
  return response.blob();
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The two spreadsheet formats the services export tables in. */
export type TableFormat = 'csv' | 'xlsx';

/** Fetches a table exported as CSV or XLSX and saves it as `{name}.{format}`. */
export async function downloadTable(path: string, name: string, format: TableFormat): Promise<void> {
  saveFile(`${name}.${format}`, await fetchFile(path, { accept: format === 'csv' ? 'text/csv' : XLSX }));
}

/** Hands a file to the browser as a download. */
export function saveFile(name: string, file: Blob) {
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
