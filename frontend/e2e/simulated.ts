import type { Page, Route } from '@playwright/test';

// Keycloak and the services simulated with page.route, so staff screens can be driven against
// `vite preview` without the stack (the real thing: the *-journey specs in LocalStackIT).

const jwt = (payload: Record<string, unknown>) =>
  [{ alg: 'none', typ: 'JWT' }, payload].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') +
  '.c2ln';

export interface SimulatedUser {
  name: string;
  username: string;
  roles: string[];
  unitCode?: string;
}

/** The gateway's policy (deploy/launcher SecurityHeaders) for the dev Keycloak, so blob previews meet it here too. */
export const GATEWAY_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self' http://localhost:8180; frame-src http://localhost:8180 blob:; frame-ancestors 'self'; " +
  "form-action 'self' http://localhost:8180; base-uri 'self'; object-src 'none'";

/** Serves the SPA's documents with the gateway's Content-Security-Policy, as the started stack does. */
export async function withGatewayCsp(page: Page) {
  await page.route(
    (url) => !url.pathname.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(url.pathname),
    async (route: Route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      // Behind the started stack's gateway (LocalStackIT) the page already carries the real policy,
      // naming that stack's Keycloak: keep it. `vite preview` sends none: add the gateway's.
      if (response.headers()['content-security-policy']) return route.fulfill({ response });
      return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': GATEWAY_CSP } });
    },
  );
}

export async function simulateKeycloak(page: Page, user: SimulatedUser) {
  const cors = { 'Access-Control-Allow-Origin': '*' };
  let issuer = '';
  await page.route('**/.well-known/openid-configuration', (route) => {
    issuer = route.request().url().replace('/.well-known/openid-configuration', '');
    return route.fulfill({
      headers: cors,
      json: {
        issuer,
        authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
        token_endpoint: `${issuer}/protocol/openid-connect/token`,
        end_session_endpoint: `${issuer}/protocol/openid-connect/logout`,
      },
    });
  });
  await page.route('**/protocol/openid-connect/auth?**', (route) => {
    const url = new URL(route.request().url());
    const back = new URL(url.searchParams.get('redirect_uri')!);
    back.searchParams.set('code', 'simulated-code');
    back.searchParams.set('state', url.searchParams.get('state')!);
    return route.fulfill({ status: 302, headers: { Location: back.toString() } });
  });
  await page.route('**/protocol/openid-connect/token', (route) => {
    const now = Math.floor(Date.now() / 1000);
    const common = { iss: issuer || 'http://localhost:8180/realms/ita', sub: `u-${user.username}`, iat: now, exp: now + 3000 };
    return route.fulfill({
      headers: cors,
      json: {
        token_type: 'Bearer',
        expires_in: 3000,
        scope: 'openid profile',
        id_token: jwt({ ...common, aud: 'ita-frontend', name: user.name, preferred_username: user.username }),
        access_token: jwt({ ...common, realm_access: { roles: user.roles }, ...(user.unitCode ? { unit_code: user.unitCode } : {}) }),
      },
    });
  });
}

/** Logs in from the home page (the simulated Keycloak answers at once). */
export async function logIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.getByRole('heading', { level: 1, name: /สวัสดี/ }).waitFor();
}

/** Fails the test if the page is wider than the window (a phone would scroll sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** A one-page PDF (enough for a browser's viewer). */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
