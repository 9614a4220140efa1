import type { EesSymbol, Observation, Unit } from '../../../api/contract';
import { slugify } from '../../../lib/csv';
import { financialYearCode, parsePeriod } from '../../../lib/periods';

const SYMBOLS: readonly string[] = ['c', 'x', 'z', 'low'];

/**
 * A value cell: a number, or an EES symbol standing in for a missing one (`c` suppressed, `x`
 * unavailable, `z` not applicable, `low` rounds to 0). Thousands separators are allowed, since
 * spreadsheets export them; anything else is not a value.
 */
export function parseValue(text: string): Pick<Observation, 'value' | 'symbol'> | null {
  const cell = text.trim();
  const lower = cell.toLowerCase();
  if (SYMBOLS.includes(lower)) return { value: null, symbol: lower as EesSymbol };
  const plain = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(cell) ? cell.replaceAll(',', '') : cell;
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(plain)) return null;
  const value = Number(plain);
  return Number.isFinite(value) ? { value } : null;
}

export const UNITS: readonly Unit[] = ['count', 'percent', 'rate-per-10000', 'gbp'];

export function parseUnit(text: string): Unit | null {
  const cell = text.trim().toLowerCase();
  const aliases: Record<string, Unit> = { '%': 'percent', '£': 'gbp', number: 'count', '': 'count' };
  return UNITS.find((u) => u === cell) ?? aliases[cell] ?? null;
}

export type PeriodForm = 'annual' | 'quarterly' | 'monthly';

/**
 * The dashboard's own period codes (`2016-17`, `Q1 2016-17`, `2016-04`), plus ISO dates, which
 * stand for the month they fall in (`2017-03-31` is March 2017).
 */
export function parsePeriodCell(text: string): { code: string; frequency: PeriodForm } | null {
  const cell = text.trim();
  for (const frequency of ['annual', 'quarterly', 'monthly'] as const) {
    if (parsePeriod(cell, frequency)) return { code: cell, frequency };
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
  if (date && !Number.isNaN(Date.parse(`${cell}T00:00:00Z`))) {
    const code = `${date[1]}-${date[2]}`;
    if (parsePeriod(code, 'monthly')) return { code, frequency: 'monthly' };
  }
  return null;
}

/**
 * An EES time period. A `Reporting year` of 2017 is the year to 31 March 2017, the financial
 * year 2016-17; a `Financial year` is written 201617; its quarters are `Financial year Q1`...
 */
export function parseEesPeriod(
  timePeriod: string,
  timeIdentifier: string,
): { code: string; frequency: PeriodForm } | null {
  const period = timePeriod.trim();
  const identifier = timeIdentifier.trim().toLowerCase();
  if (identifier === 'reporting year' && /^\d{4}$/.test(period)) {
    return { code: financialYearCode(Number(period) - 1), frequency: 'annual' };
  }
  const fy = /^(\d{4})(\d{2})$/.exec(period);
  if (!fy || (Number(fy[1]) + 1) % 100 !== Number(fy[2])) return null;
  const code = financialYearCode(Number(fy[1]));
  if (identifier === 'financial year') return { code, frequency: 'annual' };
  const quarter = /^financial year q([1-4])$/.exec(identifier);
  return quarter ? { code: `Q${quarter[1]} ${code}`, frequency: 'quarterly' } : null;
}

/** A slug for ids: lower-case words joined by hyphens. */
export const slug = (text: string): string => slugify(text, 60, 'indicator');

/** Observations in time order. */
export function sortSeries(series: Observation[], frequency: PeriodForm | null): Observation[] {
  const end = (code: string) => parsePeriod(code, frequency ?? 'annual')?.endMonth ?? 0;
  return [...series].sort((a, b) => end(a.period) - end(b.period));
}
