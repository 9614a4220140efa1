import { useQuery } from '@tanstack/react-query';
import { boardQueries } from '../api/queries';
import { formatDate } from './format';
import { overdueReferenceDate } from './overdue';
import { useReportingYear } from './use-reporting-year';

/** The date "overdue" is judged against on this page, with the sentence that states it. */
export function useOverdueReference(): { date: string; explanation: string } {
  const { year } = useReportingYear();
  const board = useQuery(boardQueries.detail());
  // Without the board's data date, judge against today.
  const dataAsAt = board.data?.dataAsAt ?? new Date().toISOString().slice(0, 10);
  const date = overdueReferenceDate(year, dataAsAt);
  return {
    date,
    explanation: `Overdue means not complete and due before ${formatDate(date)}: the end of the selected reporting year or the date the board’s figures run to, whichever is earlier.`,
  };
}
