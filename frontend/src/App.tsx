import { useMemo } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { ApiProvider } from './api/ApiContext';
import { createHttpClient } from './api/http';
import { AuthProvider } from './auth/AuthProvider';
import { LoginCallbackPage } from './auth/LoginCallbackPage';
import type { SessionManager } from './auth/lazyUserManager';
import { HomePage } from './home/HomePage';
import { Layout } from './layout/Layout';
import { NotFoundPage } from './layout/NotFoundPage';
import type { AppEnv } from './lib/env';
import { features } from './features';

export interface AppProps {
  env: AppEnv;
  userManager: SessionManager;
  i18n: I18n;
  queryClient: QueryClient;
}

export function App({ env, userManager, i18n, queryClient }: AppProps) {
  const http = useMemo(
    () =>
      createHttpClient({
        baseUrl: env.apiBase,
        getAccessToken: async () => (await userManager.getUser())?.access_token,
      }),
    [env.apiBase, userManager],
  );
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <AuthProvider userManager={userManager}>
          <ApiProvider client={http}>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </ApiProvider>
        </AuthProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="login-callback" element={<LoginCallbackPage />} />
        {features.flatMap((feature) =>
          feature.routes.map((route) => (
            <Route key={`${feature.namespace}:${route.path}`} path={route.path} element={route.element} />
          )),
        )}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
