import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';

/**
 * Helpers for the journeys against the whole started stack (gateway at ITA_BASE_URL, Keycloak with
 * the demo realm, the four services, Kafka between them). Test data is made through the real APIs
 * with real Keycloak tokens; people act through the browser and Keycloak's login form.
 *
 *   ITA_TEST_CLIENT_SECRET  secret of the realm's test client `ita-test` (default: the demo secret)
 *   ITA_DEMO_PASSWORD       password of the demo users (default `demo`)
 */
export const DEMO_PASSWORD = process.env.ITA_DEMO_PASSWORD ?? 'demo';
const TEST_CLIENT = 'ita-test';
const TEST_CLIENT_SECRET = process.env.ITA_TEST_CLIENT_SECRET ?? 'demo-secret-test-change-me';

/** A suffix that makes names of this run's data unique on a stack that already has data. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

interface RuntimeEnv {
  keycloakUrl: string;
  realm: string;
}

let runtimeEnv: RuntimeEnv | undefined;

/** Keycloak's address and realm, as the gateway tells the SPA in /env.js. */
export async function stackEnv(request: APIRequestContext): Promise<RuntimeEnv> {
  if (runtimeEnv) return runtimeEnv;
  const response = await request.get('/env.js');
  expect(response.ok(), 'the gateway serves /env.js').toBe(true);
  const text = await response.text();
  const json = text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1);
  const env = JSON.parse(json) as RuntimeEnv;
  runtimeEnv = { keycloakUrl: env.keycloakUrl.replace(/\/+$/, ''), realm: env.realm };
  return runtimeEnv;
}

const tokens = new Map<string, { token: string; until: number }>();

/**
 * An access token from the real Keycloak for a demo user (password grant of the test client), kept
 * until shortly before it expires: each grant hashes the password, which is slow on a busy machine.
 */
export async function tokenFor(request: APIRequestContext, username: string): Promise<string> {
  const kept = tokens.get(username);
  if (kept && kept.until > Date.now()) return kept.token;
  const { keycloakUrl, realm } = await stackEnv(request);
  const response = await request.post(`${keycloakUrl}/realms/${realm}/protocol/openid-connect/token`, {
    form: {
      grant_type: 'password',
      client_id: TEST_CLIENT,
      client_secret: TEST_CLIENT_SECRET,
      scope: 'openid',
      username,
      password: DEMO_PASSWORD,
    },
  });
  expect(response.status(), `token for ${username}: ${await response.text()}`).toBe(200);
  const body = (await response.json()) as { access_token: string; expires_in: number };
  tokens.set(username, { token: body.access_token, until: Date.now() + (body.expires_in - 30) * 1000 });
  return body.access_token;
}

/** A JSON call to the API through the gateway as a demo user; fails the test on an unexpected status. */
export async function api<T = unknown>(
  request: APIRequestContext,
  username: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  expectedStatus: number[] = [200, 201],
): Promise<T> {
  const token = await tokenFor(request, username);
  const response = await request.fetch(`/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    data: body,
  });
  const text = await response.text();
  expect(expectedStatus, `${method} /api${path} as ${username}: ${response.status()} ${text}`).toContain(response.status());
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Polls until `probe` returns a value (not undefined/null/false), or fails after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

export interface Round {
  id: string;
  name: string;
  fiscalYear: number;
  state: string;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Creates an assessment round for KALASIN2 in scoring-service (as the system admin), with the
 * survey window open now and the OIT deadline, review and correction windows ahead, and opens it.
 * FY2567 under the shipped NACC-2567 framework, so the demo's FY2566 results stay as they are.
 */
export async function createOpenRound(request: APIRequestContext, label: string): Promise<Round> {
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  const created = await api<Round>(request, 'admin', 'POST', '/scoring/rounds', {
    name: `${label} ${uniqueSuffix()}`,
    fiscalYear: 2567,
    frameworkId: 'NACC-2567',
    frameworkVersion: 1,
    scopeUnitCode: 'KALASIN2',
    surveyOpensAt: at(-1),
    surveyClosesAt: at(30),
    oitDeadline: at(10),
    reviewOpensAt: at(11),
    reviewClosesAt: at(20),
    correctionClosesAt: at(25),
  });
  const opened = await api<Round>(request, 'admin', 'POST', `/scoring/rounds/${created.id}/state`, { state: 'OPEN' });
  expect(opened.state).toBe('OPEN');
  return opened;
}

/** {@link createOpenRound}, then waits until survey-service has the round OPEN too (it learns it through Kafka). */
export async function createRoundOpenInSurvey(request: APIRequestContext, label: string): Promise<Round> {
  const round = await createOpenRound(request, label);
  await eventually('survey-service to know the open round (via Kafka)', async () => {
    const rounds = await api<Round[]>(request, 'unit.kalasin2', 'GET', '/survey/rounds');
    return rounds.some((r) => r.id === round.id && r.state === 'OPEN');
  });
  return round;
}

/** A fresh phone-sized browser with no login, as a respondent opens a slip's QR code or a link. */
export async function phonePage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  return context.newPage();
}

/** Logs a demo user in through Keycloak's own login form, as a person does, and returns on the app's home page. */
export async function logIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await expect(page, 'the login button leads to Keycloak').toHaveURL(/\/realms\/[^/]+\/protocol\/openid-connect\/auth\?/);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('#kc-login').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^สวัสดี \S/);
}

/** A fresh browser context (own cookies and storage) with one demo user logged in. */
export async function signedIn(browser: Browser, baseURL: string, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  await logIn(page, username);
  return { context, page };
}
