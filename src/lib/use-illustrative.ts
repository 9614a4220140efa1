import { useQuery } from '@tanstack/react-query';
import { boardQueries } from '../api/queries';

/**
 * Whether the board says its data is (partly) invented for a demonstration: it then has an
 * `illustrativeNotice`, and the board's own records (audits, reviews, actions, recommendations,
 * funding, partnership links) are marked illustrative where they appear, not only in the footer.
 */
export function useIllustrative(): boolean {
  const board = useQuery(boardQueries.detail());
  return board.data ? board.data.illustrativeNotice !== null : false;
}
