import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { horizontalOverflow, logIn, simulateKeycloak, TINY_PDF, withGatewayCsp, type SimulatedUser } from './simulated';

// Issue 21: the coordinator's and the auditor's screens on a desktop and a phone, against
// `vite preview` with Keycloak and the services simulated. ITA_SCREENSHOTS=<dir> also saves
// a screenshot of each screen at each width.

const coordinator: SimulatedUser = {
  name: 'สมศรี ใจดี',
  username: 'unit.kalasin2',
  roles: ['unit-admin', 'evidence-editor', 'activity-editor'],
  unitCode: 'KALASIN2',
};
const auditor: SimulatedUser = { name: 'ผู้ตรวจ ประเมิน', username: 'auditor', roles: ['auditor'] };

const unitName = { th: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาฬสินธุ์ เขต 2', en: 'Kalasin Primary Educational Service Area Office 2' };
const rounds = [
  { id: 'R-2566', name: 'ITA 2566', fiscalYear: 2566, state: 'PUBLISHED', scopeUnitCode: 'KALASIN2' },
  { id: 'R-2570', name: 'ITA 2570', fiscalYear: 2570, state: 'OPEN', scopeUnitCode: 'KALASIN2' },
];
const instruments = [
  { instrument: 'IIT', received: 12, required: 30, population: 62, breakdownHidden: false, questions: null },
  { instrument: 'EIT', received: 41, required: 100, population: 1500, breakdownHidden: false, questions: null },
];
const checklistItem = (code: string, status: string, evidenceCount: number) => ({
  code,
  titleTh: `ข้อมูลพื้นฐานของหน่วยงานที่เผยแพร่ต่อสาธารณะ ข้อ ${code}`,
  titleEn: `Basic information ${code}`,
  requirementTh: 'แสดงโครงสร้างการแบ่งส่วนราชการ ตำแหน่งที่สำคัญ และอำนาจหน้าที่',
  status,
  deadline: '2027-03-31T16:59:59Z',
  updatedBy: evidenceCount ? 'evidence.kalasin2' : null,
  updatedAt: evidenceCount ? '2026-12-01T03:00:00Z' : null,
  evidenceCount,
});
const queueEntry = (itemCode: string) => ({
  unitCode: 'KALASIN2',
  unitNameTh: unitName.th,
  roundId: 'R-2570',
  roundName: 'ITA 2570',
  fiscalYear: 2570,
  itemCode,
  subIndicatorCode: '9.1',
  titleTh: `โครงสร้างหน่วยงาน ${itemCode}`,
  titleEn: null,
  requirementTh: 'แสดงแผนผังแสดงโครงสร้างการแบ่งส่วนราชการของหน่วยงาน ตำแหน่งที่สำคัญ และอำนาจหน้าที่ของหน่วยงาน',
  requirementEn: null,
  status: 'SUBMITTED',
  submittedAt: '2026-12-02T03:00:00Z',
});
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const version = (itemCode: string, id: string, name: string, contentType: string, bytes = contentType === 'image/png' ? TINY_PNG : TINY_PDF) => ({
  id,
  itemCode,
  version: 1,
  kind: 'FILE',
  url: null,
  label: null,
  originalName: name,
  contentType,
  sizeBytes: bytes.length,
  sha256: createHash('sha256').update(bytes).digest('hex'),
  createdBy: 'evidence.kalasin2',
  createdAt: '2026-12-01T03:00:00Z',
  submittedAt: '2026-12-02T03:00:00Z',
  withdrawnAt: null,
});

/** The services' answers for the screens below; returns what the auditor sent as verdicts. */
async function simulateServices(page: Page) {
  const verdicts: { path: string; body: unknown }[] = [];
  await page.route('**/api/*/info', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').at(-2)!;
    return route.fulfill({ json: { service: `${name}-service`, version: '0.1.0-SNAPSHOT', title: { th: name, en: name } } });
  });
  await page.route('**/api/survey/**', (route) => {
    const url = new URL(route.request().url());
    const path = url.pathname.replace('/api/survey', '');
    if (path === '/info') return route.fallback();
    const auth = route.request().headers()['authorization'];
    if (!auth && !path.startsWith('/links/')) {
      return route.fulfill({ status: 401, contentType: 'application/problem+json', body: JSON.stringify({ status: 401, title: 'Unauthorized' }) });
    }
    if (path === '/rounds') return route.fulfill({ json: rounds });
    let m = path.match(/^\/rounds\/([^/]+)\/progress$/);
    if (m) return route.fulfill({ json: [{ roundId: m[1], unitCode: 'KALASIN2', unitName, releaseStep: 5, instruments }] });
    m = path.match(/^\/rounds\/([^/]+)\/units\/([^/]+)\/(.*)$/);
    if (m) {
      const [, roundId, unitCode, rest] = m;
      if (rest === 'progress') return route.fulfill({ json: { roundId, unitCode, unitName, releaseStep: 5, instruments } });
      if (rest === 'access-codes' && route.request().method() === 'GET')
        return route.fulfill({
          json: {
            roundId,
            unitCode,
            staffCount: 62,
            generated: 40,
            used: 12,
            voided: 2,
            unused: 26,
            batches: [{ batchId: 'b1', createdOn: '2026-11-20', createdBy: 'unit.kalasin2', size: 40, voided: 2 }],
          },
        });
      if (rest === 'access-codes' && route.request().headers()['accept']?.startsWith('application/pdf'))
        return route.fulfill({ contentType: 'application/pdf', body: TINY_PDF });
      if (rest === 'eit-link')
        return route.fulfill({
          json: { token: 'Zq3xYtW8pK', roundId, unitCode, url: 'http://localhost:4173/e/Zq3xYtW8pK', qrSvg: '/links/Zq3xYtW8pK/qr.svg', qrPng: '/links/Zq3xYtW8pK/qr.png' },
        });
    }
    if (path.endsWith('/qr.svg'))
      return route.fulfill({
        contentType: 'image/svg+xml',
        body: '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><rect width="120" height="120" fill="#000"/><rect x="10" y="10" width="100" height="100" fill="#fff"/></svg>',
      });
    return route.fulfill({ status: 404, contentType: 'application/problem+json', body: JSON.stringify({ status: 404, title: 'Not Found' }) });
  });
  await page.route('**/api/evidence/**', async (route) => {
    const url = new URL(route.request().url());
    const path = url.pathname.replace('/api/evidence', '');
    if (path === '/info') return route.fallback();
    if (path === '/units/KALASIN2/rounds')
      return route.fulfill({ json: rounds.map((r) => ({ id: r.id, name: r.name, fiscalYear: r.fiscalYear, state: r.state })) });
    if (path === '/units/KALASIN2/rounds/R-2570/checklist')
      return route.fulfill({
        json: {
          unitCode: 'KALASIN2',
          unitNameTh: unitName.th,
          unitNameEn: unitName.en,
          roundId: 'R-2570',
          roundName: 'ITA 2570',
          fiscalYear: 2570,
          deadline: '2027-03-31T16:59:59Z',
          progress: { total: 3, empty: 1, draft: 0, submitted: 1, passed: 0, failed: 1 },
          subIndicators: [
            {
              code: '9.1',
              indicatorCode: '9',
              nameTh: 'ข้อมูลพื้นฐาน',
              nameEn: 'Basic information',
              progress: { total: 3, empty: 1, draft: 0, submitted: 1, passed: 0, failed: 1 },
              items: [checklistItem('O1', 'SUBMITTED', 1), checklistItem('O2', 'FAILED', 2), checklistItem('O3', 'EMPTY', 0)],
            },
          ],
        },
      });
    if (path.endsWith('/follow-up/broken-links')) return route.fulfill({ json: [] });
    if (path === '/reviews/queue') return route.fulfill({ json: [queueEntry('O1'), queueEntry('O2')] });
    let m = path.match(/^\/units\/KALASIN2\/rounds\/R-2570\/items\/(O\d)$/);
    if (m) {
      const item = m[1]!;
      const v = item === 'O1' ? version(item, 'e-1', 'โครงสร้าง.pdf', 'application/pdf') : version(item, 'e-2', 'ผังงาน.png', 'image/png');
      return route.fulfill({
        json: {
          unitCode: 'KALASIN2',
          roundId: 'R-2570',
          itemCode: item,
          subIndicatorCode: '9.1',
          titleTh: `โครงสร้างหน่วยงาน ${item}`,
          titleEn: null,
          requirementTh: 'แสดงแผนผังแสดงโครงสร้างการแบ่งส่วนราชการ',
          requirementEn: null,
          status: item === 'O2' ? 'FAILED' : 'SUBMITTED',
          versions: [v],
          reviews: [],
        },
      });
    }
    m = path.match(/\/evidence\/(e-\d)\/file$/);
    if (m) {
      if (!route.request().headers()['authorization']) return route.fulfill({ status: 401 });
      return m[1] === 'e-1'
        ? route.fulfill({ contentType: 'application/pdf', body: TINY_PDF })
        : route.fulfill({
            contentType: 'image/png',
            body: TINY_PNG,
          });
    }
    if (path.endsWith('/items/O2/files'))
      return route.fulfill({
        status: 415,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 415, title: 'Unsupported Media Type', detail_th: 'ไม่รับไฟล์ชนิด application/zip', detail_en: 'application/zip is not accepted' }),
      });
    if (path.endsWith('/items/O2/submit')) return route.fulfill({ json: { status: 'RESUBMITTED' } });
    m = path.match(/\/items\/(O\d)\/review$/);
    if (m) {
      verdicts.push({ path, body: route.request().postDataJSON() });
      return route.fulfill({
        json: { id: 'r1', itemCode: m[1], verdict: 'PASSED', comment: null, finalVerdict: true, reviewer: 'auditor', reviewedAt: '2026-12-07T03:00:00Z' },
      });
    }
    return route.fulfill({ status: 404, contentType: 'application/problem+json', body: JSON.stringify({ status: 404, title: 'Not Found' }) });
  });
  const assignments: unknown[] = [];
  await page.route('**/api/scoring/units/KALASIN2/children**', (route) => {
    const unit = (code: string, nameTh: string) => ({
      code, parentCode: code === 'KALASIN2' ? null : 'KALASIN2', path: code, type: code === 'KALASIN2' ? 'AREA_PRIMARY' : 'SCHOOL',
      nameTh, nameEn: null, staffCount: 10, servicePopulation: 100, active: true, demo: false, childCount: 0,
    });
    return route.fulfill({
      json: {
        parent: unit('KALASIN2', unitName.th), total: 2, page: 0, size: 50,
        items: [unit('KALASIN2-S001', 'โรงเรียนบ้านหนองแสงวิทยาคารประชาสามัคคี'), unit('KALASIN2-S002', 'โรงเรียนบ้านโคกกลาง')],
      },
    });
  });
  await page.route('**/api/evidence/auditor-assignments', (route) => {
    const body = route.request().postDataJSON() as { auditor: string; unitCodes?: string[] };
    assignments.push(body);
    return route.fulfill({ json: { auditor: body.auditor, unitCodes: body.unitCodes ?? [], added: body.unitCodes?.length ?? 0 } });
  });
  await page.route('**/api/activity/**', (route) => {
    const path = new URL(route.request().url()).pathname.replace('/api/activity', '');
    if (path === '/info') return route.fallback();
    const progress = { activities: 11, done: 3, inProgress: 2, cancelled: 0, completionRate: 27.27 };
    if (path === '/units/KALASIN2/plans')
      return route.fulfill({ json: [{ id: 'p-2566', unitCode: 'KALASIN2', fiscalYear: 2566, title: 'แผนพัฒนาคุณธรรมและความโปร่งใส ปีงบประมาณ 2566', progress }] });
    if (path === '/units/KALASIN2/plans/2566')
      return route.fulfill({
        json: { id: 'p-2566', unitCode: 'KALASIN2', fiscalYear: 2566, title: 'แผนพัฒนาคุณธรรมและความโปร่งใส ปีงบประมาณ 2566', goals: ['ผ่านเกณฑ์ ITA'], indicatorTarget: 85, progress, activities: [],
          kpis: [
            { id: 'k1', name: 'คะแนน ITA รวม', target: 85, unitOfMeasure: 'คะแนน', indicatorCode: null, latestActual: 91.2, reached: true, actuals: [] },
            { id: 'k2', name: 'บุคลากรที่เข้าร่วมกิจกรรม', target: 62, unitOfMeasure: 'คน', indicatorCode: '1', latestActual: 40, reached: false, actuals: [] },
            { id: 'k3', name: 'ข้อ OIT ที่ผ่านการตรวจ', target: 33, unitOfMeasure: 'ข้อ', indicatorCode: '9', latestActual: 12, reached: false, actuals: [] },
          ],
        },
      });
    if (path === '/units/KALASIN2/meetings' || path === '/units/KALASIN2/mentors') return route.fulfill({ json: [] });
    if (path === '/units/KALASIN2/overdue')
      return route.fulfill({
        json: {
          actions: [{ id: 'a1', meetingId: 'm1', unitCode: 'KALASIN2', description: 'ติดป้ายประกาศ', owner: 'สมศรี', dueOn: '2026-11-30', overdue: true }],
          followUps: [],
        },
      });
    return route.fulfill({ status: 404, contentType: 'application/problem+json', body: JSON.stringify({ status: 404, title: 'Not Found' }) });
  });
  return { verdicts, assignments };
}

const shots = process.env.ITA_SCREENSHOTS;
const sizes = [
  { name: 'desktop', width: 1366, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

async function shoot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

for (const size of sizes) {
  test(`screenshots of the staff screens (${size.name})`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await simulateKeycloak(page, coordinator);
    await simulateServices(page);
    await logIn(page);
    await expect(page.getByRole('link', { name: /ยังไม่มีหลักฐาน/ })).toBeVisible();
    await shoot(page, `home-${size.name}`);
    await page.goto('/survey/manage');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForTimeout(500);
    await shoot(page, `survey-manage-${size.name}`);
    await page.goto('/evidence/KALASIN2/rounds/R-2570');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForTimeout(500);
    await shoot(page, `checklist-${size.name}`);
    // METTA opens on the year that has a plan, its years listed with their state.
    await page.goto('/activity');
    await expect(page.getByLabel('ปีงบประมาณ', { exact: true })).toHaveValue('2566');
    await expect(page.getByRole('heading', { name: 'แผนพัฒนาคุณธรรมและความโปร่งใส ปีงบประมาณ 2566' })).toBeVisible();
    await page.waitForTimeout(500); // the KPI chart's first frame
    await shoot(page, `metta-${size.name}`);
    await page.locator('.kpi-chart').screenshot({ path: shots ? `${shots}/kpi-chart-${size.name}.png` : undefined });
  });

  test(`screenshots of the review queue (${size.name})`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await simulateKeycloak(page, auditor);
    await simulateServices(page);
    await logIn(page);
    await page.goto('/evidence/reviews');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForTimeout(800);
    await shoot(page, `review-queue-${size.name}`);
  });
}

test('the auditor sees the PDF beside the requirement (within the gateway CSP) before "ผ่าน", then P passes it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  await withGatewayCsp(page);
  await simulateKeycloak(page, auditor);
  const { verdicts } = await simulateServices(page);
  await logIn(page);
  await page.goto('/evidence/reviews');
  const panel = page.getByRole('article', { name: 'KALASIN2 O1' });
  const frame = panel.locator('iframe[title="เอกสาร โครงสร้าง.pdf"]');
  await expect(frame).toBeVisible();
  expect(await frame.getAttribute('src')).toMatch(/^blob:/);
  await expect(panel.getByRole('button', { name: 'ผ่าน', exact: true })).toBeEnabled();
  await expectNoSeriousA11yViolations(page, 'review queue with a PDF preview');
  await page.keyboard.press('p');
  await expect.poll(() => verdicts.length).toBe(1);
  expect(verdicts[0]).toEqual({ path: '/units/KALASIN2/rounds/R-2570/items/O1/review', body: { verdict: 'PASSED' } });
  // The next item (an image) takes its place.
  await expect(page.getByRole('article', { name: 'KALASIN2 O2' }).getByRole('img', { name: 'ภาพหลักฐาน ผังงาน.png' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('her home page says what is missing in the open round, each a link to the screen that fixes it', async ({ page }) => {
  await simulateKeycloak(page, coordinator);
  await simulateServices(page);
  await logIn(page);
  const todo = page.getByRole('region', { name: 'สิ่งที่ยังขาดตอนนี้' });
  await expect(todo.getByTestId('open-round')).toContainText('ITA 2570');
  await expect(todo.getByRole('link', { name: 'แบบวัด IIT ได้ 12 จาก 30 ราย ยังขาดอีก 18 ราย' })).toBeVisible();
  await expect(todo.getByRole('link', { name: 'งานจากการประชุมที่เลยกำหนด 1 งาน' })).toBeVisible();
  await todo.getByRole('link', { name: 'ข้อ OIT ที่ยังไม่มีหลักฐาน 1 ข้อ' }).click();
  await expect(page).toHaveURL(/\/evidence\/KALASIN2\/rounds\/R-2570$/);
  await page.goBack();
  await todo.getByRole('link', { name: /แบบวัด IIT/ }).click();
  await expect(page.getByLabel('รอบการประเมิน', { exact: true })).toHaveValue('R-2570');
});

test('uploads: the same file twice is warned about, a refused one says what to do, and sending asks first', async ({ page }) => {
  await simulateKeycloak(page, coordinator);
  await simulateServices(page);
  await logIn(page);
  await page.goto('/evidence/KALASIN2/rounds/R-2570/items/O2');
  const chooser = page.getByLabel(/ลากไฟล์มาวางที่นี่/);
  // The browser hashes the chosen file itself: the same bytes as ผังงาน.png, attached already.
  await chooser.setInputFiles({ name: 'ผังงาน-สำเนา.png', mimeType: 'image/png', buffer: TINY_PNG });
  await expect(page.getByRole('alert')).toContainText('ไฟล์ ผังงาน-สำเนา.png เหมือนกับ ผังงาน.png ที่แนบไว้แล้วทุกไบต์');
  await shoot(page, 'item-duplicate');
  await page.getByRole('button', { name: 'ไม่อัปโหลด' }).click();
  await chooser.setInputFiles({ name: 'รวม.zip', mimeType: 'application/zip', buffer: Buffer.from('PK') });
  const refused = page.getByRole('alert');
  await expect(refused).toContainText('อัปโหลด รวม.zip ไม่สำเร็จ: ไม่รับไฟล์ชนิด application/zip');
  await expect(refused).toContainText('บันทึกไฟล์เป็น PDF แล้วอัปโหลดใหม่');
  await expect(refused).toHaveCSS('color', 'rgb(164, 22, 26)');
  await shoot(page, 'item-upload-error');
  await page.getByRole('button', { name: 'ส่งให้ผู้ตรวจประเมิน' }).click();
  await expect(page.getByRole('group', { name: /ส่งข้อ O2 พร้อมหลักฐาน 1 รายการ/ })).toBeVisible();
  await shoot(page, 'item-confirm');
  await page.getByRole('button', { name: 'ยืนยัน ส่งให้ผู้ตรวจ' }).click();
  const sent = page.getByRole('status').filter({ hasText: 'ส่งข้อ O2 ให้ผู้ตรวจประเมินแล้ว' });
  await sent.getByRole('link', { name: /กลับไปที่รายการหลักฐาน OIT/ }).click();
  await expect(page).toHaveURL(/\/evidence\/KALASIN2\/rounds\/R-2570$/);
});

const areaAdmin: SimulatedUser = { name: 'ผู้ดูแล เขตพื้นที่', username: 'area.kalasin2', roles: ['area-admin'], unitCode: 'KALASIN2' };

for (const size of sizes) {
  test(`the area administrator assigns one auditor to the units she ticks, from a grouped menu (${size.name})`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await simulateKeycloak(page, areaAdmin);
    const { assignments } = await simulateServices(page);
    await logIn(page);
    await shoot(page, `menu-${size.name}`);
    if (size.name === 'phone') await page.getByRole('button', { name: 'เมนู' }).click();
    await shoot(page, `menu-open-${size.name}`);
    await page.getByRole('navigation').getByRole('list', { name: 'หลักฐาน OIT' }).getByRole('link', { name: 'มอบหมายผู้ตรวจ' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'มอบหมายผู้ตรวจประเมิน OIT' })).toBeVisible();
    await page.getByLabel('ชื่อผู้ใช้ของผู้ตรวจ').fill('auditor.kalasin');
    await page.getByRole('radio', { name: 'เฉพาะหน่วยงานที่เลือก' }).check();
    await page.getByRole('checkbox', { name: /โรงเรียนบ้านหนองแสง/ }).check();
    await page.getByRole('checkbox', { name: /โรงเรียนบ้านโคกกลาง/ }).check();
    await page.getByRole('button', { name: 'มอบหมายผู้ตรวจ' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'มอบหมาย auditor.kalasin ให้ตรวจ 2 หน่วยงานแล้ว' })).toBeVisible();
    expect(assignments).toEqual([{ auditor: 'auditor.kalasin', unitCodes: ['KALASIN2-S001', 'KALASIN2-S002'] }]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shoot(page, `auditor-assignment-${size.name}`);
    if (size.name === 'desktop') await expectNoSeriousA11yViolations(page, 'bulk auditor assignment');
  });
}

test('no staff screen scrolls sideways on a 390 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await simulateKeycloak(page, { ...coordinator, roles: [...coordinator.roles, 'auditor'] });
  await simulateServices(page);
  await logIn(page);
  for (const path of ['/', '/survey/manage', '/evidence/KALASIN2/rounds/R-2570', '/evidence/reviews', '/activity']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await horizontalOverflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  // The menu folds behind one button: the page's heading is on the first screen.
  const menu = page.getByRole('button', { name: 'เมนู' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'หลักฐาน OIT' })).toBeHidden();
  expect((await page.getByRole('heading', { level: 1 }).boundingBox())!.y).toBeLessThan(300);
  await menu.click();
  await page.getByRole('navigation').getByRole('link', { name: 'หลักฐาน OIT' }).click();
  await expect(page).toHaveURL(/\/evidence$/);
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

test('a logged-out visit to the IIT/EIT staff screen asks to log in and comes back to the same page', async ({ page }) => {
  await simulateKeycloak(page, coordinator);
  await simulateServices(page);
  await page.goto('/survey/manage?round=R-2566&unit=KALASIN2');
  await expect(page.getByRole('heading', { level: 1, name: 'กรุณาเข้าสู่ระบบ' })).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'แบบวัด IIT และ EIT ของหน่วยงาน' })).toBeVisible();
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/survey/manage?round=R-2566&unit=KALASIN2');
  await expect(page.getByLabel('รอบการประเมิน', { exact: true })).toHaveValue('R-2566');
  await expect(page.getByText('สร้างแล้ว 40 รหัส', { exact: false })).toBeVisible();
});

test('the IIT/EIT staff screen opens on the open round and her unit, with one slips button', async ({ page }) => {
  await simulateKeycloak(page, coordinator);
  await simulateServices(page);
  await logIn(page);
  await page.goto('/survey/manage');
  await expect(page.getByLabel('รอบการประเมิน', { exact: true })).toHaveValue('R-2570');
  await expect(page.getByLabel('หน่วยงาน', { exact: true })).toHaveValue('KALASIN2');
  await expect(page.getByRole('cell', { name: 'IIT', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /บัตร/ })).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'พิมพ์บัตรรหัส (PDF พร้อม QR code)' }).click();
  expect((await download).suggestedFilename()).toBe('iit-slips-KALASIN2.pdf');
  await expect(page.getByRole('status').filter({ hasText: 'ดาวน์โหลดบัตรรหัส PDF แล้ว' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'IIT/EIT staff screen');
});
