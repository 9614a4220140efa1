import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Sets or clears view settings kept in the URL (filters, ranges), leaving the others as they are.
 * They replace the history entry: typing in a filter should not fill the Back button.
 */
export function useSearchParamUpdater(): (changes: Record<string, string | null>) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (changes) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
}
