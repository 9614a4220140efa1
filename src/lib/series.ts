import type { EesSymbol, Frequency, Observation } from '../api/contract';
import { isWithinYears, toPeriod, type Period } from './periods';
import type { FinancialYear } from '../api/contract';

/** An observation placed on the time line. `value` is null when suppressed or missing. */
export interface Point {
  period: Period;
  value: number | null;
  symbol?: EesSymbol | undefined;
}

export function toPoints(series: readonly Observation[], frequency: Frequency): Point[] {
  return series
    .map((obs) => ({ period: toPeriod(obs.period, frequency), value: obs.value, symbol: obs.symbol }))
    .sort((a, b) => a.period.endMonth - b.period.endMonth);
}

export function pointsWithin(points: readonly Point[], from: FinancialYear, to: FinancialYear): Point[] {
  return points.filter((p) => isWithinYears(p.period, from, to));
}

/** The last observation with a value, and the one with a value before it. */
export function latestPair(points: readonly Point[]): { latest: Point | null; previous: Point | null } {
  const withValues = points.filter((p) => p.value !== null);
  return {
    latest: withValues.at(-1) ?? null,
    previous: withValues.at(-2) ?? null,
  };
}
