import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../api/http';
import { renderWithProviders } from '../test/render';
import { AreaOverviewPage } from './AreaOverviewPage';
import { MentorLog } from './MentorLog';

describe('AreaOverviewPage', () => {
  it("shows which of the area's units have a plan and how far they are", async () => {
    const fetch = vi.fn(async (_input: RequestInfo | URL) =>
      Response.json({
        unitCode: 'KALASIN2',
        fiscalYear: 2566,
        units: 2,
        unitsWithPlan: 1,
        change: { unitsWithActivities: 1, meanChangeWithActivities: 4.5, unitsWithoutActivities: 0, meanChangeWithoutActivities: null },
        rows: [
          { unitCode: 'KALASIN2', nameTh: 'สพป.กาฬสินธุ์ เขต 2', nameEn: 'Kalasin 2', hasPlan: true, activities: 11, done: 11, completionRate: 100, overdueActions: 1, total: 96.37, previousTotal: 91.87, totalChange: 4.5, linkedActivities: true },
          { unitCode: 'KALASIN2-S001', nameTh: 'โรงเรียนบ้านหนองแสง', nameEn: 'Ban Nong Saeng', hasPlan: false, activities: 0, done: 0, completionRate: 0, overdueActions: 0, total: null, previousTotal: null, totalChange: null, linkedActivities: false },
        ],
      }),
    );
    renderWithProviders(<AreaOverviewPage />, {
      auth: { status: 'authenticated', session: { name: 'เขต', roles: ['area-admin'], unitCode: 'KALASIN2' } },
      http: createHttpClient({ baseUrl: '/api', fetch }),
    });
    expect(await screen.findByText('มีแผนแล้ว 1 จาก 2 หน่วยงาน')).toBeInTheDocument();
    expect(within(screen.getByTestId('unit-KALASIN2')).getByText('11/11 (ร้อยละ 100)')).toBeInTheDocument();
    expect(within(screen.getByTestId('unit-KALASIN2')).getByText('+4.5')).toBeInTheDocument();
    expect(within(screen.getByTestId('unit-KALASIN2-S001')).getByText('ยังไม่มี')).toBeInTheDocument();
    expect(within(screen.getByTestId('unit-KALASIN2-S001')).getByText('เทียบไม่ได้')).toBeInTheDocument();
    expect(screen.getByTestId('change-comparison')).toHaveTextContent(
      'หน่วยงานที่มีกิจกรรมเชื่อมกับตัวชี้วัด 1 แห่ง: เปลี่ยนเฉลี่ย +4.5 · ไม่มีกิจกรรม 0 แห่ง: เปลี่ยนเฉลี่ย —',
    );
    expect(String(fetch.mock.calls[0]![0])).toMatch(/\/api\/activity\/units\/KALASIN2\/overview\?fiscalYear=\d{4}$/);
  });
});

describe('MentorLog', () => {
  it('lists mentors with their visits and flags an overdue follow-up', () => {
    renderWithProviders(
      <MentorLog
        mentors={[
          {
            id: 'm1',
            unitCode: 'KALASIN2',
            mentorName: 'ทีมพี่เลี้ยง OIT',
            mentorKind: 'TEAM',
            indicatorCode: '9',
            startedOn: '2022-10-10',
            notes: null,
            logs: [
              { id: 'l1', heldOn: '2023-01-18', kind: 'COACHING', summary: 'สอนงานข้อมูล OIT', followUp: 'ตรวจ O9', followUpDue: '2023-02-15', followUpDoneOn: null, followUpOverdue: true },
            ],
          },
        ]}
      />,
    );
    expect(screen.getByRole('heading', { name: 'ทีมพี่เลี้ยง OIT (ทีม, ตัวชี้วัดที่ 9)' })).toBeInTheDocument();
    expect(screen.getByText(/สอนงาน: สอนงานข้อมูล OIT/)).toBeInTheDocument();
    expect(screen.getByText('เลยกำหนด')).toBeInTheDocument();
  });
});
