import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../api/http';
import { renderWithProviders } from '../test/render';
import type { Questionnaire } from './api';
import {
  buildSubmission,
  codeFromFragment,
  codesCsv,
  missingAnswers,
  normaliseCode,
  progressPercent,
  firstIncompleteStep,
  stepsOf,
} from './flow';
import { RespondentPage } from './RespondentPage';

const level4 = [
  { code: '4', label: { th: 'มากที่สุด', en: 'Very much' } },
  { code: '3', label: { th: 'มาก', en: 'Much' } },
  { code: '2', label: { th: 'น้อย', en: 'Little' } },
  { code: '1', label: { th: 'น้อยที่สุดหรือไม่มีเลย', en: 'Very little or none' } },
];
const yesNo = [
  { code: 'Y', label: { th: 'มี', en: 'Yes' } },
  { code: 'N', label: { th: 'ไม่มี', en: 'No' } },
];

const iit: Questionnaire = {
  roundId: 'R1',
  unitCode: 'KALASIN2',
  unitName: { th: 'สพป.กาฬสินธุ์ เขต 2', en: 'Kalasin 2' },
  instrument: 'IIT',
  frameworkId: 'OBEC-2566',
  frameworkVersion: 1,
  name: { th: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน', en: 'IIT' },
  closesAt: null,
  respondentCategories: [],
  sections: [
    {
      code: '1',
      name: { th: 'การปฏิบัติหน้าที่', en: 'Performance of duties' },
      questions: [{ code: 'i1', text: { th: 'บุคลากรปฏิบัติงานอย่างโปร่งใส', en: 'Transparent' }, yesNo: false, required: true, options: level4 }],
    },
    {
      code: '2',
      name: { th: 'การใช้งบประมาณ', en: 'Budget' },
      questions: [
        { code: 'i3', text: { th: 'มีการใช้งบประมาณเพื่อประโยชน์ส่วนตัว', en: 'Personal use' }, yesNo: true, required: true, options: yesNo },
        { code: 'i4', text: { th: 'ข้อเสนอแนะ', en: 'Comments' }, yesNo: false, required: false, options: level4 },
      ],
    },
  ],
};

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

describe('respondent flow logic', () => {
  it('accepts codes however they are typed, and only from the unambiguous alphabet', () => {
    expect(normaliseCode(' 7kq2m xh4pa ')).toBe('7KQ2M-XH4PA');
    expect(normaliseCode('7KQ2M-XH4PA')).toBe('7KQ2M-XH4PA');
    expect(normaliseCode('7KQ2M-XH4P0')).toBeNull();
    expect(normaliseCode('OKQ2M-XH4PA')).toBeNull();
    expect(normaliseCode('7KQ2M')).toBeNull();
  });

  it('reads the code from the QR link fragment', () => {
    expect(codeFromFragment('#code=7KQ2M-XH4PA')).toBe('7KQ2M-XH4PA');
    expect(codeFromFragment('#code=bad')).toBeNull();
    expect(codeFromFragment('')).toBeNull();
  });

  it('has a code screen for IIT, one screen per section, then review; progress goes 0 to 100', () => {
    const steps = stepsOf(iit);
    expect(steps.map((s) => s.kind)).toEqual(['code', 'section', 'section', 'review']);
    expect(progressPercent(steps, 0)).toBe(0);
    expect(progressPercent(steps, 3)).toBe(100);
    const eit = { ...iit, instrument: 'EIT' as const, respondentCategories: [{ code: 'PARENT', name: { th: 'ผู้ปกครอง' } }] };
    expect(stepsOf(eit).map((s) => s.kind)).toEqual(['category', 'section', 'section', 'review']);
  });

  it('lists only required questions without an answer', () => {
    expect(missingAnswers(iit, {})).toEqual(['i1', 'i3']);
    expect(missingAnswers(iit, { i1: '4' }, 0)).toEqual([]);
    expect(missingAnswers(iit, { i1: '4', i3: 'N' })).toEqual([]);
  });

  it('finds the first screen with a required question unanswered', () => {
    const steps = stepsOf(iit);
    expect(firstIncompleteStep(steps, iit, {})).toBe(1);
    expect(firstIncompleteStep(steps, iit, { i1: '4' })).toBe(2);
    expect(firstIncompleteStep(steps, iit, { i1: '4', i3: 'N' })).toBe(-1);
  });

  it('sends only known answers, the code for IIT, and no category for IIT', () => {
    const body = buildSubmission(iit, { i1: '4', i3: 'N', stray: '1' }, { submissionId: 's1', code: '7KQ2M-XH4PA', respondentCategory: 'PARENT' });
    expect(body).toEqual({ submissionId: 's1', roundId: 'R1', unitCode: 'KALASIN2', instrument: 'IIT', answers: { i1: '4', i3: 'N' }, code: '7KQ2M-XH4PA' });
  });

  it('makes the CSV of a new batch with each code and its QR link', () => {
    expect(codesCsv({ codes: ['22222-33333'], surveyUrl: 'https://x/s/R1/U1/iit' })).toBe(
      '\uFEFFcode,link\r\n22222-33333,https://x/s/R1/U1/iit#code=22222-33333\r\n',
    );
  });
});

describe('respondent screens', () => {
  it('answers an IIT in Thai: code, one section per screen, review, confirmation without a receipt number', async () => {
    const user = userEvent.setup();
    const posted: unknown[] = [];
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      if (String(url).includes('/questionnaires/IIT')) return json(iit);
      if (String(url).endsWith('/access-codes/check')) return json({ usable: true });
      posted.push(JSON.parse(String(init?.body)));
      return json({ status: 'received', receivedOn: '2026-11-25' }, 201);
    });
    renderWithProviders(
      <Routes>
        <Route path="s/:roundId/:unitCode/:instrument" element={<RespondentPage />} />
      </Routes>,
      { route: '/s/R1/KALASIN2/iit', http: createHttpClient({ baseUrl: '/api', fetch }) },
    );
    await user.type(await screen.findByLabelText('รหัสเข้าตอบแบบวัด'), '7kq2m xh4pa');
    await user.click(screen.getByRole('button', { name: 'เริ่มตอบแบบวัด' }));

    expect(await screen.findByRole('heading', { name: 'การปฏิบัติหน้าที่' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    expect(screen.getByRole('alert')).toHaveTextContent('ยังมีข้อที่ต้องตอบอีก 1 ข้อ');
    await user.click(screen.getByRole('radio', { name: 'มากที่สุด' }));
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));

    expect(screen.getByRole('heading', { name: 'การใช้งบประมาณ' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'ไม่มี' }));
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));

    expect(screen.getByRole('heading', { name: 'ตรวจสอบคำตอบก่อนส่ง' })).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    await user.click(screen.getByRole('button', { name: 'ส่งคำตอบ' }));

    expect(await screen.findByRole('heading', { name: 'ขอบคุณที่ร่วมตอบแบบวัด' })).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith('/api/survey/responses', expect.objectContaining({ method: 'POST' }));
    expect(posted[0]).toMatchObject({ roundId: 'R1', unitCode: 'KALASIN2', instrument: 'IIT', code: '7KQ2M-XH4PA', answers: { i1: '4', i3: 'N' } });
    expect(document.body.textContent).not.toContain('7KQ2M');
  });

  it('shows the service message when the code was spent meanwhile and goes back to the code screen', async () => {
    const user = userEvent.setup();
    const fetch = vi.fn(async (url: string | URL | Request) => {
      if (String(url).includes('/questionnaires/IIT')) return json(iit);
      // Usable at entry, spent (by someone else with the same slip) before the answers arrive.
      if (String(url).endsWith('/access-codes/check')) return json({ usable: true });
      return json(
        { type: 'urn:ita:problem:code-used', status: 409, title: 'x', detail_th: 'รหัสนี้ถูกใช้ตอบแบบวัดไปแล้ว', detail_en: 'used' },
        409,
        'application/problem+json',
      );
    });
    renderWithProviders(
      <Routes>
        <Route path="s/:roundId/:unitCode/:instrument" element={<RespondentPage />} />
      </Routes>,
      { route: '/s/R1/KALASIN2/iit', http: createHttpClient({ baseUrl: '/api', fetch }) },
    );
    await user.type(await screen.findByLabelText('รหัสเข้าตอบแบบวัด'), '7KQ2MXH4PA');
    await user.click(screen.getByRole('button', { name: 'เริ่มตอบแบบวัด' }));
    await user.click(await screen.findByRole('radio', { name: 'มาก' }));
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    await user.click(screen.getByRole('radio', { name: 'มี' }));
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    await user.click(screen.getByRole('button', { name: 'ส่งคำตอบ' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('รหัสนี้ถูกใช้ตอบแบบวัดไปแล้ว'));
    expect(screen.getByLabelText('รหัสเข้าตอบแบบวัด')).toBeInTheDocument();
  });
});

const respondentRoute = (
  <Routes>
    <Route path="s/:roundId/:unitCode/:instrument" element={<RespondentPage />} />
  </Routes>
);

/** The service as the phone sees it: the questionnaire, the code check, the intake (which keeps what it stored). */
function fakeSurveyService(options: { usable?: boolean; dropFirstAnswer?: boolean } = {}) {
  const stored = new Set<string>();
  const posted: { submissionId: string }[] = [];
  const checks: unknown[] = [];
  let dropped = false;
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const path = String(url);
    if (path.includes('/questionnaires/IIT')) return json(iit);
    if (path.endsWith('/access-codes/check')) {
      checks.push(JSON.parse(String(init?.body)));
      return json({ usable: options.usable ?? true });
    }
    const body = JSON.parse(String(init?.body)) as { submissionId: string };
    posted.push(body);
    const repeat = stored.has(body.submissionId);
    stored.add(body.submissionId);
    if (options.dropFirstAnswer && !dropped) {
      // Stored, but the answer never reaches the phone.
      dropped = true;
      throw new TypeError('Failed to fetch');
    }
    return repeat ? json({ status: 'already-received', receivedOn: '2026-12-06' }) : json({ status: 'received', receivedOn: '2026-12-06' }, 201);
  });
  return { fetch, posted, checks, stored };
}

describe('a teacher on a phone (issue 20)', () => {
  it('refuses a used or mistyped code at entry, before any question', async () => {
    const user = userEvent.setup();
    const service = fakeSurveyService({ usable: false });
    renderWithProviders(respondentRoute, { route: '/s/R1/KALASIN2/iit', http: createHttpClient({ baseUrl: '/api', fetch: service.fetch }) });
    await user.type(await screen.findByLabelText('รหัสเข้าตอบแบบวัด'), '7KQ2M-XH4PA');
    await user.click(screen.getByRole('button', { name: 'เริ่มตอบแบบวัด' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('ใช้รหัสนี้ตอบแบบวัดไม่ได้'));
    expect(screen.queryByRole('heading', { name: 'การปฏิบัติหน้าที่' })).toBeNull();
    expect(screen.getByLabelText('รหัสเข้าตอบแบบวัด')).toHaveAttribute('aria-invalid', 'true');
    expect(service.checks).toEqual([{ roundId: 'R1', unitCode: 'KALASIN2', code: '7KQ2M-XH4PA' }]);
    // The check never travels in a request line.
    expect(service.fetch.mock.calls.map((call) => String(call[0])).join(' ')).not.toContain('7KQ2M');
  });

  it('resumes after a reload with the code, the answers and the step, and forgets them once acknowledged', async () => {
    const user = userEvent.setup();
    const service = fakeSurveyService();
    const http = createHttpClient({ baseUrl: '/api', fetch: service.fetch });
    const first = renderWithProviders(respondentRoute, { route: '/s/R1/KALASIN2/iit', http });
    await user.type(await screen.findByLabelText('รหัสเข้าตอบแบบวัด'), '7KQ2M-XH4PA');
    await user.click(screen.getByRole('button', { name: 'เริ่มตอบแบบวัด' }));
    await user.click(await screen.findByRole('radio', { name: 'มากที่สุด' }));
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    await user.click(screen.getByRole('radio', { name: 'ไม่มี' }));
    first.unmount();

    renderWithProviders(respondentRoute, { route: '/s/R1/KALASIN2/iit', http });
    expect(await screen.findByText('ขั้นที่ 3 จาก 4')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'ไม่มี' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'ย้อนกลับ' }));
    expect(screen.getByRole('radio', { name: 'มากที่สุด' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    await user.click(screen.getByRole('button', { name: 'ส่งคำตอบ' }));
    expect(await screen.findByRole('heading', { name: 'ขอบคุณที่ร่วมตอบแบบวัด' })).toBeInTheDocument();
    expect(service.posted[0]).toMatchObject({ code: '7KQ2M-XH4PA', answers: { i1: '4', i3: 'N' } });
    // The code was checked once, at entry, not again on resume.
    expect(service.checks).toHaveLength(1);
    expect(Object.keys(localStorage).filter((key) => key.startsWith('ita.survey.'))).toEqual([]);
  });

  it('sends a submission again with the same id when the answer is lost, so it is counted once', async () => {
    const user = userEvent.setup();
    const service = fakeSurveyService({ dropFirstAnswer: true });
    // The page reads the fragment from the browser's address, as a QR opens it.
    window.history.replaceState(null, '', '/s/R1/KALASIN2/iit#code=7KQ2M-XH4PA');
    renderWithProviders(respondentRoute, {
      route: '/s/R1/KALASIN2/iit',
      http: createHttpClient({ baseUrl: '/api', fetch: service.fetch }),
    });
    // The QR's code is checked, then the questions start.
    await user.click(await screen.findByRole('radio', { name: 'มากที่สุด' }));
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    await user.click(screen.getByRole('radio', { name: 'ไม่มี' }));
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    await user.click(screen.getByRole('button', { name: 'ส่งคำตอบ' }));
    expect(await screen.findByRole('heading', { name: 'ขอบคุณที่ร่วมตอบแบบวัด' }, { timeout: 5_000 })).toBeInTheDocument();
    expect(service.posted).toHaveLength(2);
    expect(service.posted[1]!.submissionId).toBe(service.posted[0]!.submissionId);
    expect(service.stored.size).toBe(1);
  });

  it('after a reload that followed a stored but unacknowledged submit, sends the kept id and is answered "received"', async () => {
    const user = userEvent.setup();
    const service = fakeSurveyService();
    const http = createHttpClient({ baseUrl: '/api', fetch: service.fetch });
    localStorage.setItem(
      'ita.survey.progress.R1.KALASIN2.IIT',
      JSON.stringify({ code: '7KQ2M-XH4PA', answers: { i1: '4', i3: 'N' }, step: 3, submissionId: 'kept-id', category: null, savedAt: Date.now() }),
    );
    service.stored.add('kept-id');
    renderWithProviders(respondentRoute, { route: '/s/R1/KALASIN2/iit', http });
    await user.click(await screen.findByRole('button', { name: 'ส่งคำตอบ' }));
    expect(await screen.findByRole('heading', { name: 'ขอบคุณที่ร่วมตอบแบบวัด' })).toBeInTheDocument();
    expect(service.posted).toEqual([expect.objectContaining({ submissionId: 'kept-id', code: '7KQ2M-XH4PA' })]);
  });

  it('checks a QR code while the questionnaire is still on its way, once (3G: one round trip less)', async () => {
    const service = fakeSurveyService();
    let deliver: () => void = () => {};
    const questionnaireArrives = new Promise<void>((resolve) => (deliver = resolve));
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      if (String(url).includes('/questionnaires/IIT')) await questionnaireArrives;
      return service.fetch(url, init);
    });
    window.history.replaceState(null, '', '/s/R1/KALASIN2/iit#code=7KQ2M-XH4PA');
    renderWithProviders(respondentRoute, { route: '/s/R1/KALASIN2/iit', http: createHttpClient({ baseUrl: '/api', fetch }) });
    await waitFor(() => expect(service.checks).toEqual([{ roundId: 'R1', unitCode: 'KALASIN2', code: '7KQ2M-XH4PA' }]));
    expect(screen.queryByRole('radio')).toBeNull();
    deliver();
    expect(await screen.findByRole('radio', { name: 'มากที่สุด' })).toBeInTheDocument();
    expect(service.checks).toHaveLength(1);
  });

  it('takes the check early.js sent before the app loaded, and sends none of its own', async () => {
    const service = fakeSurveyService();
    const body = JSON.stringify({ roundId: 'R1', unitCode: 'KALASIN2', code: '7KQ2M-XH4PA' });
    window.__ITA_EARLY__ = { [`check ${body}`]: Promise.resolve(Response.json({ usable: true })) };
    window.history.replaceState(null, '', '/s/R1/KALASIN2/iit#code=7KQ2M-XH4PA');
    renderWithProviders(respondentRoute, { route: '/s/R1/KALASIN2/iit', http: createHttpClient({ baseUrl: '/api', fetch: service.fetch }) });
    expect(await screen.findByRole('radio', { name: 'มากที่สุด' })).toBeInTheDocument();
    expect(service.checks).toEqual([]);
    window.__ITA_EARLY__ = undefined;
  });

  it('"next" with a question unanswered scrolls to it, marks it invalid and announces it', async () => {
    const user = userEvent.setup();
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      const service = fakeSurveyService();
      window.history.replaceState(null, '', '/s/R1/KALASIN2/iit#code=7KQ2M-XH4PA');
      renderWithProviders(respondentRoute, {
        route: '/s/R1/KALASIN2/iit',
        http: createHttpClient({ baseUrl: '/api', fetch: service.fetch }),
      });
      await user.click(await screen.findByRole('radio', { name: 'มากที่สุด' }));
      await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
      // Section 2: only the optional question answered.
      const optional = screen.getAllByRole('radiogroup')[1]!;
      await user.click(within(optional).getByRole('radio', { name: 'มาก' }));
      scrolled.length = 0;
      await user.click(screen.getByRole('button', { name: 'ถัดไป' }));

      const required = screen.getAllByRole('radiogroup')[0]!;
      expect(required).toHaveAttribute('aria-invalid', 'true');
      expect(required).toHaveAccessibleDescription('ข้อนี้ต้องตอบ');
      expect(optional).not.toHaveAttribute('aria-invalid');
      expect(scrolled).toEqual([document.getElementById('q-i3')]);
      expect(within(required).getByRole('radio', { name: 'มี' })).toHaveFocus();
      const announcement = screen.getByRole('alert');
      expect(announcement).toHaveAttribute('aria-live', 'assertive');
      expect(announcement).toHaveTextContent('ยังมีข้อที่ต้องตอบอีก 1 ข้อ เริ่มที่ข้อ 1');

      // Answered: the mark goes; the screen moves on.
      await user.click(within(required).getByRole('radio', { name: 'ไม่มี' }));
      expect(required).not.toHaveAttribute('aria-invalid');
      await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
      expect(screen.getByRole('heading', { name: 'ตรวจสอบคำตอบก่อนส่ง' })).toBeInTheDocument();
    } finally {
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });
});

describe('staff screen', () => {
  it('opens on the open round and her own unit, chosen from the units she looks after, with everything shown at once', async () => {
    const user = userEvent.setup();
    const unitProgress = (unitCode: string, th: string) => ({
      roundId: 'R2',
      unitCode,
      unitName: { th },
      releaseStep: 5,
      instruments: [
        { instrument: 'IIT', received: 12, required: 25, population: 67, breakdownHidden: false, questions: {} },
        { instrument: 'EIT', received: 3, required: 200, population: 2000, breakdownHidden: true, questions: null },
      ],
    });
    const fetch = vi.fn(async (url: string | URL | Request) => {
      const path = String(url);
      if (path.endsWith('/survey/rounds'))
        return json([
          { id: 'R1', name: 'ITA 2566', fiscalYear: 2566, state: 'PUBLISHED', scopeUnitCode: 'OBEC' },
          { id: 'R2', name: 'ITA 2569', fiscalYear: 2569, state: 'OPEN', scopeUnitCode: 'OBEC' },
        ]);
      if (path.endsWith('/rounds/R2/progress'))
        return json([unitProgress('KALASIN2', 'สพป.กาฬสินธุ์ เขต 2'), unitProgress('KALASIN2-S001', 'โรงเรียนบ้านนา')]);
      if (path.endsWith('/access-codes'))
        return json({ roundId: 'R2', unitCode: 'KALASIN2', staffCount: 67, generated: 67, used: 12, voided: 1, unused: 54, batches: [] });
      if (path.endsWith('/eit-link'))
        return json({ token: 'tok', roundId: 'R2', unitCode: 'KALASIN2', url: 'http://localhost:8080/e/tok', qrSvg: '/links/tok/qr.svg', qrPng: '/links/tok/qr.png' });
      if (path.endsWith('/progress')) return json(unitProgress('KALASIN2', 'สพป.กาฬสินธุ์ เขต 2'));
      return json({}, 404);
    });
    const { StaffSurveyPage } = await import('./StaffSurveyPage');
    renderWithProviders(<StaffSurveyPage />, {
      route: '/survey/manage',
      http: createHttpClient({ baseUrl: '/api', fetch }),
      auth: { status: 'authenticated', session: { name: 'unit', roles: ['unit-admin'], unitCode: 'KALASIN2' } as never },
    });
    // No "show" button: the open round and her unit are there at once, in Thai words.
    expect(screen.queryByRole('button', { name: 'แสดง' })).not.toBeInTheDocument();
    expect(await screen.findByText('สร้างแล้ว 67 รหัส ใช้แล้ว 12 ยกเลิก 1 ยังไม่ใช้ 54 (บุคลากร 67 คน)')).toBeInTheDocument();
    const round = screen.getByLabelText('รอบการประเมิน');
    expect(round).toHaveDisplayValue('ITA 2569 ปีงบประมาณ 2569 (เปิดรับคำตอบ)');
    expect(within(round).getByRole('option', { name: 'ITA 2566 ปีงบประมาณ 2566 (ประกาศผลแล้ว)' })).toBeInTheDocument();
    const unit = await screen.findByLabelText('หน่วยงาน');
    expect(unit.tagName).toBe('SELECT');
    expect(unit).toHaveDisplayValue('สพป.กาฬสินธุ์ เขต 2 (KALASIN2)');
    expect(within(unit).getAllByRole('option').map((o) => o.textContent)).toEqual(['สพป.กาฬสินธุ์ เขต 2 (KALASIN2)', 'โรงเรียนบ้านนา (KALASIN2-S001)']);
    expect(await screen.findByRole('link', { name: 'http://localhost:8080/e/tok' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'QR code ของลิงก์แบบวัด EIT' })).toHaveAttribute('src', '/api/survey/links/tok/qr.svg');
    expect(await screen.findByText('ผลรายข้อจะแสดงเมื่อมีผู้ตอบอย่างน้อย 5 คน เพื่อปกป้องผู้ตอบ')).toBeInTheDocument();
    // Why a colleague's answer does not show at once: the counts move in steps.
    expect(screen.getByText(/ตัวเลขจะเพิ่มทีละอย่างน้อย 5 คำตอบ/)).toBeInTheDocument();
    // One button makes printable slips; no second one that does nearly the same.
    expect(screen.getAllByRole('button', { name: /บัตร/ }).map((b) => b.textContent)).toEqual(['พิมพ์บัตรรหัส (PDF พร้อม QR code)']);

    await user.selectOptions(unit, 'KALASIN2-S001');
    await waitFor(() => expect(fetch).toHaveBeenCalledWith('/api/survey/rounds/R2/units/KALASIN2-S001/access-codes', expect.anything()));
  });
});

describe('code slips', () => {
  it('shows a new batch once, as a list and a CSV whose QR links carry the code in the fragment', async () => {
    const user = userEvent.setup();
    const bodies: Record<string, unknown> = {};
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      const path = String(url);
      if (init?.body) bodies[path] = JSON.parse(String(init.body));
      if (path.endsWith('/survey/rounds')) return json([]);
      if (path.endsWith('/access-codes') && init?.method === 'POST')
        return json(
          { batchId: 'b1', roundId: 'R1', unitCode: 'KALASIN2', createdOn: '2026-11-25', codes: ['22222-33333', '44444-55555'], surveyUrl: 'http://x/s/R1/KALASIN2/iit' },
          201,
        );
      if (path.endsWith('/access-codes'))
        return json({ roundId: 'R1', unitCode: 'KALASIN2', staffCount: 2, generated: 0, used: 0, voided: 0, unused: 0, batches: [] });
      if (path.endsWith('/survey/qr')) return json({ svgs: ['<svg data-n="1"></svg>', '<svg data-n="2"></svg>'] });
      return json({}, 404);
    });
    const { StaffSurveyPage } = await import('./StaffSurveyPage');
    renderWithProviders(<StaffSurveyPage />, {
      route: '/survey/manage?round=R1&unit=KALASIN2',
      http: createHttpClient({ baseUrl: '/api', fetch }),
    });
    await screen.findByText(/สร้างแล้ว 0 รหัส/);
    await user.click(screen.getByRole('button', { name: 'สร้างรหัส' }));
    expect(await screen.findByText(/รหัสชุดนี้แสดงเพียงครั้งเดียว/)).toBeInTheDocument();
    expect(screen.getByText('22222-33333')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'ดาวน์โหลด CSV' })).toBeInTheDocument();
    expect(bodies['/api/survey/rounds/R1/units/KALASIN2/access-codes']).toEqual({});
    // The code never travels in a request line: no URL fetched contains it.
    expect(fetch.mock.calls.map((call) => String(call[0])).join(' ')).not.toContain('22222');
  });
});

describe('EIT in one browser', () => {
  it('keeps only an "answered" marker after sending, and says so when the page is opened again', async () => {
    const user = userEvent.setup();
    localStorage.clear();
    const eit: Questionnaire = { ...iit, instrument: 'EIT', respondentCategories: [], sections: [iit.sections[0]!] };
    const fetch = vi.fn(async (url: string | URL | Request) => {
      const path = String(url);
      if (path.includes('/questionnaires/EIT')) return json(eit);
      if (path.endsWith('/browser-token')) return json({ browserToken: 'signed-token' });
      return json({ status: 'received', receivedOn: '2026-11-25' }, 201);
    });
    const page = (
      <Routes>
        <Route path="s/:roundId/:unitCode/:instrument" element={<RespondentPage />} />
      </Routes>
    );
    const first = renderWithProviders(page, { route: '/s/R1/KALASIN2/eit', http: createHttpClient({ baseUrl: '/api', fetch }) });
    await user.click(await screen.findByRole('radio', { name: 'มาก' }));
    await waitFor(() => expect(localStorage.getItem('ita.survey.browser.R1.KALASIN2')).toBe('signed-token'));
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    await user.click(screen.getByRole('button', { name: 'ส่งคำตอบ' }));
    expect(await screen.findByRole('heading', { name: 'ขอบคุณที่ร่วมตอบแบบวัด' })).toBeInTheDocument();
    expect(localStorage.getItem('ita.survey.browser.R1.KALASIN2')).toBe('answered');
    first.unmount();

    renderWithProviders(page, { route: '/s/R1/KALASIN2/eit', http: createHttpClient({ baseUrl: '/api', fetch }) });
    expect(await screen.findByText('เบราว์เซอร์นี้ตอบแบบวัดของหน่วยงานนี้ไปแล้ว ขอบคุณสำหรับคำตอบ')).toBeInTheDocument();
  });
});
