import { OidcClient } from 'oidc-client-ts';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../lib/env';
import { userManagerSettings } from './userManager';

const env = parseEnv({ keycloakUrl: 'http://localhost:8180', realm: 'ita', clientId: 'ita-frontend', apiBase: '/api' });

describe('Keycloak login settings', () => {
  it('points at the realm and back at this origin', () => {
    const settings = userManagerSettings(env, 'http://localhost:8080');
    expect(settings.authority).toBe('http://localhost:8180/realms/ita');
    expect(settings.client_id).toBe('ita-frontend');
    expect(settings.redirect_uri).toBe('http://localhost:8080/login-callback');
    expect(settings.post_logout_redirect_uri).toBe('http://localhost:8080');
    expect(settings.response_type).toBe('code');
  });

  it('builds an authorization-code request with a PKCE S256 challenge', async () => {
    const settings = userManagerSettings(env, 'http://localhost:8080');
    const authority = settings.authority;
    const client = new OidcClient({
      ...settings,
      stateStore: settings.userStore,
      metadata: {
        issuer: authority,
        authorization_endpoint: `${authority}/protocol/openid-connect/auth`,
        token_endpoint: `${authority}/protocol/openid-connect/token`,
      },
    });
    const request = await client.createSigninRequest({});
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe('http://localhost:8180/realms/ita/protocol/openid-connect/auth');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe('ita-frontend');
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:8080/login-callback');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('scope')).toContain('openid');
  });
});
