import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { ApiProvider } from '../api/ApiContext';
import { createHttpClient, type HttpClient } from '../api/http';
import { AuthContext, type AuthContextValue } from '../auth/AuthContext';
import type { Language } from '../i18n';
import { createI18n } from '../i18n/setup';

export interface TestOptions {
  language?: Language;
  auth?: Partial<AuthContextValue>;
  http?: HttpClient;
  route?: string;
}

/** Renders with the app's real i18n, a fake auth state, an HTTP client and a router. */
export function renderWithProviders(ui: ReactElement, options: TestOptions = {}) {
  const i18n = createI18n(options.language ?? 'th');
  const auth: AuthContextValue = {
    status: 'anonymous',
    session: null,
    login: vi.fn(async () => undefined),
    logout: vi.fn(async () => undefined),
    completeLogin: vi.fn(async () => undefined),
    ...options.auth,
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const http =
    options.http ??
    createHttpClient({ baseUrl: '/api', fetch: vi.fn(async () => new Response(null, { status: 503 })) });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <AuthContext.Provider value={auth}>
          <ApiProvider client={http}>
            <MemoryRouter initialEntries={[options.route ?? '/']}>{children}</MemoryRouter>
          </ApiProvider>
        </AuthContext.Provider>
      </QueryClientProvider>
    </I18nextProvider>
  );
  return { ...render(ui, { wrapper }), i18n, auth, queryClient };
}

/** A JWT with the given payload and a dummy signature (the browser does not verify it). */
export function fakeJwt(payload: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  return `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(payload)}.c2lnbmF0dXJl`;
}
