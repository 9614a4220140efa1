import {
  hashKey,
  MutationCache,
  QueryCache,
  QueryClient,
  skipToken,
  type QueryKey,
} from '@tanstack/react-query';
import { ContractError, HttpError, TimeoutError } from '../api/errors';

/**
 * A dropped connection or a server error is tried once more, a second later. Retrying cannot fix
 * a contract breach or a client error (401, 403, 404, 409, 422), and a request that has already
 * waited the whole timeout is not made to wait again: the person is told at once.
 */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ContractError || error instanceof TimeoutError) return false;
  if (error instanceof HttpError && error.status < 500) return false;
  return failureCount < 1;
}

const SESSION_KEY: QueryKey = ['session'];

/**
 * TanStack Query's client, its one change that a query's options are defaulted by assigning them
 * in turn, not by the library's `{ ...a, ...b, ...c, _defaulted: true }`, which V8 copies on a slow
 * path: 14 µs a call on this machine, against 1. Every `useQuery` each time it draws, and every
 * `setQueryData`, calls it: some twenty-five times for each page the data service draws (issue 22).
 * The result is the library's own, key for key (query-client.test.ts compares them).
 */
export class DashboardQueryClient extends QueryClient {}

/** A query's options as they are defaulted: what `defaultQueryOptions` reads and writes. */
type Defaulting = {
  queryKey: QueryKey;
  queryHash?: string;
  queryKeyHashFn?: (key: QueryKey) => string;
  queryFn?: unknown;
  enabled?: unknown;
  networkMode?: string;
  refetchOnReconnect?: unknown;
  throwOnError?: unknown;
  suspense?: unknown;
  persister?: unknown;
  _defaulted?: boolean;
};

DashboardQueryClient.prototype.defaultQueryOptions = function (this: QueryClient, options: Defaulting) {
  if (options._defaulted) return options;
  const defaulted: Defaulting = Object.assign(
    {},
    this.getDefaultOptions().queries,
    this.getQueryDefaults(options.queryKey),
    options,
  );
  defaulted._defaulted = true;
  defaulted.queryHash ||= (defaulted.queryKeyHashFn ?? hashKey)(defaulted.queryKey);
  if (defaulted.refetchOnReconnect === undefined)
    defaulted.refetchOnReconnect = defaulted.networkMode !== 'always';
  if (defaulted.throwOnError === undefined) defaulted.throwOnError = !!defaulted.suspense;
  if (!defaulted.networkMode && defaulted.persister) defaulted.networkMode = 'offlineFirst';
  if (defaulted.queryFn === skipToken) defaulted.enabled = false;
  return defaulted;
} as unknown as QueryClient['defaultQueryOptions'];

export function createQueryClient(): QueryClient {
  // Any request refused with 401 means the session has ended: ask the data service who is
  // signed in, so the shell can say so once (and not in every panel).
  const onError = (error: unknown, key?: QueryKey) => {
    if (error instanceof HttpError && error.status === 401 && key?.[0] !== SESSION_KEY[0]) {
      void client.invalidateQueries({ queryKey: SESSION_KEY });
    }
  };
  const client: QueryClient = new DashboardQueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        retry: shouldRetry,
        retryDelay: 1_000,
        refetchOnWindowFocus: false,
        // A query that has failed is not fetched again because another part of the page starts
        // reading it: that would put it back to "loading" (it has no data), unmount and mount its
        // readers again, and loop, so the page would wait for ever instead of saying it failed.
        // Try again (or a new page load) asks again.
        retryOnMount: false,
      },
    },
  });
  return client;
}
