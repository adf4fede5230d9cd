import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createHttpClient } from './http';

// Issue 20: public/early.js asks for a respondent's questionnaire while the app is still arriving
// on a slow phone, and the app's client takes that answer instead of asking again.
const earlyScript = Object.values(
  import.meta.glob('../../public/early.js', { query: '?raw', import: 'default', eager: true }) as Record<string, string>,
)[0] ?? '';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function runEarlyScript(path: string, apiBase: string, answer: (url: string) => Response, bodies: unknown[] = []) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    asked.push(url);
    if (init?.body) bodies.push(JSON.parse(String(init.body)));
    return Promise.resolve(answer(url));
  });
  window.history.replaceState(null, '', path);
  window.__ITA_EARLY__ = undefined;
  (window as unknown as { __ITA_ENV__: unknown }).__ITA_ENV__ = { apiBase };
  new Function(earlyScript)();
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.__ITA_EARLY__ = undefined;
  window.history.replaceState(null, '', '/');
});

describe('early.js', () => {
  it('is the script index.html loads', () => expect(earlyScript).toContain('__ITA_EARLY__'));

  it('asks for an IIT questionnaire at the address the app will ask, and checks a QR code in a body only', async () => {
    const bodies: unknown[] = [];
    const asked = runEarlyScript('/s/round%201/KALASIN_2/iit#code=7kq2m xh4pa', '/api/', () => json({ usable: true }), bodies);
    expect(asked).toEqual(['/api/survey/rounds/round%201/questionnaires/IIT?unit=KALASIN_2', '/api/survey/access-codes/check']);
    expect(bodies).toEqual([{ roundId: 'round 1', unitCode: 'KALASIN_2', code: '7KQ2M-XH4PA' }]);
    expect(asked.join()).not.toContain('7KQ2M');
  });

  it('checks no code that is malformed, and none for an EIT', async () => {
    expect(runEarlyScript('/s/R1/U1/iit#code=ABCD-EFGH', '/api', () => json({}))).toEqual(['/api/survey/rounds/R1/questionnaires/IIT?unit=U1']);
    expect(runEarlyScript('/s/R1/U1/eit#code=7KQ2M-XH4PA', '/api', () => json({}))).toEqual(['/api/survey/rounds/R1/questionnaires/EIT?unit=U1']);
  });

  it('resolves a public EIT link and then asks for its questionnaire', async () => {
    const asked = runEarlyScript('/e/Zq3xYtW8pK', 'https://ita.example.go.th/api', (url) =>
      url.includes('/links/') ? json({ roundId: 'r-1', unitCode: 'KALASIN2' }) : json({}),
    );
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(asked).toEqual([
      'https://ita.example.go.th/api/survey/links/Zq3xYtW8pK',
      'https://ita.example.go.th/api/survey/rounds/r-1/questionnaires/EIT?unit=KALASIN2',
    ]);
  });

  it('asks for nothing on staff pages or an unknown link', async () => {
    expect(runEarlyScript('/survey/manage', '/api', () => json({}))).toEqual([]);
    expect(runEarlyScript('/evidence/units/X/rounds/Y', '/api', () => json({}))).toEqual([]);
    const asked = runEarlyScript('/e/unknown', '/api', () => json({ status: 404 }, 404));
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual(['/api/survey/links/unknown']);
  });
});

describe('the HTTP client and early answers', () => {
  it('takes an early answer once instead of asking again, then asks the network', async () => {
    const network = vi.fn(() => Promise.resolve(json({ from: 'network' })));
    window.__ITA_EARLY__ = { '/api/survey/x': Promise.resolve(json({ from: 'early' })) };
    const client = createHttpClient({ baseUrl: '/api', fetch: network });
    const schema = z.object({ from: z.string() });
    expect(await client.get('/survey/x', schema)).toEqual({ from: 'early' });
    expect(network).not.toHaveBeenCalled();
    expect(await client.get('/survey/x', schema)).toEqual({ from: 'network' });
    expect(network).toHaveBeenCalledTimes(1);
  });

  it('asks the network when the early request failed, and never uses one for a signed-in call', async () => {
    const network = vi.fn(() => Promise.resolve(json({ from: 'network' })));
    window.__ITA_EARLY__ = { '/api/survey/x': Promise.reject(new TypeError('offline')) };
    const schema = z.object({ from: z.string() });
    expect(await createHttpClient({ baseUrl: '/api', fetch: network }).get('/survey/x', schema)).toEqual({ from: 'network' });

    window.__ITA_EARLY__ = { '/api/survey/y': Promise.resolve(json({ from: 'early' })) };
    const signedIn = createHttpClient({ baseUrl: '/api', fetch: network, getAccessToken: () => 'token' });
    expect(await signedIn.get('/survey/y', schema)).toEqual({ from: 'network' });
  });
});
