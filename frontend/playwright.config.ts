import { defineConfig } from '@playwright/test';

/**
 * Browser tests against a running ITA Online (no webServer here: the stack is started first).
 * Uses Debian's chromium; Playwright never downloads a browser.
 *   ITA_BASE_URL        app address (default http://localhost:8080)
 *   ITA_CHROMIUM        browser binary (default /usr/bin/chromium)
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000, // the journeys (e2e/*-journey.spec.ts) set their own, longer timeouts
  globalTimeout: 14 * 60_000, // below LocalStackIT's 15 minutes, so a stuck run still reports
  expect: { timeout: 15_000 },
  use: {
    baseURL: process.env.ITA_BASE_URL ?? 'http://localhost:8080',
    headless: true,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.ITA_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
