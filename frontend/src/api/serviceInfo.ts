import * as z from 'zod/mini';
import type { HttpClient } from './http';

/** The four back-end services, each reachable under `${apiBase}/<name>/`. */
export const SERVICE_NAMES = ['survey', 'scoring', 'evidence', 'activity'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** `GET /<name>/info`: who answers, which build, and its title in Thai and English. */
export const serviceInfoSchema = z.object({
  service: z.string().check(z.minLength(1)),
  version: z.string().check(z.minLength(1)),
  title: z.object({ th: z.string(), en: z.string() }),
});

export type ServiceInfo = z.infer<typeof serviceInfoSchema>;

export function fetchServiceInfo(http: HttpClient, name: ServiceName, signal?: AbortSignal): Promise<ServiceInfo> {
  return http.get(`/${name}/info`, serviceInfoSchema, { signal });
}

export const serviceInfoKey = (name: ServiceName) => ['service-info', name] as const;
