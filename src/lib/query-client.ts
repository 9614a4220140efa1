import { QueryClient } from '@tanstack/react-query';
import { ContractError, HttpError } from '../api/errors';

/** Retrying cannot fix a contract breach or a client error (401, 403, 404, 422). */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ContractError) return false;
  if (error instanceof HttpError && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
    },
  });
}
