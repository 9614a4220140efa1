import { useQuery } from '@tanstack/react-query';
import { boardQueries } from '../api/queries';
import { formatDate } from './format';
import { overdueReferenceDate } from './overdue';
import { useReportingYear } from './use-reporting-year';

/**
 * The date "overdue" is judged against on this page, with the sentence that states it. Without
 * the board's details the date its figures run to is not known, so nothing is judged overdue
 * (never against today's date instead), and the sentence says so.
 */
export function useOverdueReference(): { date: string | null; explanation: string } {
  const { year } = useReportingYear();
  const board = useQuery(boardQueries.detail());
  if (!board.data) {
    return {
      date: null,
      explanation: board.isError
        ? 'Nothing is marked overdue: the board’s details could not be loaded, so the date its figures run to is not known.'
        : 'Overdue items are marked once the board’s details have loaded.',
    };
  }
  const date = overdueReferenceDate(year, board.data.dataAsAt);
  return {
    date,
    explanation: `Overdue means not complete and due before ${formatDate(date)}: the end of the selected reporting year or the date the board’s figures run to, whichever is earlier.`,
  };
}
