import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { SkippedItems } from '../api/client';
import { describeError } from '../api/errors';
import { EmptyState, ErrorState, LoadingState, TechnicalDetails } from './states';

interface Props<T> {
  query: UseQueryResult<T>;
  /** What is loading, for screen readers: "Loading headline indicators". */
  loadingLabel: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** What the list's items are called, for the notice when some could not be shown. */
  items?: [singular: string, plural: string];
  /** False where another panel on the page shows the same list and says it (once is enough). */
  reportSkipped?: boolean;
  /** What cannot be shown when the query fails, said before why: "The chart cannot be drawn:". */
  cannot?: string;
  children: (data: T) => ReactNode;
}

/** Said once above a list when some of its items broke the contract and were left out. */
export function SkippedNotice({
  skipped,
  items = ['item', 'items'],
}: {
  skipped: SkippedItems;
  items?: [string, string] | undefined;
}) {
  const one = skipped.count === 1;
  return (
    <div className="notice notice--warning skipped-notice" aria-live="polite">
      <p>
        {skipped.count} {one ? items[0] : items[1]} could not be shown: {one ? 'its' : 'their'} data did not
        arrive in the form the dashboard expects. The rest are shown. Tell your data team.
      </p>
      <TechnicalDetails>{skipped.technical.join('; ')}</TechnicalDetails>
    </div>
  );
}

const skippedOf = (data: unknown): SkippedItems | undefined =>
  typeof data === 'object' && data !== null && 'skipped' in data
    ? (data as { skipped?: SkippedItems }).skipped
    : undefined;

/** The loading, error (with retry) and empty states every panel has, around its content. */
export function QueryState<T>({
  query,
  loadingLabel,
  isEmpty,
  empty,
  items,
  reportSkipped = true,
  cannot,
  children,
}: Props<T>) {
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} cannot={cannot} />;
  }
  const skipped = reportSkipped ? skippedOf(query.data) : undefined;
  const notice = skipped ? <SkippedNotice skipped={skipped} items={items} /> : null;
  if (isEmpty?.(query.data)) {
    return (
      <>
        {notice}
        <EmptyState>{empty ?? 'Nothing to show for this period.'}</EmptyState>
      </>
    );
  }
  return (
    <>
      {notice}
      {children(query.data)}
    </>
  );
}

/**
 * For data a page uses beside its main content (names to show, choices for a form, a chart's
 * events): nothing while it loads or has loaded; when it fails, says what could not be loaded and
 * what is missing because of it, with Try again, so nothing goes missing without a word.
 */
export function QueryFailure({
  query,
  what,
  missing,
  saySignIn = false,
}: {
  query: UseQueryResult<unknown>;
  /** "The list of agencies" */
  what: string;
  /** What the page cannot show or do without it: "agencies are shown by their codes". */
  missing: string;
  /** Say a 401 here too: on the sign-in page there is no banner to say it. */
  saySignIn?: boolean;
}) {
  if (!query.isError) return null;
  const { detail, signIn } = describeError(query.error);
  // A 401 is said once, by the sign-in banner at the top.
  if (signIn && !saySignIn) return null;
  return (
    <div className="notice notice--warning query-failure" role="alert">
      <p>
        <strong>{what} could not be loaded</strong>, so {missing}. {detail}
      </p>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => void query.refetch()}
      >
        Try again
      </button>
    </div>
  );
}
