import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../api/http';
import { renderWithProviders } from '../test/render';
import type { Round } from './admin/api';
import { defaultRound, ProgressPage } from './ProgressPage';
import { captureDownloads } from '../test/downloads';

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

const header = {
  roundId: 'r-open',
  scopeUnitCode: 'KALASIN2',
  state: 'OPEN',
  // Noon UTC: the same calendar day in every zone the tests may run in.
  surveyClosesAt: '2026-12-05T12:00:00Z',
  reviewClosesAt: null,
};

type UnitProgress = ReturnType<typeof unitProgress>;

const threeUnits = [
  // As the service sends them: at-risk units first, then in tree order.
  unitProgress('KALASIN2-S001', 'โรงเรียนบ้านหนองแสง', ['IIT_SHORT', 'OIT_UNREVIEWED'], { iitReceived: 3, oitReviewed: 20, oitPassed: 18 }),
  unitProgress('KALASIN2-S002', 'โรงเรียนบ้านโคกกลาง', ['EIT_SHORT'], { eitReceived: 7 }),
  unitProgress('KALASIN2', 'สพป.กาฬสินธุ์ เขต 2', []),
];

/**
 * The progress endpoint as the service answers it: the summary counts every unit, `progress` is the page
 * asked for of the rows matching `atRisk`. Every request's query is kept in `queries`.
 */
function progressService(units: UnitProgress[], extra: Record<string, unknown> = {}) {
  const queries: Record<string, string>[] = [];
  const answer = (url: string) => {
    const query = new URL(url, 'http://localhost').searchParams;
    queries.push(Object.fromEntries(query));
    const atRisk = query.get('atRisk') === 'true';
    const page = Number(query.get('page') ?? 0);
    const size = Number(query.get('size') ?? 100);
    const matching = units.filter((u) => !atRisk || u.atRisk);
    const reasons: Record<string, number> = { IIT_SHORT: 0, EIT_SHORT: 0, OIT_UNREVIEWED: 0 };
    for (const u of units) for (const r of u.reasons) reasons[r] = (reasons[r] ?? 0) + 1;
    return json({
      ...header,
      units: units.length,
      unitsAtRisk: units.filter((u) => u.atRisk).length,
      reasons,
      matching: matching.length,
      page,
      size,
      progress: matching.slice(page * size, (page + 1) * size),
      ...extra,
    });
  };
  return { queries, answer };
}

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

const progressUrl = '/api/scoring/dashboards/areas/KALASIN2/rounds/r-open/progress';

// These screens are driven by clicking; on a busy shared machine that can take longer than Vitest's default 5 s.
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('assessment progress', () => {
  it('shows the open round’s deadline, how many units are at risk and why, and asks the service for units at risk only', async () => {
    const service = progressService(threeUnits);
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('/rounds')
        ? json([round('r-old', 2566, 'PUBLISHED'), round('r-open', 2567, 'OPEN', 'ITA 2567 เขต 2'), round('r-draft', 2568, 'DRAFT')])
        : url.includes('/progress')
          ? service.answer(url)
          : json({}, 404),
    );
    renderPage(fetch);
    expect(await screen.findByText('หน่วยงาน 3 แห่ง เสี่ยงไม่ทันกำหนด 2 แห่ง')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(`${progressUrl}?atRisk=false&page=0&size=100`, expect.anything());
    expect(screen.getByLabelText('รอบการประเมิน')).toHaveDisplayValue('ITA 2567 เขต 2 (ปีงบประมาณ 2567, เปิด)');
    expect(screen.getByText(/^5 ธันวาคม 2569 เวลา \d\d:\d\d น\.$/)).toBeInTheDocument();
    expect(screen.getByText('ไม่ได้กำหนด')).toBeInTheDocument();
    const byReason = screen.getByRole('list', { name: 'จำนวนหน่วยงานที่เสี่ยงตามเหตุ' });
    expect(within(byReason).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'แบบวัด IIT ยังไม่ครบตามจำนวนขั้นต่ำ และใกล้ปิดรับแบบวัด: 1 แห่ง',
      'แบบวัด EIT ยังไม่ครบตามจำนวนขั้นต่ำ และใกล้ปิดรับแบบวัด: 1 แห่ง',
      'ยังมีหลักฐาน OIT ที่ไม่ได้ตรวจ และใกล้สิ้นสุดการตรวจ: 1 แห่ง',
    ]);

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
    expect(screen.getByRole('status')).toHaveTextContent('แสดง 1–3 จาก 3');

    await userEvent.click(screen.getByLabelText('แสดงเฉพาะหน่วยงานที่เสี่ยงไม่ทันกำหนด'));
    expect(await screen.findByText('แสดง 1–2 จาก 2')).toBeInTheDocument();
    expect(fetch).toHaveBeenLastCalledWith(`${progressUrl}?atRisk=true&page=0&size=100`, expect.anything());
    const filtered = screen.getByRole('table', { name: /ความก้าวหน้าของแต่ละหน่วยงาน/ });
    expect(within(filtered).queryByRole('link', { name: 'KALASIN2' })).not.toBeInTheDocument();
    expect(within(filtered).getAllByRole('row')).toHaveLength(3);
    // The summary still counts every unit in scope.
    expect(screen.getByText('หน่วยงาน 3 แห่ง เสี่ยงไม่ทันกำหนด 2 แห่ง')).toBeInTheDocument();
  });

  it('pages through the units, and starts again from the first page when the filter or the round changes', async () => {
    const units = Array.from({ length: 250 }, (_, i) => {
      const code = `KALASIN2-S${String(i + 1).padStart(3, '0')}`;
      return unitProgress(code, `โรงเรียน ${code}`, i < 120 ? ['IIT_SHORT'] : [], i < 120 ? { iitReceived: 1 } : {});
    });
    const service = progressService(units);
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('/rounds') ? json([round('r-open', 2567, 'OPEN'), round('r-old', 2566, 'CLOSED')]) : service.answer(url),
    );
    renderPage(fetch);
    expect(await screen.findByText('แสดง 1–100 จาก 250')).toBeInTheDocument();
    expect(screen.getByText('แบบวัด IIT ยังไม่ครบตามจำนวนขั้นต่ำ และใกล้ปิดรับแบบวัด: 120 แห่ง')).toBeInTheDocument();
    const pages = screen.getByRole('navigation', { name: 'หน้าของตารางความก้าวหน้า' });
    expect(within(pages).getByRole('button', { name: 'หน้าก่อนหน้า' })).toBeDisabled();

    await userEvent.click(within(pages).getByRole('button', { name: 'หน้าถัดไป' }));
    expect(await screen.findByText('แสดง 101–200 จาก 250')).toBeInTheDocument();
    expect(fetch).toHaveBeenLastCalledWith(`${progressUrl}?atRisk=false&page=1&size=100`, expect.anything());
    expect(screen.getAllByRole('row')[1]).toHaveTextContent('KALASIN2-S101');

    await userEvent.click(screen.getByRole('button', { name: 'หน้าถัดไป' }));
    expect(await screen.findByText('แสดง 201–250 จาก 250')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'หน้าถัดไป' })).toBeDisabled();
    expect(screen.getAllByRole('row')).toHaveLength(51);

    await userEvent.click(screen.getByLabelText('แสดงเฉพาะหน่วยงานที่เสี่ยงไม่ทันกำหนด'));
    expect(await screen.findByText('แสดง 1–100 จาก 120')).toBeInTheDocument();
    expect(fetch).toHaveBeenLastCalledWith(`${progressUrl}?atRisk=true&page=0&size=100`, expect.anything());

    await userEvent.click(screen.getByRole('button', { name: 'หน้าถัดไป' }));
    expect(await screen.findByText('แสดง 101–120 จาก 120')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('รอบการประเมิน'), 'ITA 2566 (ปีงบประมาณ 2566, ปิด)');
    expect(await screen.findByText('แสดง 1–100 จาก 120')).toBeInTheDocument();
    expect(fetch).toHaveBeenLastCalledWith(
      '/api/scoring/dashboards/areas/KALASIN2/rounds/r-old/progress?atRisk=true&page=0&size=100',
      expect.anything(),
    );
    expect(service.queries.every((q) => q.size === '100')).toBe(true);
  });

  it('shows another round when chosen, in English, and says when no unit is at risk', async () => {
    const open = progressService(threeUnits);
    const closed = progressService([unitProgress('KALASIN2', 'สพป.กาฬสินธุ์ เขต 2', [])], { roundId: 'r-closed', state: 'CLOSED' });
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('/rounds')
        ? json([round('r-open', 2567, 'OPEN'), round('r-closed', 2566, 'CLOSED', 'ITA 2566')])
        : url.includes('/r-closed/')
          ? closed.answer(url)
          : open.answer(url),
    );
    renderPage(fetch, { language: 'en', route: '/scoring/progress/KALASIN2' });
    expect(await screen.findByText('3 units, 2 at risk of missing a deadline')).toBeInTheDocument();
    expect(screen.getAllByText('IIT sample short, survey closing soon')).toHaveLength(1);
    expect(screen.getByText('IIT sample short, survey closing soon: 1')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Showing 1–3 of 3');
    await userEvent.selectOptions(screen.getByLabelText('Assessment round'), 'ITA 2566 (fiscal year 2566, closed)');
    expect(await screen.findByText('1 units, 0 at risk of missing a deadline')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(
      '/api/scoring/dashboards/areas/KALASIN2/rounds/r-closed/progress?atRisk=false&page=0&size=100',
      expect.anything(),
    );
    expect(screen.getByText('IIT sample short, survey closing soon: 0')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'KALASIN2' })).toHaveAttribute('href', '/scoring/units/KALASIN2/years/2566');
    await userEvent.click(screen.getByLabelText('Show only units at risk'));
    expect(await screen.findByText('No units at risk.')).toBeInTheDocument();
    expect(closed.queries.at(-1)).toEqual({ atRisk: 'true', page: '0', size: '100' });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('downloads the progress as CSV or XLSX, only the units at risk when so filtered', async () => {
    const { files, saved } = captureDownloads(() =>
      new Response('x', { status: 200, headers: { 'Content-Type': 'text/csv' } }),
    );
    const service = progressService(threeUnits);
    renderPage(async (url) => (url.endsWith('/rounds') ? json([round('r-open', 2567, 'OPEN')]) : service.answer(url)));
    await screen.findByText('แสดง 1–3 จาก 3');
    const downloads = screen.getByRole('group', { name: 'ดาวน์โหลดตารางความก้าวหน้า (ตามตัวกรองที่เลือก)' });

    await userEvent.click(within(downloads).getByRole('button', { name: 'ดาวน์โหลด CSV' }));
    await waitFor(() => expect(saved).toEqual(['ita-progress-KALASIN2-2567.csv']));
    const [csvUrl, csvInit] = files.mock.calls[0] as unknown as [string, RequestInit];
    expect(csvUrl).toBe(`${progressUrl}/export?format=csv&atRisk=false`);
    expect(new Headers(csvInit.headers).get('Accept')).toContain('text/csv');

    await userEvent.click(screen.getByLabelText('แสดงเฉพาะหน่วยงานที่เสี่ยงไม่ทันกำหนด'));
    await screen.findByText('แสดง 1–2 จาก 2');
    await userEvent.click(screen.getByRole('button', { name: 'ดาวน์โหลด Excel (XLSX)' }));
    await waitFor(() => expect(saved).toEqual(['ita-progress-KALASIN2-2567.csv', 'ita-progress-KALASIN2-2567.xlsx']));
    const [xlsxUrl, xlsxInit] = files.mock.calls[1] as unknown as [string, RequestInit];
    expect(xlsxUrl).toBe(`${progressUrl}/export?format=xlsx&atRisk=true`);
    expect(new Headers(xlsxInit.headers).get('Accept')).toContain('spreadsheetml');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the service’s reason when the download is refused', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(
          { type: 'urn:ita:problem:bad-request', status: 400, title: 'คำขอไม่ถูกต้อง', detail_th: 'รูปแบบไฟล์ไม่ถูกต้อง', detail_en: 'Unknown format.' },
          400,
        ),
      ),
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const service = progressService(threeUnits);
    renderPage(async (url) => (url.endsWith('/rounds') ? json([round('r-open', 2567, 'OPEN')]) : service.answer(url)));
    await userEvent.click(await screen.findByRole('button', { name: 'ดาวน์โหลด CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('รูปแบบไฟล์ไม่ถูกต้อง');
    expect(click).not.toHaveBeenCalled();
    expect(screen.getByRole('table')).toBeInTheDocument();
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
    expect(screen.queryByRole('button', { name: 'ดาวน์โหลด CSV' })).not.toBeInTheDocument();
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
