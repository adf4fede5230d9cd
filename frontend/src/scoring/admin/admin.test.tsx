import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../../api/http';
import { renderWithProviders } from '../../test/render';
import type { OfficialResult } from './api';
import { FrameworksPage } from './FrameworksPage';
import { OfficialResultsPage } from './OfficialResultsPage';
import { RoundsPage } from './RoundsPage';
import { UnitsPage } from './UnitsPage';
import { captureDownloads } from '../../test/downloads';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

type Handler = (body: unknown) => Response;

/** A fake scoring-service: `METHOD /path` → answer; records every request with its body. */
function fakeService(routes: Record<string, Handler>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input).replace(/^\/api/, '');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ method, path, body });
    const handler = routes[`${method} ${path}`];
    return handler ? handler(body) : json({ type: 'urn:ita:problem:not-found', status: 404, title: 'x' }, 404);
  });
  return { http: createHttpClient({ baseUrl: '/api', fetch }), calls, fetch };
}

const framework = {
  id: 'OBEC-2566', version: 1, fiscalYear: 2566, name: { th: 'กรอบ สพฐ. 2566' }, ratingScheme: 'BANDS',
  checksum: 'x', inUse: true, createdAt: '2026-01-01T00:00:00Z',
};
const draft = {
  id: 'r-1', name: 'ITA 2567 เขต 2', fiscalYear: 2567, frameworkId: 'OBEC-2566', frameworkVersion: 1,
  scopeUnitCode: 'KALASIN2', state: 'DRAFT', surveyOpensAt: null, surveyClosesAt: null, oitDeadline: null,
  reviewOpensAt: null, reviewClosesAt: null, correctionClosesAt: null,
};
const areaAdmin = { status: 'authenticated' as const, session: { name: 'area', unitCode: 'KALASIN2', roles: ['area-admin' as const] } };

describe('rounds screen', { timeout: 30_000 }, () => {
  it('opens a draft round with one press and says so', async () => {
    let rounds = [draft];
    const { http, calls } = fakeService({
      'GET /scoring/rounds': () => json(rounds),
      'GET /scoring/frameworks': () => json([framework]),
      'POST /scoring/rounds/r-1/state': () => {
        rounds = [{ ...draft, state: 'OPEN' }];
        return json(rounds[0]);
      },
    });
    renderWithProviders(<RoundsPage />, { http, auth: areaAdmin });
    const row = await screen.findByRole('row', { name: /ITA 2567 เขต 2/ });
    expect(within(row).getByText('ร่าง')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: 'เปิดรอบ' }));
    expect(await screen.findByText('รอบ ITA 2567 เขต 2 อยู่ในสถานะ เปิด แล้ว')).toBeInTheDocument();
    expect(calls).toContainEqual({ method: 'POST', path: '/scoring/rounds/r-1/state', body: { state: 'OPEN' } });
    expect(await within(await screen.findByRole('row', { name: /ITA 2567 เขต 2/ })).findByText('เปิด')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'แก้ไข' })).not.toBeInTheDocument();
  });

  it('creates a round and shows the service’s errors next to the fields, in Thai', async () => {
    const { http, calls } = fakeService({
      'GET /scoring/rounds': () => json([]),
      'GET /scoring/frameworks': () => json([framework]),
      'POST /scoring/rounds': () =>
        json(
          {
            type: 'urn:ita:problem:round-year-mismatch', status: 400, title: 'คำขอไม่ถูกต้อง',
            detail: 'ปีงบประมาณ 2570 ไม่ตรงกับกรอบการประเมิน OBEC-2566 ซึ่งเป็นของปีงบประมาณ 2566',
            detail_th: 'ปีงบประมาณ 2570 ไม่ตรงกับกรอบการประเมิน OBEC-2566 ซึ่งเป็นของปีงบประมาณ 2566',
            detail_en: 'Fiscal year 2570 does not match framework OBEC-2566, which is for fiscal year 2566.',
          },
          400,
        ),
    });
    renderWithProviders(<RoundsPage />, { http, auth: areaAdmin });
    expect(await screen.findByText('ยังไม่มีรอบการประเมินในขอบเขตของคุณ')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'สร้างรอบการประเมินใหม่' }));
    await userEvent.type(screen.getByLabelText('ชื่อรอบ'), 'รอบทดสอบ');
    const year = screen.getByLabelText('ปีงบประมาณ (พ.ศ.)');
    await userEvent.clear(year);
    await userEvent.type(year, '2570');
    expect(screen.getByLabelText('รหัสหน่วยงานที่ประเมิน')).toHaveValue('KALASIN2');
    await userEvent.click(screen.getByRole('button', { name: 'สร้างรอบการประเมิน' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('ปีงบประมาณ 2570 ไม่ตรงกับกรอบการประเมิน OBEC-2566');
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      name: 'รอบทดสอบ', fiscalYear: 2570, frameworkId: 'OBEC-2566', frameworkVersion: 1, scopeUnitCode: 'KALASIN2',
      surveyOpensAt: null,
    });
  });
});

const edition = (id: string, version: number, fiscalYear: number, unverified: string[], recommended = false) => ({
  ...framework, id, version, fiscalYear, inUse: false,
  provenance: { recorded: true, unverified },
  recommended,
  recommendedWhy: recommended ? { th: `เหตุผลของปี ${fiscalYear}`, en: `Why ${fiscalYear}` } : null,
});
const editions = [
  edition('NACC-2569', 1, 2569, ['items', 'weights'], true),
  edition('NACC-2566', 1, 2566, ['questions']),
  edition('OBEC-2566', 2, 2566, ['questions'], true),
  edition('OBEC-2566', 1, 2566, ['items', 'itemRequirements', 'indicators', 'questions', 'weights', 'rating', 'samples', 'rounding']),
];

describe('round form edition', { timeout: 30_000 }, () => {
  it('starts with the year’s recommended edition, follows the year typed and says what is unverified', async () => {
    const { http, calls } = fakeService({
      'GET /scoring/rounds': () => json([]),
      'GET /scoring/frameworks': () => json(editions),
      'POST /scoring/rounds': () => json({ ...draft, id: 'r-2', fiscalYear: 2566, frameworkVersion: 2 }, 201),
    });
    renderWithProviders(<RoundsPage />, { http, auth: areaAdmin });
    await userEvent.click(await screen.findByRole('button', { name: 'สร้างรอบการประเมินใหม่' }));
    const select = screen.getByLabelText('กรอบการประเมิน');
    expect(select).toHaveValue('NACC-2569@1');
    expect(screen.getByText('ฉบับที่แนะนำสำหรับสำนักงานเขตพื้นที่การศึกษาในปีนี้: เหตุผลของปี 2569')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('ยังไม่ได้ตรวจสอบกับคู่มือ: รายการ OIT, น้ำหนัก');

    const year = screen.getByLabelText('ปีงบประมาณ (พ.ศ.)');
    await userEvent.clear(year);
    await userEvent.type(year, '2566');
    expect(select).toHaveValue('OBEC-2566@2');
    expect(screen.getByRole('note')).toHaveTextContent('ยังไม่ได้ตรวจสอบกับคู่มือ: ข้อคำถาม');
    expect(within(select).getByRole('option', { name: /OBEC-2566 ฉบับที่ 2/ })).toHaveTextContent('แนะนำสำหรับปีนี้');

    await userEvent.type(screen.getByLabelText('ชื่อรอบ'), 'ITA 2566');
    await userEvent.click(screen.getByRole('button', { name: 'สร้างรอบการประเมิน' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      fiscalYear: 2566, frameworkId: 'OBEC-2566', frameworkVersion: 2,
    }));
  });

  it('keeps the edition the administrator picked when she changes the year afterwards', async () => {
    const { http } = fakeService({
      'GET /scoring/rounds': () => json([]),
      'GET /scoring/frameworks': () => json(editions),
    });
    renderWithProviders(<RoundsPage />, { http, auth: areaAdmin });
    await userEvent.click(await screen.findByRole('button', { name: 'สร้างรอบการประเมินใหม่' }));
    const select = screen.getByLabelText('กรอบการประเมิน');
    await userEvent.selectOptions(select, 'NACC-2566@1');
    const year = screen.getByLabelText('ปีงบประมาณ (พ.ศ.)');
    await userEvent.clear(year);
    await userEvent.type(year, '2566');
    expect(select).toHaveValue('NACC-2566@1');
    expect(screen.queryByText(/ฉบับที่แนะนำ/)).not.toBeInTheDocument();
  });
});

const unit = (code: string, parent: string | null, path: string, nameTh: string, type = 'SCHOOL') => ({
  code, parentCode: parent, path, type, nameTh, nameEn: null, staffCount: 10, servicePopulation: 100, active: true, demo: true,
});
const tree = [
  unit('KALASIN2', 'OBEC', '/OBEC/KALASIN2/', 'สพป.กาฬสินธุ์ เขต 2', 'AREA_PRIMARY'),
  unit('KALASIN2-S001', 'KALASIN2', '/OBEC/KALASIN2/KALASIN2-S001/', 'โรงเรียนบ้านหนองแสง'),
];
/** A page of direct children as the service sends it; each child without children of its own unless given. */
const childrenOf = (parent: object, items: object[], total = items.length, page = 0) =>
  json({ parent, total, page, size: 50, items: items.map((i) => ({ childCount: 0, ...i })) });
const editor = {
  id: 'u-1', username: 'evidence.s001', email: 'e@s001.th', firstName: 'สมศรี', lastName: 'ใจดี', unitCode: 'KALASIN2-S001',
  roles: ['evidence-editor'], enabled: true, pendingActions: ['UPDATE_PASSWORD'], createdAt: null,
};

describe('units screen', { timeout: 30_000 }, () => {
  it('invites a user to a school and shows the temporary password once', async () => {
    let users = [editor];
    const { http, calls } = fakeService({
      'GET /scoring/units/KALASIN2/children?page=0&size=50': () => childrenOf(tree[0]!, [tree[1]!]),
      'GET /scoring/units/KALASIN2-S001/users': () => json(users),
      'GET /scoring/units/KALASIN2-S001/users/grantable-roles': () =>
        json({ roles: ['area-admin', 'unit-admin', 'evidence-editor', 'activity-editor', 'auditor'] }),
      'POST /scoring/units/KALASIN2-S001/users': (body) => {
        const invited = { ...editor, id: 'u-2', username: 'somchai', roles: ['unit-admin'] };
        users = [...users, invited];
        expect(body).toEqual({ username: 'somchai', email: 'somchai@s001.th', firstName: 'สมชาย', lastName: 'รักดี', role: 'unit-admin' });
        return json({ user: invited, temporaryPassword: 'Abc23defGhj45kmN', emailSent: false }, 201);
      },
    });
    renderWithProviders(<UnitsPage />, { http, auth: areaAdmin });
    await userEvent.click(await screen.findByRole('button', { name: 'จัดการ โรงเรียนบ้านหนองแสง' }));
    const people = await screen.findByRole('table', { name: 'ผู้ใช้ของหน่วยงาน' });
    expect(within(people).getByRole('row', { name: /evidence.s001/ })).toHaveTextContent('รอเปลี่ยนรหัสผ่านครั้งแรก');
    expect(within(people).getByRole('row', { name: /evidence.s001/ })).toHaveTextContent('ผู้จัดทำหลักฐาน OIT');

    const form = screen.getByRole('form', { name: 'เชิญผู้ใช้เข้าหน่วยงาน KALASIN2-S001' });
    await userEvent.type(within(form).getByLabelText('ชื่อผู้ใช้'), 'somchai');
    await userEvent.type(within(form).getByLabelText('อีเมล'), 'somchai@s001.th');
    await userEvent.type(within(form).getByLabelText('ชื่อ'), 'สมชาย');
    await userEvent.type(within(form).getByLabelText('นามสกุล'), 'รักดี');
    await userEvent.selectOptions(within(form).getByLabelText('บทบาท'), 'ผู้ดูแลหน่วยงาน');
    await userEvent.click(within(form).getByRole('button', { name: 'เชิญผู้ใช้' }));

    expect(await screen.findByText('Abc23defGhj45kmN')).toBeInTheDocument();
    expect(screen.getByText(/รหัสผ่านนี้แสดงเพียงครั้งเดียว/)).toBeInTheDocument();
    expect(await within(people).findByRole('row', { name: /somchai/ })).toHaveTextContent('ผู้ดูแลหน่วยงาน');
    expect(within(form).getByLabelText('ชื่อผู้ใช้')).toHaveValue('');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('says an e-mail went out when the service invites by e-mail, and shows no password', async () => {
    const { http } = fakeService({
      'GET /scoring/units/KALASIN2/children?page=0&size=50': () => childrenOf(tree[0]!, [tree[1]!]),
      'GET /scoring/units/KALASIN2-S001/users': () => json([]),
      'GET /scoring/units/KALASIN2-S001/users/grantable-roles': () => json({ roles: ['evidence-editor'] }),
      'POST /scoring/units/KALASIN2-S001/users': () =>
        json({ user: { ...editor, username: 'somsri', email: 'somsri@s001.th' }, temporaryPassword: null, emailSent: true }, 201),
    });
    renderWithProviders(<UnitsPage />, { http, auth: areaAdmin });
    await userEvent.click(await screen.findByRole('button', { name: 'จัดการ โรงเรียนบ้านหนองแสง' }));
    const form = await screen.findByRole('form', { name: 'เชิญผู้ใช้เข้าหน่วยงาน KALASIN2-S001' });
    await userEvent.type(within(form).getByLabelText('ชื่อผู้ใช้'), 'somsri');
    await userEvent.type(within(form).getByLabelText('อีเมล'), 'somsri@s001.th');
    await userEvent.type(within(form).getByLabelText('ชื่อ'), 'สมศรี');
    await userEvent.type(within(form).getByLabelText('นามสกุล'), 'ใจดี');
    await userEvent.click(within(form).getByRole('button', { name: 'เชิญผู้ใช้' }));
    expect(await within(form).findByText('ส่งอีเมลถึง somsri@s001.th แล้ว ผู้ใช้ตั้งรหัสผ่านเองได้จากลิงก์ในอีเมล')).toBeInTheDocument();
    expect(within(form).queryByText('รหัสผ่านชั่วคราว', { exact: false })).not.toBeInTheDocument();
  });

  it('shows why an invitation was refused, in English when the reader chose English', async () => {
    const { http } = fakeService({
      // A unit administrator sees their own unit only: the service lists no children.
      'GET /scoring/units/KALASIN2/children?page=0&size=50': () => childrenOf(tree[0]!, []),
      'GET /scoring/units/KALASIN2/users': () => json([]),
      'GET /scoring/units/KALASIN2/users/grantable-roles': () => json({ roles: ['unit-admin', 'evidence-editor'] }),
      'POST /scoring/units/KALASIN2/users': () =>
        json(
          {
            type: 'urn:ita:problem:user-exists', status: 409, title: 'ข้อมูลขัดแย้ง',
            detail: 'มีผู้ใช้ชื่อ somchai อยู่แล้ว กรุณาเลือกชื่อผู้ใช้อื่น',
            detail_th: 'มีผู้ใช้ชื่อ somchai อยู่แล้ว กรุณาเลือกชื่อผู้ใช้อื่น',
            detail_en: 'A user named somchai already exists. Choose another username.',
          },
          409,
        ),
    });
    renderWithProviders(<UnitsPage />, {
      http,
      language: 'en',
      auth: { status: 'authenticated', session: { name: 'u', unitCode: 'KALASIN2', roles: ['unit-admin'] } },
    });
    await userEvent.click(await screen.findByRole('button', { name: /Manage สพป.กาฬสินธุ์ เขต 2/ }));
    expect(await screen.findByText('No users in this unit yet.')).toBeInTheDocument();
    // A unit-admin manages people, not the tree.
    expect(screen.queryByRole('form', { name: 'Edit unit' })).not.toBeInTheDocument();
    const form = await screen.findByRole('form', { name: 'Invite a user to KALASIN2' });
    expect(within(within(form).getByLabelText('Role')).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Unit administrator',
      'OIT evidence editor',
    ]);
    await userEvent.type(within(form).getByLabelText('Username'), 'somchai');
    await userEvent.type(within(form).getByLabelText('E-mail'), 'somchai@x.th');
    await userEvent.type(within(form).getByLabelText('First name'), 'Somchai');
    await userEvent.type(within(form).getByLabelText('Last name'), 'Rakdee');
    await userEvent.click(within(form).getByRole('button', { name: 'Invite user' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('A user named somchai already exists. Choose another username.');
    expect(within(form).getByLabelText('Username')).toHaveValue('somchai');
  });

  it('re-enables a disabled user, offering it only on disabled accounts', async () => {
    const away = { ...editor, id: 'u-9', username: 'teacher.away', pendingActions: [], enabled: false };
    let users = [editor, away];
    const { http, calls } = fakeService({
      'GET /scoring/units/KALASIN2/children?page=0&size=50': () => childrenOf(tree[0]!, [tree[1]!]),
      'GET /scoring/units/KALASIN2-S001/users': () => json(users),
      'GET /scoring/units/KALASIN2-S001/users/grantable-roles': () => json({ roles: ['evidence-editor'] }),
      'POST /scoring/units/KALASIN2-S001/users/u-9/enable': () => {
        users = [editor, { ...away, enabled: true }];
        return json(users[1]);
      },
    });
    renderWithProviders(<UnitsPage />, { http, auth: areaAdmin });
    await userEvent.click(await screen.findByRole('button', { name: 'จัดการ โรงเรียนบ้านหนองแสง' }));
    const people = await screen.findByRole('table', { name: 'ผู้ใช้ของหน่วยงาน' });
    const activeRow = within(people).getByRole('row', { name: /evidence\.s001/ });
    expect(within(activeRow).queryByRole('button', { name: /เปิดการใช้งาน/ })).not.toBeInTheDocument();
    const awayRow = within(people).getByRole('row', { name: /teacher\.away/ });
    expect(within(awayRow).getAllByRole('cell')[3]).toHaveTextContent(/^ปิดการใช้งาน$/);
    expect(within(awayRow).queryByRole('button', { name: 'ปิดการใช้งาน teacher.away' })).not.toBeInTheDocument();

    await userEvent.click(within(awayRow).getByRole('button', { name: 'เปิดการใช้งาน teacher.away อีกครั้ง' }));
    expect(await screen.findByText('เปิดการใช้งานบัญชี teacher.away อีกครั้งแล้ว')).toBeInTheDocument();
    const enabledRow = await within(people).findByRole('button', { name: 'ปิดการใช้งาน teacher.away' });
    expect(within(enabledRow.closest('tr')!).getAllByRole('cell')[3]).toHaveTextContent(/^ใช้งาน$/);
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/scoring/units/KALASIN2-S001/users/u-9/enable']);
  });

  it('loads the national tree a level at a time: expands a unit, collapses it, and pages through long lists', async () => {
    const obec = unit('OBEC', null, '/OBEC/', 'สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน', 'NATIONAL');
    const kalasin3 = unit('KALASIN3', 'OBEC', '/OBEC/KALASIN3/', 'สพป.กาฬสินธุ์ เขต 3', 'AREA_PRIMARY');
    const kalasin1 = unit('KALASIN1', 'OBEC', '/OBEC/KALASIN1/', 'สพป.กาฬสินธุ์ เขต 1', 'AREA_PRIMARY');
    const school2 = unit('KALASIN2-S002', 'KALASIN2', '/OBEC/KALASIN2/KALASIN2-S002/', 'โรงเรียนบ้านโคกกลาง');
    const { http, calls } = fakeService({
      'GET /scoring/units/OBEC/children?page=0&size=50': () => childrenOf(obec, [kalasin1, { ...tree[0]!, childCount: 2 }], 3),
      'GET /scoring/units/OBEC/children?page=1&size=50': () => childrenOf(obec, [kalasin3], 3, 1),
      'GET /scoring/units/KALASIN2/children?page=0&size=50': () => childrenOf(tree[0]!, [tree[1]!, { ...school2, active: false }]),
    });
    renderWithProviders(<UnitsPage />, { http, auth: systemAdmin });
    const table = await screen.findByRole('table', { name: 'หน่วยงานในขอบเขตของคุณ' });
    const names = () => within(table).getAllByRole('button', { name: /^จัดการ / }).map((b) => b.textContent);
    expect(await within(table).findByRole('button', { name: 'จัดการ สพป.กาฬสินธุ์ เขต 2' })).toBeInTheDocument();
    expect(names()).toEqual(['สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน', 'สพป.กาฬสินธุ์ เขต 1', 'สพป.กาฬสินธุ์ เขต 2']);
    // Only units with units below them can expand.
    expect(within(table).queryByRole('button', { name: /หน่วยงานภายใต้ สพป.กาฬสินธุ์ เขต 1/ })).not.toBeInTheDocument();

    await userEvent.click(within(table).getByRole('button', { name: 'แสดงหน่วยงานภายใต้ สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน เพิ่มเติม (แสดงแล้ว 2 จาก 3 แห่ง)' }));
    expect(await within(table).findByRole('button', { name: 'จัดการ สพป.กาฬสินธุ์ เขต 3' })).toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: /เพิ่มเติม/ })).not.toBeInTheDocument();

    const expander = within(table).getByRole('button', { name: 'หน่วยงานภายใต้ สพป.กาฬสินธุ์ เขต 2 (2 แห่ง)' });
    expect(expander).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(expander);
    const school = await within(table).findByRole('button', { name: 'จัดการ โรงเรียนบ้านโคกกลาง' });
    expect(expander).toHaveAttribute('aria-expanded', 'true');
    expect(school.closest('tr')).toHaveTextContent('ปิดการใช้งาน');
    expect(names()).toEqual([
      'สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน', 'สพป.กาฬสินธุ์ เขต 1', 'สพป.กาฬสินธุ์ เขต 2',
      'โรงเรียนบ้านหนองแสง', 'โรงเรียนบ้านโคกกลาง', 'สพป.กาฬสินธุ์ เขต 3',
    ]);
    await userEvent.click(expander);
    expect(within(table).queryByRole('button', { name: 'จัดการ โรงเรียนบ้านโคกกลาง' })).not.toBeInTheDocument();
    expect(calls.map((c) => c.path)).toEqual([
      '/scoring/units/OBEC/children?page=0&size=50',
      '/scoring/units/OBEC/children?page=1&size=50',
      '/scoring/units/KALASIN2/children?page=0&size=50',
    ]);
  });

  it('finds a unit by name without loading the tree, then deactivates it and shows the new state', async () => {
    const q = encodeURIComponent('หนองแสง');
    let school = tree[1]!;
    const { http, calls } = fakeService({
      'GET /scoring/units/KALASIN2/children?page=0&size=50': () => childrenOf(tree[0]!, []),
      [`GET /scoring/units/KALASIN2/search?q=${q}&limit=20`]: () => json([school]),
      [`GET /scoring/units/KALASIN2/search?q=${encodeURIComponent('ไม่มี')}&limit=20`]: () => json([]),
      'GET /scoring/units/KALASIN2-S001/users': () => json([]),
      'POST /scoring/units/KALASIN2-S001/deactivate': () => {
        school = { ...school, active: false };
        return json(school);
      },
    });
    renderWithProviders(<UnitsPage />, { http, auth: areaAdmin });
    const search = await screen.findByRole('search', { name: 'ค้นหาหน่วยงาน (รหัสหรือชื่อ)' });
    await userEvent.type(within(search).getByLabelText('ค้นหาหน่วยงาน (รหัสหรือชื่อ)'), 'ไม่มี');
    await userEvent.click(within(search).getByRole('button', { name: 'ค้นหา' }));
    expect(await screen.findByText('ไม่พบหน่วยงานที่ตรงกับ “ไม่มี”')).toBeInTheDocument();

    await userEvent.clear(within(search).getByLabelText('ค้นหาหน่วยงาน (รหัสหรือชื่อ)'));
    await userEvent.type(within(search).getByLabelText('ค้นหาหน่วยงาน (รหัสหรือชื่อ)'), 'หนองแสง{Enter}');
    const results = await screen.findByRole('table', { name: 'ผลการค้นหา “หนองแสง”' });
    const row = within(results).getByRole('row', { name: /KALASIN2-S001/ });
    expect(row).toHaveTextContent('OBEC › KALASIN2');
    await userEvent.click(within(row).getByRole('button', { name: 'จัดการ โรงเรียนบ้านหนองแสง' }));
    expect(await screen.findByRole('heading', { name: 'หน่วยงาน โรงเรียนบ้านหนองแสง (KALASIN2-S001)' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'ปิดการใช้งานหน่วยงาน' }));
    expect(await screen.findByText('เปลี่ยนสถานะหน่วยงาน KALASIN2-S001 แล้ว')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'เปิดการใช้งานหน่วยงาน' })).toBeInTheDocument();
    // The search results are read again, so they show the unit's new state.
    expect(await within(results).findByRole('cell', { name: 'ปิดการใช้งาน' })).toBeInTheDocument();
    expect(calls.some((c) => c.path.includes('/subtree'))).toBe(false);
  });

  it('suggests where to move a unit from a search, leaving out the unit itself, and moves it', async () => {
    const kalasin3 = unit('KALASIN3', 'OBEC', '/OBEC/KALASIN3/', 'สพป.กาฬสินธุ์ เขต 3', 'AREA_PRIMARY');
    const { http, calls } = fakeService({
      'GET /scoring/units/KALASIN2/children?page=0&size=50': () => childrenOf(tree[0]!, [tree[1]!]),
      'GET /scoring/units/KALASIN2-S001/users': () => json([]),
      'GET /scoring/units/KALASIN2/search?q=KAL&limit=20': () => json([tree[0], tree[1], kalasin3]),
      'POST /scoring/units/KALASIN2-S001/move': () => json({ ...tree[1]!, parentCode: 'KALASIN3', path: '/OBEC/KALASIN3/KALASIN2-S001/' }),
    });
    renderWithProviders(<UnitsPage />, { http, auth: areaAdmin });
    await userEvent.click(await screen.findByRole('button', { name: 'จัดการ โรงเรียนบ้านหนองแสง' }));
    const form = await screen.findByRole('form', { name: 'ย้ายหน่วยงาน' });
    const parent = within(form).getByLabelText('ย้ายไปอยู่ภายใต้');
    await userEvent.clear(parent);
    await userEvent.type(parent, 'kal');
    await vi.waitFor(() =>
      expect([...form.querySelectorAll('datalist option')].map((o) => (o as HTMLOptionElement).value)).toEqual(['KALASIN2', 'KALASIN3']),
    );
    await userEvent.clear(parent);
    await userEvent.type(parent, 'KALASIN3');
    await userEvent.click(within(form).getByRole('button', { name: 'ย้ายหน่วยงาน' }));
    expect(await screen.findByText('ย้ายหน่วยงาน KALASIN2-S001 แล้ว')).toBeInTheDocument();
    expect(calls).toContainEqual({ method: 'POST', path: '/scoring/units/KALASIN2-S001/move', body: { parentCode: 'KALASIN3' } });
  });

  it('downloads the area’s units in the import’s columns, to edit and import again', async () => {
    const { http } = fakeService({
      'GET /scoring/units/KALASIN2/children?page=0&size=50': () => childrenOf(tree[0]!, [tree[1]!]),
    });
    const { files, saved } = captureDownloads(() =>
      new Response('code,parent_code', { status: 200 }),
    );
    renderWithProviders(<UnitsPage />, { http, auth: areaAdmin });
    const downloads = await screen.findByRole('group', { name: /^ดาวน์โหลดหน่วยงานในสังกัดทั้งหมด/ });
    await userEvent.click(within(downloads).getByRole('button', { name: 'ดาวน์โหลด CSV' }));
    await waitFor(() => expect(saved).toEqual(['ita-units-KALASIN2.csv']));
    expect(files).toHaveBeenCalledWith('/api/scoring/units/KALASIN2/export?format=csv', expect.anything());
  });

  it('lists every wrong line of a CSV dry run and imports nothing until asked', async () => {
    const { http, calls } = fakeService({
      'GET /scoring/units/KALASIN2/children?page=0&size=50': () => childrenOf(tree[0]!, [tree[1]!]),
      'POST /scoring/units/import?dryRun=true': () =>
        json({
          dryRun: true, lines: 2, created: 0, updated: 0,
          errors: [
            { field: 'line 2: parent_code', message: 'No unit with code NOPE exists.' },
            { field: 'line 3: type', message: 'Invalid value: CASTLE' },
          ],
        }),
    });
    renderWithProviders(<UnitsPage />, { http, auth: areaAdmin });
    const form = await screen.findByRole('form', { name: 'นำเข้าหน่วยงานจากไฟล์ CSV' });
    await userEvent.type(within(form).getByLabelText('หรือวางข้อความ CSV'), 'code,parent_code');
    await userEvent.click(within(form).getByRole('button', { name: 'ตรวจสอบ (ยังไม่บันทึก)' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('พบข้อผิดพลาด 2 รายการ ยังไม่ได้นำเข้าข้อมูลใด ๆ');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'line 2: parent_code: No unit with code NOPE exists.',
      'line 3: type: Invalid value: CASTLE',
    ]);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ csv: 'code,parent_code' });
  });
});

const systemAdmin = { status: 'authenticated' as const, session: { name: 'admin', unitCode: 'OBEC', roles: ['system-admin' as const] } };

describe('frameworks screen', { timeout: 30_000 }, () => {
  it('lists every schema error of an imported document and marks versions in use', async () => {
    const { http, calls } = fakeService({
      'GET /scoring/frameworks': () => json([framework]),
      'POST /scoring/frameworks': () =>
        json(
          {
            type: 'urn:ita:problem:framework-invalid', status: 400, title: 'คำขอไม่ถูกต้อง',
            detail: 'เอกสารกรอบการประเมินไม่ถูกต้อง (2 รายการ) ระบบยังไม่ได้บันทึกข้อมูลใด ๆ',
            detail_th: 'เอกสารกรอบการประเมินไม่ถูกต้อง (2 รายการ) ระบบยังไม่ได้บันทึกข้อมูลใด ๆ',
            errors: [
              { field: '$.fiscalYear', message: 'required property missing' },
              { field: '$.weights', message: 'must be an object' },
            ],
          },
          400,
        ),
    });
    renderWithProviders(<FrameworksPage />, { http, auth: systemAdmin });
    const row = await screen.findByRole('row', { name: /OBEC-2566/ });
    expect(row).toHaveTextContent('ใช้แล้ว (แก้ไขไม่ได้)');
    const form = screen.getByRole('form', { name: 'นำเข้ากรอบการประเมิน (JSON)' });
    const text = within(form).getByLabelText('หรือวางเอกสาร JSON');
    await userEvent.type(text, 'not json');
    await userEvent.click(within(form).getByRole('button', { name: 'นำเข้า' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('ข้อความนี้ไม่ใช่ JSON ที่ถูกต้อง');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.clear(text);
    await userEvent.type(text, '{{"id":"X"}');
    await userEvent.click(within(form).getByRole('button', { name: 'นำเข้า' }));
    expect(await within(form).findByText('เอกสารกรอบการประเมินไม่ถูกต้อง (2 รายการ) ระบบยังไม่ได้บันทึกข้อมูลใด ๆ')).toBeInTheDocument();
    expect(within(form).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '$.fiscalYear: required property missing',
      '$.weights: must be an object',
    ]);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ id: 'X' });
  });

  it('shows each version’s unverified parts and the recommended edition of its year', async () => {
    const { http } = fakeService({ 'GET /scoring/frameworks': () => json(editions) });
    renderWithProviders(<FrameworksPage />, { http, auth: systemAdmin });
    await screen.findAllByRole('row', { name: /OBEC-2566/ });
    const rows = screen.getAllByRole('row').filter((r) => r.textContent?.startsWith('OBEC-2566'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('ยังไม่ได้ตรวจสอบกับคู่มือ: ข้อคำถาม');
    expect(rows[0]).toHaveTextContent('ฉบับแนะนำของปี');
    expect(rows[1]).toHaveTextContent('ยังไม่ได้ตรวจสอบกับคู่มือ: รายการ OIT, ข้อกำหนดของรายการ, ตัวชี้วัด');
    expect(rows[1]).not.toHaveTextContent('ฉบับแนะนำของปี');
  });

  it('does not offer the import to an area administrator', async () => {
    const { http } = fakeService({ 'GET /scoring/frameworks': () => json([framework]) });
    renderWithProviders(<FrameworksPage />, { http, auth: areaAdmin });
    expect(await screen.findByRole('row', { name: /OBEC-2566/ })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'นำเข้ากรอบการประเมิน (JSON)' })).not.toBeInTheDocument();
  });
});

describe('official results screen', { timeout: 30_000 }, () => {
  it('shows a unit’s official years and enters a year without a framework', async () => {
    let results: OfficialResult[] = [
      { unitCode: 'KALASIN2', fiscalYear: 2566, frameworkId: 'OBEC-2566', frameworkVersion: 1, indicators: {}, instruments: {}, total: 96.37, rating: 'AA', passed: true, source: 'ITA 2566' },
    ];
    const { http, calls } = fakeService({
      'GET /scoring/frameworks': () => json([framework]),
      'GET /scoring/official-results/KALASIN2': () => json(results),
      'PUT /scoring/official-results/KALASIN2/2564': (body) => {
        const saved = { unitCode: 'KALASIN2', fiscalYear: 2564, frameworkId: null, frameworkVersion: null, indicators: {}, instruments: {}, total: 81.52, rating: 'B', passed: false, source: 'ITA 2564' };
        results = [saved, ...results];
        expect(body).toEqual({ total: 81.52, rating: 'B', passed: false, source: 'ITA 2564' });
        return json(saved);
      },
    });
    renderWithProviders(<OfficialResultsPage />, { http, auth: areaAdmin });
    expect(await screen.findByRole('row', { name: /2566/ })).toHaveTextContent('96.37');
    const form = screen.getByRole('form', { name: 'บันทึกผลอย่างเป็นทางการของ KALASIN2' });
    await userEvent.type(within(form).getByLabelText('ปีงบประมาณ'), '2564');
    await userEvent.type(within(form).getByLabelText('คะแนนรวม'), '81.52');
    await userEvent.type(within(form).getByLabelText('ระดับผล'), 'b');
    await userEvent.type(within(form).getByLabelText('แหล่งที่มา'), 'ITA 2564');
    await userEvent.click(within(form).getByRole('button', { name: 'บันทึกผล' }));
    expect(await within(form).findByText('บันทึกผลปีงบประมาณ 2564 ของ KALASIN2 แล้ว')).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /2564/ })).toHaveTextContent('ไม่ผ่าน');
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });

  it('checks an Excel workbook line by line before importing it, sending the file as it is', async () => {
    let dryRuns = 0;
    const { http, fetch } = fakeService({
      'GET /scoring/frameworks': () => json([framework]),
      'GET /scoring/official-results/KALASIN2': () => json([]),
      'POST /scoring/official-results/import?dryRun=true': () =>
        ++dryRuns === 1
          ? json({
              dryRun: true, lines: 2, written: 0,
              errors: [{ field: 'row 3: total', message: 'ไม่ใช่ตัวเลข: abc' }],
            })
          : json({ dryRun: true, lines: 2, written: 0, errors: [] }),
      'POST /scoring/official-results/import?dryRun=false': () => json({ dryRun: false, lines: 2, written: 2, errors: [] }),
    });
    renderWithProviders(<OfficialResultsPage />, { http, auth: areaAdmin });
    const form = await screen.findByRole('form', { name: 'นำเข้าผลอย่างเป็นทางการจากไฟล์ CSV' });
    const input = within(form).getByLabelText('เลือกไฟล์ CSV');
    expect(input).toHaveAccessibleDescription(/Excel \(\.xlsx\)/);
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const wrong = new File([new Uint8Array([0x50, 0x4b, 3, 4, 1])], 'ita-2566.xlsx', { type: xlsx });
    await userEvent.upload(input, wrong);
    expect(within(form).getByText(/จะนำเข้าจากไฟล์ Excel ita-2566\.xlsx/)).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'ตรวจสอบ (ยังไม่บันทึก)' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('พบข้อผิดพลาด 1 รายการ ยังไม่ได้นำเข้าข้อมูลใด ๆ');
    expect(within(alert).getByRole('listitem')).toHaveTextContent('row 3: total: ไม่ใช่ตัวเลข: abc');
    const [, sent] = fetch.mock.calls.find(([url]) => String(url).includes('/import'))!;
    expect(new Headers(sent?.headers).get('Content-Type')).toBe(xlsx);
    expect(sent?.body).toBe(wrong);

    // A workbook saved without a type by the browser is still recognised by its name.
    const fixed = new File([new Uint8Array([0x50, 0x4b, 3, 4, 2])], 'ita-2566-fixed.xlsx');
    await userEvent.upload(input, fixed);
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'ตรวจสอบ (ยังไม่บันทึก)' }));
    expect(await within(form).findByText('ตรวจแล้ว 2 บรรทัด ไม่พบข้อผิดพลาด กด นำเข้า เพื่อบันทึก')).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'นำเข้า' }));
    expect(await within(form).findByText('นำเข้าแล้ว 2 รายการ')).toBeInTheDocument();
    const applied = fetch.mock.calls.filter(([url]) => String(url).endsWith('dryRun=false'));
    expect(applied).toHaveLength(1);
    expect(applied[0]![1]?.body).toBe(fixed);
    expect(new Headers(applied[0]![1]?.headers).get('Content-Type')).toBe(xlsx);
  });

  it('still reads a chosen CSV file as text and sends it as before', async () => {
    const { http, calls, fetch } = fakeService({
      'GET /scoring/frameworks': () => json([framework]),
      'GET /scoring/official-results/KALASIN2': () => json([]),
      'POST /scoring/official-results/import?dryRun=true': () => json({ dryRun: true, lines: 1, written: 0, errors: [] }),
    });
    renderWithProviders(<OfficialResultsPage />, { http, auth: areaAdmin });
    const form = await screen.findByRole('form', { name: 'นำเข้าผลอย่างเป็นทางการจากไฟล์ CSV' });
    const csv = 'unit_code,fiscal_year\nKALASIN2,2566';
    await userEvent.upload(within(form).getByLabelText('เลือกไฟล์ CSV'), new File([csv], 'ita.csv', { type: 'text/csv' }));
    expect(await within(form).findByLabelText('หรือวางข้อความ CSV')).toHaveValue(csv);
    await userEvent.click(within(form).getByRole('button', { name: 'ตรวจสอบ (ยังไม่บันทึก)' }));
    expect(await within(form).findByText('ตรวจแล้ว 1 บรรทัด ไม่พบข้อผิดพลาด กด นำเข้า เพื่อบันทึก')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ csv });
    const [, sent] = fetch.mock.calls.find(([url]) => String(url).includes('/import'))!;
    expect(new Headers(sent?.headers).get('Content-Type')).toBe('application/json');
  });
});
