import type { User, UserManager } from 'oidc-client-ts';
import { describe, expect, it, vi } from 'vitest';
import { parseEnv } from '../lib/env';
import { LazyUserManager } from './lazyUserManager';

const env = parseEnv({ keycloakUrl: 'http://localhost:8180', realm: 'ita', clientId: 'ita-frontend', apiBase: '/api' });
const SESSION_KEY = 'oidc.user:http://localhost:8180/realms/ita:ita-frontend';

/** A stand-in for oidc-client-ts's UserManager that records what it was asked (the real one needs Keycloak). */
function fakeManager(user: Partial<User> | null) {
  const loaded = new Set<(user: User) => void>();
  const manager = {
    getUser: vi.fn(async () => user as User | null),
    removeUser: vi.fn(async () => undefined),
    signinRedirect: vi.fn(async () => undefined),
    events: {
      addUserLoaded: (cb: (user: User) => void) => (loaded.add(cb), () => loaded.delete(cb)),
      addUserUnloaded: () => () => undefined,
      addSilentRenewError: () => () => undefined,
    },
    fireUserLoaded: (next: User) => loaded.forEach((cb) => cb(next)),
  };
  return manager;
}

function lazyWith(storage: Storage, manager: ReturnType<typeof fakeManager>) {
  const load = vi.fn(async () => () => manager as unknown as UserManager);
  return { lazy: new LazyUserManager(env, 'http://localhost:8080', storage, load), load };
}

describe('the login library is loaded only when someone needs it', () => {
  it('a respondent with no session in this tab: no user, and the library is never loaded', async () => {
    sessionStorage.clear();
    const { lazy, load } = lazyWith(sessionStorage, fakeManager(null));
    expect(await lazy.getUser()).toBeNull();
    await lazy.removeUser();
    expect(load).not.toHaveBeenCalled();
  });

  it('a tab that keeps a session loads it and gets the stored user', async () => {
    sessionStorage.clear();
    sessionStorage.setItem(SESSION_KEY, '{}');
    const manager = fakeManager({ access_token: 'token-1' });
    const { lazy, load } = lazyWith(sessionStorage, manager);
    expect((await lazy.getUser())?.access_token).toBe('token-1');
    expect(load).toHaveBeenCalledTimes(1);
    await lazy.getUser();
    expect(load, 'loaded once').toHaveBeenCalledTimes(1);
    sessionStorage.clear();
  });

  it('logging in loads it, and listeners registered before hear of the user', async () => {
    sessionStorage.clear();
    const manager = fakeManager(null);
    const { lazy, load } = lazyWith(sessionStorage, manager);
    const heard: string[] = [];
    const listener = (user: User) => void heard.push(user.access_token);
    lazy.events.addUserLoaded(listener);
    expect(load).not.toHaveBeenCalled();
    await lazy.signinRedirect();
    expect(manager.signinRedirect).toHaveBeenCalledTimes(1);
    manager.fireUserLoaded({ access_token: 'token-2' } as User);
    expect(heard).toEqual(['token-2']);
    lazy.events.removeUserLoaded(listener);
    manager.fireUserLoaded({ access_token: 'token-3' } as User);
    expect(heard, 'a removed listener hears nothing more').toEqual(['token-2']);
  });
});
