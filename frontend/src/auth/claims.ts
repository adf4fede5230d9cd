import * as z from 'zod/mini';

/** The realm roles ITA Online knows, in the order they are shown. */
export const ITA_ROLES = [
  'system-admin',
  'area-admin',
  'unit-admin',
  'evidence-editor',
  'activity-editor',
  'auditor',
] as const;
export type ItaRole = (typeof ITA_ROLES)[number];

export function isItaRole(value: string): value is ItaRole {
  return (ITA_ROLES as readonly string[]).includes(value);
}

/** Our roles among the given ones (Keycloak also sends e.g. `offline_access`), in display order. */
export function itaRoles(roles: readonly string[]): ItaRole[] {
  return ITA_ROLES.filter((role) => roles.includes(role));
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes); // claims may hold Thai text (UTF-8)
}

/**
 * The payload of a JWT, decoded without verifying the signature: the browser only reads its
 * own token to decide what to show; every service verifies the token itself.
 */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) throw new Error('Not a JWT: expected three dot-separated parts');
  const payload: unknown = JSON.parse(base64UrlDecode(parts[1]));
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new Error('Not a JWT: the payload is not a JSON object');
  }
  return payload as Record<string, unknown>;
}

const accessTokenClaims = z.object({
  realm_access: z.catch(z.optional(z.object({ roles: z.catch(z.array(z.string()), []) })), undefined),
  unit_code: z.catch(z.optional(z.string().check(z.minLength(1))), undefined),
});

const profileClaims = z.object({
  name: z.catch(z.optional(z.string().check(z.trim(), z.minLength(1))), undefined),
  preferred_username: z.catch(z.optional(z.string().check(z.trim(), z.minLength(1))), undefined),
});

/** What the UI needs to know about the logged-in user. */
export interface Session {
  /** `name` from the ID token, else `preferred_username`, else empty. */
  name: string;
  /** ITA realm roles from the access token's `realm_access.roles`. */
  roles: ItaRole[];
  /** The user's unit (access token claim `unit_code`), or null when none. */
  unitCode: string | null;
}

/** Builds the session from the ID-token profile and the (undecoded) access token. */
export function sessionFrom(profile: Record<string, unknown>, accessToken: string): Session {
  const { name, preferred_username } = profileClaims.parse(profile);
  let claims: z.infer<typeof accessTokenClaims> = {};
  try {
    claims = accessTokenClaims.parse(decodeJwtPayload(accessToken));
  } catch {
    // an opaque or malformed access token: show the user without roles or unit
  }
  return {
    name: name ?? preferred_username ?? '',
    roles: itaRoles(claims.realm_access?.roles ?? []),
    unitCode: claims.unit_code ?? null,
  };
}
