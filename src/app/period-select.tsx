import { useId } from 'react';
import { useReportingYear } from '../lib/use-reporting-year';

export function PeriodSelect() {
  const id = useId();
  const { year, years, setYear } = useReportingYear();
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
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}
