import { QueryClient, skipToken } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createQueryClient, DashboardQueryClient } from './query-client';

describe('the dashboard’s query client', () => {
  it('is the one that defaults options by assignment', () => {
    expect(createQueryClient()).toBeInstanceOf(DashboardQueryClient);
  });

  it('defaults a query’s options exactly as TanStack Query does, key for key and in order', () => {
    const client = createQueryClient();
    client.setQueryDefaults(['indicators'], { staleTime: 5, gcTime: 10 });
    client.setQueryDefaults(['indicators', 'detail'], { staleTime: 7 });
    const persister = () => Promise.resolve(1);
    const cases: Record<string, unknown>[] = [
      { queryKey: ['session', 'current'] },
      { queryKey: ['indicators', 'detail', 'x'], queryFn: () => 1 },
      { queryKey: ['indicators', 'summary', { year: '2017-18', headline: true }] },
      { queryKey: ['board'], queryHash: 'kept' },
      { queryKey: ['board'], queryKeyHashFn: (key: readonly unknown[]) => `hash:${key.length}` },
      { queryKey: ['board'], queryFn: skipToken, enabled: true },
      { queryKey: ['board'], networkMode: 'always' },
      { queryKey: ['board'], suspense: true },
      { queryKey: ['board'], throwOnError: false, refetchOnReconnect: 'always' },
      { queryKey: ['board'], persister },
      { queryKey: ['board'], persister, networkMode: 'online' },
    ];
    for (const options of cases) {
      const ours = client.defaultQueryOptions(copyOf(options));
      const theirs = QueryClient.prototype.defaultQueryOptions.call(client, copyOf(options));
      expect(Object.keys(ours), JSON.stringify(options)).toEqual(Object.keys(theirs));
      expect(ours, JSON.stringify(options)).toEqual(theirs);
    }
  });

  it('returns options already defaulted as they are', () => {
    const client = createQueryClient();
    const defaulted = client.defaultQueryOptions({ queryKey: ['board'] });
    expect(client.defaultQueryOptions(defaulted)).toBe(defaulted);
  });
});

/** A fresh copy of the options (functions kept), so neither call sees what the other wrote. */
function copyOf(options: Record<string, unknown>) {
  return { ...options } as unknown as Parameters<QueryClient['defaultQueryOptions']>[0];
}
