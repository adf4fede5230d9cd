import type { User, UserManager, UserManagerEvents } from 'oidc-client-ts';
import { oidcAuthority, type AppEnv } from '../lib/env';

type UserLoaded = Parameters<UserManagerEvents['addUserLoaded']>[0];
type UserUnloaded = Parameters<UserManagerEvents['addUserUnloaded']>[0];
type SilentRenewError = Parameters<UserManagerEvents['addSilentRenewError']>[0];

/** What the app uses of oidc-client-ts's UserManager (which satisfies it as it is). */
export interface SessionManager
  extends Pick<UserManager, 'getUser' | 'signinSilent' | 'signinRedirect' | 'signinRedirectCallback' | 'signoutRedirect' | 'removeUser'> {
  readonly events: Pick<
    UserManagerEvents,
    'addUserLoaded' | 'removeUserLoaded' | 'addUserUnloaded' | 'removeUserUnloaded' | 'addSilentRenewError' | 'removeSilentRenewError'
  >;
}

/**
 * The login library (oidc-client-ts, ≈ 17 kB gzipped) loaded only when it is needed: when this tab
 * holds a session, or someone logs in or comes back from Keycloak. A teacher or a parent answering a
 * questionnaire on a phone never logs in, so on 3G her first screen does not wait for it.
 */
export class LazyUserManager implements SessionManager {
  private loading: Promise<UserManager> | undefined;
  private readonly userLoaded = new Set<UserLoaded>();
  private readonly userUnloaded = new Set<UserUnloaded>();
  private readonly silentRenewError = new Set<SilentRenewError>();

  constructor(
    private readonly env: AppEnv,
    private readonly origin: string = window.location.origin,
    private readonly storage: Storage = window.sessionStorage,
    private readonly load: () => Promise<(env: AppEnv, origin: string) => UserManager> = async () =>
      (await import('./userManager')).createUserManager,
  ) {}

  readonly events: SessionManager['events'] = {
    addUserLoaded: (cb) => this.listen(this.userLoaded, cb),
    removeUserLoaded: (cb) => void this.userLoaded.delete(cb),
    addUserUnloaded: (cb) => this.listen(this.userUnloaded, cb),
    removeUserUnloaded: (cb) => void this.userUnloaded.delete(cb),
    addSilentRenewError: (cb) => this.listen(this.silentRenewError, cb),
    removeSilentRenewError: (cb) => void this.silentRenewError.delete(cb),
  };

  /** Whether the library is needed yet: it has been loaded, or this tab keeps a session it wrote. */
  private needed(): boolean {
    return this.loading !== undefined || this.storage.getItem(`oidc.user:${oidcAuthority(this.env)}:${this.env.clientId}`) !== null;
  }

  private manager(): Promise<UserManager> {
    this.loading ??= this.load().then((create) => {
      const manager = create(this.env, this.origin);
      manager.events.addUserLoaded((user) => this.userLoaded.forEach((cb) => void cb(user)));
      manager.events.addUserUnloaded(() => this.userUnloaded.forEach((cb) => void cb()));
      manager.events.addSilentRenewError((error) => this.silentRenewError.forEach((cb) => void cb(error)));
      return manager;
    });
    return this.loading;
  }

  private listen<T>(set: Set<T>, cb: T): () => void {
    set.add(cb);
    return () => void set.delete(cb);
  }

  getUser: UserManager['getUser'] = async (...args) => (this.needed() ? (await this.manager()).getUser(...args) : null);
  removeUser: UserManager['removeUser'] = async (...args) => (this.needed() ? (await this.manager()).removeUser(...args) : undefined);
  signinSilent: UserManager['signinSilent'] = async (...args) => (await this.manager()).signinSilent(...args);
  signinRedirect: UserManager['signinRedirect'] = async (...args) => (await this.manager()).signinRedirect(...args);
  signinRedirectCallback: UserManager['signinRedirectCallback'] = async (...args): Promise<User> =>
    (await this.manager()).signinRedirectCallback(...args);
  signoutRedirect: UserManager['signoutRedirect'] = async (...args) => (await this.manager()).signoutRedirect(...args);
}
