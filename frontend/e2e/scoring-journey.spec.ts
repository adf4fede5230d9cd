import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { api, signedIn } from './stack';

// Needs the whole started stack with its demo data: the seed office's official FY2566 result
// (total 96.37, AA). Reads only, so it runs in any order and on a stack that already has data.
test.describe.configure({ timeout: 120_000 });

const UNIT = 'KALASIN2';
const YEAR = 2566;
const TOTAL = '96.37';
const RATING = 'AA';

test('an area admin sees the area dashboard with the seed office ranked, and anyone sees its public result', async ({
  browser,
  baseURL,
  request,
}) => {
  const unit = await api<{ nameTh: string }>(request, 'area.kalasin2', 'GET', `/scoring/units/${UNIT}`);

  const { context, page } = await signedIn(browser, baseURL!, 'area.kalasin2');
  await page.getByRole('navigation').getByRole('link', { name: 'ภาพรวมเขตพื้นที่', exact: true }).click();
  await expect(page.getByRole('combobox', { name: /^ปีงบประมาณ/ })).toHaveValue(String(YEAR));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`ภาพรวมผลการประเมิน ${unit.nameTh} ปีงบประมาณ พ.ศ. ${YEAR}`);

  // Distribution by rating: the AA band holds at least the seed office.
  const distribution = page.getByRole('table', { name: 'จำนวนหน่วยงานตามระดับผล' });
  const aa = distribution.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${RATING}\\b|ดีเยี่ยม`) }) });
  await expect(aa.first()).toBeVisible();
  expect(Number(((await aa.first().getByRole('cell').textContent()) ?? '').trim())).toBeGreaterThanOrEqual(1);
  await expect(page.getByText(/^เกณฑ์ผ่าน \d+(\.\d+)? คะแนน$/)).toBeVisible();

  // Ranking: the seed office's row with its total and rating.
  const ranking = page.getByRole('table', { name: 'หน่วยงาน × ตัวชี้วัด เรียงตามคะแนนรวม' });
  const office = ranking.getByRole('row').filter({ has: page.getByRole('link', { name: unit.nameTh, exact: true }) });
  await expect(office).toHaveCount(1);
  const cells = office.getByRole('cell');
  await expect(cells.nth(-2)).toHaveText(TOTAL);
  await expect(cells.nth(-1)).toHaveText(RATING);
  await expect(cells.first()).toHaveText(/^\d+$/);
  await expectNoSeriousA11yViolations(page, 'area dashboard');

  // From the ranking to the office's score sheet.
  await office.getByRole('link', { name: unit.nameTh, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/scoring/units/${UNIT}/years/${YEAR}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${YEAR}`);
  await expect(page.getByText(`คะแนนรวม: ${TOTAL}`, { exact: false })).toBeVisible();
  await context.close();

  // Anyone, no login: the official result as JSON and as the public score sheet.
  const json = await request.get(`/api/scoring/public/units/${UNIT}/years/${YEAR}`);
  expect(json.status()).toBe(200);
  const result = (await json.json()) as { total: number; rating: string; passed: boolean; official: boolean; unit: { code: string } };
  expect(result).toMatchObject({ total: Number(TOTAL), rating: RATING, passed: true, official: true, unit: { code: UNIT } });

  const visitor = await browser.newContext({ baseURL, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/scoring/units/${UNIT}/years/${YEAR}`);
  await expect(publicPage.getByRole('heading', { level: 1 })).toHaveText(`ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ${YEAR}`);
  await expect(publicPage.getByText(unit.nameTh, { exact: true })).toBeVisible();
  await expect(publicPage.getByText('ผลอย่างเป็นทางการ', { exact: false })).toBeVisible();
  const summary = publicPage.getByText(`คะแนนรวม: ${TOTAL}`, { exact: false });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('ผ่านเกณฑ์');
  await expectNoSeriousA11yViolations(publicPage, 'public score sheet');
  const pdf = await publicPage.request.get(`/api/scoring/public/units/${UNIT}/years/${YEAR}/report.pdf`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await visitor.close();
});

// The demo area's open FY2570 practice round (scoring-service's DemoDataLoader), over KALASIN2 and its schools.
const PRACTICE_ROUND = 'ITA 2570 รอบทดลอง สพป.กาฬสินธุ์ เขต 2 (ข้อมูลสาธิต)';
const PRACTICE_SCHOOLS = ['KALASIN2-S001', 'KALASIN2-S002', 'KALASIN2-S003'];

test('an area admin follows the practice round’s progress of the area and its schools', async ({ browser, baseURL, request }) => {
  const unit = await api<{ nameTh: string }>(request, 'area.kalasin2', 'GET', `/scoring/units/${UNIT}`);

  const { context, page } = await signedIn(browser, baseURL!, 'area.kalasin2');
  await page.getByRole('navigation').getByRole('link', { name: 'ความก้าวหน้าการประเมิน', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ความก้าวหน้าการประเมิน');

  // The practice round: the open round of the newest year, so normally already chosen; chosen here either way.
  const rounds = page.getByLabel('รอบการประเมิน');
  const practice = rounds.locator('option', { hasText: PRACTICE_ROUND });
  await rounds.selectOption((await practice.getAttribute('value'))!);
  await expect(rounds.locator('option:checked')).toHaveText(`${PRACTICE_ROUND} (ปีงบประมาณ 2570, เปิด)`);

  // Units at risk first, then the office tree from the area itself: the area and its demo schools are on the first page.
  const table = page.getByRole('table', { name: 'ความก้าวหน้าของแต่ละหน่วยงาน (หน่วยงานที่เสี่ยงไม่ทันกำหนดอยู่ก่อน)' });
  const area = table.getByRole('row').filter({ has: page.getByRole('link', { name: UNIT, exact: true }) });
  await expect(area).toHaveCount(1);
  await expect(area.getByRole('cell').first()).toHaveText(unit.nameTh);
  await expect(area.getByRole('link', { name: UNIT, exact: true })).toHaveAttribute('href', `/scoring/units/${UNIT}/years/2570`);
  for (const school of PRACTICE_SCHOOLS) {
    await expect(table.getByRole('row').filter({ has: page.getByRole('link', { name: school, exact: true }) })).toHaveCount(1);
  }
  await expect(page.getByText(/^แสดง 1–\d+ จาก \d+$/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'จำนวนหน่วยงานที่เสี่ยงตามเหตุ' }).getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'ดาวน์โหลด Excel (XLSX)' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'assessment progress');

  // The CSV comes through the gateway with the signed-in token, one line per unit, Thai intact.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'ดาวน์โหลด CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`ita-progress-${UNIT}-2570.csv`);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFรหัส (code),หน่วยงาน (unit),IIT ได้รับ (received),IIT ต้องการ (required),'
    + 'EIT ได้รับ (received),EIT ต้องการ (required),OIT ตรวจแล้ว (reviewed),OIT ผ่าน (passed),OIT ทั้งหมด (items),'
    + 'เสี่ยง (at risk),เหตุผล (reasons)');
  expect(csv).toContain(`\r\n${UNIT},${unit.nameTh},`);
  await context.close();
});
