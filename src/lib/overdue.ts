import type { FinancialYear } from '../api/contract';
import { financialYearStart } from './periods';

/**
 * The date against which "overdue" is judged: the end of the selected reporting year (31 March),
 * or the date the board's figures run to, whichever is earlier. Looking back at 2016-17 judges
 * deadlines as they stood on 31 March 2017; looking at the current year judges them as at the
 * latest data, never against a date the data has not reached.
 */
export function overdueReferenceDate(year: FinancialYear | null, dataAsAt: string): string {
  const start = year ? financialYearStart(year) : null;
  if (start === null) return dataAsAt;
  const yearEnd = `${start + 1}-03-31`;
  return yearEnd < dataAsAt ? yearEnd : dataAsAt;
}

/**
 * Not done, and due before the reference date (ISO dates compare as strings). Without a
 * reference date (the board's details unknown) nothing is judged overdue.
 */
export function isOverdue(dueDate: string, done: boolean, referenceDate: string | null): boolean {
  return referenceDate !== null && !done && dueDate < referenceDate;
}

/** Whether an ISO date falls within a financial year (1 April to 31 March). */
export function isInFinancialYear(isoDate: string, year: FinancialYear): boolean {
  const start = financialYearStart(year);
  if (start === null) return false;
  return isoDate >= `${start}-04-01` && isoDate <= `${start + 1}-03-31`;
}

/** The financial-year quarter (1 to 4) an ISO date falls in. */
export function quarterOfDate(isoDate: string): 1 | 2 | 3 | 4 {
  const month = Number(isoDate.slice(5, 7));
  return (month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4) as 1 | 2 | 3 | 4;
}
