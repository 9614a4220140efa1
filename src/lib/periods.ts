import type { FinancialYear, Frequency } from '../api/contract';

/**
 * English financial years run 1 April to 31 March and are written `2016-17`; their quarters are
 * `Q1 2016-17` (April to June 2016) to `Q4 2016-17` (January to March 2017). Monthly periods are
 * ISO months, `2016-04`. DfE statistics files add reporting years (`2017`, to 31 March 2017),
 * calendar years (`2017`) and quarters (`Q1 2017`), and academic years (`2016/17`): each is
 * labelled in its own words.
 *
 * Every period is placed on one numeric time line, the index of its last month
 * (year * 12 + month, January = 0), so series of any frequency can share a chart axis.
 */
export interface Period {
  code: string;
  frequency: Frequency;
  /** The financial year the period falls in, e.g. `2016-17`. */
  financialYear: FinancialYear;
  /** Month index of the period's last month. */
  endMonth: number;
  label: string;
}

/** The months' names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const FY_PATTERN = /^(\d{4})-(\d{2})$/;
const QUARTER_PATTERN = /^Q([1-4]) (\d{4})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The calendar year a financial year starts in: `2016-17` gives 2016. */
export function financialYearStart(code: string): number | null {
  const match = FY_PATTERN.exec(code);
  if (!match) return null;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]) ? start : null;
}

export function financialYearCode(startYear: number): FinancialYear {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function isFinancialYear(code: string): boolean {
  return financialYearStart(code) !== null;
}

export function previousFinancialYear(code: FinancialYear): FinancialYear | null {
  const start = financialYearStart(code);
  return start === null ? null : financialYearCode(start - 1);
}

export function nextFinancialYear(code: FinancialYear): FinancialYear | null {
  const start = financialYearStart(code);
  return start === null ? null : financialYearCode(start + 1);
}

/** The year a board starts next: the one after the latest of its reporting years. */
export function nextReportingYear(reportingYears: readonly FinancialYear[]): FinancialYear | null {
  const latest = [...reportingYears].sort().at(-1);
  return latest === undefined ? null : nextFinancialYear(latest);
}

/** Month index of 31 March at the end of the financial year. */
export function financialYearEndMonth(code: FinancialYear): number {
  const start = financialYearStart(code);
  if (start === null) throw new Error(`Not a financial year: ${code}`);
  return (start + 1) * 12 + 2;
}

/** Month index of 1 April at the start of the financial year. */
export function financialYearStartMonth(code: FinancialYear): number {
  return financialYearEndMonth(code) - 11;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const YEAR_PATTERN = /^(\d{4})$/;
const CALENDAR_QUARTER_PATTERN = /^Q([1-4]) (\d{4})$/;
const ACADEMIC_PATTERN = /^(\d{4})\/(\d{2})$/;

/** The financial year a month (an index on the time line) falls in. */
function financialYearOfMonth(endMonth: number): FinancialYear {
  const year = Math.floor(endMonth / 12);
  return financialYearCode(endMonth % 12 >= 3 ? year : year - 1);
}

function placed(code: string, frequency: Frequency, endMonth: number, label: string): Period {
  return { code, frequency, financialYear: financialYearOfMonth(endMonth), endMonth, label };
}

const parsed = new Map<string, Readonly<Period> | null>();

/**
 * The period a code names at a frequency, or null if it names none. Charts and summaries ask for
 * the same few codes many times over, so each answer is kept (frozen: it is shared).
 */
export function parsePeriod(code: string, frequency: Frequency): Period | null {
  const key = `${frequency} ${code}`;
  let period = parsed.get(key);
  if (period === undefined) {
    period = readPeriod(code, frequency);
    if (period) Object.freeze(period);
    // Codes come from data, so the memory is bounded: past that, start again.
    if (parsed.size >= 10_000) parsed.clear();
    parsed.set(key, period);
  }
  return period;
}

function readPeriod(code: string, frequency: Frequency): Period | null {
  switch (frequency) {
    case 'annual': {
      const start = financialYearStart(code);
      if (start === null) return null;
      return { code, frequency, financialYear: code, endMonth: (start + 1) * 12 + 2, label: code };
    }
    case 'quarterly': {
      const match = QUARTER_PATTERN.exec(code);
      if (!match) return null;
      const fy = `${match[2]}-${match[3]}`;
      const start = financialYearStart(fy);
      if (start === null) return null;
      const quarter = Number(match[1]);
      // Q1 ends in June (month 5) of the starting year; each quarter adds three months.
      return {
        code,
        frequency,
        financialYear: fy,
        endMonth: start * 12 + 5 + (quarter - 1) * 3,
        label: code,
      };
    }
    case 'monthly': {
      const match = MONTH_PATTERN.exec(code);
      if (!match) return null;
      const year = Number(match[1]);
      const month = Number(match[2]) - 1;
      return placed(code, frequency, year * 12 + month, `${MONTHS[month]} ${year}`);
    }
    case 'reporting-year': {
      // Named by the year it ends in; DfE children's social care collections end on 31 March.
      const match = YEAR_PATTERN.exec(code);
      return match ? placed(code, frequency, Number(match[1]) * 12 + 2, code) : null;
    }
    case 'calendar-year': {
      const match = YEAR_PATTERN.exec(code);
      return match ? placed(code, frequency, Number(match[1]) * 12 + 11, code) : null;
    }
    case 'calendar-quarterly': {
      const match = CALENDAR_QUARTER_PATTERN.exec(code);
      if (!match) return null;
      const year = Number(match[2]);
      const last = Number(match[1]) * 3 - 1;
      const label = `${SHORT_MONTHS[last - 2]} to ${SHORT_MONTHS[last]} ${year}`;
      return placed(code, frequency, year * 12 + last, label);
    }
    case 'academic-year': {
      const match = ACADEMIC_PATTERN.exec(code);
      if (!match) return null;
      const start = Number(match[1]);
      if ((start + 1) % 100 !== Number(match[2])) return null;
      // 1 September to 31 August: it ends in August of the second year.
      return placed(code, frequency, (start + 1) * 12 + 7, code);
    }
  }
}

/**
 * A financial year as a yearly series of another kind names it, for a range picker: the
 * reporting year, calendar year or academic year that ends within it. Other series are picked by
 * financial year.
 */
export function yearInWords(year: FinancialYear, frequency: Frequency): string {
  const start = financialYearStart(year);
  if (start === null) return year;
  switch (frequency) {
    case 'reporting-year':
      return String(start + 1);
    case 'calendar-year':
      return String(start);
    case 'academic-year':
      return `${start - 1}/${String(start % 100).padStart(2, '0')}`;
    default:
      return year;
  }
}

/** Like parsePeriod, for codes the contract has already checked. */
export function toPeriod(code: string, frequency: Frequency): Period {
  const period = parsePeriod(code, frequency);
  if (!period) throw new Error(`"${code}" is not a ${frequency} period`);
  return period;
}

/** A label for a point on the shared time line, e.g. `March 2017`. */
export function monthLabel(endMonth: number): string {
  return `${MONTHS[((endMonth % 12) + 12) % 12]} ${Math.floor(endMonth / 12)}`;
}

/** The month index of an ISO date, for placing events on the time line. */
export function monthOfDate(isoDate: string): number {
  const [year, month] = isoDate.split('-').map(Number);
  return (year ?? 0) * 12 + (month ?? 1) - 1;
}

/** The financial year an ISO date falls in: `2018-03-31` → `2017-18`. */
export function financialYearOfDate(isoDate: string): FinancialYear {
  return financialYearOfMonth(monthOfDate(isoDate));
}

/** Whether the period ends within the financial years from..to, inclusive. */
export function isWithinYears(period: Period, from: FinancialYear, to: FinancialYear): boolean {
  return period.endMonth >= financialYearStartMonth(from) && period.endMonth <= financialYearEndMonth(to);
}

/** Sorts period-bearing items by time; a new array. */
export function sortByPeriod<T extends { period: Period }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.period.endMonth - b.period.endMonth);
}
