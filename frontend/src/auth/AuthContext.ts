import { createContext, useContext } from 'react';
import type { Session } from './claims';

export type AuthStatus = 'loading' | 'anonymous' | 'authenticated';

export interface AuthContextValue {
  status: AuthStatus;
  /** Set when `status` is `authenticated`. */
  session: Session | null;
  /** Redirects to Keycloak's login page. */
  login(): Promise<void>;
  /** Ends the Keycloak session and returns to the home page. */
  logout(): Promise<void>;
  /** Completes the login on /login-callback (code exchange with PKCE verifier). */
  completeLogin(url: string): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
