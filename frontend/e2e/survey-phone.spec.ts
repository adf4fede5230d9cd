import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { api, createRoundOpenInSurvey, phonePage } from './stack';

// Issue 20: the teacher on a phone (390 × 844), against the whole started stack. Makes its own OPEN
// round for KALASIN2 and its own codes through the real APIs, so it runs in any order.
test.describe.configure({ timeout: 300_000 });

const UNIT = 'KALASIN2';

interface CodeSummary {
  used: number;
}


const stepLine = (page: Page) => page.getByText(/^ขั้นที่ \d+ จาก \d+$/);

/** Answers every question of the screen shown (the first option), except the ones whose index is in `skip`. */
async function answerScreen(page: Page, skip: number[] = []): Promise<void> {
  const questions = page.locator('fieldset.survey-question');
  await expect(questions.first()).toBeVisible();
  const count = await questions.count();
  for (let i = 0; i < count; i++) {
    if (!skip.includes(i)) await questions.nth(i).getByRole('radio').first().check();
  }
}

async function next(page: Page): Promise<void> {
  const before = (await stepLine(page).textContent()) ?? '';
  await page.getByRole('button', { name: 'ถัดไป' }).click();
  await expect(stepLine(page)).not.toHaveText(before);
}

/** From the screen shown to the review: every section answered. */
async function answerToReview(page: Page): Promise<void> {
  const review = page.getByRole('heading', { level: 2, name: 'ตรวจสอบคำตอบก่อนส่ง' });
  for (let n = 0; !(await review.isVisible()); n++) {
    expect(n, 'the questionnaire ends in a review').toBeLessThan(20);
    await answerScreen(page);
    await next(page);
  }
}

async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('รหัสเข้าตอบแบบวัด').fill(code);
  await page.getByRole('button', { name: 'เริ่มตอบแบบวัด' }).click();
}

test('a teacher on a phone: bad code refused at entry, the unanswered jump, resume after reload, an interrupted submit counted once', async ({
  browser,
  baseURL,
  request,
}) => {
  const round = await createRoundOpenInSurvey(request, 'E2E IIT บนโทรศัพท์');
  const codesPath = `/survey/rounds/${round.id}/units/${UNIT}/access-codes`;
  const { codes } = await api<{ codes: string[] }>(request, 'unit.kalasin2', 'POST', codesPath, { count: 2 });
  const [first, second] = codes as [string, string];
  const page = await phonePage(browser, baseURL!);
  const survey = `/s/${round.id}/${UNIT}/iit`;

  await test.step('a code that does not exist is refused at entry, before any question', async () => {
    await page.goto(survey);
    // The quiet header: nothing that leads away from the questionnaire.
    await expect(page.getByRole('banner').getByRole('link')).toHaveCount(0);
    await enterCode(page, '22222-22222');
    await expect(page.getByRole('alert')).toContainText('ใช้รหัสนี้ตอบแบบวัดไม่ได้');
    await expect(page.getByLabel('รหัสเข้าตอบแบบวัด')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('fieldset.survey-question')).toHaveCount(0);
    await expect(stepLine(page)).toHaveText(/^ขั้นที่ 1 จาก/);
  });

  await test.step('"next" with a question unanswered scrolls to it, marks it and announces it', async () => {
    await enterCode(page, first.toLowerCase().replace('-', ' '));
    await expect(stepLine(page)).toHaveText(/^ขั้นที่ 2 จาก/);
    await answerScreen(page, [1]);
    await page.getByRole('button', { name: 'ถัดไป' }).click();
    const missing = page.locator('fieldset.survey-question').nth(1);
    await expect(missing.getByRole('radiogroup')).toHaveAttribute('aria-invalid', 'true');
    await expect(missing).toHaveClass(/missing/);
    await expect(missing).toBeInViewport();
    await expect(missing.getByRole('radio').first()).toBeFocused();
    const announcement = page.getByRole('alert');
    await expect(announcement).toHaveAttribute('aria-live', 'assertive');
    await expect(announcement).toContainText('ยังมีข้อที่ต้องตอบอีก 1 ข้อ เริ่มที่ข้อ 2');
    await expect(stepLine(page)).toHaveText(/^ขั้นที่ 2 จาก/);
    await expectNoSeriousA11yViolations(page, 'IIT on a phone, an unanswered question marked');
    await missing.getByRole('radio').first().check();
    await expect(missing.getByRole('radiogroup')).not.toHaveAttribute('aria-invalid');
    await next(page);
  });

  await test.step('a reload at step 3 resumes there with every answer', async () => {
    await expect(stepLine(page)).toHaveText(/^ขั้นที่ 3 จาก/);
    await page.locator('fieldset.survey-question').first().getByRole('radio').nth(2).check();
    await page.reload();
    await expect(stepLine(page)).toHaveText(/^ขั้นที่ 3 จาก/);
    await expect(page.locator('fieldset.survey-question').first().getByRole('radio').nth(2)).toBeChecked();
    await page.getByRole('button', { name: 'ย้อนกลับ' }).click();
    const section1 = page.locator('fieldset.survey-question');
    for (let i = 0; i < (await section1.count()); i++) {
      await expect(section1.nth(i).getByRole('radio').first()).toBeChecked();
    }
    await next(page);
    await answerToReview(page);
    await expect(page.getByText('ไม่ได้ตอบ', { exact: true })).toHaveCount(0);
  });

  await test.step('a submit whose answer is lost after the service stored it is sent again with the same id: counted once', async () => {
    const bodies: { submissionId: string }[] = [];
    const statuses: number[] = [];
    await page.route('**/api/survey/responses', async (route) => {
      bodies.push(route.request().postDataJSON() as { submissionId: string });
      const response = await route.fetch();
      statuses.push(response.status());
      // The first reaches the service, but its answer never reaches the phone.
      if (bodies.length === 1) await route.abort('connectionreset');
      else await route.fulfill({ response });
    });
    await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'ขอบคุณที่ร่วมตอบแบบวัด' })).toBeVisible();
    await page.unroute('**/api/survey/responses');
    expect(statuses).toEqual([201, 200]);
    expect(bodies[1]!.submissionId).toBe(bodies[0]!.submissionId);
    // Acknowledged: nothing of it stays on the phone.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('ita.survey.progress')))).toEqual([]);
    const summary = await api<CodeSummary>(request, 'unit.kalasin2', 'GET', codesPath);
    expect(summary.used).toBe(1);
  });

  await test.step('offline at the submit, then a reload: the kept submission id is answered "received", not "code used"', async () => {
    // A new page load (not a same-document jump to another fragment), as a scanned QR opens it.
    await page.goto('about:blank');
    await page.goto(`${survey}#code=${second}`);
    await expect(stepLine(page)).toHaveText(/^ขั้นที่ 2 จาก/);
    await answerToReview(page);
    let reached = 0;
    await page.route('**/api/survey/responses', async (route) => {
      // Stored by the service every time; the phone hears nothing back.
      await route.fetch();
      reached++;
      await route.abort('internetdisconnected');
    });
    await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await expect(page.getByRole('alert')).toContainText('ส่งไม่สำเร็จ', { timeout: 60_000 });
    expect(reached, 'sent again automatically after the network failed').toBeGreaterThan(1);
    await page.unroute('**/api/survey/responses');
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'ตรวจสอบคำตอบก่อนส่ง' })).toBeVisible();
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/survey/responses'));
    await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    expect(await (await answer).json()).toMatchObject({ status: 'already-received' });
    await expect(page.getByRole('heading', { level: 1, name: 'ขอบคุณที่ร่วมตอบแบบวัด' })).toBeVisible();
    const summary = await api<CodeSummary>(request, 'unit.kalasin2', 'GET', codesPath);
    expect(summary.used).toBe(2);
  });

  await test.step('a used code is refused at entry too, with the same words as one that never existed', async () => {
    const other = await phonePage(browser, baseURL!);
    await other.goto(survey);
    await enterCode(other, first);
    await expect(other.getByRole('alert')).toContainText('ใช้รหัสนี้ตอบแบบวัดไม่ได้');
    await expect(other.locator('fieldset.survey-question')).toHaveCount(0);
    await other.context().close();
  });
  await page.context().close();
});
