import { useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { boardQueries } from '../api/queries';
import { reportingRange, yearLabel } from '../lib/reporting-range';
import { useReportingYear, YEAR_PARAM } from '../lib/use-reporting-year';

export function PeriodSelect() {
  const id = useId();
  const { year, years, setYear, status } = useReportingYear();
  const board = useQuery(boardQueries.detail());
  return (
    <div className="field field--inline">
      <label htmlFor={id}>Reporting period</label>
      <select
        id={id}
        value={year ?? ''}
        disabled={years.length === 0}
        onChange={(e) => setYear(e.target.value)}
      >
        {years.length === 0 ? (
          <option value="">{status === 'loading' ? 'Loading…' : 'Not known'}</option>
        ) : null}
        {years.map((y) => (
          <option key={y} value={y}>
            {/* A year the board's figures do not yet cover to its end says so. */}
            {yearLabel(y, reportingRange(y, board.data), 'short')}
          </option>
        ))}
      </select>
    </div>
  );
}

interface CorrectedYear {
  rejectedYear: string;
}

const correctedOf = (state: unknown): string | null =>
  typeof state === 'object' && state !== null && typeof (state as CorrectedYear).rejectedYear === 'string'
    ? (state as CorrectedYear).rejectedYear
    : null;

/**
 * A link that names a year the board does not report (`?year=2030-31`, `?year=banana`) shows
 * the year it does show instead, says so, and the address is corrected to match what is shown
 * (the year asked for travels with the corrected entry, so the notice stays until the person
 * moves on).
 */
export function YearNotice() {
  const { year, rejected, status } = useReportingYear();
  const [, setParams] = useSearchParams();
  const location = useLocation();
  useEffect(() => {
    if (rejected === null || status === 'loading') return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (year) next.set(YEAR_PARAM, year);
        else next.delete(YEAR_PARAM);
        return next;
      },
      { replace: true, state: { rejectedYear: rejected } satisfies CorrectedYear },
    );
  }, [rejected, status, year, setParams]);
  const shownFor = correctedOf(location.state);
  if (shownFor === null) return null;
  return (
    <p className="notice notice--warning year-notice" aria-live="polite">
      {year
        ? `${shownFor} is not a year this board reports; showing ${year}.`
        : `${shownFor} is not a year this board reports, and the board’s years are not known yet.`}
    </p>
  );
}
