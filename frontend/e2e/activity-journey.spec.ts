import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { api, signedIn } from './stack';

// Needs the whole started stack. A unit has one plan per fiscal year and plans are never deleted,
// so on a stack that already has KALASIN2's FY2567 plan the journey takes the next year without one.
test.describe.configure({ timeout: 180_000 });

const UNIT = 'KALASIN2';
const STAFF_KPI = 'บุคลากรที่เข้าร่วมกิจกรรม';

test('an activity editor starts a year from the seed template, completes an activity and records a KPI', async ({
  browser,
  baseURL,
  request,
}) => {
  const plans = await api<{ fiscalYear: number }[]>(request, 'activity.kalasin2', 'GET', `/activity/units/${UNIT}/plans`);
  const taken = new Set(plans.map((p) => p.fiscalYear));
  let year = 2567;
  while (taken.has(year)) year++;
  expect(year, 'a fiscal year without a plan').toBeLessThanOrEqual(2700);

  const { context, page } = await signedIn(browser, baseURL!, 'activity.kalasin2');
  await page.getByRole('navigation').getByRole('link', { name: 'แผนพัฒนา METTA', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'กิจกรรม METTA และ PDCA' })).toBeVisible();
  // The year list offers the years with plans, this year and the next; a year further off is opened by its address.
  await page.goto(`/activity?year=${year}`);
  await expect(page.getByRole('combobox', { name: 'ปีงบประมาณ', exact: true })).toHaveValue(String(year));
  await expect(page.getByText(`ยังไม่มีแผนของปีงบประมาณ ${year}`)).toBeVisible();
  await page.getByRole('button', { name: 'เริ่มจากแม่แบบ METTA ของ สพป.กาฬสินธุ์ เขต 2' }).click();

  // The seed office's eleven activities, all still to do, on the PDCA × METTA board.
  const progress = page.getByText(/^ดำเนินการแล้ว \d+ จาก \d+ กิจกรรม/);
  await expect(progress).toHaveText(/^ดำเนินการแล้ว 0 จาก 11 กิจกรรม/);
  const board = page.getByRole('region', { name: 'กระดานแผนงานตามวงจร PDCA และองค์ประกอบ METTA' });
  const activity = board.getByRole('link').first();
  const activityName = ((await activity.textContent()) ?? '').trim();
  expect(activityName.length).toBeGreaterThan(0);

  const kpis = page.getByRole('region', { name: 'ตัวชี้วัดความสำเร็จ (KPI)' });
  const staffKpi = kpis.getByRole('row').filter({ has: page.getByRole('rowheader', { name: STAFF_KPI, exact: true }) });
  await expect(staffKpi).toHaveCount(1);
  await expect(staffKpi.getByRole('cell').nth(1)).toHaveText('ยังไม่บันทึกผล');
  const meter = staffKpi.getByRole('meter');
  await expect(meter).toHaveAttribute('aria-valuenow', '0');
  const target = Number(((await staffKpi.getByRole('cell').first().textContent()) ?? '').replace(/[^\d.]/g, ''));
  expect(target, 'the staff KPI targets every staff member').toBeGreaterThan(1);
  await expectNoSeriousA11yViolations(page, 'METTA plan');

  // Mark one activity done.
  await activity.click();
  await expect(page.getByRole('heading', { level: 1, name: 'แก้ไขกิจกรรม' })).toBeVisible();
  await expect(page.getByLabel('ชื่อกิจกรรม')).toHaveValue(activityName);
  await page.getByLabel('สถานะ').selectOption('DONE');
  await expectNoSeriousA11yViolations(page, 'activity form');
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'บันทึกแล้ว' })).toBeVisible();

  // Back on the same year's plan: one done, and its card says so.
  await page.getByRole('link', { name: 'กลับไปที่แผน' }).click();
  await expect(page.getByRole('combobox', { name: 'ปีงบประมาณ', exact: true })).toHaveValue(String(year));
  await expect(progress).toHaveText(/^ดำเนินการแล้ว 1 จาก 11 กิจกรรม/);
  const card = board.getByRole('listitem').filter({ has: page.getByRole('link', { name: activityName, exact: true }) }).first();
  await expect(card).toContainText('เสร็จสิ้น');

  // Staff taking part: half of the target first (not reached), then all of them (reached).
  const half = Math.floor(target / 2);
  await staffKpi.getByRole('textbox', { name: `ผลของ ${STAFF_KPI}` }).fill(String(half));
  await staffKpi.getByRole('button', { name: 'บันทึกผล' }).click();
  await expect(staffKpi.getByRole('cell').nth(1)).toContainText('ยังไม่บรรลุ');
  await expect(meter).toHaveAttribute('aria-valuenow', String(Math.round((half / target) * 100)));
  await staffKpi.getByRole('textbox', { name: `ผลของ ${STAFF_KPI}` }).fill(String(target));
  await staffKpi.getByRole('button', { name: 'บันทึกผล' }).click();
  await expect(staffKpi.getByRole('cell').nth(1)).toContainText('บรรลุเป้าหมาย');
  await expect(meter).toHaveAttribute('aria-valuenow', '100');
  await expectNoSeriousA11yViolations(page, 'METTA plan after progress');
  await context.close();
});
