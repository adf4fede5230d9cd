import { screen, waitFor, within } from '@testing-library/react';
import { fiscalYear } from '../lib/thaiDate';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../api/http';
import { renderWithProviders } from '../test/render';
import { meeting, plan } from './fixtures';
import { PlanPage } from './PlanPage';

// The plan is read after the year list (two round trips): on a loaded machine that takes longer
// than testing-library's default second.
const slow = { timeout: 5000 };

const session = { name: 'ผู้ดูแลกิจกรรม', roles: ['activity-editor' as const], unitCode: 'KALASIN2' };
const problem = (status: number, detail: string) =>
  new Response(JSON.stringify({ status, detail_th: detail, detail_en: detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

function backend(hasPlan: boolean, planYears?: number[]) {
  let created = hasPlan;
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.includes('/copy-from') && init?.method === 'POST') {
      created = true;
      return Response.json(plan({ title: 'แผนที่คัดลอกจากแม่แบบ' }), { status: 201 });
    }
    if (!planYears && /\/api\/activity\/units\/KALASIN2\/plans\/\d+$/.test(url)) {
      return created ? Response.json(plan()) : problem(404, 'ยังไม่มีแผน');
    }
    if (planYears && url.endsWith('/api/activity/units/KALASIN2/plans'))
      return Response.json(
        planYears.map((y) => ({
          id: `p-${y}`,
          unitCode: 'KALASIN2',
          fiscalYear: y,
          title: `แผน ${y}`,
          progress: { activities: 11, done: 3, inProgress: 1, cancelled: 0, completionRate: 27.27 },
        })),
      );
    if (planYears && /\/plans\/\d+$/.test(url)) {
      const y = Number(url.split('/').at(-1));
      return planYears.includes(y) || created ? Response.json(plan({ fiscalYear: y, title: `แผน ${y}` })) : problem(404, 'ยังไม่มีแผน');
    }
    if (url.endsWith('/meetings')) return Response.json([meeting()]);
    if (url.endsWith('/overdue')) return Response.json({ actions: [meeting().actions[0]], followUps: [] });
    return problem(404, 'ไม่พบ');
  });
}

describe('PlanPage', () => {
  it("shows the unit's plan, KPIs, overdue actions and minutes", async () => {
    renderWithProviders(<PlanPage />, {
      auth: { status: 'authenticated', session },
      http: createHttpClient({ baseUrl: '/api', fetch: backend(true) }),
    });
    expect(await screen.findByRole('heading', { name: plan().title }, slow)).toBeInTheDocument();
    expect(screen.getByText('ดำเนินการแล้ว 1 จาก 2 กิจกรรม (ร้อยละ 50)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'เพิ่มกิจกรรม' }).getAttribute('href')).toMatch(/^\/activity\/plans\/\d{4}\/new$/);
    expect(screen.getByRole('heading', { name: 'ตัวชี้วัดความสำเร็จ (KPI)' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'งานที่เลยกำหนด' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'บันทึกการประชุมบอร์ดบริหาร' })).toBeInTheDocument();
  });

  it('offers to start a missing plan from the seed template and then shows it', async () => {
    const fetch = backend(false);
    renderWithProviders(<PlanPage />, {
      auth: { status: 'authenticated', session },
      http: createHttpClient({ baseUrl: '/api', fetch }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'เริ่มจากแม่แบบ METTA ของ สพป.กาฬสินธุ์ เขต 2' }, slow));
    expect(await screen.findByRole('heading', { name: 'แผนที่คัดลอกจากแม่แบบ' })).toBeInTheDocument();
    const copyCall = fetch.mock.calls.find(([url]) => String(url).includes('/copy-from'))!;
    expect(JSON.parse(String(copyCall[1]?.body))).toEqual({ templateCode: 'METTA-SEED' });
  });

  it('does not offer to copy a plan to a reader', async () => {
    renderWithProviders(<PlanPage />, {
      auth: { status: 'authenticated', session: { ...session, roles: ['area-admin'] } },
      http: createHttpClient({ baseUrl: '/api', fetch: backend(false) }),
    });
    await waitFor(() => expect(screen.getByText(/ยังไม่มีแผนของปีงบประมาณ/)).toBeInTheDocument(), slow);
    expect(screen.queryByRole('button', { name: /แม่แบบ/ })).not.toBeInTheDocument();
  });

  it('shows the year in the address, so a link back from an activity returns to the same plan', async () => {
    const fetch = backend(true);
    renderWithProviders(<PlanPage />, {
      auth: { status: 'authenticated', session },
      http: createHttpClient({ baseUrl: '/api', fetch }),
      route: '/activity?year=2567',
    });
    expect(await screen.findByRole('heading', { name: plan().title }, slow)).toBeInTheDocument();
    expect(screen.getByLabelText('ปีงบประมาณ')).toHaveValue('2567');
    expect(fetch.mock.calls.some(([url]) => String(url).endsWith('/units/KALASIN2/plans/2567'))).toBe(true);
  });

  it('opens on the newest year that has a plan and lists the years with their state', async () => {
    const fetch = backend(false, [2566]);
    renderWithProviders(<PlanPage />, {
      auth: { status: 'authenticated', session },
      http: createHttpClient({ baseUrl: '/api', fetch }),
    });
    expect(await screen.findByRole('heading', { name: 'แผน 2566' }, slow)).toBeInTheDocument();
    const years = screen.getByLabelText('ปีงบประมาณ');
    expect(years).toHaveValue('2566');
    const thisYear = fiscalYear(new Date());
    expect(within(years).getByRole('option', { name: '2566 · มีแผน ดำเนินการแล้ว 3 จาก 11 กิจกรรม' })).toBeInTheDocument();
    expect(within(years).getByRole('option', { name: `${thisYear} · ยังไม่มีแผน` })).toBeInTheDocument();
    // The current year has none: copying is offered from the year that has one, not from a year before that does not exist.
    await userEvent.selectOptions(years, String(thisYear));
    expect(await screen.findByRole('button', { name: 'คัดลอกแผนปีงบประมาณ 2566' }, slow)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: `คัดลอกแผนปีงบประมาณ ${thisYear - 1}` })).not.toBeInTheDocument();
  });

  it('offers no copy from a past year when the unit has no plan at all', async () => {
    renderWithProviders(<PlanPage />, {
      auth: { status: 'authenticated', session },
      http: createHttpClient({ baseUrl: '/api', fetch: backend(false, []) }),
    });
    expect(await screen.findByRole('button', { name: /แม่แบบ/ }, slow)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /คัดลอกแผนปีงบประมาณ/ })).not.toBeInTheDocument();
  });
});
