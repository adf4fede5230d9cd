import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../api/http';
import type { Session } from '../auth/claims';
import { renderWithProviders } from '../test/render';
import { deadlineOf, WhatIsMissing } from './WhatIsMissing';

const today = new Date(2027, 2, 26, 9, 0); // 26 March 2027: item O3 is due on the 31st
// Deadlines as evidence-service sends them: instants at the end of a Bangkok day.
const item = (code: string, status: string, deadline = '2027-06-30T16:59:59Z') => ({
  code,
  titleTh: `ข้อ ${code}`,
  status,
  deadline,
  evidenceCount: status === 'EMPTY' ? 0 : 1,
});
const progress = { total: 0, empty: 0, draft: 0, submitted: 0, passed: 0, failed: 0 };
const checklist = {
  unitCode: 'KALASIN2',
  unitNameTh: 'สพป.กาฬสินธุ์ เขต 2',
  roundId: 'R-2570',
  roundName: 'ITA 2570',
  fiscalYear: 2570,
  deadline: '2027-03-31T16:59:59Z',
  progress,
  subIndicators: [
    {
      code: '9.1',
      indicatorCode: '9',
      progress,
      items: [item('O1', 'PASSED'), item('O2', 'FAILED'), item('O3', 'EMPTY', '2027-03-31T16:59:59Z'), item('O4', 'EMPTY')],
    },
  ],
};

function services(overrides: Record<string, () => Response> = {}) {
  const calls: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const path = String(input).replace('/api', '');
    calls.push(path);
    if (overrides[path]) return overrides[path]();
    if (path === '/evidence/units/KALASIN2/rounds')
      return Response.json([
        { id: 'R-2566', name: 'ITA 2566', fiscalYear: 2566, state: 'PUBLISHED' },
        { id: 'R-2570', name: 'ITA 2570', fiscalYear: 2570, state: 'OPEN' },
      ]);
    if (path === '/evidence/units/KALASIN2/rounds/R-2570/checklist') return Response.json(checklist);
    if (path === '/survey/rounds/R-2570/units/KALASIN2/progress')
      return Response.json({
        roundId: 'R-2570',
        unitCode: 'KALASIN2',
        unitName: { th: 'สพป.กาฬสินธุ์ เขต 2' },
        releaseStep: 5,
        instruments: [
          { instrument: 'IIT', received: 12, required: 30, population: 62, breakdownHidden: false },
          { instrument: 'EIT', received: 120, required: 100, population: 1500, breakdownHidden: false },
        ],
      });
    if (path === '/activity/units/KALASIN2/overdue')
      return Response.json({
        actions: [{ id: 'a1', meetingId: 'm1', unitCode: 'KALASIN2', description: 'ทำป้าย', owner: 'ก', dueOn: '2027-03-01', overdue: true }],
        followUps: [],
      });
    return new Response(null, { status: 404 });
  });
  return { http: createHttpClient({ baseUrl: '/api', fetch }), calls };
}

const coordinator: Session = { name: 'สมศรี', roles: ['unit-admin', 'evidence-editor', 'activity-editor'], unitCode: 'KALASIN2' };

describe('what is missing on the home page', () => {
  it('lists her unit’s gaps in the open round, each a link to the screen that fixes it', async () => {
    const { http } = services();
    renderWithProviders(<WhatIsMissing session={coordinator} today={today} />, { http, auth: { status: 'authenticated', session: coordinator } });

    const failed = await screen.findByRole('link', { name: 'ข้อ OIT ไม่ผ่านการตรวจ ต้องแก้ไข 1 ข้อ' });
    expect(failed).toHaveAttribute('href', '/evidence/KALASIN2/rounds/R-2570');
    expect(screen.getByRole('link', { name: 'ข้อ OIT ที่ยังไม่มีหลักฐาน 2 ข้อ' })).toHaveAttribute('href', '/evidence/KALASIN2/rounds/R-2570');
    expect(screen.getByRole('link', { name: 'ข้อ OIT ครบกำหนดส่งภายใน 7 วันแต่ยังไม่ได้ส่ง 1 ข้อ' })).toBeInTheDocument();
    const iit = await screen.findByRole('link', { name: 'แบบวัด IIT ได้ 12 จาก 30 ราย ยังขาดอีก 18 ราย' });
    expect(iit).toHaveAttribute('href', '/survey/manage?round=R-2570&unit=KALASIN2');
    // EIT has its sample: not listed.
    expect(screen.queryByRole('link', { name: /แบบวัด EIT/ })).not.toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'งานจากการประชุมที่เลยกำหนด 1 งาน' })).toHaveAttribute('href', '/activity');
    expect(screen.getByTestId('open-round')).toHaveTextContent('รอบที่เปิดอยู่: ITA 2570 · หน่วยงาน KALASIN2 · ส่งหลักฐาน OIT ภายใน 31 มีนาคม 2570');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks only what her roles may read: an evidence editor is not sent to the survey service', async () => {
    const { http, calls } = services();
    const editor: Session = { name: 'ก', roles: ['evidence-editor'], unitCode: 'KALASIN2' };
    renderWithProviders(<WhatIsMissing session={editor} today={today} />, { http });
    await screen.findByRole('link', { name: /ไม่ผ่านการตรวจ/ });
    expect(calls.some((c) => c.startsWith('/survey'))).toBe(false);
    expect(calls.some((c) => c.startsWith('/activity'))).toBe(false);
  });

  it('says a check could not be made instead of claiming nothing is missing', async () => {
    const { http } = services({
      '/activity/units/KALASIN2/overdue': () =>
        new Response(JSON.stringify({ status: 503, title: 'Service Unavailable' }), { status: 503, headers: { 'Content-Type': 'application/problem+json' } }),
    });
    renderWithProviders(<WhatIsMissing session={coordinator} today={today} />, { http });
    expect(await screen.findByRole('alert')).toHaveTextContent('ตรวจงานที่เลยกำหนดไม่ได้ในตอนนี้');
    expect(screen.queryByText('ไม่มีงานค้างของหน่วยงานในตอนนี้')).not.toBeInTheDocument();
  });

  it('says when there is no open round and nothing is outstanding', async () => {
    const { http } = services({
      '/evidence/units/KALASIN2/rounds': () => Response.json([{ id: 'R-2566', name: 'ITA 2566', fiscalYear: 2566, state: 'PUBLISHED' }]),
      '/activity/units/KALASIN2/overdue': () => Response.json({ actions: [], followUps: [] }),
    });
    renderWithProviders(<WhatIsMissing session={coordinator} today={today} />, { http });
    expect(await screen.findByTestId('open-round')).toHaveTextContent('ยังไม่มีรอบการประเมินที่เปิดอยู่สำหรับหน่วยงาน KALASIN2');
    const section = screen.getByRole('region', { name: 'สิ่งที่ยังขาดตอนนี้' });
    expect(await within(section).findByText('ไม่มีงานค้างของหน่วยงานในตอนนี้')).toBeInTheDocument();
  });
});

describe('deadlines', () => {
  it('reads an instant as sent, a bare date as the end of that day, and anything else as none', () => {
    expect(deadlineOf('2027-04-30T16:59:59Z')?.toISOString()).toBe('2027-04-30T16:59:59.000Z');
    expect(deadlineOf('2027-04-30')?.getHours()).toBe(23);
    expect(deadlineOf('ไม่ใช่วันที่')).toBeNull();
    expect(deadlineOf(null)).toBeNull();
  });
});
