import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../api/http';
import { renderWithProviders } from '../test/render';
import { AuditorAssignmentPage } from './AuditorAssignmentPage';

const unit = (code: string, nameTh: string, childCount = 0) => ({
  code,
  parentCode: code === 'KALASIN2' ? null : 'KALASIN2',
  path: code,
  type: code === 'KALASIN2' ? 'AREA_PRIMARY' : 'SCHOOL',
  nameTh,
  staffCount: 10,
  servicePopulation: 100,
  active: true,
  demo: false,
  childCount,
});

function services(assign: (body: { auditor: string; area?: string; unitCodes?: string[] }) => Response) {
  const sent: unknown[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.startsWith('/api/scoring/units/KALASIN2/children'))
      return Response.json({
        parent: unit('KALASIN2', 'สพป.กาฬสินธุ์ เขต 2'),
        total: 2,
        page: 0,
        size: 50,
        items: [unit('KALASIN2-S001', 'โรงเรียนบ้านหนองแสง'), unit('KALASIN2-S002', 'โรงเรียนบ้านโคกกลาง')],
      });
    if (url === '/api/evidence/auditor-assignments' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body));
      sent.push(body);
      return assign(body);
    }
    return new Response(null, { status: 404 });
  });
  return { http: createHttpClient({ baseUrl: '/api', fetch }), sent };
}

const areaAdmin = { status: 'authenticated' as const, session: { name: 'ผู้ดูแลเขต', roles: ['area-admin' as const], unitCode: 'KALASIN2' } };

describe('bulk auditor assignment', () => {
  it('assigns one auditor to the whole area in one request', async () => {
    const { http, sent } = services(() => Response.json({ auditor: 'auditor.kalasin', unitCodes: ['KALASIN2', 'KALASIN2-S001', 'KALASIN2-S002'], added: 2 }));
    renderWithProviders(<AuditorAssignmentPage />, { http, auth: areaAdmin });
    await userEvent.type(screen.getByLabelText('ชื่อผู้ใช้ของผู้ตรวจ'), 'auditor.kalasin');
    expect(screen.getByRole('radio', { name: 'ทั้งเขตพื้นที่ KALASIN2 (สำนักงานเขตและทุกหน่วยงานภายใต้)' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'มอบหมายผู้ตรวจ' }));
    expect(await screen.findByRole('status')).toHaveTextContent('มอบหมาย auditor.kalasin ให้ตรวจ 3 หน่วยงานแล้ว (เพิ่มใหม่ 2 แห่ง');
    expect(sent).toEqual([{ auditor: 'auditor.kalasin', area: 'KALASIN2' }]);
  });

  it('assigns only the ticked units', async () => {
    const { http, sent } = services((body) => Response.json({ auditor: body.auditor, unitCodes: body.unitCodes, added: 1 }));
    renderWithProviders(<AuditorAssignmentPage />, { http, auth: areaAdmin });
    await userEvent.type(screen.getByLabelText('ชื่อผู้ใช้ของผู้ตรวจ'), 'auditor.kalasin');
    await userEvent.click(screen.getByRole('radio', { name: 'เฉพาะหน่วยงานที่เลือก' }));
    const submit = screen.getByRole('button', { name: 'มอบหมายผู้ตรวจ' });
    expect(submit).toBeDisabled(); // nothing ticked yet
    await userEvent.click(await screen.findByRole('checkbox', { name: 'โรงเรียนบ้านโคกกลาง (KALASIN2-S002)' }));
    await userEvent.click(submit);
    await waitFor(() => expect(sent).toEqual([{ auditor: 'auditor.kalasin', unitCodes: ['KALASIN2-S002'] }]));
    expect(await screen.findByRole('status')).toHaveTextContent('ให้ตรวจ 1 หน่วยงานแล้ว');
  });

  it('shows the 403 of a unit out of her scope and says nothing was assigned', async () => {
    const { http } = services(
      () =>
        new Response(JSON.stringify({ status: 403, detail_th: 'หน่วยงาน MAHASARAKHAM1 อยู่นอกขอบเขตที่คุณดูแล', detail_en: 'out of scope' }), {
          status: 403,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    );
    renderWithProviders(<AuditorAssignmentPage />, { http, auth: areaAdmin });
    await userEvent.type(screen.getByLabelText('ชื่อผู้ใช้ของผู้ตรวจ'), 'auditor.kalasin');
    await userEvent.click(screen.getByRole('button', { name: 'มอบหมายผู้ตรวจ' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('หน่วยงาน MAHASARAKHAM1 อยู่นอกขอบเขตที่คุณดูแล');
    expect(alert).toHaveTextContent('ไม่มีการมอบหมายใดเกิดขึ้น');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
