import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { oidcAuthority, type AppEnv } from '../lib/env';

export const LOGIN_CALLBACK_PATH = '/login-callback';

/** OIDC settings for Keycloak: authorization code flow with PKCE (S256, oidc-client-ts's default). */
export function userManagerSettings(env: AppEnv, origin: string) {
  return {
    authority: oidcAuthority(env),
    client_id: env.clientId,
    redirect_uri: `${origin}${LOGIN_CALLBACK_PATH}`,
    post_logout_redirect_uri: origin,
    response_type: 'code',
    scope: 'openid profile',
    // Tokens live in this tab's sessionStorage only; they are gone when the tab closes.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true, // uses Keycloak's refresh token, no iframe
    monitorSession: false,
    loadUserInfo: false,
  };
}

export function createUserManager(env: AppEnv, origin: string = window.location.origin): UserManager {
  return new UserManager(userManagerSettings(env, origin));
}
