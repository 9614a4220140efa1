import { z, type RefinementCtx } from '../zod';
import { ofstedJudgementSchema } from './board';
import { financialYearSchema, idSchema, isoDateSchema, nonEmpty } from './common';

export const actionStatusSchema = z.enum(['not-started', 'on-track', 'at-risk', 'off-track', 'complete']);

export const actionUpdateNoteSchema = z.object({
  id: idSchema,
  date: isoDateSchema,
  author: nonEmpty(),
  note: nonEmpty(),
});

interface ActionProgress {
  status: z.infer<typeof actionStatusSchema>;
  progress: number;
}

function checkProgress(action: ActionProgress, ctx: RefinementCtx<ActionProgress>) {
  if (action.status === 'complete' && action.progress !== 100) {
    ctx.addIssue({ code: 'custom', path: ['progress'], message: 'A complete action is 100% done' });
  }
  if (action.status !== 'complete' && action.progress === 100) {
    ctx.addIssue({
      code: 'custom',
      path: ['status'],
      message: 'An action that is 100% done should be marked complete',
    });
  }
}

const progressSchema = z
  .int({ error: 'Enter progress as a whole number from 0 to 100' })
  .check(z.gte(0, 'Progress cannot be below 0%'), z.lte(100, 'Progress cannot be above 100%'));

export const actionSchema = z
  .object({
    id: idSchema,
    title: nonEmpty(),
    owner: nonEmpty(),
    dueDate: isoDateSchema,
    status: actionStatusSchema,
    progress: progressSchema,
    ofstedRecommendationIds: z.array(idSchema),
    /** The audits and reviews the action answers, besides Ofsted recommendations. */
    auditIds: z.optional(z.array(idSchema)),
    reviewIds: z.optional(z.array(idSchema)),
    /** The Section 11 improvement action it answers, once the committee added it to the plan. */
    section11: z.optional(
      z.object({
        cycleId: idSchema,
        agencyId: idSchema,
        improvementId: idSchema,
        agencyName: nonEmpty(),
        standardCode: nonEmpty(),
        standardTitle: nonEmpty(),
      }),
    ),
    updates: z.array(actionUpdateNoteSchema),
    /** The day the action was added to the plan; null if it was added before the plan kept dates. */
    addedDate: z.optional(z.nullable(isoDateSchema)),
    /** The day it was closed (marked complete); null while it is open. */
    completedDate: z.optional(z.nullable(isoDateSchema)),
    /** Goes up by one with every saved change; a save must name the version it was based on. */
    version: z.int().check(z.positive()),
  })
  .check(z.superRefine(checkProgress));

export const prioritySchema = z.object({
  id: idSchema,
  number: z.int().check(z.positive()),
  title: nonEmpty(),
  description: z.string(),
  /** A retired priority is kept, with its actions, and shown as retired. */
  retired: z.optional(z.boolean()),
  actions: z.array(actionSchema),
  /** Goes up by one with every saved change; a save must name the version it was based on. */
  version: z.int().check(z.positive()),
});

/**
 * An action closed before the reporting year asked for began, in brief: it is in the plan of the
 * year it closed in, and is said here for what the year's page still counts of it (how many closed
 * before, the Ofsted recommendations it answered).
 */
export const closedActionSchema = z.object({
  id: idSchema,
  priorityId: idSchema,
  title: nonEmpty(),
  owner: nonEmpty(),
  dueDate: isoDateSchema,
  status: z.literal('complete'),
  progress: z.literal(100),
  completedDate: isoDateSchema,
  ofstedRecommendationIds: z.array(idSchema),
});

export const actionPlanSchema = z.object({
  priorities: z.array(prioritySchema),
  /**
   * Asked for one reporting year (`?year=`), each priority holds only the actions open in it
   * (`actionPlanForYear` in `lib/carry-over`), and these are the actions closed before it began.
   * Left out of the whole plan.
   */
  closedBefore: z.optional(z.array(closedActionSchema)),
});

/**
 * GET /action-plan?year=2017-18: the plan as that reporting year shows it. Without `year`, the whole
 * plan (the meeting pack, the new year, the people page's owners read it).
 */
export const actionPlanQuerySchema = z.object({ year: z.optional(financialYearSchema) });

/**
 * PATCH /action-plan/actions/{id}: update an action's status and progress, optionally with a dated
 * note. `version` is the version the change was based on (409 with the action as it now stands if
 * someone has saved since).
 */
export const actionUpdateRequestSchema = z
  .object({
    status: actionStatusSchema,
    progress: progressSchema,
    version: z.int(),
    note: z.optional(
      z.string().check(z.trim(), z.minLength(1, 'Write a note or leave it out'), z.maxLength(1000)),
    ),
  })
  .check(z.superRefine(checkProgress));

const text = (what: string, max = 300) =>
  z.string().check(z.trim(), z.minLength(1, `Enter ${what}`), z.maxLength(max, `At most ${max} characters`));

const priorityShape = {
  title: text('the priority’s title'),
  description: z.string().check(z.trim(), z.maxLength(2000, 'At most 2000 characters')),
};

/** POST /action-plan/priorities: add a priority; it is numbered after the others. */
export const createPriorityRequestSchema = z.object(priorityShape);

/** PATCH /action-plan/priorities/{id}: change its title and description. */
export const priorityEditRequestSchema = z.object({ ...priorityShape, version: z.int() });

/** POST /action-plan/priorities/{id}/move: one place up or down; the plan is renumbered. */
export const movePriorityRequestSchema = z.object({
  direction: z.enum(['up', 'down']),
  version: z.int(),
});

/** POST /action-plan/priorities/{id}/retire: kept with its actions, no longer numbered. */
export const retirePriorityRequestSchema = z.object({ version: z.int() });

const idList = () => z.array(idSchema).check(z.maxLength(50));

const actionPlanShape = {
  priorityId: idSchema,
  title: text('what the action is'),
  owner: text('who owns it', 120),
  dueDate: z.iso.date({ error: 'Enter a real date, for example 31 March 2019' }),
  ofstedRecommendationIds: idList(),
  auditIds: idList(),
  reviewIds: idList(),
};

/** POST /action-plan/actions: add an action under a priority (it starts not started, 0%). */
export const createActionRequestSchema = z.object(actionPlanShape);

const { priorityId: _priorityId, ...loadedActionShape } = actionPlanShape;

/**
 * POST /action-plan/import: actions loaded from the board's spreadsheet, each under the priority in
 * use that has the title given (a priority with a new title is added). All added, or none.
 */
export const importActionsRequestSchema = z.object({
  actions: z
    .array(z.object({ priority: text('the priority it comes under'), ...loadedActionShape }))
    .check(z.minLength(1, 'Add at least one action'), z.maxLength(500, 'Load at most 500 actions at a time')),
});

export const ACTION_IN_PLAN = 'This action is already in the plan for that year (same title)';

/** An action repeating one in the plan: the same title (ignoring case and spacing) due in the same year. */
export function actionRepeatKey(action: { title: string; dueDate: string }): string {
  const [y, m] = [Number(action.dueDate.slice(0, 4)), Number(action.dueDate.slice(5, 7))];
  return `${action.title.trim().replace(/\s+/g, ' ').toLowerCase()}\u0000${m >= 4 ? y : y - 1}`;
}

/** PUT /action-plan/actions/{id}: change it, or move it to another priority (`priorityId`). */
export const actionEditRequestSchema = z.object({ ...actionPlanShape, version: z.int() });

/** POST /action-plan/actions/{id}/close: complete, 100%, with an optional closing note. */
export const closeActionRequestSchema = z.object({
  version: z.int(),
  note: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(1000))),
});

export const ofstedRecommendationSchema = z.object({
  id: idSchema,
  number: z.int().check(z.positive()),
  text: nonEmpty(),
  actionIds: z.array(idSchema),
  /** The inspection that made it, for those added through the API. */
  inspectionDate: z.optional(isoDateSchema),
  judgement: z.optional(ofstedJudgementSchema),
});

/**
 * POST /ofsted-recommendations: an inspection's recommendations, added after those already
 * recorded and numbered on from them; actions are linked to them from the action's side.
 */
export const addOfstedRecommendationsRequestSchema = z.object({
  reportTitle: text('the inspection report’s title'),
  inspectionDate: z.iso.date({ error: 'Enter a real date, for example 12 March 2019' }),
  judgement: ofstedJudgementSchema,
  recommendations: z
    .array(text('a recommendation', 1000))
    .check(z.minLength(1, 'Enter at least one recommendation'), z.maxLength(30, 'At most 30 at a time')),
});

export const ofstedRecommendationListSchema = z.object({
  reportTitle: nonEmpty(),
  page: z.int().check(z.positive()),
  recommendations: z.array(ofstedRecommendationSchema),
});

export type ActionStatus = z.infer<typeof actionStatusSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Priority = z.infer<typeof prioritySchema>;
export type ActionPlan = z.infer<typeof actionPlanSchema>;
export type ClosedAction = z.infer<typeof closedActionSchema>;
export type ActionUpdateRequest = z.infer<typeof actionUpdateRequestSchema>;
export type CreatePriorityRequest = z.infer<typeof createPriorityRequestSchema>;
export type PriorityEditRequest = z.infer<typeof priorityEditRequestSchema>;
export type CreateActionRequest = z.infer<typeof createActionRequestSchema>;
export type ImportActionsRequest = z.infer<typeof importActionsRequestSchema>;
export type ActionEditRequest = z.infer<typeof actionEditRequestSchema>;
export type AddOfstedRecommendationsRequest = z.infer<typeof addOfstedRecommendationsRequestSchema>;
export type OfstedRecommendationList = z.infer<typeof ofstedRecommendationListSchema>;
export type OfstedRecommendation = z.infer<typeof ofstedRecommendationSchema>;

/**
 * The recommendations recorded with an inspection's added after them, numbered on, each with the
 * inspection's date and judgement. The data service and the demo API both add them so.
 */
export function withRecommendations(
  list: z.input<typeof ofstedRecommendationListSchema>,
  request: z.output<typeof addOfstedRecommendationsRequestSchema>,
): z.output<typeof ofstedRecommendationListSchema> {
  const last = Math.max(0, ...list.recommendations.map((r) => r.number));
  const taken = new Set(list.recommendations.map((r) => r.id));
  const added = request.recommendations.map((text, i) => {
    let id = `rec-${last + i + 1}`;
    for (let n = 2; taken.has(id); n += 1) id = `rec-${last + i + 1}-${n}`;
    return {
      id,
      number: last + i + 1,
      text,
      actionIds: [],
      inspectionDate: request.inspectionDate,
      judgement: request.judgement,
    };
  });
  return {
    reportTitle: request.reportTitle,
    page: list.page,
    recommendations: [...list.recommendations, ...added],
  };
}

/**
 * The day an action counts as closed after its status is set to `status` on `today`: the day it was
 * first marked complete, kept while it stays complete; none once it is open again. (The data
 * service keeps the same rule in its store.)
 */
export const completedDateAfter = (
  action: Pick<Action, 'completedDate'>,
  status: ActionStatus,
  today: string,
): string | null => (status === 'complete' ? (action.completedDate ?? today) : null);
