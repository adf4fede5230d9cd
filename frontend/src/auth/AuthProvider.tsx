import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { User } from 'oidc-client-ts';
import { AuthContext, safeReturnPath, type AuthContextValue } from './AuthContext';
import { sessionFrom } from './claims';
import type { SessionManager } from './lazyUserManager';

/** Keeps the logged-in user of the given UserManager in React state. */
export function AuthProvider({ userManager, children }: { userManager: SessionManager; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const callbacks = useRef(new Map<string, Promise<string | undefined>>());

  useEffect(() => {
    let active = true;
    const show = (next: User | null) => {
      if (active) setUser(next && !next.expired ? next : null);
    };
    const onUnloaded = () => show(null);
    const onRenewError = () => void userManager.removeUser();

    userManager.events.addUserLoaded(show);
    userManager.events.addUserUnloaded(onUnloaded);
    userManager.events.addSilentRenewError(onRenewError);

    void (async () => {
      try {
        const stored = await userManager.getUser();
        if (stored?.expired && stored.refresh_token) {
          show(await userManager.signinSilent()); // refresh an expired session
        } else {
          show(stored);
        }
      } catch {
        await userManager.removeUser().catch(() => undefined);
        show(null);
      }
    })();

    return () => {
      active = false;
      userManager.events.removeUserLoaded(show);
      userManager.events.removeUserUnloaded(onUnloaded);
      userManager.events.removeSilentRenewError(onRenewError);
    };
  }, [userManager]);

  // The page she was opening rides through Keycloak in the OIDC state (kept by oidc-client-ts, not in the URL).
  const login = useCallback(
    (returnTo?: string) => userManager.signinRedirect(returnTo ? { state: { returnTo } } : undefined),
    [userManager],
  );
  const logout = useCallback(async () => {
    queryClient.clear();
    await userManager.signoutRedirect();
  }, [userManager, queryClient]);
  const completeLogin = useCallback(
    (url: string) => {
      // React StrictMode runs effects twice; an authorization code can only be used once.
      let pending = callbacks.current.get(url);
      if (!pending) {
        pending = userManager
          .signinRedirectCallback(url)
          .then((user) => safeReturnPath((user.state as { returnTo?: unknown } | undefined)?.returnTo));
        callbacks.current.set(url, pending);
      }
      return pending;
    },
    [userManager],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      status: user === undefined ? 'loading' : user ? 'authenticated' : 'anonymous',
      session: user ? sessionFrom(user.profile, user.access_token) : null,
      login,
      logout,
      completeLogin,
    }),
    [user, login, logout, completeLogin],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
