import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../api/http';
import { renderWithProviders } from '../test/render';
import { AreaDashboardPage, heat } from './AreaDashboardPage';
import { currentFiscalYear, fiscalYearsUpToNow } from './api';
import { ScoreSheetPage } from './ScoreSheetPage';
import { captureDownloads } from '../test/downloads';

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const fy2566 = {
  unit: { code: 'KALASIN2', nameTh: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาฬสินธุ์ เขต 2', nameEn: 'Kalasin 2' },
  fiscalYear: 2566,
  official: true,
  source: 'ผลการประเมิน ITA ปีงบประมาณ 2566',
  frameworkId: 'OBEC-2566',
  frameworkVersion: 1,
  indicators: { '1': 91.78, '2': 97.01, '3': 97.89, '4': 95.78, '5': 96.33, '6': 93.48, '7': 92.44, '8': 90.48, '9': 100, '10': 100 },
  instruments: { IIT: 28.73, EIT: 27.64, OIT: 40 },
  total: 96.37,
  rating: 'AA',
  ratingLabel: { th: 'AA', en: 'AA' },
  passed: true,
};

describe('score sheet', () => {
  it('shows the seed office FY2566 sheet like the official one, in Thai', async () => {
    const fetch = vi.fn(async () => json(fy2566));
    renderWithProviders(
      <Routes>
        <Route path="scoring/units/:unitCode/years/:fiscalYear" element={<ScoreSheetPage />} />
      </Routes>,
      { route: '/scoring/units/KALASIN2/years/2566', http: createHttpClient({ baseUrl: '/api', fetch }) },
    );
    expect(await screen.findByRole('heading', { name: 'ผลการประเมิน ITA ปีงบประมาณ พ.ศ. 2566' })).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith('/api/scoring/public/units/KALASIN2/years/2566', expect.anything());
    const row = screen.getByRole('row', { name: /การปฏิบัติหน้าที่/ });
    expect(within(row).getByText('91.78')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /คะแนน OIT/ })).getByText('40.00')).toBeInTheDocument();
    expect(screen.getByText('96.37')).toBeInTheDocument();
    expect(screen.getByText(/ผลอย่างเป็นทางการ/)).toBeInTheDocument();
    expect(screen.getByText('ผ่านเกณฑ์', { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ดาวน์โหลดรายงานผลการประเมิน (PDF)' })).toHaveAttribute(
      'href',
      '/api/scoring/public/units/KALASIN2/years/2566/report.pdf',
    );
  });

  it('names indicators as the result’s edition does and says why the rating is what it is', async () => {
    const fetch = vi.fn(async () =>
      json({
        ...fy2566,
        indicatorNames: { '4': { th: 'ชื่อตัวชี้วัดที่ 4 จากฉบับของผล', en: 'Indicator 4 from the edition' } },
        ratingExplained: {
          scheme: 'LEVELS',
          text: { th: 'คะแนนรวม 94.64 ถึง 85 แต่ EIT 84.90 ต่ำกว่า 85 จึงได้ระดับ ผ่าน ไม่ใช่ ผ่านดี', en: 'x' },
        },
      }),
    );
    renderWithProviders(
      <Routes>
        <Route path="scoring/units/:unitCode/years/:fiscalYear" element={<ScoreSheetPage />} />
      </Routes>,
      { route: '/scoring/units/KALASIN2/years/2566', http: createHttpClient({ baseUrl: '/api', fetch }) },
    );
    expect(await screen.findByRole('row', { name: /^4\. ชื่อตัวชี้วัดที่ 4 จากฉบับของผล/ })).toBeInTheDocument();
    // An indicator the edition does not name keeps the built-in name, as the FY2566 sheet prints it.
    expect(screen.getByRole('row', { name: /^8\. การปรับปรุงการทำงาน/ })).toBeInTheDocument();
    expect(screen.getByText('คะแนนรวม 94.64 ถึง 85 แต่ EIT 84.90 ต่ำกว่า 85 จึงได้ระดับ ผ่าน ไม่ใช่ ผ่านดี')).toBeInTheDocument();
  });

  it('shows the years from the history, which changes are not comparable, and what pulls the latest year down', async () => {
    const history = {
      unitCode: 'KALASIN2',
      nameTh: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาฬสินธุ์ เขต 2',
      years: [
        { fiscalYear: 2565, official: true, total: 97.39, rating: 'AA', passed: true, indicators: {}, change: null },
        {
          fiscalYear: 2566, official: true, frameworkId: 'OBEC-2566', frameworkVersion: 1, comparabilityGroup: 'ITA-2566',
          total: 96.37, rating: 'AA', passed: true, indicators: fy2566.indicators,
          change: { previousFiscalYear: 2565, comparable: false, reason: 'different-framework' },
        },
        {
          fiscalYear: 2568, official: false, frameworkId: 'OBEC-2566', frameworkVersion: 2, comparabilityGroup: 'ITA-2566',
          total: 97.5, rating: 'AA', passed: true, indicators: {},
          change: { previousFiscalYear: 2566, comparable: true, total: 1.13, indicators: {} },
        },
      ],
      latestFiscalYear: 2568,
      pullingDown: [
        { code: '8', instrument: 'EIT', name: { th: 'การปรับปรุงการทำงาน', en: 'Improving work' }, score: 90.48, pointsLost: 0.95 },
        { code: '7', instrument: 'EIT', name: { th: 'ประสิทธิภาพการสื่อสาร', en: 'Communication' }, score: 92.44, pointsLost: 0.76 },
      ],
    };
    const fetch = vi.fn(async (url: string) => (url.endsWith('/history') ? json(history) : json(fy2566)));
    renderWithProviders(
      <Routes>
        <Route path="scoring/units/:unitCode/years/:fiscalYear" element={<ScoreSheetPage />} />
      </Routes>,
      { route: '/scoring/units/KALASIN2/years/2566', http: createHttpClient({ baseUrl: '/api', fetch: fetch as never }) },
    );
    const table = await screen.findByRole('table', { name: 'ผลการประเมินย้อนหลัง' });
    expect(fetch).toHaveBeenCalledWith('/api/scoring/units/KALASIN2/history', expect.anything());
    const rows = within(table).getAllByRole('row');
    expect(within(rows[2]!).getByText('เทียบไม่ได้: กรอบการประเมินต่างกัน')).toBeInTheDocument();
    expect(within(rows[3]!).getByText('+1.13')).toBeInTheDocument();
    expect(screen.getByText('8. การปรับปรุงการทำงาน: 90.48 คะแนน (เสียคะแนนรวมไป 0.95 คะแนน)')).toBeInTheDocument();
    const years = screen.getByRole('navigation', { name: 'ปีงบประมาณ' });
    expect(within(years).getAllByRole('link').map((a) => a.textContent)).toEqual(['พ.ศ. 2565', 'พ.ศ. 2566', 'พ.ศ. 2568']);
  });

  it('shows each indicator’s change from the previous comparable year in words, and says which years cannot be compared', async () => {
    const fy2567 = { ...fy2566.indicators, '6': 94.73, '8': 89.98, '9': 100 };
    const history = {
      unitCode: 'KALASIN2',
      nameTh: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาฬสินธุ์ เขต 2',
      years: [
        { fiscalYear: 2566, official: true, frameworkId: 'OBEC-2566', frameworkVersion: 1, comparabilityGroup: 'ITA-2566', total: 96.37, rating: 'AA', passed: true, indicators: fy2566.indicators, change: null },
        {
          fiscalYear: 2567, official: true, frameworkId: 'OBEC-2566', frameworkVersion: 2, comparabilityGroup: 'ITA-2566',
          total: 96.45, rating: 'AA', passed: true, indicators: fy2567,
          change: { previousFiscalYear: 2566, comparable: true, total: 0.08, indicators: { '6': 1.25, '8': -0.5, '9': 0 } },
        },
        {
          fiscalYear: 2568, official: true, total: 90, rating: 'A', passed: true, indicators: {},
          change: { previousFiscalYear: 2567, comparable: false, reason: 'framework-unknown' },
        },
      ],
      latestFiscalYear: 2568,
      pullingDown: [],
    };
    const fetch = vi.fn(async (url: string) => (url.endsWith('/history') ? json(history) : json(fy2566)));
    renderWithProviders(
      <Routes>
        <Route path="scoring/units/:unitCode/years/:fiscalYear" element={<ScoreSheetPage />} />
      </Routes>,
      { route: '/scoring/units/KALASIN2/years/2567', http: createHttpClient({ baseUrl: '/api', fetch: fetch as never }) },
    );
    const table = await screen.findByRole('table', { name: 'การเปลี่ยนแปลงรายตัวชี้วัดจากปีก่อน' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'ตัวชี้วัด',
      'พ.ศ. 2567 (เทียบกับ พ.ศ. 2566)',
      'พ.ศ. 2568 เทียบไม่ได้: ไม่ทราบกรอบการประเมินของปีใดปีหนึ่ง',
    ]);
    const quality = within(table).getByRole('row', { name: /^6\. คุณภาพการดำเนินงาน/ });
    const [up, unknown] = within(quality).getAllByRole('cell');
    expect(up).toHaveTextContent('94.73 ▲ +1.25');
    expect(within(up!).getByText('เพิ่มขึ้น 1.25 คะแนนจาก พ.ศ. 2566')).toBeInTheDocument();
    expect(unknown).toHaveTextContent('(เทียบไม่ได้)');
    expect(unknown).not.toHaveTextContent(/\d/);
    const improving = within(table).getByRole('row', { name: /^8\. การปรับปรุงการทำงาน/ });
    expect(within(improving).getAllByRole('cell')[0]).toHaveTextContent('89.98 ▼ −0.50');
    expect(within(improving).getByText('ลดลง 0.50 คะแนนจาก พ.ศ. 2566')).toBeInTheDocument();
    expect(within(table).getByText('เท่ากับ พ.ศ. 2566')).toBeInTheDocument();
    // Indicators without a change keep their score and no arrow.
    expect(within(within(table).getByRole('row', { name: /^1\. การปฏิบัติหน้าที่/ })).getAllByRole('cell')[0]).toHaveTextContent(/^91\.78\s*$/);
  });

  it('downloads the unit’s yearly results as XLSX from the history', async () => {
    const history = {
      unitCode: 'KALASIN2',
      nameTh: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษากาฬสินธุ์ เขต 2',
      years: [{ fiscalYear: 2566, official: true, total: 96.37, rating: 'AA', passed: true, indicators: fy2566.indicators, change: null }],
      latestFiscalYear: 2566,
      pullingDown: [],
    };
    const { files, saved } = captureDownloads();
    renderWithProviders(
      <Routes>
        <Route path="scoring/units/:unitCode/years/:fiscalYear" element={<ScoreSheetPage />} />
      </Routes>,
      {
        route: '/scoring/units/KALASIN2/years/2566',
        http: createHttpClient({ baseUrl: '/api', fetch: vi.fn(async (url: string) => (url.endsWith('/history') ? json(history) : json(fy2566))) as never }),
      },
    );
    const downloads = await screen.findByRole('group', { name: 'ดาวน์โหลดผลการประเมินรายปีพร้อมคะแนนตัวชี้วัด' });
    await userEvent.click(within(downloads).getByRole('button', { name: 'ดาวน์โหลด Excel (XLSX)' }));
    await waitFor(() => expect(saved).toEqual(['ita-history-KALASIN2.xlsx']));
    expect(files).toHaveBeenCalledWith('/api/scoring/units/KALASIN2/history/export?format=xlsx', expect.anything());
  });

  it('says so when a year has no published result', async () => {
    const fetch = vi.fn(async () =>
      new Response(JSON.stringify({ type: 'urn:ita:problem:public-result-not-found', status: 404, title: 'x' }), {
        status: 404,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );
    renderWithProviders(
      <Routes>
        <Route path="scoring/units/:unitCode/years/:fiscalYear" element={<ScoreSheetPage />} />
      </Routes>,
      { route: '/scoring/units/KALASIN2/years/2563', http: createHttpClient({ baseUrl: '/api', fetch }) },
    );
    expect(await screen.findByText('ยังไม่มีผลการประเมินที่เผยแพร่ของปีงบประมาณ 2563')).toBeInTheDocument();
  });
});

const dashboard = {
  unitCode: 'KALASIN2',
  unitNameTh: 'สพป.กาฬสินธุ์ เขต 2',
  fiscalYear: 2566,
  frameworkId: 'OBEC-2566',
  unitsTotal: 3,
  unitsWithScore: 1,
  unitsProvisional: 1,
  passed: 1,
  passRate: 100,
  passMark: 85,
  distribution: [
    { code: 'AA', label: { th: 'AA' }, min: 95, count: 1 },
    { code: 'A', label: { th: 'A' }, min: 85, count: 0 },
    { code: 'B', label: { th: 'B' }, min: 75, count: 0 },
    { code: 'URGENT_IMPROVEMENT', label: { th: 'ต้องปรับปรุงเร่งด่วน', en: 'Urgent improvement' }, min: 0, count: 0 },
  ],
  indicators: [
    { code: '1', instrument: 'IIT', mean: 86.5, units: 2 },
    { code: '6', instrument: 'EIT', mean: 70.1, units: 2 },
  ],
  weakestIndicators: [{ code: '6', instrument: 'EIT', mean: 70.1, units: 2 }],
  units: [
    { rank: 1, code: 'KALASIN2', nameTh: 'สพป.กาฬสินธุ์ เขต 2', type: 'AREA_PRIMARY', total: 96.37, rating: 'AA', passed: true, provisional: false, source: 'OFFICIAL', indicators: { '1': 91.78 } },
    // A running round's sheet: listed after the ranked results, unranked, marked, not counted.
    { rank: 0, code: 'KALASIN2-S001', nameTh: 'โรงเรียนบ้านหนองแสง', type: 'SCHOOL', total: 80, rating: 'URGENT_IMPROVEMENT', passed: false, provisional: true, source: 'PROVISIONAL', indicators: { '1': 81.22 } },
    { rank: 0, code: 'KALASIN2-S002', nameTh: 'โรงเรียนบ้านโคกกลาง', type: 'SCHOOL', total: null, rating: null, passed: null, provisional: false, source: null, indicators: {} },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('area dashboard', () => {
  it('shows the pass rate, the weakest indicator and the offices ranked with their indicators', async () => {
    const fetch = vi.fn(async () => json(dashboard));
    renderWithProviders(<AreaDashboardPage />, {
      route: '/scoring/dashboard',
      http: createHttpClient({ baseUrl: '/api', fetch }),
      auth: {
        status: 'authenticated',
        session: { unitCode: 'KALASIN2', roles: ['area-admin'] } as never,
      },
    });
    expect(await screen.findByText('หน่วยงาน 3 แห่ง มีผลคะแนน 1 แห่ง ผ่านเกณฑ์ 1 แห่ง (ร้อยละ 100.00) มีผลเบื้องต้นจากรอบที่ยังไม่ประกาศผล 1 แห่ง (ไม่นับรวมในสถิติ)')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith('/api/scoring/dashboards/areas/KALASIN2?fiscalYear=2566', expect.anything());
    expect(screen.getByText('6. คุณภาพการดำเนินงาน: 70.10')).toBeInTheDocument();
    const ranking = screen.getByRole('table', { name: 'หน่วยงาน × ตัวชี้วัด เรียงตามคะแนนรวม' });
    const rows = within(ranking).getAllByRole('row');
    expect(within(rows[2]!).getByRole('link', { name: 'สพป.กาฬสินธุ์ เขต 2' })).toHaveAttribute('href', '/scoring/units/KALASIN2/years/2566');
    expect(within(rows[3]!).getByText('โรงเรียนบ้านหนองแสง', { exact: false })).toBeInTheDocument();
    expect(within(rows[3]!).getByText(/ผลเบื้องต้น/)).toBeInTheDocument();
    // The rating in words, never its code.
    expect(within(rows[3]!).getByRole('cell', { name: 'ต้องปรับปรุงเร่งด่วน' })).toBeInTheDocument();
    expect(rows[3]).not.toHaveTextContent('URGENT_IMPROVEMENT');
    expect(within(rows[4]!).getAllByText('–').length).toBeGreaterThan(5);
  });

  it('downloads the ranking of the chosen fiscal year as CSV or XLSX, and shows the service’s reason when refused', async () => {
    let refuse = false;
    const { files, saved } = captureDownloads(() =>
      refuse
        ? new Response(
            JSON.stringify({ type: 'urn:ita:problem:official.year-invalid', status: 400, title: 'ปีไม่ถูกต้อง', detail_th: 'ปีงบประมาณ 2567 ไม่ถูกต้อง', detail_en: 'Invalid year.' }),
            { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
          )
        : new Response('x', { status: 200, headers: { 'Content-Type': 'text/csv' } }),
    );
    renderWithProviders(<AreaDashboardPage />, {
      route: '/scoring/dashboard',
      http: createHttpClient({ baseUrl: '/api', fetch: vi.fn(async () => json(dashboard)) }),
      auth: { status: 'authenticated', session: { unitCode: 'KALASIN2', roles: ['area-admin'] } as never },
    });
    await screen.findByText('หน่วยงาน 3 แห่ง มีผลคะแนน 1 แห่ง ผ่านเกณฑ์ 1 แห่ง (ร้อยละ 100.00) มีผลเบื้องต้นจากรอบที่ยังไม่ประกาศผล 1 แห่ง (ไม่นับรวมในสถิติ)');
    const downloads = screen.getByRole('group', { name: 'ดาวน์โหลดตารางอันดับของปีงบประมาณที่เลือก' });
    await userEvent.click(within(downloads).getByRole('button', { name: 'ดาวน์โหลด CSV' }));
    await waitFor(() => expect(saved).toEqual(['ita-KALASIN2-2566.csv']));
    expect(files).toHaveBeenLastCalledWith('/api/scoring/dashboards/areas/KALASIN2/export?fiscalYear=2566&format=csv', expect.anything());

    await userEvent.selectOptions(screen.getByLabelText('ปีงบประมาณ'), '2567');
    await userEvent.click(within(downloads).getByRole('button', { name: 'ดาวน์โหลด Excel (XLSX)' }));
    await waitFor(() => expect(saved).toEqual(['ita-KALASIN2-2566.csv', 'ita-KALASIN2-2567.xlsx']));
    const [url, init] = files.mock.calls[1] as unknown as [string, RequestInit];
    expect(url).toBe('/api/scoring/dashboards/areas/KALASIN2/export?fiscalYear=2567&format=xlsx');
    expect(new Headers(init.headers).get('Accept')).toContain('spreadsheetml');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    refuse = true;
    await userEvent.click(within(downloads).getByRole('button', { name: 'ดาวน์โหลด CSV' }));
    expect(await within(downloads).findByRole('alert')).toHaveTextContent('ปีงบประมาณ 2567 ไม่ถูกต้อง');
    expect(saved).toHaveLength(2);
  });

  it('offers fiscal years from 2564 up to the current one, the next from October', () => {
    expect(currentFiscalYear(new Date(2025, 8, 30))).toBe(2568);
    expect(currentFiscalYear(new Date(2025, 9, 1))).toBe(2569);
    expect(fiscalYearsUpToNow(new Date(2026, 11, 1))).toEqual([2564, 2565, 2566, 2567, 2568, 2569, 2570]);
  });

  it('colours scores against the pass line', () => {
    expect(heat(85)).toBe('#d9f2dd');
    expect(heat(84.99)).toBe('#fff1c2');
    expect(heat(74.99)).toBe('#f9d6d5');
    expect(heat(null)).toBeUndefined();
  });
});
