import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { createHttpClient, ProblemError } from '../api/http';
import { renderWithProviders } from '../test/render';
import { ChecklistPage } from './ChecklistPage';
import { ItemPage } from './ItemPage';
import { ReviewPanel, ReviewQueuePage } from './ReviewQueuePage';
import { UploadDropZone } from './UploadDropZone';
import { fileKind } from './VersionHistory';
import type { QueueEntry } from './api';

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const progress = (total: number, passed: number, empty = 0) => ({ total, empty, draft: 0, submitted: 0, passed, failed: 0 });

const checklist = {
  unitCode: 'KALASIN2',
  unitNameTh: 'สพป.กาฬสินธุ์ เขต 2',
  unitNameEn: 'Kalasin 2',
  roundId: 'r1',
  roundName: 'ITA 2566',
  fiscalYear: 2566,
  deadline: '2023-06-30T00:00:00Z',
  progress: progress(3, 2, 1),
  subIndicators: [
    {
      code: '9.1',
      indicatorCode: '9',
      nameTh: 'ข้อมูลพื้นฐาน',
      nameEn: 'Basic information',
      progress: progress(2, 2),
      items: [
        { code: 'O1', titleTh: 'โครงสร้าง', status: 'PASSED', evidenceCount: 1, updatedBy: 'auditor', updatedAt: '2023-07-01T00:00:00Z' },
        { code: 'O2', titleTh: 'ข้อมูลผู้บริหาร', status: 'PASSED', evidenceCount: 1 },
      ],
    },
    {
      code: '9.2',
      indicatorCode: '9',
      nameTh: 'การบริหารงาน',
      progress: progress(1, 0, 1),
      items: [{ code: 'O3', titleTh: 'แผนดำเนินงาน', status: 'EMPTY', evidenceCount: 0 }],
    },
  ],
};

describe('checklist', () => {
  it('shows progress by sub-indicator and each item status in Thai', async () => {
    const fetch = vi.fn(async (url: string | URL | Request) =>
      String(url).endsWith('/broken-links') ? json([]) : json(checklist),
    );
    renderWithProviders(
      <Routes>
        <Route path="evidence/:unitCode/rounds/:roundId" element={<ChecklistPage />} />
      </Routes>,
      { route: '/evidence/KALASIN2/rounds/r1', http: createHttpClient({ baseUrl: '/api', fetch }) },
    );
    expect(await screen.findByRole('heading', { name: 'รายการหลักฐาน OIT ปีงบประมาณ 2566' })).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith('/api/evidence/units/KALASIN2/rounds/r1/checklist', expect.anything());
    expect(screen.getByText('ผ่าน 2 จาก 3 ข้อ · ส่งแล้ว 2 ข้อ')).toBeInTheDocument();
    const bars = screen.getAllByRole('progressbar');
    expect(bars.map((b) => b.getAttribute('value'))).toEqual(['2', '0']);
    expect(screen.getByText(/ข้อมูลพื้นฐาน.*ผ่าน 2\/2/)).toBeInTheDocument();
    expect(screen.getByText(/การบริหารงาน.*ผ่าน 0\/1/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'O3' })).toHaveAttribute('href', '/evidence/KALASIN2/rounds/r1/items/O3');
    expect(screen.getAllByText('ผ่าน', { selector: '[data-status]' })).toHaveLength(2);
    expect(screen.getByText('ยังไม่มีหลักฐาน')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'ความคืบหน้ารายตัวชี้วัดย่อย' })).toBeInTheDocument();
  });

  it('says so when no opened round covers the unit, instead of an empty list', async () => {
    const fetch = vi.fn(async () => json([]));
    renderWithProviders(<ChecklistPage />, {
      auth: { status: 'authenticated', session: { name: 'ผู้ดูแลระบบ', roles: ['system-admin'], unitCode: 'OBEC' } },
      http: createHttpClient({ baseUrl: '/api', fetch }),
    });
    expect(await screen.findByText('ยังไม่มีรอบการประเมินที่เปิดแล้วสำหรับหน่วยงาน OBEC')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith('/api/evidence/units/OBEC/rounds', expect.anything());
  });
});

describe('broken links', () => {
  it('are listed above the checklist so the unit fixes them first', async () => {
    const fetch = vi.fn(async (url: string | URL | Request) =>
      String(url).endsWith('/broken-links')
        ? json([{ itemCode: 'O2', evidenceId: 'e1', url: 'http://www.kalasin2.go.th/old', statusCode: 404, error: 'HTTP 404', checkedAt: '2023-06-01T00:00:00Z' }])
        : json(checklist),
    );
    renderWithProviders(
      <Routes>
        <Route path="evidence/:unitCode/rounds/:roundId" element={<ChecklistPage />} />
      </Routes>,
      { route: '/evidence/KALASIN2/rounds/r1', http: createHttpClient({ baseUrl: '/api', fetch }) },
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('ลิงก์ที่เปิดไม่ได้ (ตรวจล่าสุด)');
    expect(alert).toHaveTextContent('ข้อ O2: http://www.kalasin2.go.th/old (HTTP 404)');
  });
});

describe('upload', () => {
  it('uploads a dropped file and shows progress, then success', async () => {
    let report: (f: number) => void = () => undefined;
    let finish: () => void = () => undefined;
    const onUpload = vi.fn(
      (_file: File, onProgress: (f: number) => void) =>
        new Promise<void>((resolve) => {
          report = onProgress;
          finish = resolve;
        }),
    );
    renderWithProviders(<UploadDropZone onUpload={onUpload} />);
    const file = new File(['%PDF-1.4'], 'คำสั่ง.pdf', { type: 'application/pdf' });
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [file] } });
    expect(onUpload).toHaveBeenCalledWith(file, expect.any(Function));
    report(0.4);
    await waitFor(() => expect(screen.getByRole('progressbar')).toHaveAttribute('value', '40'));
    expect(screen.getByText(/กำลังอัปโหลด คำสั่ง.pdf/)).toBeInTheDocument();
    finish();
    expect(await screen.findByRole('status')).toHaveTextContent('อัปโหลด คำสั่ง.pdf แล้ว');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('shows a refused upload as an error in Thai, with what to do next', async () => {
    const onUpload = vi.fn(async () => {
      throw new ProblemError({ status: 415, title: 'Unsupported Media Type', detail_th: 'ไม่รับไฟล์ชนิด application/zip' }, 415);
    });
    renderWithProviders(<UploadDropZone onUpload={onUpload} />);
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [new File(['PK'], 'รวม.zip', { type: 'application/zip' })] } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveClass('tone-error');
    expect(alert).toHaveTextContent('อัปโหลด รวม.zip ไม่สำเร็จ: ไม่รับไฟล์ชนิด application/zip');
    expect(alert).toHaveTextContent('บันทึกไฟล์เป็น PDF แล้วอัปโหลดใหม่');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('says to check the connection when the upload never reached the service', async () => {
    renderWithProviders(<UploadDropZone onUpload={vi.fn(async () => Promise.reject(new Error('network error')))} />);
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [new File(['x'], 'a.pdf')] } });
    expect(await screen.findByRole('alert')).toHaveTextContent('ติดต่อระบบไม่ได้ตรวจการเชื่อมต่ออินเทอร์เน็ต');
  });

  it('refuses a file over 20 MB before sending it', async () => {
    const onUpload = vi.fn(async () => undefined);
    renderWithProviders(<UploadDropZone onUpload={onUpload} />);
    const big = new File(['x'], 'สแกน.pdf');
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 });
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [big] } });
    expect(await screen.findByRole('alert')).toHaveTextContent('ลดขนาดไฟล์ให้ไม่เกิน 20 MB');
    expect(onUpload).not.toHaveBeenCalled();
  });

  it('warns before uploading a file with the same SHA-256 as one attached, and sends it only when asked', async () => {
    const onUpload = vi.fn(async () => undefined);
    const attached = [{ sha256: 'E16FA5D9B51928755DB85B917F0297BABAF22C7A47E97D9212ADAB56E61BA04E'.toLowerCase(), name: 'คำสั่ง-เดิม.pdf' }];
    renderWithProviders(<UploadDropZone onUpload={onUpload} attached={attached} />);
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [new File(['%PDF-1.4'], 'คำสั่ง.pdf')] } });
    const warning = await screen.findByRole('alert');
    expect(warning).toHaveTextContent('ไฟล์ คำสั่ง.pdf เหมือนกับ คำสั่ง-เดิม.pdf ที่แนบไว้แล้วทุกไบต์');
    expect(onUpload).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'ไม่อัปโหลด' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onUpload).not.toHaveBeenCalled();

    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [new File(['%PDF-1.4'], 'คำสั่ง.pdf')] } });
    await userEvent.click(await screen.findByRole('button', { name: 'อัปโหลดซ้ำ' }));
    expect(onUpload).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('status')).toHaveTextContent('อัปโหลด คำสั่ง.pdf แล้ว');

    // Different bytes go straight up.
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [new File(['other'], 'อื่น.pdf')] } });
    await waitFor(() => expect(onUpload).toHaveBeenCalledTimes(2));
  });
});

const detail = {
  unitCode: 'KALASIN2',
  roundId: 'r1',
  itemCode: 'O3',
  subIndicatorCode: '9.2',
  titleTh: 'แผนดำเนินงาน',
  requirementTh: 'แผนดำเนินงานประจำปี',
  status: 'DRAFT',
  versions: [
    { id: 'v2', itemCode: 'O3', version: 2, kind: 'FILE', originalName: 'แผน.pdf', contentType: 'application/pdf', sizeBytes: 2048, sha256: 'ab'.repeat(32), createdBy: 'evidence.kalasin2', createdAt: '2023-05-01T00:00:00Z' },
    { id: 'v1', itemCode: 'O3', version: 1, kind: 'LINK', url: 'https://example.go.th/plan', createdBy: 'evidence.kalasin2', createdAt: '2023-04-01T00:00:00Z', withdrawnAt: '2023-04-02T00:00:00Z' },
  ],
  reviews: [],
};

describe('item page', () => {
  it('lists every version, withdrawn ones marked, and lets the editor submit', async () => {
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      if (String(url).endsWith('/submit') && init?.method === 'POST') return json({ itemCode: 'O3', status: 'SUBMITTED' });
      return json(detail);
    });
    renderWithProviders(
      <Routes>
        <Route path="evidence/:unitCode/rounds/:roundId/items/:itemCode" element={<ItemPage uploader={vi.fn()} />} />
      </Routes>,
      {
        route: '/evidence/KALASIN2/rounds/r1/items/O3',
        http: createHttpClient({ baseUrl: '/api', fetch }),
        auth: { status: 'authenticated', session: { name: 'E', roles: ['evidence-editor'], unitCode: 'KALASIN2' } },
      },
    );
    const history = await screen.findByRole('list', { name: 'ประวัติหลักฐาน' });
    expect(history).toHaveTextContent('ฉบับที่ 2');
    expect(history).toHaveTextContent('แผน.pdf (PDF, 2 KB)');
    expect(history).not.toHaveTextContent('application/pdf');
    expect(history).toHaveTextContent('ถอนแล้ว');
    expect(screen.getByText('แผนดำเนินงานประจำปี')).toBeInTheDocument();
    const submitted = () => fetch.mock.calls.some(([url]) => String(url).endsWith('/submit'));

    // Asked first; "not yet" sends nothing.
    await userEvent.click(screen.getByRole('button', { name: 'ส่งให้ผู้ตรวจประเมิน' }));
    expect(screen.getByRole('group', { name: 'ส่งข้อ O3 พร้อมหลักฐาน 1 รายการ ให้ผู้ตรวจประเมินหรือไม่' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'ยังไม่ส่ง กลับไปแก้ไข' }));
    expect(submitted()).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'ส่งให้ผู้ตรวจประเมิน' }));
    await userEvent.click(screen.getByRole('button', { name: 'ยืนยัน ส่งให้ผู้ตรวจ' }));
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith('/api/evidence/units/KALASIN2/rounds/r1/items/O3/submit', expect.objectContaining({ method: 'POST' })),
    );
    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent('ส่งข้อ O3 ให้ผู้ตรวจประเมินแล้ว');
    expect(within(done).getByRole('link', { name: '← กลับไปที่รายการหลักฐาน OIT' })).toHaveAttribute('href', '/evidence/KALASIN2/rounds/r1');
  });

  it('hides editing from another office', async () => {
    renderWithProviders(
      <Routes>
        <Route path="evidence/:unitCode/rounds/:roundId/items/:itemCode" element={<ItemPage uploader={vi.fn()} />} />
      </Routes>,
      {
        route: '/evidence/KALASIN2/rounds/r1/items/O3',
        http: createHttpClient({ baseUrl: '/api', fetch: vi.fn(async () => json(detail)) }),
        auth: { status: 'authenticated', session: { name: 'S', roles: ['evidence-editor'], unitCode: 'KALASIN2-S001' } },
      },
    );
    await screen.findByRole('list', { name: 'ประวัติหลักฐาน' });
    expect(screen.queryByRole('button', { name: 'ส่งให้ผู้ตรวจประเมิน' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('drop-zone')).not.toBeInTheDocument();
  });
});

describe('auditor review', () => {
  const entry: QueueEntry = {
    unitCode: 'KALASIN2',
    unitNameTh: 'สพป.กาฬสินธุ์ เขต 2',
    roundId: 'r1',
    fiscalYear: 2566,
    itemCode: 'O3',
    subIndicatorCode: '9.2',
    titleTh: 'แผนดำเนินงาน',
    requirementTh: 'แผนดำเนินงานประจำปี',
    status: 'SUBMITTED',
  };

  it('shows requirement beside evidence and needs a comment to fail', async () => {
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      if (String(url).endsWith('/review')) {
        return json({ id: 'x', itemCode: 'O3', verdict: 'FAILED', comment: 'ไม่ครบ', finalVerdict: false, reviewer: 'auditor', reviewedAt: '2023-07-01T00:00:00Z' });
      }
      void init;
      return json(detail);
    });
    const onDone = vi.fn();
    renderWithProviders(<ReviewPanel entry={entry} onDone={onDone} />, { http: createHttpClient({ baseUrl: '/api', fetch }) });
    expect(screen.getByRole('heading', { name: 'ข้อกำหนด' })).toBeInTheDocument();
    expect(screen.getByText('แผนดำเนินงานประจำปี')).toBeInTheDocument();
    expect(await screen.findByRole('list', { name: 'ประวัติหลักฐาน' })).toHaveTextContent(/แผน\.pdf/);
    // Withdrawn versions are not what the auditor judges.
    expect(screen.queryByText('https://example.go.th/plan')).not.toBeInTheDocument();

    const fail = screen.getByRole('button', { name: 'ไม่ผ่าน' });
    expect(fail).toBeDisabled();
    await userEvent.type(screen.getByLabelText('ความเห็นถึงหน่วยงาน (จำเป็นเมื่อไม่ผ่าน)'), 'ไม่ครบ');
    expect(fail).toBeEnabled();
    await userEvent.click(fail);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const call = fetch.mock.calls.find(([url]) => String(url).endsWith('/review'))!;
    expect(JSON.parse(String(call[1]?.body))).toEqual({ verdict: 'FAILED', comment: 'ไม่ครบ' });
  });

  it('shows the PDF itself, fetched with the token, and lets "ผ่าน" be pressed only once it is in view', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:http://localhost/pdf-1');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    let releaseFile: () => void = () => undefined;
    const fileArrived = new Promise<void>((resolve) => (releaseFile = resolve));
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      const path = String(url);
      if (path.endsWith('/evidence/v2/file')) {
        await fileArrived;
        expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer t0ken');
        return new Response('%PDF-1.4', { headers: { 'Content-Type': 'application/pdf' } });
      }
      if (path.endsWith('/review')) {
        return json({ id: 'x', itemCode: 'O3', verdict: 'PASSED', comment: null, finalVerdict: true, reviewer: 'auditor', reviewedAt: '2023-07-01T00:00:00Z' });
      }
      return json(detail);
    });
    const onDone = vi.fn();
    renderWithProviders(<ReviewPanel entry={entry} onDone={onDone} />, {
      http: createHttpClient({ baseUrl: '/api', fetch, getAccessToken: () => 't0ken' }),
    });
    const pass = screen.getByRole('button', { name: 'ผ่าน' });
    expect(await screen.findByText('เปิดดูหลักฐานก่อนจึงกดผ่านได้')).toBeInTheDocument();
    expect(pass).toBeDisabled();
    // Unseen: the shortcut does nothing either.
    fireEvent.keyDown(window, { code: 'KeyP', key: 'ร' });
    expect(fetch.mock.calls.some(([url]) => String(url).endsWith('/review'))).toBe(false);

    releaseFile();
    const frame = await screen.findByTitle('เอกสาร แผน.pdf');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame).toHaveAttribute('src', 'blob:http://localhost/pdf-1');
    await waitFor(() => expect(pass).toBeEnabled());
    // P by key position: the Thai layout types "ร" there.
    fireEvent.keyDown(window, { code: 'KeyP', key: 'ร' });
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const call = fetch.mock.calls.find(([url]) => String(url).endsWith('/review'))!;
    expect(JSON.parse(String(call[1]?.body))).toEqual({ verdict: 'PASSED' });
  });

  it('opens another file type in a new tab, and F without a comment asks for one', async () => {
    const other = { ...detail, versions: [{ ...detail.versions[0], id: 'v3', originalName: 'แผน.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }] };
    const fetch = vi.fn(async () => json(other));
    renderWithProviders(<ReviewPanel entry={entry} onDone={vi.fn()} />, { http: createHttpClient({ baseUrl: '/api', fetch }) });
    expect(await screen.findByRole('button', { name: 'เปิดไฟล์ แผน.docx ในแท็บใหม่' })).toBeInTheDocument();
    expect(screen.queryByTitle(/เอกสาร/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'ผ่าน' })).toBeDisabled();
    fireEvent.keyDown(window, { code: 'KeyF', key: 'ด' });
    expect(await screen.findByRole('alert')).toHaveTextContent('ใส่ความเห็นถึงหน่วยงานก่อนกดไม่ผ่าน');
    expect(screen.getByLabelText('ความเห็นถึงหน่วยงาน (จำเป็นเมื่อไม่ผ่าน)')).toHaveFocus();
  });

  it('moves to the next item with N', async () => {
    const second = { ...entry, itemCode: 'O4', titleTh: 'รายงานผล' };
    const fetch = vi.fn(async (url: string | URL | Request) => (String(url).endsWith('/reviews/queue') ? json([entry, second]) : json({ ...detail, versions: [] })));
    renderWithProviders(<ReviewQueuePage />, { http: createHttpClient({ baseUrl: '/api', fetch }) });
    expect(await screen.findByRole('article', { name: 'KALASIN2 O3' })).toBeInTheDocument();
    fireEvent.keyDown(window, { code: 'KeyN', key: 'ื' });
    expect(await screen.findByRole('article', { name: 'KALASIN2 O4' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'KALASIN2 O4' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('tells apart the same item waiting in two rounds', async () => {
    const older = { ...entry, roundId: 'r0', roundName: 'ITA 2565', fiscalYear: 2565 };
    const newer = { ...entry, roundName: 'ITA 2566' };
    const fetch = vi.fn(async (url: string | URL | Request) =>
      String(url).endsWith('/reviews/queue') ? json([older, newer]) : json(detail),
    );
    renderWithProviders(<ReviewQueuePage />, { http: createHttpClient({ baseUrl: '/api', fetch }) });
    expect(await screen.findByText('รอบ ITA 2565 ปีงบประมาณ 2565')).toBeInTheDocument();
    expect(screen.getByText('รอบ ITA 2566 ปีงบประมาณ 2566')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'KALASIN2 O3' })).toHaveLength(2);
  });
});

describe('file types in the version history', () => {
  it('names a type as people do, never the media type', () => {
    expect(fileKind('image/png', 'รูปภาพ')).toBe('รูปภาพ PNG');
    expect(fileKind('image/svg+xml', 'รูปภาพ')).toBe('รูปภาพ SVG');
    expect(fileKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'รูปภาพ')).toBe('Word');
    expect(fileKind('application/vnd.ms-excel', 'รูปภาพ')).toBe('Excel');
    expect(fileKind('application/pdf; charset=binary', 'รูปภาพ')).toBe('PDF');
  });
});
