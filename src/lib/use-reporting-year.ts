import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { FinancialYear } from '../api/contract';
import { boardQueries } from '../api/queries';
import { isFinancialYear } from './periods';

export const YEAR_PARAM = 'year';

/**
 * The reporting period (a financial year) lives in the URL, `?year=2016-17`, so a link shares
 * exactly what the sender saw. Without one, or with one the board does not report, it is the
 * board's current year. `year` is null only while the board is unknown (loading or failed) and
 * the URL names no year: panels then show the latest figures rather than wait.
 */
export function useReportingYear(): {
  year: FinancialYear | null;
  years: readonly FinancialYear[];
  setYear: (year: FinancialYear) => void;
} {
  const [params, setParams] = useSearchParams();
  const board = useQuery(boardQueries.detail());
  const requested = params.get(YEAR_PARAM);
  const years = board.data?.reportingYears ?? [];
  let year: FinancialYear | null;
  if (board.data) {
    year = requested && years.includes(requested) ? requested : board.data.currentYear;
  } else {
    year = requested && isFinancialYear(requested) ? requested : null;
  }
  const setYear = useCallback(
    (next: FinancialYear) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        updated.set(YEAR_PARAM, next);
        return updated;
      }),
    [setParams],
  );
  return { year, years, setYear };
}
