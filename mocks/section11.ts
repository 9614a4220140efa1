import {
  createActionRequestSchema,
  type Action,
  type AddSection11ActionRequest,
  type endpoints,
  type Section11Cycle,
} from '../src/api/contract';
import { assuranceOf, isLate } from '../src/lib/section11';
import { conflict, notFound, writeBoardRecord } from './board-records';
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

/**
 * The committee's agreed improvement action into the action plan, as the data service does it:
 * added the action plan's own way, then the action and the improvement each name the other.
 */
export function addSection11Action(
  data: DemoDataset,
  params: Record<string, string>,
  request: AddSection11ActionRequest,
  today: string,
  author: string,
): Reply {
  const cycle = data.section11.cycles.find((c) => c.id === params.id);
  const assessment = cycle?.assessments.find((a) => a.agencyId === params.agency);
  if (!cycle || !assessment) return notFound('That self-assessment');
  const current = () => readSection11(data, 'section11Assessment', params, today)!.body;
  if (assessment.version !== request.version) return conflict('self-assessment', current());
  // The demo's cycle is its past one, every assessment accepted; a draft cannot be agreed.
  if ((assessment.status as string) !== 'accepted' && (assessment.status as string) !== 'submitted')
    return {
      status: 409,
      body: {
        message:
          'Only a submitted or accepted self-assessment’s improvement actions can go into the action plan.',
      },
    };
  const improvement = assessment.improvements.find((i) => i.id === params.improvement);
  if (!improvement) return notFound(`The improvement action "${params.improvement}"`);
  if (improvement.actionId)
    return { status: 409, body: { message: 'This improvement action is already in the action plan.' } };
  const added = writeBoardRecord(
    data,
    'createAction',
    {},
    createActionRequestSchema.parse({
      priorityId: request.priorityId,
      title: improvement.description.slice(0, 300),
      owner: improvement.owner.slice(0, 120),
      dueDate: improvement.dueDate,
      ofstedRecommendationIds: [],
      auditIds: [],
      reviewIds: [],
    }),
    today,
    author,
  )!;
  if (added.status !== 201) return added;
  const action = added.body as Action;
  const standard = cycle.standards.find((st) => st.id === improvement.standardId);
  action.section11 = {
    cycleId: cycle.id,
    agencyId: assessment.agencyId,
    improvementId: improvement.id,
    agencyName: data.agencies.find((a) => a.id === assessment.agencyId)?.name ?? assessment.agencyId,
    standardCode: standard?.code ?? '?',
    standardTitle: standard?.title ?? improvement.standardId,
  };
  improvement.actionId = action.id;
  assessment.version += 1;
  return { status: 201, body: current() };
}
