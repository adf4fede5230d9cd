import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../../api/http';
import { renderWithProviders } from '../../test/render';
import type { OwnQuestion, OwnResults, OwnSurvey, PublicSurvey } from './api';
import { inputOf } from './OwnSurveyEditor';
import { OwnRespondPage } from './OwnRespondPage';
import { OwnResultsView } from './OwnResultsView';
import { OwnSurveysPage } from './OwnSurveysPage';
import { resultChartOption } from './resultChartOption';

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

const likert = ['น้อยที่สุด', 'น้อย', 'ปานกลาง', 'มาก', 'มากที่สุด'].map((th, i) => ({ code: String(i + 1), label: { th } }));
const questions: OwnQuestion[] = [
  { code: 'q1', type: 'LIKERT_5', text: { th: 'ความพึงพอใจโดยรวม', en: 'Overall' }, required: true, options: likert },
  {
    code: 'q2',
    type: 'MULTIPLE_CHOICE',
    text: { th: 'ช่องทางที่ใช้' },
    required: false,
    options: [
      { code: '1', label: { th: 'มาด้วยตนเอง' } },
      { code: '2', label: { th: 'LINE' } },
    ],
  },
  { code: 'q3', type: 'SHORT_TEXT', text: { th: 'ข้อเสนอแนะ' }, required: false, options: [] },
];

const openSurvey: OwnSurvey = {
  id: 'S1',
  unitCode: 'KALASIN2',
  state: 'OPEN',
  title: { th: 'ความพึงพอใจต่อการให้บริการ 4 กลุ่มงาน' },
  intro: null,
  questions,
  resultsPublic: false,
  createdOn: '2026-11-30',
  createdBy: 'unit.kalasin2',
  responses: 6,
  publicUrl: 'http://localhost:8080/o/tok',
  resultsUrl: 'http://localhost:8080/api/survey/own-surveys/tok/results',
  resultsPageUrl: 'http://localhost:8080/api/survey/own-surveys/tok/results.html',
};

const results: OwnResults = {
  title: openSurvey.title,
  unitName: { th: 'สพป.กาฬสินธุ์ เขต 2' },
  state: 'OPEN',
  responses: 6,
  breakdownHidden: false,
  questions: [
    { code: 'q1', type: 'LIKERT_5', text: questions[0]!.text, answered: 6, mean: 4.17, options: likert.map((o, i) => ({ ...o, count: [0, 0, 1, 3, 2][i]! })) },
    { code: 'q2', type: 'MULTIPLE_CHOICE', text: questions[1]!.text, answered: 2, options: [{ code: '1', label: { th: 'มาด้วยตนเอง' }, count: 1 }, { code: '2', label: { th: 'LINE' }, count: 2 }] },
    { code: 'q3', type: 'SHORT_TEXT', text: questions[2]!.text, answered: 2, texts: ['บริการรวดเร็ว', 'เจ้าหน้าที่สุภาพ'] },
  ],
};

// These screens are driven by typing and clicking; on a busy shared machine that can take longer
// than Vitest's default 5 s without anything being wrong.
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('own survey editor and staff screen', () => {
  it('turns option lines "ไทย | English" into options, and leaves options off scale and text questions', () => {
    expect(
      inputOf({
        titleTh: ' แบบสำรวจ ',
        titleEn: '',
        introTh: '',
        introEn: '',
        questions: [
          { type: 'SINGLE_CHOICE', textTh: 'กลุ่มงาน', textEn: '', required: true, options: 'กลุ่มบริหารงานบุคคล | Personnel\n\nกลุ่มนโยบายและแผน' },
          { type: 'LIKERT_5', textTh: 'พอใจ', textEn: 'Satisfied', required: true, options: 'ignored' },
        ],
      }),
    ).toEqual({
      titleTh: 'แบบสำรวจ',
      questions: [
        {
          type: 'SINGLE_CHOICE',
          textTh: 'กลุ่มงาน',
          required: true,
          options: [{ labelTh: 'กลุ่มบริหารงานบุคคล', labelEn: 'Personnel' }, { labelTh: 'กลุ่มนโยบายและแผน' }],
        },
        { type: 'LIKERT_5', textTh: 'พอใจ', textEn: 'Satisfied', required: true },
      ],
    });
  });

  it('creates a draft from the form and shows the service problem when the input is refused', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    let refuse = true;
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      const path = String(url);
      if (path.endsWith('/units/KALASIN2/own-surveys') && init?.method === 'POST') {
        sent.push(JSON.parse(String(init.body)));
        if (refuse)
          return json(
            { type: 'urn:ita:problem:invalid-input', title: 'คำขอไม่ถูกต้อง', status: 400, detail: 'ข้อมูลบางช่องไม่ถูกต้อง', detail_th: 'ข้อมูลบางช่องไม่ถูกต้อง', detail_en: 'Invalid' },
            400,
            'application/problem+json',
          );
        return json({ ...openSurvey, state: 'DRAFT', id: 'S2', responses: 0 }, 201);
      }
      if (path.endsWith('/units/KALASIN2/own-surveys')) return json(refuse ? [] : [{ ...openSurvey, state: 'DRAFT', id: 'S2', responses: 0 }]);
      return json({}, 404);
    });
    renderWithProviders(<OwnSurveysPage />, { route: '/survey/own?unit=KALASIN2', http: createHttpClient({ baseUrl: '/api', fetch }) });
    expect(await screen.findByText('ยังไม่มีแบบสำรวจ')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'สร้างแบบสำรวจใหม่' }));
    await user.type(screen.getByLabelText('ชื่อแบบสำรวจ (ไทย)'), 'ความพึงพอใจ');
    await user.type(screen.getByLabelText('คำถาม (ไทย)'), 'พอใจเพียงใด');
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(await screen.findByText('ข้อมูลบางช่องไม่ถูกต้อง')).toBeInTheDocument();

    refuse = false;
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(await screen.findByText('บันทึกแล้ว')).toBeInTheDocument();
    expect(sent[1]).toEqual({ titleTh: 'ความพึงพอใจ', questions: [{ type: 'LIKERT_5', textTh: 'พอใจเพียงใด', required: true }] });
  });

  it('shows an open survey with its link, QR, results and the exports', async () => {
    const user = userEvent.setup();
    const files = vi.fn(async () => new Response('x', { status: 200, headers: { 'Content-Type': 'text/csv' } }));
    vi.stubGlobal('fetch', files);
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const api = vi.fn(async (url: string | URL | Request) => {
      const path = String(url);
      if (path.endsWith('/own-surveys')) return json([openSurvey]);
      if (path.endsWith('/own-surveys/S1/results')) return json(results);
      return json({}, 404);
    });
    renderWithProviders(<OwnSurveysPage />, { route: '/survey/own?unit=KALASIN2&survey=S1', http: createHttpClient({ baseUrl: '/api', fetch: api }) });
    expect(await screen.findByRole('link', { name: 'http://localhost:8080/o/tok' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'QR code ของลิงก์แบบสำรวจ' })).toHaveAttribute('src', '/api/survey/own-surveys/tok/qr.svg');
    expect(await screen.findByText('ค่าเฉลี่ย 4.17 จากผู้ตอบข้อนี้ 6 คน')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'ดาวน์โหลด Excel (XLSX)' }));
    await waitFor(() => expect(files).toHaveBeenCalled());
    const [url, init] = files.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/survey/units/KALASIN2/own-surveys/S1/results.xlsx');
    expect(new Headers(init.headers).get('Accept')).toContain('spreadsheetml');
  });

  it('offers the public results page to copy once the results are public', async () => {
    const user = userEvent.setup();
    const api = vi.fn(async (url: string | URL | Request) => {
      const path = String(url);
      if (path.endsWith('/own-surveys')) return json([{ ...openSurvey, resultsPublic: true }]);
      if (path.endsWith('/own-surveys/S1/results')) return json(results);
      return json({}, 404);
    });
    renderWithProviders(<OwnSurveysPage />, { route: '/survey/own?unit=KALASIN2&survey=S1', http: createHttpClient({ baseUrl: '/api', fetch: api }) });
    const box = await screen.findByLabelText(/หน้าผลสาธารณะ/);
    expect(box).toHaveValue('http://localhost:8080/api/survey/own-surveys/tok/results.html');
    expect(screen.getByRole('link', { name: 'http://localhost:8080/api/survey/own-surveys/tok/results.html' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'คัดลอกลิงก์' }));
    expect(await screen.findByText('คัดลอกลิงก์แล้ว')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('http://localhost:8080/api/survey/own-surveys/tok/results.html');
  });

  it('keeps the results page link away while the results are private', async () => {
    const api = vi.fn(async (url: string | URL | Request) => {
      const path = String(url);
      if (path.endsWith('/own-surveys')) return json([openSurvey]);
      if (path.endsWith('/own-surveys/S1/results')) return json(results);
      return json({}, 404);
    });
    renderWithProviders(<OwnSurveysPage />, { route: '/survey/own?unit=KALASIN2&survey=S1', http: createHttpClient({ baseUrl: '/api', fetch: api }) });
    expect(await screen.findByRole('link', { name: 'http://localhost:8080/o/tok' })).toBeInTheDocument();
    expect(screen.queryByText(/results\.html/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'คัดลอกลิงก์' })).not.toBeInTheDocument();
  });
});

describe('own survey results', () => {
  it('lists counts per option, the mean to 2 decimals, and the short texts', () => {
    renderWithProviders(<OwnResultsView results={results} />);
    expect(screen.getByText('ผู้ตอบ 6 คน')).toBeInTheDocument();
    expect(screen.getByText('ค่าเฉลี่ย 4.17 จากผู้ตอบข้อนี้ 6 คน')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'แผนภูมิผลของคำถาม: ช่องทางที่ใช้' })).toBeInTheDocument();
    const lineRow = screen.getByRole('cell', { name: 'LINE' }).closest('tr')!;
    expect(within(lineRow).getByRole('cell', { name: '2' })).toBeInTheDocument();
    expect(screen.getByText('บริการรวดเร็ว')).toBeInTheDocument();
  });

  it('shows no per-question figures below 5 responses', () => {
    renderWithProviders(<OwnResultsView results={{ ...results, responses: 3, breakdownHidden: true }} />);
    expect(screen.getByText('ผลรายข้อจะแสดงเมื่อมีผู้ตอบอย่างน้อย 5 คน เพื่อปกป้องผู้ตอบ')).toBeInTheDocument();
    expect(screen.queryByText(/ค่าเฉลี่ย/)).not.toBeInTheDocument();
    expect(screen.queryByText('บริการรวดเร็ว')).not.toBeInTheDocument();
  });

  it('charts the options in the order they were asked, with whole-number counts', () => {
    const option = resultChartOption(['น้อย', 'มาก'], [1, 3], 'จำนวน');
    expect(option.yAxis).toMatchObject({ data: ['น้อย', 'มาก'], inverse: true });
    expect(option.xAxis).toMatchObject({ minInterval: 1 });
    expect(option.series[0]).toMatchObject({ type: 'bar', data: [1, 3] });
  });
});

describe('own survey respondent page', () => {
  const form: PublicSurvey = {
    token: 'tok',
    unitCode: 'KALASIN2',
    unitName: { th: 'สพป.กาฬสินธุ์ เขต 2' },
    state: 'OPEN',
    title: openSurvey.title,
    intro: { th: 'ใช้เวลาประมาณ 2 นาที' },
    questions,
  };

  it('asks for required answers, sends the chosen options once, and thanks without any reference', async () => {
    const user = userEvent.setup();
    const bodies: unknown[] = [];
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      const path = String(url);
      if (path.endsWith('/own-surveys/tok/responses')) {
        bodies.push(JSON.parse(String(init?.body)));
        return json({ status: 'received', receivedOn: '2026-12-01' }, 201);
      }
      if (path.endsWith('/own-surveys/tok')) return json(form);
      return json({}, 404);
    });
    renderWithProviders(
      <Routes>
        <Route path="/o/:token" element={<OwnRespondPage />} />
      </Routes>,
      { route: '/o/tok', http: createHttpClient({ baseUrl: '/api', fetch }) },
    );
    expect(await screen.findByRole('heading', { name: 'ความพึงพอใจต่อการให้บริการ 4 กลุ่มงาน' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'ส่งคำตอบ' }));
    expect(await screen.findByText('กรุณาตอบข้อนี้')).toBeInTheDocument();
    expect(bodies).toHaveLength(0);

    await user.click(screen.getByRole('radio', { name: '4 · มาก' }));
    await user.click(screen.getByRole('checkbox', { name: 'LINE' }));
    await user.type(screen.getByRole('textbox', { name: 'ข้อเสนอแนะ' }), 'ดีมาก');
    await user.click(screen.getByRole('button', { name: 'ส่งคำตอบ' }));
    expect(await screen.findByRole('heading', { name: 'ขอบคุณที่ตอบแบบสำรวจ' })).toBeInTheDocument();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ answers: { q1: '4', q2: ['2'], q3: 'ดีมาก' } });
    expect(window.sessionStorage.getItem('ita.own.submission.tok')).toBeNull();
  });

  it('says so in Thai when the survey is closed', async () => {
    const fetch = vi.fn(async () =>
      json(
        { type: 'urn:ita:problem:own-survey-closed', title: 'x', status: 410, detail: 'แบบสำรวจนี้ปิดรับคำตอบแล้ว', detail_th: 'แบบสำรวจนี้ปิดรับคำตอบแล้ว', detail_en: 'Closed' },
        410,
        'application/problem+json',
      ),
    );
    renderWithProviders(
      <Routes>
        <Route path="/o/:token" element={<OwnRespondPage />} />
      </Routes>,
      { route: '/o/tok', http: createHttpClient({ baseUrl: '/api', fetch }) },
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('แบบสำรวจนี้ปิดรับคำตอบแล้ว');
  });
});
