import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';

// Needs the whole started stack: gateway (ITA_BASE_URL), Keycloak with the demo realm, four services.
const user = process.env.ITA_DEMO_USER ?? 'unit.kalasin2';
const password = process.env.ITA_DEMO_PASSWORD ?? 'demo';
const expectedName = process.env.ITA_DEMO_NAME; // optional: the demo user's display name
const expectedUnit = process.env.ITA_DEMO_UNIT ?? 'KALASIN2';

test('a unit coordinator logs in with Keycloak and sees her unit and ready services', async ({ page, baseURL }) => {
  await page.goto('/');
  await expectNoSeriousA11yViolations(page, 'home (logged out)');

  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await expect(page, 'the login button should lead to Keycloak (is it running?)').toHaveURL(
    /\/realms\/[^/]+\/protocol\/openid-connect\/auth\?/,
  );

  // Keycloak's login form.
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();

  // Back on the app, via /login-callback.
  await page.waitForURL((url) => url.origin === new URL(baseURL!).origin && url.pathname === '/');
  const greeting = page.getByRole('heading', { level: 1 });
  await expect(greeting).toHaveText(/^สวัสดี \S/);
  const greetingText = (await greeting.textContent()) ?? '';
  expect(greetingText.replace(/^สวัสดี /, '').trim().length).toBeGreaterThan(0);
  if (expectedName) await expect(greeting).toContainText(expectedName);
  else console.log(`greeting: ${greetingText}`);

  await expect(page.getByTestId('unit-code')).toHaveText(expectedUnit);

  for (const service of ['survey', 'scoring', 'evidence', 'activity']) {
    const item = page.locator(`[data-service="${service}"]`);
    await expect(item, `${service} service`).toHaveAttribute('data-status', 'ready');
    await expect(item).toContainText('พร้อมใช้งาน');
  }

  await expectNoSeriousA11yViolations(page, 'home (logged in)');

  await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
  await expect(page.getByRole('button', { name: 'เข้าสู่ระบบ' })).toBeVisible();
});
