import type { Board, FinancialYear, Indicator } from '../api/contract';
import { formatDate } from './format';
import { financialYearStart, monthOfDate } from './periods';
import { toPoints, type Point } from './series';

/**
 * What "the figures for a reporting year" means, the same on every page: the board's reporting
 * years from the first up to the chosen one, with nothing that ends after the chosen year's
 * 31 March or after the date the board's figures run to (`dataAsAt`), whichever is earlier. A year
 * the figures do not yet cover to its end is a part year, and is labelled as one.
 */
export interface ReportingRange {
  from: FinancialYear;
  to: FinancialYear;
  /** ISO date: the last day a figure in this range may cover. */
  asAt: string;
  /** True when the figures stop before the chosen year's 31 March. */
  partYear: boolean;
}

export function financialYearEndDate(year: FinancialYear): string {
  const start = financialYearStart(year);
  if (start === null) throw new Error(`Not a financial year: ${year}`);
  return `${start + 1}-03-31`;
}

export function reportingRange(
  year: FinancialYear,
  board: Pick<Board, 'reportingYears' | 'dataAsAt'> | null | undefined,
): ReportingRange {
  const yearEnd = financialYearEndDate(year);
  const asAt = board && board.dataAsAt < yearEnd ? board.dataAsAt : yearEnd;
  const first = board?.reportingYears[0];
  return { from: first && first <= year ? first : year, to: year, asAt, partYear: asAt < yearEnd };
}

/** The month index of the last whole month on or before an ISO date. */
export function lastWholeMonth(isoDate: string): number {
  const month = monthOfDate(isoDate);
  const next = new Date(`${isoDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  // The date is the last day of its month when the next day starts a new month.
  return next.getUTCDate() === 1 ? month : month - 1;
}

/**
 * A reporting year as a reader should see it: `2017-18 (part year, to 31 December 2017)`, or
 * `2017-18 (part year)` where the date is said nearby; a complete year is just `2017-18`.
 */
export function yearLabel(
  year: FinancialYear,
  range: Pick<ReportingRange, 'asAt' | 'partYear'> | null,
  form: 'long' | 'short' = 'long',
): string {
  if (!range?.partYear) return year;
  return form === 'short' ? `${year} (part year)` : `${year} (part year, to ${formatDate(range.asAt)})`;
}

/** The financial year a period falls in, for the points of one indicator. */
function yearOf(point: Point): FinancialYear {
  return point.period.financialYear;
}

/**
 * An indicator's points in a range: from the start of `from` to the end of `to`, and no later
 * than `asAt` when it is given.
 */
export function pointsInRange(
  indicator: Pick<Indicator, 'series' | 'frequency'>,
  range: { from: FinancialYear; to: FinancialYear; asAt?: string | null | undefined },
): Point[] {
  const lastMonth = range.asAt ? lastWholeMonth(range.asAt) : Infinity;
  return toPoints(indicator.series, indicator.frequency).filter(
    (p) => yearOf(p) >= range.from && yearOf(p) <= range.to && p.period.endMonth <= lastMonth,
  );
}

/**
 * The range an indicator is shown over by default for a reporting year: the reporting range, ending
 * at the last year that has a figure by the as-at date. An annual figure for a part year does not
 * exist yet, so an annual indicator in 2017-18 (to 31 December 2017) ends at 2016-17.
 */
export function indicatorDefaultRange(
  indicator: Pick<Indicator, 'series' | 'frequency'>,
  range: ReportingRange,
): { from: FinancialYear; to: FinancialYear; asAt: string } {
  const points = pointsInRange(indicator, { from: range.from, to: range.to, asAt: range.asAt });
  const lastYear = points.at(-1) ? yearOf(points.at(-1)!) : range.to;
  return { from: range.from, to: lastYear < range.from ? range.from : lastYear, asAt: range.asAt };
}
