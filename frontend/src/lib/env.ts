import * as z from 'zod/mini';

/**
 * Runtime settings, read from `window.__ITA_ENV__`, which the served `/env.js` sets before the
 * app bundle loads. One build runs anywhere: only /env.js differs between environments.
 */
export interface AppEnv {
  /** Keycloak base URL, without `/realms/...`, e.g. `http://localhost:8180`. */
  keycloakUrl: string;
  /** Keycloak realm name, e.g. `ita`. */
  realm: string;
  /** OIDC public client id of this SPA, e.g. `ita-frontend`. */
  clientId: string;
  /** Base of the services' REST APIs: a path on this origin (`/api`) or an absolute http(s) URL. */
  apiBase: string;
}

const httpUrl = z.string().check(
  z.trim(),
  z.refine((value) => /^https?:\/\/[^/\s]+/i.test(value) && URL.canParse(value), {
    message: 'must be an absolute http(s) URL, e.g. "http://localhost:8180"',
  }),
);

const nonBlankChecks = [z.trim(), z.minLength(1, { message: 'must be a non-empty string' })] as const;
const nonBlank = z.string().check(...nonBlankChecks);

const envSchema = z.object({
  keycloakUrl: httpUrl,
  realm: z.string().check(...nonBlankChecks, z.regex(/^[^/\s]+$/, { message: 'must be a realm name without "/" or spaces' })),
  clientId: nonBlank,
  apiBase: z.string().check(
    z.trim(),
    z.refine((value) => value.startsWith('/') || (/^https?:\/\//i.test(value) && URL.canParse(value)), {
      message: 'must be a path starting with "/" (e.g. "/api") or an absolute http(s) URL',
    }),
  ),
});

/** The settings in /env.js are missing or wrong; the message says exactly what to fix. */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

const withoutTrailingSlash = (value: string) => value.replace(/\/+$/, '');

/** Validates raw settings (normally `window.__ITA_ENV__`) and normalises trailing slashes. */
export function parseEnv(raw: unknown): AppEnv {
  if (raw === undefined || raw === null) {
    throw new EnvError(
      'Runtime settings are missing: /env.js was not loaded or did not set window.__ITA_ENV__ ' +
        '= { keycloakUrl, realm, clientId, apiBase }.',
    );
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new EnvError('Invalid runtime settings in /env.js: window.__ITA_ENV__ must be an object.');
  }
  const result = envSchema.safeParse(raw);
  if (!result.success) {
    const given = raw as Record<string, unknown>;
    const problems = result.error.issues.map((issue) => {
      const field = issue.path.join('.');
      const first = issue.path[0];
      const missing = typeof first === 'string' && issue.path.length === 1 && given[first] === undefined;
      if (missing) return `${field} is required`;
      if (issue.code === 'invalid_type') return `${field} must be a string`;
      return `${field} ${issue.message}`;
    });
    throw new EnvError(`Invalid runtime settings in /env.js (window.__ITA_ENV__): ${problems.join('; ')}.`);
  }
  const env = result.data;
  return {
    keycloakUrl: withoutTrailingSlash(env.keycloakUrl),
    realm: env.realm,
    clientId: env.clientId,
    apiBase: withoutTrailingSlash(env.apiBase),
  };
}

declare global {
  interface Window {
    __ITA_ENV__?: unknown;
  }
}

/** Reads and validates the settings that /env.js put on `window`. */
export function readEnv(win: Window = window): AppEnv {
  return parseEnv(win.__ITA_ENV__);
}

/** OIDC authority (issuer) of the realm. */
export function oidcAuthority(env: AppEnv): string {
  return `${env.keycloakUrl}/realms/${encodeURIComponent(env.realm)}`;
}
