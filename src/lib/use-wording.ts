import { useQuery } from '@tanstack/react-query';
import { boardQueries } from '../api/queries';
import { wordingFor, type Wording } from './wording';

/** The words for the board, by the kind its administrator chose; a board's until its details load. */
export function useWording(): Wording {
  const board = useQuery(boardQueries.detail());
  return wordingFor(board.data?.kind);
}
