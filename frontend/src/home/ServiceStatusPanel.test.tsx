import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../api/http';
import { renderWithProviders } from '../test/render';
import { ServiceStatusPanel } from './ServiceStatusPanel';

function fakeBackend() {
  return vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/evidence/info') {
      return new Response(
        JSON.stringify({ title: 'Service Unavailable', status: 503, detail_th: 'บริการหลักฐานกำลังปิดปรับปรุง', detail_en: 'Evidence service is under maintenance' }),
        { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    if (url === '/api/activity/info') throw new TypeError('Failed to fetch');
    const name = url.split('/')[2]!;
    return Response.json({
      service: `${name}-service`,
      version: '0.1.0-SNAPSHOT',
      title: { th: `บริการ ${name} (ไทย)`, en: `${name} service` },
    });
  });
}

const item = (name: string) => document.querySelector(`[data-service="${name}"]`)!;

describe('ServiceStatusPanel', () => {
  it('shows each service as ready or unavailable, with the Thai problem detail', async () => {
    const fetch = fakeBackend();
    renderWithProviders(<ServiceStatusPanel />, {
      language: 'th',
      http: createHttpClient({ baseUrl: '/api', getAccessToken: () => 'abc', fetch }),
    });
    expect(screen.getByRole('heading', { name: 'สถานะบริการ' })).toBeInTheDocument();

    await waitFor(() => expect(document.querySelectorAll('[data-status="checking"]')).toHaveLength(0));
    expect(item('survey')).toHaveAttribute('data-status', 'ready');
    expect(item('survey')).toHaveTextContent('บริการ survey (ไทย)');
    expect(item('survey')).toHaveTextContent('พร้อมใช้งาน');
    expect(item('scoring')).toHaveAttribute('data-status', 'ready');
    expect(item('evidence')).toHaveAttribute('data-status', 'unavailable');
    expect(item('evidence')).toHaveTextContent('ใช้งานไม่ได้');
    expect(item('evidence')).toHaveTextContent('บริการหลักฐานกำลังปิดปรับปรุง');
    expect(item('evidence')).toHaveTextContent('บริการหลักฐาน OIT'); // name from the bundle when no info
    expect(item('activity')).toHaveAttribute('data-status', 'unavailable');
    expect(item('activity')).toHaveTextContent('ติดต่อบริการไม่ได้');

    expect(fetch).toHaveBeenCalledTimes(4);
    for (const [, init] of fetch.mock.calls) {
      expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer abc');
    }
  });

  it('shows the English detail and titles in English', async () => {
    renderWithProviders(<ServiceStatusPanel />, {
      language: 'en',
      http: createHttpClient({ baseUrl: '/api', fetch: fakeBackend() }),
    });
    await waitFor(() => expect(item('evidence')).toHaveAttribute('data-status', 'unavailable'));
    expect(item('evidence')).toHaveTextContent('Evidence service is under maintenance');
    await waitFor(() => expect(item('scoring')).toHaveTextContent('scoring service'));
    expect(item('scoring')).toHaveTextContent('Ready');
  });
});
