import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';

// Needs only the SPA: run against `vite preview` or the started stack (ITA_BASE_URL).

test('logged-out home page is Thai first, switches to English and passes axe', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'ยินดีต้อนรับสู่ ITA Online' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'เข้าสู่ระบบ' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  await expect(page.getByRole('banner')).toContainText('ITA Online');
  await expect(page.getByRole('navigation')).toBeVisible();

  // Sarabun is the UI font and actually loads.
  const font = await page.evaluate(async () => {
    await document.fonts.ready;
    return { family: getComputedStyle(document.body).fontFamily, thai: document.fonts.check('16px Sarabun', 'ก') };
  });
  expect(font.family).toContain('Sarabun');
  expect(font.thai).toBe(true);

  await expectNoSeriousA11yViolations(page, 'home (logged out, Thai)');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to ITA Online' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'home (logged out, English)');
});

test('skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'เข้าสู่ระบบ' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'ข้ามไปยังเนื้อหาหลัก' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('login button sends the browser to Keycloak with PKCE S256', async ({ page }) => {
  await page.goto('/');
  const authRequest = page.waitForRequest((request) => request.url().includes('/protocol/openid-connect/auth'));
  // Answer discovery and stop at the authorization endpoint: this test needs only the SPA.
  await page.route('**/.well-known/openid-configuration', (route) => {
    const issuer = route.request().url().replace('/.well-known/openid-configuration', '');
    return route.fulfill({
      json: {
        issuer,
        authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
        token_endpoint: `${issuer}/protocol/openid-connect/token`,
      },
    });
  });
  await page.route('**/protocol/openid-connect/auth**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>login</title>' }),
  );
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  const url = new URL((await authRequest).url());
  expect(url.pathname).toMatch(/\/realms\/[^/]+\/protocol\/openid-connect\/auth$/);
  expect(url.searchParams.get('response_type')).toBe('code');
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('redirect_uri')).toMatch(/\/login-callback$/);
});

test('unknown address shows the not-found page', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'ไม่พบหน้าที่ต้องการ' })).toBeVisible();
  await page.getByRole('link', { name: 'กลับไปหน้าแรก' }).click();
  await expect(page.getByRole('button', { name: 'เข้าสู่ระบบ' })).toBeVisible();
});
