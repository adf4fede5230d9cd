import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { createRoundOpenInSurvey, phonePage, signedIn } from './stack';

// Needs the whole started stack. Makes its own OPEN round for KALASIN2 (scoring-service → Kafka →
// survey-service), so it runs on an empty data folder and on a stack that already has data.
test.describe.configure({ timeout: 240_000 });

const UNIT = 'KALASIN2';

async function iitReceived(page: Page): Promise<number> {
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'IIT', exact: true }) });
  await expect(row).toHaveCount(1);
  return Number(await row.getByRole('cell').nth(1).textContent());
}

test('a unit admin hands out one-time IIT codes; a respondent answers anonymously; one answer moves no count', async ({
  browser,
  baseURL,
  request,
}) => {
  const round = await createRoundOpenInSurvey(request, 'E2E แบบวัด IIT');

  // The office's coordinator: staff screen, pick the round, generate two codes.
  const staff = await signedIn(browser, baseURL!, 'unit.kalasin2');
  const page = staff.page;
  await page.getByRole('navigation').getByRole('link', { name: 'แบบวัด IIT/EIT', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'แบบวัด IIT และ EIT ของหน่วยงาน' })).toBeVisible();
  // The unit is chosen from hers (never typed), the round from a list; no "show" step.
  await page.getByLabel('รอบการประเมิน', { exact: true }).selectOption(round.id);
  await expect(page.getByLabel('หน่วยงาน', { exact: true })).toHaveValue(UNIT);
  await expect(page.getByRole('heading', { name: 'ความคืบหน้า' })).toBeVisible();
  const before = await iitReceived(page);
  await expectNoSeriousA11yViolations(page, 'survey staff screen');

  await page.getByLabel(/จำนวนรหัส/).fill('2');
  await page.getByRole('button', { name: 'สร้างรหัส', exact: true }).click();
  await expect(page.getByText('รหัสชุดนี้แสดงเพียงครั้งเดียว', { exact: false })).toBeVisible();
  const codes = page.locator('ul.codes li');
  await expect(codes).toHaveCount(2);
  const code = ((await codes.first().textContent()) ?? '').trim();
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
  await expect(page.getByText(/สร้างแล้ว \d+ รหัส/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'survey staff screen with new codes');

  // A teacher on her phone: no login, the code from the slip's QR in the URL fragment.
  const respondent = await phonePage(browser, baseURL!);
  await respondent.goto(`/s/${round.id}/${UNIT}/iit#code=${code}`);
  await expect(respondent.getByRole('progressbar', { name: 'ความคืบหน้าในการตอบ' })).toBeVisible();
  // The code is read and removed from the address bar at once.
  await expect.poll(() => new URL(respondent.url()).hash).toBe('');
  await expect(respondent.getByRole('button', { name: 'เข้าสู่ระบบ' })).toHaveCount(0);

  const review = respondent.getByRole('heading', { level: 2, name: 'ตรวจสอบคำตอบก่อนส่ง' });
  let sections = 0;
  while (!(await review.isVisible())) {
    const questions = respondent.locator('fieldset.survey-question');
    await expect(questions.first()).toBeVisible();
    const step = respondent.getByText(/^ขั้นที่ \d+ จาก \d+$/);
    const stepText = (await step.textContent()) ?? '';
    const count = await questions.count();
    for (let i = 0; i < count; i++) {
      // The most favourable answer is the first option; any answer will do here.
      await questions.nth(i).getByRole('radio').first().check();
    }
    if (sections === 0) await expectNoSeriousA11yViolations(respondent, 'IIT respondent, first section');
    await respondent.getByRole('button', { name: 'ถัดไป' }).click();
    await expect(step).not.toHaveText(stepText);
    sections++;
    expect(sections, 'the questionnaire ends in a review').toBeLessThan(50);
  }
  expect(sections).toBeGreaterThan(0);
  await expect(respondent.getByText('ไม่ได้ตอบ', { exact: true })).toHaveCount(0);
  await expectNoSeriousA11yViolations(respondent, 'IIT respondent, review');

  await respondent.getByRole('button', { name: 'ส่งคำตอบ' }).click();
  await expect(respondent.getByRole('heading', { level: 1, name: 'ขอบคุณที่ร่วมตอบแบบวัด' })).toBeVisible();
  await expect(respondent.getByText('ระบบได้รับคำตอบของท่านแล้ว')).toBeVisible();
  await expectNoSeriousA11yViolations(respondent, 'IIT respondent, confirmation');
  await respondent.context().close();

  // Back on the staff screen: one code used, but the counts have not moved, and after a release
  // pass (every 10 s) still have not: one answer waits for a step of five (the diff attack fails).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'ความคืบหน้า' })).toBeVisible();
  await expect(page.getByText(/ใช้แล้ว 1 /)).toBeVisible();
  await page.waitForTimeout(12_000);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'ความคืบหน้า' })).toBeVisible();
  expect(await iitReceived(page)).toBe(before);
  await expect(page.getByText(/ตัวเลขจะเพิ่มทีละอย่างน้อย 5 คำตอบ/)).toBeVisible();
  await staff.context.close();
});
