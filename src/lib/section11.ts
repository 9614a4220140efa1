import type {
  SaveSection11AssessmentRequest,
  Section11Answer,
  Section11Assurance,
  Section11Improvement,
  Section11Standard,
  Section11Status,
} from '../api/contract';
import { slugify } from './csv';

/**
 * The rules of a Section 11 self-assessment, written once for the data service and the demo API:
 * what is late, how a draft and the committee's moderation merge into the answers kept, and what
 * the board's assurance view shows.
 */

/** Not yet submitted (or accepted) and the due date has passed, in a cycle still open. */
export const isLate = (status: Section11Status, dueDate: string, today: string, open = true) =>
  open && (status === 'not-started' || status === 'draft' || status === 'sent-back') && today > dueDate;

export const emptyAnswer = (standardId: string): Section11Answer => ({
  standardId,
  rating: null,
  notApplicableReason: '',
  evidence: '',
  links: [],
  committeeRating: null,
  challenge: '',
  agencyResponse: '',
});

/** The agency's draft over the answers kept, one per standard: the committee's notes stay. */
export function mergeDraft(
  standards: readonly Section11Standard[],
  kept: readonly Section11Answer[],
  request: SaveSection11AssessmentRequest,
  existingImprovements: readonly Section11Improvement[],
): { answers: Section11Answer[]; improvements: Section11Improvement[] } {
  const answers = standards.map((standard) => {
    const given = request.answers.find((a) => a.standardId === standard.id);
    const before = kept.find((a) => a.standardId === standard.id) ?? emptyAnswer(standard.id);
    return given
      ? {
          ...before,
          rating: given.rating,
          notApplicableReason: given.notApplicableReason,
          evidence: given.evidence,
          links: given.links,
        }
      : before;
  });
  const known = new Map(existingImprovements.map((i) => [i.id, i]));
  const used = new Set(existingImprovements.map((i) => i.id));
  const improvements = request.improvements.map((given): Section11Improvement => {
    const existing = given.id ? known.get(given.id) : undefined;
    let id = existing?.id;
    if (!id) {
      const base = slugify(given.description, 40, 'action');
      id = base;
      for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
      used.add(id);
    }
    return {
      id,
      standardId: given.standardId,
      description: given.description,
      owner: given.owner,
      dueDate: given.dueDate,
      status: given.status,
      actionId: existing?.actionId ?? null,
    };
  });
  return { answers, improvements };
}

/** The committee's ratings (kept only where they differ from the agency's), challenges and answers. */
export function mergeModeration(
  standards: readonly Section11Standard[],
  kept: readonly Section11Answer[],
  moderation: readonly {
    standardId: string;
    committeeRating: Section11Answer['committeeRating'];
    challenge: string;
    agencyResponse: string;
  }[],
): Section11Answer[] {
  return standards.map((standard) => {
    const before = kept.find((a) => a.standardId === standard.id) ?? emptyAnswer(standard.id);
    const given = moderation.find((m) => m.standardId === standard.id);
    if (!given) return before;
    return {
      ...before,
      committeeRating: given.committeeRating === before.rating ? null : given.committeeRating,
      challenge: given.challenge,
      agencyResponse: given.agencyResponse,
    };
  });
}

export interface AssuranceInput {
  cycle: {
    id: string;
    title: string;
    openedOn: string;
    dueDate: string;
    closedOn: string | null;
    standards: Section11Standard[];
  };
  assessments: {
    agencyId: string;
    agencyName: string;
    status: Section11Status;
    answers: Section11Answer[];
    improvements: Section11Improvement[];
  }[];
  /** Each agency's last accepted self-assessment before this cycle. */
  previous: Map<string, { cycleTitle: string; answers: Section11Answer[] }>;
}

/**
 * What every member sees of the latest cycle: ratings only from accepted self-assessments (the
 * committee's beside the agency's where it differs), each with the agency's previous one, and
 * the improvement actions agreed.
 */
export function assuranceOf(input: AssuranceInput, today: string): Section11Assurance {
  const { cycle, assessments, previous } = input;
  const agreed = assessments.filter((a) => a.status === 'accepted').flatMap((a) => a.improvements);
  return {
    cycle: {
      id: cycle.id,
      title: cycle.title,
      openedOn: cycle.openedOn,
      dueDate: cycle.dueDate,
      closedOn: cycle.closedOn,
    },
    previousCycleTitle: [...previous.values()][0]?.cycleTitle ?? null,
    standards: cycle.standards,
    rows: assessments.map((row) => ({
      agencyId: row.agencyId,
      agencyName: row.agencyName,
      status: row.status,
      late: isLate(row.status, cycle.dueDate, today, cycle.closedOn === null),
      ratings: cycle.standards.map((standard) => {
        const answer =
          row.status === 'accepted' ? row.answers.find((a) => a.standardId === standard.id) : undefined;
        const before = previous.get(row.agencyId)?.answers.find((a) => a.standardId === standard.id);
        return {
          standardId: standard.id,
          rating: answer?.rating ?? null,
          committeeRating: answer?.committeeRating ?? null,
          previous: before ? (before.committeeRating ?? before.rating) : null,
        };
      }),
    })),
    improvements: {
      open: agreed.filter((i) => i.status === 'open').length,
      complete: agreed.filter((i) => i.status === 'complete').length,
      overdue: agreed.filter((i) => i.status === 'open' && i.dueDate < today).length,
    },
  };
}
