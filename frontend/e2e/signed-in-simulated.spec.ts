import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';

// Needs only the SPA: Keycloak and the four services are simulated with page.route, so the
// signed-in page, the /login-callback code exchange and its accessibility can be checked
// without the stack. The real thing is login.spec.ts.

const jwt = (payload: Record<string, unknown>) =>
  [{ alg: 'none', typ: 'JWT' }, payload].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') +
  '.c2ln';

async function simulateKeycloakAndServices(page: Page, issuerBase = 'http://localhost:8180') {
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
    const common = { iss: issuer || `${issuerBase}/realms/ita`, sub: 'u-1', iat: now, exp: now + 300 };
    return route.fulfill({
      headers: cors,
      json: {
        token_type: 'Bearer',
        expires_in: 300,
        scope: 'openid profile',
        id_token: jwt({ ...common, aud: 'ita-frontend', name: 'สมศรี ใจดี', preferred_username: 'unit.kalasin2' }),
        access_token: jwt({
          ...common,
          realm_access: { roles: ['unit-admin', 'evidence-editor', 'activity-editor', 'offline_access'] },
          unit_code: 'KALASIN2',
        }),
      },
    });
  });
  await page.route('**/protocol/openid-connect/logout?**', (route) => {
    const url = new URL(route.request().url());
    return route.fulfill({ status: 302, headers: { Location: url.searchParams.get('post_logout_redirect_uri')! } });
  });
  const authorizations: (string | null)[] = [];
  await page.route('**/api/*/info', (route) => {
    authorizations.push(route.request().headers()['authorization'] ?? null);
    const name = new URL(route.request().url()).pathname.split('/').at(-2)!;
    if (name === 'activity') {
      return route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ title: 'Service Unavailable', status: 503, detail_th: 'บริการกิจกรรมยังไม่เริ่มทำงาน', detail_en: 'Activity service has not started' }),
      });
    }
    return route.fulfill({
      json: { service: `${name}-service`, version: '0.1.0-SNAPSHOT', title: { th: `บริการ ${name}`, en: `${name} service` } },
    });
  });
  return { authorizations };
}

test('signed-in home shows greeting, unit, roles and service status, and passes axe', async ({ page }) => {
  const { authorizations } = await simulateKeycloakAndServices(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('สวัสดี สมศรี ใจดี');
  expect(new URL(page.url()).pathname).toBe('/');
  await expect(page.getByTestId('unit-code')).toHaveText('KALASIN2');
  await expect(page.locator('.role-list li')).toHaveText(['ผู้ดูแลหน่วยงาน', 'ผู้จัดการหลักฐาน OIT', 'ผู้จัดการกิจกรรม']);
  for (const service of ['survey', 'scoring', 'evidence']) {
    await expect(page.locator(`[data-service="${service}"]`)).toHaveAttribute('data-status', 'ready');
  }
  const activity = page.locator('[data-service="activity"]');
  await expect(activity).toHaveAttribute('data-status', 'unavailable');
  await expect(activity).toContainText('บริการกิจกรรมยังไม่เริ่มทำงาน');
  expect(authorizations.length).toBeGreaterThanOrEqual(4);
  expect(authorizations.every((value) => value?.startsWith('Bearer ey'))).toBe(true);

  await expectNoSeriousA11yViolations(page, 'home (signed in, Thai)');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, สมศรี ใจดี');
  await expect(activity).toContainText('Activity service has not started');
  await expect(page.locator('.role-list li').first()).toHaveText('Unit administrator');
  await expectNoSeriousA11yViolations(page, 'home (signed in, English)');

  // Small phone screen: nothing overflows sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(page, 'home (signed in, 360px wide)');

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
});
