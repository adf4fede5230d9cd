import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../api/http';
import { renderWithProviders } from '../test/render';
import type { Round } from './admin/api';
import { defaultRound, ProgressPage } from './ProgressPage';

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

const round = (id: string, fiscalYear: number, state: Round['state'], name = `ITA ${fiscalYear}`): Round => ({
  id, name, fiscalYear, frameworkId: 'OBEC-2566', frameworkVersion: 1, scopeUnitCode: 'KALASIN2', state,
  surveyOpensAt: null, surveyClosesAt: null, oitDeadline: null, reviewOpensAt: null, reviewClosesAt: null, correctionClosesAt: null,
});

const unitProgress = (code: string, nameTh: string, reasons: string[], counts: Partial<Record<string, number>> = {}) => ({
  code, nameTh, iitReceived: 12, iitRequired: 12, eitReceived: 30, eitRequired: 30, oitReviewed: 43, oitPassed: 40, oitItems: 43,
  ...counts, atRisk: reasons.length > 0, reasons,
});

const progress = {
  roundId: 'r-open',
  scopeUnitCode: 'KALASIN2',
  state: 'OPEN',
  // Noon UTC: the same calendar day in every zone the tests may run in.
  surveyClosesAt: '2026-12-05T12:00:00Z',
  reviewClosesAt: null,
  units: 3,
  unitsAtRisk: 2,
  progress: [
    unitProgress('KALASIN2', 'สพป.กาฬสินธุ์ เขต 2', []),
    unitProgress('KALASIN2-S001', 'โรงเรียนบ้านหนองแสง', ['IIT_SHORT', 'OIT_UNREVIEWED'], { iitReceived: 3, oitReviewed: 20, oitPassed: 18 }),
    unitProgress('KALASIN2-S002', 'โรงเรียนบ้านโคกกลาง', ['EIT_SHORT'], { eitReceived: 7 }),
  ],
};

const areaAdmin = { status: 'authenticated' as const, session: { name: 'area', unitCode: 'KALASIN2', roles: ['area-admin' as const] } };

function renderPage(fetch: (url: string) => Promise<Response>, options: { language?: 'th' | 'en'; route?: string } = {}) {
  return renderWithProviders(
    <Routes>
      <Route path="scoring/progress" element={<ProgressPage />} />
      <Route path="scoring/progress/:unitCode" element={<ProgressPage />} />
    </Routes>,
    {
      route: options.route ?? '/scoring/progress',
      language: options.language,
      http: createHttpClient({ baseUrl: '/api', fetch: vi.fn(fetch) as never }),
      auth: areaAdmin,
    },
  );
}

describe('assessment progress', () => {
  it('shows the open round’s deadline, how many units are at risk and why, at-risk units first', async () => {
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('/rounds')
        ? json([round('r-old', 2566, 'PUBLISHED'), round('r-open', 2567, 'OPEN', 'ITA 2567 เขต 2'), round('r-draft', 2568, 'DRAFT')])
        : url.includes('/progress')
          ? json(progress)
          : json({}, 404),
    );
    renderPage(fetch);
    expect(await screen.findByText('หน่วยงาน 3 แห่ง เสี่ยงไม่ทันกำหนด 2 แห่ง')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith('/api/scoring/dashboards/areas/KALASIN2/rounds/r-open/progress', expect.anything());
    expect(screen.getByLabelText('รอบการประเมิน')).toHaveDisplayValue('ITA 2567 เขต 2 (ปีงบประมาณ 2567, เปิด)');
    expect(screen.getByText(/^5 ธันวาคม 2569 เวลา \d\d:\d\d น\.$/)).toBeInTheDocument();
    expect(screen.getByText('ไม่ได้กำหนด')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: /ความก้าวหน้าของแต่ละหน่วยงาน/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['KALASIN2-S001', 'KALASIN2-S002', 'KALASIN2']);
    expect(within(rows[0]!).getByRole('link')).toHaveAttribute('href', '/scoring/units/KALASIN2-S001/years/2567');
    expect(within(rows[0]!).getByText('3/12')).toHaveAccessibleName('3 จาก 12');
    expect(within(rows[0]!).getByText('20/43')).toBeInTheDocument();
    expect(within(rows[0]!).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'แบบวัด IIT ยังไม่ครบตามจำนวนขั้นต่ำ และใกล้ปิดรับแบบวัด',
      'ยังมีหลักฐาน OIT ที่ไม่ได้ตรวจ และใกล้สิ้นสุดการตรวจ',
    ]);
    expect(rows[1]).toHaveTextContent('แบบวัด EIT ยังไม่ครบตามจำนวนขั้นต่ำ');
    expect(rows[2]).toHaveTextContent('ไม่พบความเสี่ยง');

    await userEvent.click(screen.getByLabelText('แสดงเฉพาะหน่วยงานที่เสี่ยงไม่ทันกำหนด'));
    expect(within(table).queryByRole('link', { name: 'KALASIN2' })).not.toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });

  it('shows another round when chosen, in English, and says when no unit is at risk', async () => {
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('/rounds')
        ? json([round('r-open', 2567, 'OPEN'), round('r-closed', 2566, 'CLOSED', 'ITA 2566')])
        : url.includes('/r-closed/')
          ? json({ ...progress, roundId: 'r-closed', state: 'CLOSED', unitsAtRisk: 0, progress: [unitProgress('KALASIN2', 'สพป.กาฬสินธุ์ เขต 2', [])] })
          : json(progress),
    );
    renderPage(fetch, { language: 'en', route: '/scoring/progress/KALASIN2' });
    expect(await screen.findByText('3 units, 2 at risk of missing a deadline')).toBeInTheDocument();
    expect(screen.getAllByText('IIT sample short, survey closing soon')).toHaveLength(1);
    await userEvent.selectOptions(screen.getByLabelText('Assessment round'), 'ITA 2566 (fiscal year 2566, closed)');
    expect(await screen.findByText('3 units, 0 at risk of missing a deadline')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith('/api/scoring/dashboards/areas/KALASIN2/rounds/r-closed/progress', expect.anything());
    expect(screen.getByRole('link', { name: 'KALASIN2' })).toHaveAttribute('href', '/scoring/units/KALASIN2/years/2566');
    await userEvent.click(screen.getByLabelText('Show only units at risk'));
    expect(screen.getByText('No units at risk.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the service’s reason when the unit is out of the reader’s scope', async () => {
    renderPage(
      async (url) =>
        url.endsWith('/rounds')
          ? json([round('r-open', 2567, 'OPEN')])
          : json(
              {
                type: 'urn:ita:problem:unit-out-of-scope', status: 403, title: 'ไม่มีสิทธิ์',
                detail_th: 'หน่วยงาน KALASIN3 อยู่นอกขอบเขตของคุณ', detail_en: 'Unit KALASIN3 is outside your scope.',
              },
              403,
            ),
      { route: '/scoring/progress/KALASIN3' },
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('หน่วยงาน KALASIN3 อยู่นอกขอบเขตของคุณ');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says there is no round yet instead of an empty table', async () => {
    const fetch = vi.fn(async () => json([]));
    renderPage(fetch);
    expect(await screen.findByText('ยังไม่มีรอบการประเมินในขอบเขตของคุณ')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('starts with an open round, else the newest', () => {
    expect(defaultRound([round('a', 2566, 'PUBLISHED'), round('b', 2568, 'DRAFT'), round('c', 2567, 'OPEN')])?.id).toBe('c');
    expect(defaultRound([round('a', 2566, 'PUBLISHED'), round('b', 2568, 'DRAFT'), round('c', 2567, 'CLOSED')])?.id).toBe('b');
    expect(defaultRound([])).toBeUndefined();
  });
});
