import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState } from './states';

interface Props<T> {
  query: UseQueryResult<T>;
  /** What is loading, for screen readers: "Loading headline indicators". */
  loadingLabel: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** The loading, error (with retry) and empty states every panel has, around its content. */
export function QueryState<T>({ query, loadingLabel, isEmpty, empty, children }: Props<T>) {
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <EmptyState>{empty ?? 'Nothing to show for this period.'}</EmptyState>;
  return <>{children(query.data)}</>;
}
