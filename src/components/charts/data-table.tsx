import type { EesSymbol } from '../../api/contract';
import { formatObservation, symbolMeanings } from '../../lib/format';
import type { ChartData } from './chart-types';
import { Unbroken } from '../unbroken';

/** The chart's numbers as a table: one row per period, one column per series. */
export function DataTable({
  id,
  caption,
  series,
  unit,
  decimalPlaces,
}: ChartData & { id: string; caption: string }) {
  const periods = new Map<number, string>();
  const cells = new Map<string, { value: number | null; symbol?: EesSymbol | undefined }>();
  const symbols = new Set<EesSymbol>();
  for (const s of series) {
    for (const p of s.points) {
      periods.set(p.period.endMonth, p.period.label);
      cells.set(`${s.id}|${p.period.endMonth}`, p);
      if (p.symbol) symbols.add(p.symbol);
    }
  }
  const rows = [...periods.entries()].sort(([a], [b]) => a - b);

  return (
    <div className="table-scroll" id={id} tabIndex={0} role="region" aria-label={`${caption}: data table`}>
      <table className="data-table">
        <caption>
          <Unbroken text={caption} />
        </caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            {series.map((s) => (
              <th key={s.id} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([month, label]) => (
            <tr key={month}>
              <th scope="row">{label}</th>
              {series.map((s) => {
                const cell = cells.get(`${s.id}|${month}`);
                return <td key={s.id}>{cell ? formatObservation(cell, unit, decimalPlaces) : '–'}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {symbols.size > 0 ? (
        <ul className="data-table__symbols" aria-label="Symbols used in this table">
          {[...symbols].map((symbol) => (
            <li key={symbol}>
              <strong>{symbol}</strong>: {symbolMeanings[symbol]}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
