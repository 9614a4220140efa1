import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { ContractError, HttpError } from '../api/errors';

/** Retrying cannot fix a contract breach or a client error (401, 403, 404, 409, 422). */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ContractError) return false;
  if (error instanceof HttpError && error.status < 500) return false;
  return failureCount < 2;
}

const SESSION_KEY: QueryKey = ['session'];

export function createQueryClient(): QueryClient {
  // Any request refused with 401 means the session has ended: ask the data service who is
  // signed in, so the shell can say so once (and not in every panel).
  const onError = (error: unknown, key?: QueryKey) => {
    if (error instanceof HttpError && error.status === 401 && key?.[0] !== SESSION_KEY[0]) {
      void client.invalidateQueries({ queryKey: SESSION_KEY });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}
