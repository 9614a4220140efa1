import { useQuery } from '@tanstack/react-query';
import { boardQueries } from '../api/queries';
import { reportingRange, type ReportingRange } from './reporting-range';
import { useReportingYear } from './use-reporting-year';

/** The reporting range of the selected year (see lib/reporting-range); null while no year is known. */
export function useReportingRange(): ReportingRange | null {
  const { year } = useReportingYear();
  const board = useQuery(boardQueries.detail());
  return year ? reportingRange(year, board.data) : null;
}
