import type { endpoints, Section11Cycle } from '../src/api/contract';
import { assuranceOf, isLate } from '../src/lib/section11';
import type { DemoDataset } from './data';
import { statutoryStandards } from './data/section11';

type Reply = { status: number; body: unknown };

/**
 * Section 11 in the demonstration: the board's standards, its past cycle and the assurance view,
 * read-only. Filling in and challenging self-assessments needs accounts: the data service.
 */
export function readSection11(
  data: DemoDataset,
  name: keyof typeof endpoints,
  params: Record<string, string>,
  today: string,
): Reply | null {
  const { cycles, boardStandards } = data.section11;
  const agencyName = (id: string) => data.agencies.find((a) => a.id === id)?.name ?? id;
  const cycleOf = (id: string | undefined) => cycles.find((c) => c.id === id);
  switch (name) {
    case 'section11Standards':
      return {
        status: 200,
        body: { standards: [...statutoryStandards, ...boardStandards], version: 1, lockedBy: null },
      };
    case 'section11Cycles':
      return {
        status: 200,
        body: {
          cycles: cycles.map((c): Section11Cycle => ({
            id: c.id,
            title: c.title,
            openedOn: c.openedOn,
            dueDate: c.dueDate,
            closedOn: c.closedOn,
            version: c.version,
            agencies: c.assessments.map((a) => ({
              agencyId: a.agencyId,
              agencyName: agencyName(a.agencyId),
              status: a.status,
              late: isLate(a.status, c.dueDate, today, c.closedOn === null),
              submittedAt: a.submittedAt,
            })),
          })),
        },
      };
    case 'section11Assessment': {
      const cycle = cycleOf(params.id);
      const a = cycle?.assessments.find((x) => x.agencyId === params.agency);
      if (!cycle || !a) return { status: 404, body: { message: 'That self-assessment was not found.' } };
      return {
        status: 200,
        body: {
          cycleId: cycle.id,
          cycleTitle: cycle.title,
          dueDate: cycle.dueDate,
          open: cycle.closedOn === null,
          agencyId: a.agencyId,
          agencyName: agencyName(a.agencyId),
          status: a.status,
          late: isLate(a.status, cycle.dueDate, today, cycle.closedOn === null),
          version: a.version,
          submittedAt: a.submittedAt,
          comments: a.comments,
          standards: cycle.standards,
          answers: a.answers,
          improvements: a.improvements,
          previous: null,
        },
      };
    }
    case 'section11Assurance': {
      const cycle = cycles.at(-1)!;
      return {
        status: 200,
        body: assuranceOf(
          {
            cycle,
            assessments: cycle.assessments.map((a) => ({ ...a, agencyName: agencyName(a.agencyId) })),
            previous: new Map(),
          },
          today,
        ),
      };
    }
    default:
      return null;
  }
}
