import type { Board, FinancialYear } from '../api/contract';

/**
 * The board's reporting years as this browser last saw them, so that when the board's details
 * cannot be loaded the period select can still offer them (and says the year it shows). Only the
 * years: never a date or a figure that a page would judge by.
 */
const KEY = 'lscb-dashboard:last-known-years';

export interface KnownYears {
  reportingYears: FinancialYear[];
  currentYear: FinancialYear;
}

export function rememberYears(board: Pick<Board, 'reportingYears' | 'currentYear'>): void {
  try {
    localStorage.setItem(
      KEY,
      JSON.stringify({ reportingYears: board.reportingYears, currentYear: board.currentYear }),
    );
  } catch {
    // Storage off: nothing to remember.
  }
}

export function lastKnownYears(): KnownYears | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (
      typeof value === 'object' &&
      value !== null &&
      Array.isArray((value as KnownYears).reportingYears) &&
      typeof (value as KnownYears).currentYear === 'string'
    ) {
      return value as KnownYears;
    }
  } catch {
    // Unreadable: as if never seen.
  }
  return null;
}
