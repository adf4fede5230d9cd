import { createContext, useContext, type ReactNode } from 'react';
import type { HttpClient } from './http';

const ApiContext = createContext<HttpClient | null>(null);

export function ApiProvider({ client, children }: { client: HttpClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

/** The app's HTTP client (API base from /env.js, bearer token of the logged-in user). */
export function useHttpClient(): HttpClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useHttpClient must be used inside <ApiProvider>');
  return client;
}
