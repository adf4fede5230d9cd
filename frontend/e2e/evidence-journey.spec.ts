import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { api, createOpenRound, eventually, signedIn, uniqueSuffix, type Round } from './stack';

// Needs the whole started stack. Makes its own OPEN FY2567 round for KALASIN2 (the demo's FY2566
// items are all passed already), so it runs on an empty data folder and on a stack with data.
test.describe.configure({ timeout: 300_000 });

const UNIT = 'KALASIN2';
const YEAR = 2567;

interface Checklist {
  subIndicators: { items: { code: string; status: string }[] }[];
}
interface QueueEntry {
  unitCode: string;
  roundId: string;
  itemCode: string;
}

/** A small but real PDF (Tika detects the type from the bytes, not from the name). */
function pdf(text: string): Buffer {
  const body =
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
    `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>endobj\n` +
    `4 0 obj<</Length ${text.length + 24}>>stream\nBT /F1 12 Tf 10 100 Td (${text}) Tj ET\nendstream endobj\n` +
    `trailer<</Root 1 0 R>>\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function upload(page: Page, name: string, content: string) {
  await page.getByLabel(/ลากไฟล์มาวางที่นี่/).setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf(content) });
  await expect(page.getByRole('status').filter({ hasText: `อัปโหลด ${name} แล้ว` })).toBeVisible();
  await expect(page.getByRole('list', { name: 'ประวัติหลักฐาน' })).toContainText(name);
}

async function review(page: Page, round: Round, item: string, verdict: 'ผ่าน' | 'ไม่ผ่าน', expectedFile: string, comment?: string) {
  await page.goto('/evidence/reviews');
  await expect(page.getByRole('heading', { level: 1, name: 'รายการรอตรวจ' })).toBeVisible();
  const entry = page
    .getByRole('listitem')
    .filter({ hasText: `รอบ ${round.name} ปีงบประมาณ ${YEAR}` })
    .getByRole('button', { name: `${UNIT} ${item}`, exact: true });
  await expect(entry).toHaveCount(1);
  await entry.click();
  const panel = page.getByRole('article', { name: `${UNIT} ${item}` });
  await expect(panel.getByRole('list', { name: 'ประวัติหลักฐาน' })).toContainText(expectedFile);
  await expectNoSeriousA11yViolations(page, `OIT review queue (${verdict})`);
  if (comment) await panel.getByLabel(/ความเห็นถึงหน่วยงาน/).fill(comment);
  await panel.getByRole('button', { name: verdict, exact: true }).click();
  await expect(entry, 'a reviewed item leaves the queue').toHaveCount(0);
}

test('an editor hands in OIT evidence, the auditor fails it, the corrected version passes and is public', async ({
  browser,
  baseURL,
  request,
}) => {
  const round = await createOpenRound(request, 'E2E หลักฐาน OIT');
  for (const user of ['evidence.kalasin2', 'auditor']) {
    await eventually(`evidence-service to give ${user} the round (via Kafka)`, async () => {
      const rounds = await api<Round[]>(request, user, 'GET', `/evidence/units/${UNIT}/rounds`);
      return rounds.some((r) => r.id === round.id);
    });
  }
  // An item of the new round that no earlier run left waiting in the auditor's queue under the same name.
  const checklist = await eventually('the round\'s OIT items (framework via Kafka)', async () => {
    const c = await api<Checklist>(request, 'evidence.kalasin2', 'GET', `/evidence/units/${UNIT}/rounds/${round.id}/checklist`);
    return c.subIndicators.some((s) => s.items.length > 0) && c;
  });
  const queued = new Set(
    (await api<QueueEntry[]>(request, 'auditor', 'GET', '/evidence/reviews/queue')).filter((e) => e.unitCode === UNIT).map((e) => e.itemCode),
  );
  const item = checklist.subIndicators.flatMap((s) => s.items).find((i) => i.status === 'EMPTY' && !queued.has(i.code))?.code;
  expect(item, 'an empty OIT item to work on').toBeTruthy();
  const itemCode = item!;
  const suffix = uniqueSuffix();
  const first = `oit-${itemCode}-${suffix}-v1.pdf`;
  const second = `oit-${itemCode}-${suffix}-v2.pdf`;
  const itemPath = `/evidence/${UNIT}/rounds/${round.id}/items/${itemCode}`;

  // The evidence editor: checklist of the round, the item, upload, submit.
  const editor = await signedIn(browser, baseURL!, 'evidence.kalasin2');
  let page = editor.page;
  await page.getByRole('navigation').getByRole('link', { name: 'หลักฐาน OIT', exact: true }).click();
  await page.getByRole('link', { name: `${round.name} (${YEAR})` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `รายการหลักฐาน OIT ปีงบประมาณ ${YEAR}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'OIT checklist');
  await page.getByRole('link', { name: itemCode, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${itemPath}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(itemCode);
  await expect(page.locator('main [data-status]').first()).toHaveAttribute('data-status', 'EMPTY');
  await upload(page, first, `${suffix} first version`);
  await expect(page.locator('main [data-status]').first()).toHaveAttribute('data-status', 'DRAFT');
  await expectNoSeriousA11yViolations(page, 'OIT item (draft)');
  await page.getByRole('button', { name: 'ส่งให้ผู้ตรวจประเมิน' }).click();
  await page.getByRole('button', { name: 'ยืนยัน ส่งให้ผู้ตรวจ' }).click();
  await expect(page.locator('main [data-status]').first()).toHaveAttribute('data-status', 'SUBMITTED');

  // The auditor fails it with a comment.
  const comment = `กรุณาแนบฉบับที่ลงนามแล้ว (${suffix})`;
  const auditor = await signedIn(browser, baseURL!, 'auditor');
  await review(auditor.page, round, itemCode, 'ไม่ผ่าน', first, comment);

  // The editor sees the verdict and the comment, adds a new version and hands it in again.
  await page.goto(itemPath);
  await expect(page.locator('main [data-status]').first()).toHaveAttribute('data-status', 'FAILED');
  await expect(page.getByText(comment)).toBeVisible();
  await upload(page, second, `${suffix} second version`);
  await page.getByRole('button', { name: 'ส่งให้ผู้ตรวจประเมิน' }).click();
  await page.getByRole('button', { name: 'ยืนยัน ส่งให้ผู้ตรวจ' }).click();
  await expect(page.locator('main [data-status]').first()).toHaveAttribute('data-status', 'RESUBMITTED');

  // The corrected version arrives back in the auditor's queue and passes.
  await review(auditor.page, round, itemCode, 'ผ่าน', second);
  await page.reload();
  await expect(page.locator('main [data-status]').first()).toHaveAttribute('data-status', 'PASSED');
  await editor.context.close();
  await auditor.context.close();

  // Anyone: the public disclosure page of the item shows the new evidence and the pass.
  const visitor = await browser.newContext({ baseURL, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  page = await visitor.newPage();
  await page.goto(`/oit/${UNIT}/${YEAR}/${itemCode}`);
  await expect(page.locator('header')).toContainText(round.name);
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText(itemCode);
  await expect(page.locator('main span.PASSED')).toBeVisible();
  const link = page.getByRole('link', { name: second });
  await expect(link).toBeVisible();
  const file = await page.request.get((await link.getAttribute('href'))!);
  expect(file.status()).toBe(200);
  expect((await file.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expectNoSeriousA11yViolations(page, 'public OIT item page');
  await visitor.close();
});
