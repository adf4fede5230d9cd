import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ProblemError, UnexpectedResponseError, createHttpClient, problemFromResponse } from './http';
import { fetchServiceInfo } from './serviceInfo';

const problemJson = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });

describe('problem+json parsing', () => {
  it('reads type, title, status, both details and field errors', async () => {
    const problem = await problemFromResponse(
      problemJson(
        {
          type: 'https://ita.go.th/problems/validation',
          title: 'Invalid request',
          status: 400,
          detail: 'The batch is invalid',
          detail_th: 'ข้อมูลชุดรหัสไม่ถูกต้อง',
          detail_en: 'The code batch is invalid',
          errors: [{ field: 'count', message: 'must be between 1 and 500' }],
        },
        400,
      ),
    );
    expect(problem).toBeInstanceOf(ProblemError);
    expect(problem.type).toBe('https://ita.go.th/problems/validation');
    expect(problem.title).toBe('Invalid request');
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([{ field: 'count', message: 'must be between 1 and 500' }]);
    expect(problem.detailFor('th')).toBe('ข้อมูลชุดรหัสไม่ถูกต้อง');
    expect(problem.detailFor('en')).toBe('The code batch is invalid');
  });

  it('falls back to detail, then the other language, then the title', async () => {
    const onlyDetail = await problemFromResponse(problemJson({ title: 'Forbidden', detail: 'Not your unit' }, 403));
    expect(onlyDetail.detailFor('th')).toBe('Not your unit');
    const onlyThai = await problemFromResponse(problemJson({ title: 'Conflict', detail_th: 'รอบนี้ปิดแล้ว' }, 409));
    expect(onlyThai.detailFor('en')).toBe('รอบนี้ปิดแล้ว');
    const onlyTitle = await problemFromResponse(problemJson({ title: 'Not Found' }, 404));
    expect(onlyTitle.detailFor('th')).toBe('Not Found');
    expect(onlyTitle.type).toBe('about:blank');
    expect(onlyTitle.status).toBe(404); // taken from the response when the body has none
  });

  it('turns a non-JSON error into a problem with the HTTP status', async () => {
    const problem = await problemFromResponse(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }),
    );
    expect(problem.status).toBe(502);
    expect(problem.title).toBe('Bad Gateway');
    expect(problem.errors).toEqual([]);
  });
});

describe('http client', () => {
  const info = { service: 'scoring-service', version: '0.1.0-SNAPSHOT', title: { th: 'บริการคำนวณคะแนน', en: 'Scoring' } };

  it('sends the bearer token to the API base and validates the body', async () => {
    const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => Response.json(info));
    const http = createHttpClient({ baseUrl: '/api/', getAccessToken: async () => 'token-123', fetch });
    await expect(fetchServiceInfo(http, 'scoring')).resolves.toEqual(info);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/scoring/info');
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer token-123');
  });

  it('sends no Authorization header when logged out', async () => {
    const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => Response.json(info));
    await createHttpClient({ baseUrl: '/api', getAccessToken: () => undefined, fetch }).get('/survey/info', z.unknown());
    expect(new Headers(fetch.mock.calls[0]![1]?.headers).has('Authorization')).toBe(false);
  });

  it('sends a file’s bytes as they are, with the content type given', async () => {
    const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => Response.json({ ok: true }));
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04]).buffer;
    await createHttpClient({ baseUrl: '/api', fetch }).request('/scoring/x', z.unknown(), {
      method: 'POST',
      raw: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: bytes },
    });
    const init = fetch.mock.calls[0]![1]!;
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(init.body).toBe(bytes);
  });

  it('throws ProblemError for an error status', async () => {
    const fetch = vi.fn(async () => problemJson({ title: 'Unauthorized', status: 401, detail_th: 'กรุณาเข้าสู่ระบบ' }, 401));
    const error = await createHttpClient({ baseUrl: '/api', fetch }).get('/survey/info', z.unknown()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(401);
    expect((error as ProblemError).detailFor('th')).toBe('กรุณาเข้าสู่ระบบ');
  });

  it('throws UnexpectedResponseError naming the wrong fields', async () => {
    const fetch = vi.fn(async () => Response.json({ service: 'x', title: { th: 'ก' } }));
    const error = await fetchServiceInfo(createHttpClient({ baseUrl: '/api', fetch }), 'evidence').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toMatch(/\/api\/evidence\/info/);
    expect((error as Error).message).toMatch(/version/);
    expect((error as Error).message).toMatch(/title\.en/);
  });
});
