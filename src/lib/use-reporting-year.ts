import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { FinancialYear } from '../api/contract';
import { boardQueries } from '../api/queries';
import { lastKnownYears } from './last-known-board';
import { isFinancialYear } from './periods';

export const YEAR_PARAM = 'year';

export interface ReportingYear {
  /** The year pages show; null only when it cannot be known (see `status`). */
  year: FinancialYear | null;
  /** The years the period select offers. */
  years: readonly FinancialYear[];
  setYear: (year: FinancialYear) => void;
  /**
   * `ready`: the board's details are loaded. `loading`: not yet. `unavailable`: they could not be
   * loaded, so the year comes from the address or the years this browser last saw.
   */
  status: 'ready' | 'loading' | 'unavailable';
  /** The address asked for a year the board does not report (or not a year at all). */
  rejected: string | null;
}

/**
 * The reporting period (a financial year) lives in the URL, `?year=2016-17`, so a link shares
 * exactly what the sender saw. Without one it is the board's current year; a year the board does
 * not report is refused (and shown as such, see the year notice). While the board's details are
 * loading, or if they cannot be loaded, the URL's year is used as it stands, or else the current
 * year this browser last saw; a page without any year says why.
 */
export function useReportingYear(): ReportingYear {
  const [params, setParams] = useSearchParams();
  const board = useQuery(boardQueries.detail());
  const requested = params.get(YEAR_PARAM);
  const setYear = useCallback(
    (next: FinancialYear) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        updated.set(YEAR_PARAM, next);
        return updated;
      }),
    [setParams],
  );
  if (board.data) {
    const years = board.data.reportingYears;
    const reported = requested !== null && years.includes(requested);
    return {
      year: reported ? requested : board.data.currentYear,
      years,
      setYear,
      status: 'ready',
      rejected: requested !== null && !reported ? requested : null,
    };
  }
  const known = lastKnownYears();
  const valid = requested !== null && isFinancialYear(requested) ? requested : null;
  const year = valid ?? (board.isError ? (known?.currentYear ?? null) : null);
  const years = [...new Set([...(known?.reportingYears ?? []), ...(year ? [year] : [])])].sort();
  return {
    year,
    years,
    setYear,
    status: board.isError ? 'unavailable' : 'loading',
    rejected: requested !== null && valid === null ? requested : null,
  };
}
