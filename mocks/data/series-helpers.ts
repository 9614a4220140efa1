import type { Observation } from '../../src/api/contract';

/** Quarterly observations from Q1 of a financial year onwards, one per value. */
export function quarterly(firstYear: number, values: (number | null)[]): Observation[] {
  return values.map((value, i) => {
    const start = firstYear + Math.floor(i / 4);
    const period = `Q${(i % 4) + 1} ${start}-${String((start + 1) % 100).padStart(2, '0')}`;
    return value === null ? { period, value: null, symbol: 'x' } : { period, value };
  });
}

/** Annual (financial year) observations from a first year onwards, one per value. */
export function annual(firstYear: number, values: (number | null)[]): Observation[] {
  return values.map((value, i) => {
    const start = firstYear + i;
    const period = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
    return value === null ? { period, value: null, symbol: 'x' } : { period, value };
  });
}
