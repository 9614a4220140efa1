import {
  ACTION_IN_PLAN,
  actionRepeatKey,
  completedDateAfter,
  AUDIT_IN_PROGRAMME,
  auditRepeatKey,
  quarterLastDay,
  withRecommendations,
  type AddOfstedRecommendationsRequest,
  type OfstedRecommendationList,
  type Action,
  type ActionEditRequest,
  type Annotation,
  type Board,
  type AnnotationEditRequest,
  type CreateAnnotationRequest,
  type ActionPlan,
  type Audit,
  changeAuditActions,
  type AuditActionChange,
  type AuditActionEditRequest,
  type AuditPlanRequest,
  type CancelAuditRequest,
  type CreateActionRequest,
  type CreateAuditRequest,
  type CreatePriorityRequest,
  type EndpointName,
  type CreatePartnershipLinkRequest,
  type Funding,
  type ImportActionsRequest,
  type ImportAuditsRequest,
  type FundingYear,
  type FundingYearRequest,
  type Partnership,
  type PartnershipLinkEditRequest,
  type SpendingYearRequest,
  type Priority,
  type PriorityEditRequest,
  reviewRecommendations,
  type CreateReviewRequest,
  type LinkedBoardsRequest,
  type SeriousCaseReview,
} from '../src/api/contract';
import { slugify } from '../src/lib/csv';

interface Reply {
  status: number;
  body: unknown;
}

interface Records {
  /** The board's years: a record retired now is retired in its latest. */
  board: Pick<Board, 'reportingYears'>;
  annotations: Annotation[];
  audits: Audit[];
  actionPlan: ActionPlan;
  ofstedRecommendations: OfstedRecommendationList;
  funding: Funding;
  partnership: Partnership;
  seriousCaseReviews: SeriousCaseReview[];
}

const clone = <T>(value: T): T => structuredClone(value);
const latestYear = (years: readonly string[]) => [...years].sort().at(-1)!;
export const notFound = (what: string): Reply => ({ status: 404, body: { message: `${what} not found` } });
/** 409 with the record as it now stands, as the data service answers a stale save. */
export const conflict = (what: string, current: unknown): Reply => ({
  status: 409,
  body: {
    message: `Someone else saved a change to this ${what} after you opened it. Their version is shown; your changes have not been saved.`,
    current: clone(current),
  },
});
const refused = (field: string, message: string): Reply => ({
  status: 422,
  body: { message: 'Some fields need correcting', fieldErrors: { [field]: [message] } },
});

function freeId(taken: readonly { id: string }[], title: string, fallback: string): string {
  const base = slugify(title, 60, fallback);
  let id = base;
  for (let n = 2; taken.some((t) => t.id === id); n += 1) id = `${base}-${n}`;
  return id;
}

const plan = (p: CreateAuditRequest) => ({
  title: p.title,
  theme: p.theme,
  kind: p.kind,
  leadAgency: p.leadAgency,
  agencies: p.agencies,
  plannedDate: p.plannedDate ?? quarterLastDay(p.plannedQuarter!),
  plannedQuarter: p.plannedQuarter,
  casesToSample: p.casesToSample,
});

function addAudit(data: Records, request: CreateAuditRequest): Audit {
  const created: Audit = {
    id: freeId(data.audits, request.title, 'audit'),
    ...plan(request),
    cancelledReason: null,
    status: 'planned',
    completedDate: null,
    casesAudited: null,
    grades: null,
    actionsArising: [],
    version: 1,
  };
  data.audits.push(created);
  return clone(created);
}

const renumber = (priorities: Priority[]) => {
  let n = 0;
  for (const p of priorities) if (!p.retired) p.number = ++n;
};

const answers = (r: CreateActionRequest) => ({
  title: r.title,
  owner: r.owner,
  dueDate: r.dueDate,
  ofstedRecommendationIds: r.ofstedRecommendationIds,
  auditIds: r.auditIds,
  reviewIds: r.reviewIds,
});

/** The endpoints `writeBoardRecord` answers. */
export const boardRecordEndpoints: readonly EndpointName[] = [
  'createAudit',
  'importAudits',
  'updateAuditPlan',
  'cancelAudit',
  'addAuditAction',
  'editAuditAction',
  'closeAuditAction',
  'retireAuditAction',
  'createPriority',
  'updatePriority',
  'movePriority',
  'retirePriority',
  'createAction',
  'importActions',
  'editAction',
  'closeAction',
  'addOfstedRecommendations',
  'createAnnotation',
  'editAnnotation',
  'retireAnnotation',
  'saveFundingYear',
  'saveSpendingYear',
  'createPartnershipLink',
  'editPartnershipLink',
  'retirePartnershipLink',
  'saveLinkedBoards',
  'createReview',
  'editReview',
  'retireReview',
];

/**
 * The demo API's writes to the audit programme, the action plan and the chart events, as the data service does
 * them (ids from titles, versions, 409 with the record as it stands); kept in the browser only.
 * `body` has passed the contract's request schema. Null when the endpoint is not one of these.
 */
export function writeBoardRecord(
  data: Records,
  name: EndpointName,
  params: Record<string, string>,
  body: unknown,
  today: string,
  author: string,
): Reply | null {
  const audit = data.audits.find((a) => a.id === params.id);
  const event = data.annotations.find((a) => a.id === params.id);
  // A retired link or review is kept, shown in the years before, and never changed again.
  const link = data.partnership.links.find((l) => l.id === params.id && !l.retiredIn);
  const review = data.seriousCaseReviews.find((r) => r.id === params.id && !r.retiredIn);
  const priorities = data.actionPlan.priorities;
  const priority = priorities.find((p) => p.id === params.id);
  const found = priorities
    .flatMap((p) => p.actions.map((a) => ({ p, a })))
    .find(({ a }) => a.id === params.id);
  const usable = (id: string) => {
    const p = priorities.find((x) => x.id === id);
    return !p
      ? refused('priorityId', 'Choose a priority of the plan')
      : p.retired
        ? refused('priorityId', 'That priority is retired: choose one in use')
        : p;
  };
  const stale = (record: { version: number } | undefined, what: string): Reply | null =>
    !record
      ? notFound(`The ${what} "${params.id}"`)
      : record.version !== (body as { version: number }).version
        ? conflict(what, record)
        : null;

  switch (name) {
    case 'createAudit':
      return { status: 201, body: addAudit(data, body as CreateAuditRequest) };
    case 'importAudits': {
      // All or none, as the data service: a repeat of the programme or of the file names its row.
      const taken = new Set(data.audits.map(auditRepeatKey));
      const sent = new Set<string>();
      for (const [i, request] of (body as ImportAuditsRequest).audits.entries()) {
        const key = auditRepeatKey(request);
        if (taken.has(key) || sent.has(key))
          return refused(
            `audits[${i}].title`,
            taken.has(key) ? AUDIT_IN_PROGRAMME : 'This audit is listed twice for the same year',
          );
        sent.add(key);
      }
      const added = (body as ImportAuditsRequest).audits.map((request) => addAudit(data, request));
      return { status: 201, body: { audits: added } };
    }
    case 'updateAuditPlan':
      return (
        stale(audit, 'audit') ??
        (Object.assign(audit!, plan(body as AuditPlanRequest), { version: audit!.version + 1 }),
        { status: 200, body: audit })
      );
    case 'cancelAudit': {
      const problem = stale(audit, 'audit');
      if (problem) return problem;
      if (audit!.status === 'completed') return refused('reason', 'A completed audit cannot be cancelled');
      Object.assign(audit!, {
        status: 'cancelled',
        cancelledReason: (body as CancelAuditRequest).reason,
        version: audit!.version + 1,
      });
      return { status: 200, body: audit };
    }
    case 'addAuditAction':
    case 'editAuditAction':
    case 'closeAuditAction':
    case 'retireAuditAction': {
      const problem = stale(audit, 'audit');
      if (problem) return problem;
      const fields = body as AuditActionEditRequest;
      const actionId = params.actionId ?? '';
      const change: AuditActionChange =
        name === 'addAuditAction'
          ? {
              kind: 'add',
              id: freeId(
                data.audits.flatMap((a) => a.actionsArising),
                fields.description,
                'action',
              ),
              fields,
            }
          : name === 'editAuditAction'
            ? { kind: 'edit', actionId, fields }
            : { kind: name === 'closeAuditAction' ? 'close' : 'retire', actionId };
      const result = changeAuditActions(audit!.actionsArising, change, today);
      if ('notFound' in result) return notFound(`The action "${result.notFound}"`);
      if ('refused' in result) return refused('version', result.refused);
      Object.assign(audit!, { actionsArising: result.actions, version: audit!.version + 1 });
      return { status: name === 'addAuditAction' ? 201 : 200, body: audit };
    }
    case 'createPriority': {
      const request = body as CreatePriorityRequest;
      const created: Priority = {
        id: freeId(priorities, request.title, 'priority'),
        number: priorities.filter((p) => !p.retired).length + 1,
        ...request,
        retired: false,
        actions: [],
        version: 1,
      };
      priorities.push(created);
      return { status: 201, body: created };
    }
    case 'updatePriority':
      return (
        stale(priority, 'priority') ??
        (Object.assign(priority!, body as PriorityEditRequest, { version: priority!.version + 1 }),
        { status: 200, body: priority })
      );
    case 'movePriority': {
      const problem = stale(priority, 'priority');
      if (problem) return problem;
      const inUse = priorities.filter((p) => !p.retired);
      const at = inUse.indexOf(priority!);
      const other = inUse[(body as { direction: string }).direction === 'up' ? at - 1 : at + 1];
      if (!other) return refused('direction', 'This priority cannot move further that way');
      const [i, j] = [priorities.indexOf(priority!), priorities.indexOf(other)];
      [priorities[i], priorities[j]] = [other, priority!];
      priority!.version += 1;
      other.version += 1;
      renumber(priorities);
      return { status: 200, body: data.actionPlan };
    }
    case 'retirePriority':
      return (
        stale(priority, 'priority') ??
        (Object.assign(priority!, { retired: true, version: priority!.version + 1 }),
        renumber(priorities),
        { status: 200, body: priority })
      );
    case 'createAction': {
      const request = body as CreateActionRequest;
      const target = usable(request.priorityId);
      if ('status' in target) return target;
      const created: Action = {
        id: freeId(
          priorities.flatMap((p) => p.actions),
          request.title,
          'action',
        ),
        ...answers(request),
        status: 'not-started',
        progress: 0,
        updates: [],
        addedDate: today,
        completedDate: null,
        version: 1,
      };
      target.actions.push(created);
      return { status: 201, body: created };
    }
    case 'importActions': {
      // All or none, as the data service: each under the priority in use of its title, or a new one.
      const { actions } = body as ImportActionsRequest;
      const taken = new Set(priorities.flatMap((p) => p.actions).map(actionRepeatKey));
      const sent = new Set<string>();
      for (const [i, action] of actions.entries()) {
        const key = actionRepeatKey(action);
        if (taken.has(key) || sent.has(key))
          return refused(
            `actions[${i}].title`,
            taken.has(key) ? ACTION_IN_PLAN : 'This action is listed twice for the same year',
          );
        sent.add(key);
      }
      const norm = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();
      for (const { priority, ...action } of actions) {
        const found = priorities.find((p) => !p.retired && norm(p.title) === norm(priority));
        const target =
          found ??
          (writeBoardRecord(data, 'createPriority', {}, { title: priority, description: '' }, today, author)!
            .body as Priority);
        writeBoardRecord(data, 'createAction', {}, { ...action, priorityId: target.id }, today, author);
      }
      return { status: 201, body: data.actionPlan };
    }
    case 'editAction': {
      const problem = stale(found?.a, 'action');
      if (problem) return problem;
      const request = body as ActionEditRequest;
      const target = usable(request.priorityId);
      if ('status' in target) return target;
      const { p, a } = found!;
      Object.assign(a, answers(request), { version: a.version + 1 });
      if (target !== p) {
        p.actions.splice(p.actions.indexOf(a), 1);
        target.actions.push(a);
      }
      return { status: 200, body: a };
    }
    case 'closeAction': {
      const problem = stale(found?.a, 'action');
      if (problem) return problem;
      const a = found!.a;
      const note = (body as { note?: string }).note;
      Object.assign(a, {
        status: 'complete',
        progress: 100,
        completedDate: completedDateAfter(a, 'complete', today),
        version: a.version + 1,
      });
      if (note)
        a.updates.push({ id: `update-${a.updates.length + 1}-${Date.now()}`, date: today, author, note });
      return { status: 200, body: a };
    }
    case 'addOfstedRecommendations':
      data.ofstedRecommendations = withRecommendations(
        data.ofstedRecommendations,
        body as AddOfstedRecommendationsRequest,
      );
      return { status: 201, body: data.ofstedRecommendations };
    case 'createAnnotation': {
      const created: Annotation = {
        id: freeId(data.annotations, (body as CreateAnnotationRequest).label, 'event'),
        ...(body as CreateAnnotationRequest),
        version: 1,
      };
      data.annotations.push(created);
      return { status: 201, body: created };
    }
    case 'editAnnotation':
      return (
        stale(event, 'chart event') ??
        (Object.assign(event!, body as AnnotationEditRequest, { version: event!.version + 1 }),
        { status: 200, body: event })
      );
    case 'retireAnnotation':
      // Kept by the data service, in its audit trail; the demo only stops answering it.
      return (
        stale(event, 'chart event') ??
        (data.annotations.splice(data.annotations.indexOf(event!), 1),
        { status: 200, body: { ...event!, version: event!.version + 1 } })
      );
    case 'saveFundingYear':
      return saveFundingYear(data, params.year!, body as FundingYearRequest);
    case 'saveSpendingYear':
      return saveSpendingYear(data, params.year!, body as SpendingYearRequest);
    case 'createPartnershipLink': {
      const created = {
        id: freeId(data.partnership.links, (body as CreatePartnershipLinkRequest).title, 'link'),
        ...(body as CreatePartnershipLinkRequest),
        version: 1,
      };
      data.partnership.links.push(created);
      return { status: 201, body: created };
    }
    case 'editPartnershipLink':
      return (
        stale(link, 'partnership link') ??
        (Object.assign(link!, body as PartnershipLinkEditRequest, { version: link!.version + 1 }),
        { status: 200, body: link })
      );
    case 'retirePartnershipLink':
      return (
        stale(link, 'partnership link') ??
        (Object.assign(link!, {
          version: link!.version + 1,
          retiredIn: latestYear(data.board.reportingYears),
        }),
        { status: 200, body: link })
      );
    case 'saveLinkedBoards': {
      const current = {
        linkedBoardsCount: data.partnership.linkedBoardsCount,
        version: data.partnership.linkedBoardsVersion ?? 1,
      };
      if (current.version !== (body as LinkedBoardsRequest).version)
        return conflict('number of linked boards', current);
      const saved = {
        linkedBoardsCount: (body as LinkedBoardsRequest).linkedBoardsCount,
        version: current.version + 1,
      };
      Object.assign(data.partnership, {
        linkedBoardsCount: saved.linkedBoardsCount,
        linkedBoardsVersion: saved.version,
      });
      return { status: 200, body: saved };
    }
    case 'createReview': {
      const request = body as CreateReviewRequest;
      const created = {
        id: freeId(data.seriousCaseReviews, request.title, 'review'),
        ...reviewOf(request),
        version: 1,
      };
      data.seriousCaseReviews.push(created);
      return { status: 201, body: created };
    }
    case 'editReview': {
      // The actions of an old record recorded without a recommendation stay with it.
      const own = review?.actions.filter((a) => !review.recommendations?.some((r) => r.actions.includes(a)));
      const changed = { ...reviewOf(body as CreateReviewRequest, own), version: (review?.version ?? 0) + 1 };
      return stale(review, 'review') ?? (Object.assign(review!, changed), { status: 200, body: review });
    }
    case 'retireReview':
      // Kept with the day it was retired; its reason is in the data service's audit trail.
      return (
        stale(review, 'review') ??
        (Object.assign(review!, {
          version: review!.version + 1,
          retiredIn: latestYear(data.board.reportingYears),
        }),
        {
          status: 200,
          body: review,
        })
      );
    default:
      return null;
  }
}

/** A review as saved from a request: its actions are those of its recommendations, after its own. */
function reviewOf(request: CreateReviewRequest, own: SeriousCaseReview['actions'] = []) {
  const recommendations = reviewRecommendations(request.recommendations);
  return {
    title: request.title,
    type: request.type,
    reviewDate: request.reviewDate,
    publishedDate: request.publishedDate,
    summary: request.summary,
    learningThemes: request.learningThemes,
    recommendations,
    actions: [...own, ...recommendations.flatMap((r) => r.actions)],
  };
}

/** A year's contributions replaced by the table sent, as the data service saves them. */
function saveFundingYear(data: Records, year: string, request: FundingYearRequest): Reply {
  const funding = data.funding;
  const tableOf = (version: number): FundingYear => ({
    year,
    version,
    contributions: funding.contributions.filter((c) => c.year === year),
  });
  const current = funding.years.find((y) => y.year === year);
  if ((current?.version ?? 0) !== request.version)
    return conflict('year’s funding', tableOf(current?.version ?? 0));
  const version = request.version + 1;
  funding.years = [...funding.years.filter((y) => y.year !== year), { year, version }].sort((a, b) =>
    a.year.localeCompare(b.year),
  );
  funding.contributions = [
    ...funding.contributions.filter((c) => c.year !== year),
    ...request.contributions.map((c) => ({ ...c, year })),
  ].sort((a, b) => a.year.localeCompare(b.year));
  return { status: 200, body: tableOf(version) };
}

/** A year's spending replaced by the table sent, as the data service saves it. */
function saveSpendingYear(data: Records, year: string, request: SpendingYearRequest): Reply {
  const funding = data.funding;
  const current = funding.spendingYears.find((y) => y.year === year);
  const tableOf = (version: number) => ({
    year,
    version,
    lines: funding.spending.filter((l) => l.year === year),
  });
  if ((current?.version ?? 0) !== request.version)
    return conflict('year’s spending', tableOf(current?.version ?? 0));
  const version = request.version + 1;
  funding.spendingYears = [...funding.spendingYears.filter((y) => y.year !== year), { year, version }].sort(
    (a, b) => a.year.localeCompare(b.year),
  );
  funding.spending = [
    ...funding.spending.filter((l) => l.year !== year),
    ...request.lines.map((l) => ({ ...l, year })),
  ].sort((a, b) => a.year.localeCompare(b.year));
  return { status: 200, body: tableOf(version) };
}
