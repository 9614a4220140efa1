import type { EesSymbol, Frequency, Observation, Unit } from '../../../api/contract';
import { financialYearCode, parsePeriod } from '../../../lib/periods';

/**
 * The symbols the EES data guidance lists for a cell without a figure: `c` confidential, `x`
 * unavailable, `z` not applicable, `low` or `k` a positive number that rounds to 0, `u` low
 * reliability. `:` and `~` are the obsolete forms of `x` and `low`; they are read as those.
 */
const SYMBOLS: readonly string[] = ['c', 'x', 'z', 'low', 'k', 'u'];
const OBSOLETE: Readonly<Record<string, EesSymbol>> = { ':': 'x', '~': 'low' };

/** The symbols a value cell may hold, for messages. */
export const SYMBOL_LIST = 'c, x, z, low, k or u';

export type ParsedValue = Pick<Observation, 'value' | 'symbol'> & {
  /** The obsolete symbol the cell held, when it was read as its modern form. */
  obsolete?: string;
};

/**
 * A value cell: a number, or an EES symbol standing in for a missing one. Thousands separators
 * are allowed, since spreadsheets export them; anything else is not a value.
 */
export function parseValue(text: string): ParsedValue | null {
  const cell = text.trim();
  const lower = cell.toLowerCase();
  if (SYMBOLS.includes(lower)) return { value: null, symbol: lower as EesSymbol };
  const modern = OBSOLETE[cell];
  if (modern) return { value: null, symbol: modern, obsolete: cell };
  const plain = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(cell) ? cell.replaceAll(',', '') : cell;
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(plain)) return null;
  const value = Number(plain);
  return Number.isFinite(value) ? { value } : null;
}

/**
 * A cell as a small number, for a large file's columns kept in typed arrays: 0 a number, 1 empty,
 * 2 unreadable, then each symbol (`CELL_SYMBOLS[code - 3]`), then the obsolete `:` and `~`.
 */
export const CELL_NUMBER = 0;
export const CELL_EMPTY = 1;
export const CELL_UNREADABLE = 2;
export const CELL_SYMBOLS: readonly EesSymbol[] = ['c', 'x', 'z', 'low', 'k', 'u'];
const CELL_OBSOLETE = [':', '~'] as const;

/** A plain number (digits, one point, a sign), read without a regular expression: the common case. */
function plainNumber(cell: string): number | null {
  const length = cell.length;
  if (length === 0 || length > 24) return null;
  let i = cell.charCodeAt(0) === 45 || cell.charCodeAt(0) === 43 ? 1 : 0;
  let digits = 0;
  let point = false;
  for (; i < length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !point) point = true;
    else return null;
  }
  return digits > 0 ? Number(cell) : null;
}

/** Reads a cell into its code and, for a number, its value. */
export function encodeCell(text: string): { code: number; value: number } {
  const cell =
    text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32)
      ? text.trim()
      : text;
  if (cell === '') return { code: CELL_EMPTY, value: 0 };
  const plain = plainNumber(cell);
  if (plain !== null) return { code: CELL_NUMBER, value: plain };
  const parsed = parseValue(cell);
  if (!parsed) return { code: CELL_UNREADABLE, value: 0 };
  if (parsed.value !== null) return { code: CELL_NUMBER, value: parsed.value };
  if (parsed.obsolete)
    return { code: 3 + CELL_SYMBOLS.length + CELL_OBSOLETE.indexOf(parsed.obsolete as ':' | '~'), value: 0 };
  return { code: 3 + CELL_SYMBOLS.indexOf(parsed.symbol!), value: 0 };
}

/** A cell code back as a symbol (with the obsolete form it was written in), for codes of 3 and up. */
export function decodeSymbol(code: number): { symbol: EesSymbol; obsolete?: string } {
  const i = code - 3;
  if (i < CELL_SYMBOLS.length) return { symbol: CELL_SYMBOLS[i]! };
  const obsolete = CELL_OBSOLETE[i - CELL_SYMBOLS.length]!;
  return { symbol: OBSOLETE[obsolete]!, obsolete };
}

export const UNITS: readonly Unit[] = ['count', 'percent', 'rate-per-10000', 'gbp'];

export function parseUnit(text: string): Unit | null {
  const cell = text.trim().toLowerCase();
  const aliases: Record<string, Unit> = { '%': 'percent', '£': 'gbp', number: 'count', '': 'count' };
  return UNITS.find((u) => u === cell) ?? aliases[cell] ?? null;
}

export type PeriodForm = Frequency;

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

export interface EesPeriod {
  code: string;
  frequency: PeriodForm;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** time_identifiers the EES guidance allows that the dashboard has no period form for. */
const NOT_READ =
  /^(?:tax year(?: q[1-4])?|academic year q[1-4](?:-q?[1-4])?|autumn term|spring term|summer term|autumn and spring term|week \d{1,2}|part [12] \(.*\))$/;

export const PERIODS_READ =
  'reporting years, financial years and their quarters, calendar years and their quarters, academic years and months';

/** Two years that follow on, written as six digits: 201617. */
function sixDigitStart(period: string): number | null {
  const match = /^(\d{4})(\d{2})$/.exec(period);
  if (!match) return null;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]) ? start : null;
}

/**
 * An EES time period, read as the guidance defines each time_identifier, into the dashboard's
 * period codes: `Reporting year` 2017 stays `2017` (a reporting year, to 31 March 2017);
 * `Financial year` 201617 is `2016-17` and `Financial year Q1` 201617 is `Q1 2016-17`;
 * `Calendar year` 2017 is `2017` and `Calendar year Q1` 2017 is `Q1 2017`; `Academic year`
 * 201617 is `2016/17`; `March` 2017 is `2017-03`. Anything else comes back with the reason.
 */
export function parseEesPeriod(timePeriod: string, timeIdentifier: string): EesPeriod | { problem: string } {
  const period = timePeriod.trim();
  const raw = timeIdentifier.trim();
  const identifier = raw.toLowerCase();
  const four = /^\d{4}$/.test(period) ? Number(period) : null;
  const six = sixDigitStart(period);
  const expectFour = {
    problem: `"${period}" is not a ${raw} time_period: expected a year of 4 digits, such as 2017.`,
  };
  const expectSix = {
    problem: `"${period}" is not a ${raw} time_period: expected 6 digits for two years that follow on, such as 201617.`,
  };

  if (identifier === 'reporting year')
    return four === null ? expectFour : { code: period, frequency: 'reporting-year' };
  if (identifier === 'calendar year')
    return four === null ? expectFour : { code: period, frequency: 'calendar-year' };
  const calendarQuarter = /^calendar year q([1-4])$/.exec(identifier);
  if (calendarQuarter) {
    return four === null
      ? expectFour
      : { code: `Q${calendarQuarter[1]} ${period}`, frequency: 'calendar-quarterly' };
  }
  const month = MONTH_NAMES.indexOf(identifier);
  if (month >= 0) {
    return four === null
      ? expectFour
      : { code: `${period}-${String(month + 1).padStart(2, '0')}`, frequency: 'monthly' };
  }
  if (identifier === 'financial year') {
    return six === null ? expectSix : { code: financialYearCode(six), frequency: 'annual' };
  }
  const financialQuarter = /^financial year q([1-4])$/.exec(identifier);
  if (financialQuarter) {
    return six === null
      ? expectSix
      : { code: `Q${financialQuarter[1]} ${financialYearCode(six)}`, frequency: 'quarterly' };
  }
  if (identifier === 'academic year') {
    return six === null
      ? expectSix
      : { code: `${six}/${String((six + 1) % 100).padStart(2, '0')}`, frequency: 'academic-year' };
  }
  if (NOT_READ.test(identifier)) {
    return { problem: `"${raw}" periods cannot be shown yet. The dashboard reads ${PERIODS_READ}.` };
  }
  return {
    problem: `"${raw}" is not an EES time_identifier. The dashboard reads ${PERIODS_READ}.`,
  };
}

/** Observations in time order. */
export function sortSeries(series: Observation[], frequency: PeriodForm | null): Observation[] {
  const end = (code: string) => parsePeriod(code, frequency ?? 'annual')?.endMonth ?? 0;
  return [...series].sort((a, b) => end(a.period) - end(b.period));
}
