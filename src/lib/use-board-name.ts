import { useQuery } from '@tanstack/react-query';
import { isNotFound } from '../api/errors';
import { boardQueries } from '../api/queries';

/**
 * The board's name for a heading: never a made-up name. While its details load, nothing (null);
 * if they cannot be loaded, words that say so.
 */
export function useBoardName(): string | null {
  const board = useQuery(boardQueries.detail());
  if (board.data) return board.data.name;
  if (isNotFound(board.error)) return 'A new board, not yet set up';
  return board.isError ? 'The board’s name could not be loaded' : null;
}
