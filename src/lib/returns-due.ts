import type { ReturnRound } from '../api/contract';

export interface ReturnDue {
  roundId: string;
  quarter: string;
  dueDate: string;
  agencyId: string;
  agencyName: string;
  late: boolean;
}

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
