import { RETURN_ROUNDS_PAGE } from '../api/contract/constants';
import type { ReturnDue, ReturnRound, ReturnRoundList } from '../api/contract';

export type { ReturnDue };

/** The returns still to fill in (not started, a draft, or returned), the one due soonest first. */
export function returnsDue(rounds: readonly ReturnRound[]): ReturnDue[] {
  return rounds
    .flatMap((round) =>
      round.agencies
        .filter((a) => a.status === 'not-started' || a.status === 'draft' || a.status === 'returned')
        .map((a) => ({
          roundId: round.id,
          quarter: round.quarter,
          dueDate: round.dueDate,
          agencyId: a.agencyId,
          agencyName: a.agencyName,
          late: a.late,
        })),
    )
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/** Rounds shown, with what a page needs of all of them (how many, their quarters, what is due). */
const withTotals = (all: readonly ReturnRound[], shown: readonly ReturnRound[]): ReturnRoundList => ({
  rounds: [...shown],
  total: all.length,
  quarters: all.map((r) => r.quarter),
  due: returnsDue(all),
});

/**
 * One page of the rounds (newest first, as they are listed) for `GET /returns?page=`, with what the
 * page needs of them all: the data service and the demo API both answer with it.
 */
export function roundsPage(
  rounds: readonly ReturnRound[],
  query: { page?: string | undefined; pageSize?: string | undefined },
): ReturnRoundList {
  if (query.page === undefined && query.pageSize === undefined) return { rounds: [...rounds] };
  const size = Number(query.pageSize ?? RETURN_ROUNDS_PAGE);
  const start = (Number(query.page ?? 1) - 1) * size;
  return withTotals(rounds, rounds.slice(start, start + size));
}

/**
 * A page of rounds as the returns page reads it. A board's own API that does not page (it answers
 * `?page=` with every round, and no `total`) has handed over the whole list: that is one page of all.
 */
export const asRoundsPage = (list: ReturnRoundList): ReturnRoundList =>
  list.total === undefined ? { ...list, ...withTotals(list.rounds, list.rounds) } : list;
