import { toCsv, type CsvCell } from '../../lib/csv';
import type { ChartData } from './chart-types';

/**
 * A chart's numbers as CSV: one row per period, one column per series, plus the chart's title
 * on every row so the file stands on its own. Suppressed and missing values keep their EES symbol.
 */
export function chartToCsv(title: string, { series }: Pick<ChartData, 'series'>): string {
  const periods = new Map<number, string>();
  for (const s of series) for (const p of s.points) periods.set(p.period.endMonth, p.period.label);
  const lookup = new Map(series.map((s) => [s.id, new Map(s.points.map((p) => [p.period.endMonth, p]))]));
  const rows: CsvCell[][] = [['Chart', 'Period', ...series.map((s) => s.label)]];
  for (const [month, label] of [...periods.entries()].sort(([a], [b]) => a - b)) {
    rows.push([
      title,
      label,
      ...series.map((s) => {
        const point = lookup.get(s.id)?.get(month);
        if (!point) return null;
        return point.value ?? point.symbol ?? 'x';
      }),
    ]);
  }
  return toCsv(rows);
}
