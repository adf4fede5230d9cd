import { createContext, useContext } from 'react';
import type { Session } from './claims';

export type AuthStatus = 'loading' | 'anonymous' | 'authenticated';

export interface AuthContextValue {
  status: AuthStatus;
  /** Set when `status` is `authenticated`. */
  session: Session | null;
  /** Redirects to Keycloak's login page; back on /login-callback the app goes on to `returnTo` (a path of this app). */
  login(returnTo?: string): Promise<void>;
  /** Ends the Keycloak session and returns to the home page. */
  logout(): Promise<void>;
  /** Completes the login on /login-callback (code exchange with PKCE verifier); resolves to the path to go on to. */
  completeLogin(url: string): Promise<string | undefined>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/**
 * The path to go on to after login: only a path of this app ("/…", not "//host" or a URL), so a
 * crafted login link cannot send her elsewhere.
 */
export function safeReturnPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : undefined;
}
