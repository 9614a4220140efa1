import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { boardQueries } from '../api/queries';
import { reportingRange, yearLabel } from '../lib/reporting-range';
import { useReportingYear } from '../lib/use-reporting-year';

export function PeriodSelect() {
  const id = useId();
  const { year, years, setYear } = useReportingYear();
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
        {years.length === 0 ? <option value="">Loading…</option> : null}
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
