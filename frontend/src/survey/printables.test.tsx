import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../api/http';
import { renderWithProviders } from '../test/render';
import { StaffSurveyPage } from './StaffSurveyPage';

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function staffApi() {
  return vi.fn(async (url: string | URL | Request) => {
    const path = String(url);
    if (path.endsWith('/survey/rounds')) return json([]);
    if (path.endsWith('/access-codes'))
      return json({ roundId: 'R1', unitCode: 'KALASIN2', staffCount: 67, generated: 0, used: 0, voided: 0, unused: 0, batches: [] });
    if (path.endsWith('/eit-link'))
      return json({ token: 'tok', roundId: 'R1', unitCode: 'KALASIN2', url: 'http://localhost:8080/e/tok', qrSvg: '/links/tok/qr.svg', qrPng: '/links/tok/qr.png' });
    return json({}, 404);
  });
}

// These screens are driven by typing and clicking; on a busy shared machine that can take longer
// than Vitest's default 5 s without anything being wrong.
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('printable slips and poster', () => {
  it('generates a batch as a slips PDF and saves it, asking for PDF on the generate call itself', async () => {
    const user = userEvent.setup();
    const files = vi.fn(async () => new Response('%PDF-1.4', { status: 201, headers: { 'Content-Type': 'application/pdf' } }));
    vi.stubGlobal('fetch', files);
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:slips');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithProviders(<StaffSurveyPage />, {
      route: '/survey/manage?round=R1&unit=KALASIN2',
      http: createHttpClient({ baseUrl: '/api', fetch: staffApi() }),
    });
    await screen.findByText(/สร้างแล้ว 0 รหัส/);
    await user.type(screen.getByLabelText(/จำนวนรหัส/), '30');
    await user.click(screen.getByRole('button', { name: 'พิมพ์บัตรรหัส (PDF พร้อม QR code)' }));

    expect(await screen.findByText(/ดาวน์โหลดบัตรรหัส PDF แล้ว/)).toBeInTheDocument();
    const [url, init] = files.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/survey/rounds/R1/units/KALASIN2/access-codes');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('Accept')).toContain('application/pdf');
    expect(JSON.parse(String(init.body))).toEqual({ count: 30 });
    expect(created).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('shows the service problem in Thai when the slips cannot be made', async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(
          { type: 'urn:ita:problem:unit-out-of-scope', title: 'ไม่มีสิทธิ์', status: 403, detail: 'ไม่มีสิทธิ์จัดการหน่วยงาน KALASIN2', detail_th: 'ไม่มีสิทธิ์จัดการหน่วยงาน KALASIN2', detail_en: 'Not your unit' },
          403,
          'application/problem+json',
        ),
      ),
    );
    renderWithProviders(<StaffSurveyPage />, {
      route: '/survey/manage?round=R1&unit=KALASIN2',
      http: createHttpClient({ baseUrl: '/api', fetch: staffApi() }),
    });
    await screen.findByText(/สร้างแล้ว 0 รหัส/);
    await user.click(screen.getByRole('button', { name: 'พิมพ์บัตรรหัส (PDF พร้อม QR code)' }));
    expect(await screen.findByText('ไม่มีสิทธิ์จัดการหน่วยงาน KALASIN2')).toBeInTheDocument();
  });

  it('links the public poster PDF of the EIT link', async () => {
    renderWithProviders(<StaffSurveyPage />, {
      route: '/survey/manage?round=R1&unit=KALASIN2',
      http: createHttpClient({ baseUrl: '/api', fetch: staffApi() }),
    });
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'โปสเตอร์ PDF' })).toHaveAttribute('href', '/api/survey/links/tok/poster.pdf'),
    );
  });
});
