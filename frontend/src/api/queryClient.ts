import { QueryClient } from '@tanstack/react-query';
import { ProblemError } from './http';

/** Server state cache: one retry for network and 5xx errors, none for 4xx answers. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ProblemError && error.status < 500) return false;
          return failureCount < 1;
        },
      },
    },
  });
}
