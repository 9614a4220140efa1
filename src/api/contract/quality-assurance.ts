import { slugify } from '../../lib/csv';
import { z, type RefinementCtx } from '../zod';
import { financialYearSchema, idSchema, isoDateSchema, nonEmpty } from './common';
import { quarterSchema } from './returns';

export const auditStatusSchema = z.enum(['planned', 'in-progress', 'completed', 'cancelled']);

const count = () =>
  z.int({ error: 'Enter a whole number' }).check(z.gte(0, 'Enter a number that is 0 or more'));

export const gradeCountsSchema = z.object({
  outstanding: count(),
  good: count(),
  requiresImprovement: count(),
  inadequate: count(),
});

export const auditActionSchema = z.object({
  id: idSchema,
  description: nonEmpty(),
  owner: nonEmpty(),
  dueDate: isoDateSchema,
  status: z.enum(['open', 'complete']),
  /** The day it was closed; null while open, left out on an action closed before it was kept. */
  closedDate: z.optional(z.nullable(isoDateSchema)),
  /** Retired (added by mistake, no longer wanted): kept and shown as retired, never carried over. */
  retired: z.optional(z.boolean()),
});

/** The fields a user records as an audit progresses; shared by the resource and its PATCH. */
const auditProgressShape = {
  status: auditStatusSchema,
  completedDate: z.nullable(z.iso.date({ error: 'Enter a real date, for example 3 April 2017' })),
  casesAudited: z.nullable(
    z
      .int({ error: 'Enter the number of cases as a whole number' })
      .check(z.gte(0, 'Cases audited cannot be negative'), z.lte(500, 'An audit looks at 500 cases at most')),
  ),
  grades: z.nullable(gradeCountsSchema),
};

interface AuditProgress {
  status: z.infer<typeof auditStatusSchema>;
  completedDate: string | null;
  casesAudited: number | null;
  grades: z.infer<typeof gradeCountsSchema> | null;
}

function checkAuditProgress(audit: AuditProgress, ctx: RefinementCtx<AuditProgress>) {
  if (audit.status === 'completed') {
    if (audit.completedDate === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['completedDate'],
        message: 'Enter the date the audit was completed',
      });
    }
    if (audit.casesAudited === null || audit.casesAudited < 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['casesAudited'],
        message: 'Enter how many cases were audited (at least 1)',
      });
    }
    if (audit.grades === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['grades'],
        message: 'Enter the grades given to the audited cases',
      });
    }
  }
  if (audit.grades !== null && audit.casesAudited !== null) {
    const graded = Object.values(audit.grades).reduce((sum, n) => sum + n, 0);
    if (graded !== audit.casesAudited) {
      ctx.addIssue({
        code: 'custom',
        path: ['grades'],
        message: `The grades add up to ${graded}, but ${audit.casesAudited} cases were audited`,
      });
    }
  }
}

const text = (what: string, max = 200) =>
  z.string().check(z.trim(), z.minLength(1, `Enter ${what}`), z.maxLength(max, `At most ${max} characters`));

export const auditKindSchema = z.enum(['multi-agency', 'single-agency']);

/** What an audit's plan says: shared by adding an audit and changing its plan. */
const auditPlanShape = {
  title: text('the audit’s title'),
  theme: text('its theme or priority'),
  kind: auditKindSchema,
  leadAgency: text('the agency leading it'),
  agencies: z
    .array(text('an agency', 120))
    .check(z.minLength(1, 'Choose at least one agency taking part'), z.maxLength(30)),
  /** The planned date, or else a quarter: the audit is then due by the quarter's last day. */
  plannedDate: z.nullable(z.iso.date({ error: 'Enter a real date, for example 3 April 2017' })),
  plannedQuarter: z.nullable(quarterSchema),
  casesToSample: z.nullable(
    z
      .int({ error: 'Enter the number of cases as a whole number' })
      .check(z.gte(1, 'Sample at least 1 case'), z.lte(500, 'An audit looks at 500 cases at most')),
  ),
};

interface AuditPlan {
  plannedDate: string | null;
  plannedQuarter: string | null;
}

function checkAuditPlan(plan: AuditPlan, ctx: RefinementCtx<AuditPlan>) {
  if (plan.plannedDate === null && plan.plannedQuarter === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['plannedDate'],
      message: 'Enter the planned date or choose a quarter',
    });
  }
}

/** POST /audits: add an audit to the programme (it starts planned). */
export const createAuditRequestSchema = z.object(auditPlanShape).check(z.superRefine(checkAuditPlan));

/**
 * POST /audits/import: a programme loaded from the board's spreadsheet. Every audit is checked as
 * one added by the form; they are added together or not at all.
 */
export const importAuditsRequestSchema = z.object({
  audits: z
    .array(createAuditRequestSchema)
    .check(z.minLength(1, 'Add at least one audit'), z.maxLength(500, 'Load at most 500 audits at a time')),
});

/** PUT /audits/{id}/plan: change an audit's plan, based on `version` (409 if stale). */
export const auditPlanRequestSchema = z
  .object({ ...auditPlanShape, version: z.int() })
  .check(z.superRefine(checkAuditPlan));

/** POST /audits/{id}/cancel: an audit is cancelled with a reason, never deleted. */
export const cancelAuditRequestSchema = z.object({
  reason: text('why the audit is cancelled', 1000),
  version: z.int(),
});

/** What an action arising says: shared by adding one and changing it. */
const auditActionShape = {
  description: text('what the action is', 300),
  owner: text('who owns it', 120),
  dueDate: z.iso.date({ error: 'Enter a real date, for example 31 March 2019' }),
};

/**
 * POST /audits/{id}/actions: add an action arising from an audit (it starts open). `version` is
 * the audit's: its actions are part of it, so a stale one gets 409 with the audit as it stands.
 */
export const createAuditActionRequestSchema = z.object({ ...auditActionShape, version: z.int() });

/** PUT /audits/{id}/actions/{actionId}: change an action arising, based on the audit's `version`. */
export const auditActionEditRequestSchema = z.object({ ...auditActionShape, version: z.int() });

/**
 * POST /audits/{id}/actions/{actionId}/close (complete, on the day) and .../retire (kept, shown as
 * retired): based on the audit's `version`.
 */
export const auditActionChangeRequestSchema = z.object({ version: z.int() });

export const auditSchema = z
  .object({
    id: idSchema,
    title: nonEmpty(),
    theme: nonEmpty(),
    kind: auditKindSchema,
    leadAgency: nonEmpty(),
    agencies: z.array(nonEmpty()).check(z.minLength(1)),
    plannedDate: isoDateSchema,
    /** Planned for a quarter rather than a day: `plannedDate` is then the quarter's last day. */
    plannedQuarter: z.optional(z.nullable(quarterSchema)),
    casesToSample: z.optional(z.nullable(z.int())),
    /** Why it was cancelled; the audit stays in the programme, shown as cancelled. */
    cancelledReason: z.optional(z.nullable(z.string())),
    ...auditProgressShape,
    actionsArising: z.array(auditActionSchema),
    /** Goes up by one with every saved change; a save must name the version it was based on. */
    version: z.int().check(z.positive()),
  })
  .check(z.superRefine(checkAuditProgress));

export const auditListSchema = z.object({
  audits: z.array(auditSchema),
  /**
   * Asked for one reporting year (`?year=`): how many audits the programme holds in every year, so
   * a year with none can say whether the programme is empty. Left out of the whole list.
   */
  total: z.optional(z.int().check(z.gte(0))),
});

/**
 * GET /audits?year=2017-18: only what that reporting year shows, worked out from dates as the page
 * does (`auditsShownInYear` in `lib/carry-over`): the audits planned in it, those carried into it, and
 * earlier audits with an action arising still open when it began. Without `year`, every audit (the
 * meeting pack, the new year and the overview's audit tile read the whole programme).
 */
export const auditListQuerySchema = z.object({ year: z.optional(financialYearSchema) });

/**
 * PATCH /audits/{id}: record an audit's progress. `version` is the version the change was based
 * on; if someone has saved since, the answer is 409 with the audit as it now stands.
 */
export const auditUpdateRequestSchema = z
  .object({ ...auditProgressShape, version: z.int() })
  .check(z.superRefine(checkAuditProgress));

export const reviewActionSchema = z.object({
  id: idSchema,
  description: nonEmpty(),
  owner: nonEmpty(),
  dueDate: isoDateSchema,
  status: z.enum(['not-started', 'in-progress', 'complete']),
});

/**
 * A serious case review (under the Local Safeguarding Children Boards regulations), or, for cases
 * from 29 September 2019 on (Working Together 2018), a local child safeguarding practice review or
 * a rapid review. An old record keeps the old name.
 */
export const reviewTypeSchema = z.enum(['serious-case-review', 'practice-review', 'rapid-review']);

/** A review's recommendation, with the actions that answer it (each with its owner). */
export const reviewRecommendationSchema = z.object({
  id: idSchema,
  text: nonEmpty(),
  actions: z.array(reviewActionSchema),
});

export const seriousCaseReviewSchema = z.object({
  id: idSchema,
  title: nonEmpty(),
  /**
   * The review's type as recorded. Left out, it follows from the date: published before
   * 29 September 2019, a serious case review; from then on, a practice review.
   */
  type: z.optional(reviewTypeSchema),
  /** The date of the review (the case's, as the board decided to review it); old records lack it. */
  reviewDate: z.optional(z.nullable(isoDateSchema)),
  publishedDate: isoDateSchema,
  summary: z.string(),
  learningThemes: z.array(nonEmpty()),
  /** Its recommendations, each with its actions; old records have only `actions`. */
  recommendations: z.optional(z.array(reviewRecommendationSchema)),
  /** Every action of the review (those of its recommendations, in order). */
  actions: z.array(reviewActionSchema),
  /** Goes up by one with every saved change; a save must name the version it was based on. */
  version: z.int().check(z.positive()),
  /**
   * The reporting year it was retired in (the board's latest year then), once it is: a retired
   * review is kept, never changed again, and shown in the years before (`inForceInYear`).
   */
  retiredIn: z.optional(financialYearSchema),
});

/** PRACTICE_REVIEWS_FROM in `lib/wording`: the day the new kinds of review began. */
const NEW_REVIEWS_FROM = '2019-09-29';

const reviewActionRequestSchema = z.object({
  /** An action already recorded keeps its id; a new one is given one. */
  id: z.optional(idSchema),
  description: text('what the action is', 500),
  owner: text('who owns the action', 200),
  dueDate: z.iso.date({ error: 'Enter a real date, for example 31 March 2018' }),
  status: reviewActionSchema.shape.status,
});

/** What a review says: shared by adding a review and changing it. */
const reviewShape = {
  title: text('the review’s title'),
  type: reviewTypeSchema,
  reviewDate: z.iso.date({ error: 'Enter a real date, for example 3 April 2017' }),
  publishedDate: z.iso.date({ error: 'Enter a real date, for example 3 April 2017' }),
  summary: z.string().check(z.trim(), z.maxLength(4000, 'At most 4000 characters')),
  learningThemes: z
    .array(text('a theme', 200))
    .check(
      z.minLength(1, 'Enter at least one theme or learning point'),
      z.maxLength(30, 'At most 30 themes'),
    ),
  recommendations: z
    .array(
      z.object({
        id: z.optional(idSchema),
        text: text('the recommendation', 2000),
        actions: z.array(reviewActionRequestSchema).check(z.maxLength(30, 'At most 30 actions')),
      }),
    )
    .check(z.maxLength(50, 'At most 50 recommendations')),
};

interface ReviewDates {
  type: z.infer<typeof reviewTypeSchema>;
  reviewDate: string;
  publishedDate: string;
}

function checkReview(review: ReviewDates, ctx: RefinementCtx<ReviewDates>) {
  if (review.type !== 'serious-case-review' && review.reviewDate < NEW_REVIEWS_FROM) {
    ctx.addIssue({
      code: 'custom',
      path: ['type'],
      message:
        'Practice reviews and rapid reviews are for cases from 29 September 2019: choose serious case review',
    });
  }
  if (review.publishedDate < review.reviewDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['publishedDate'],
      message: 'The publication date must be on or after the review’s date',
    });
  }
}

/** POST /reviews: add a review. */
export const createReviewRequestSchema = z.object(reviewShape).check(z.superRefine(checkReview));

/** PUT /reviews/{id}: change a review, based on `version` (409 if stale). */
export const reviewEditRequestSchema = z
  .object({ ...reviewShape, version: z.int() })
  .check(z.superRefine(checkReview));

/** POST /reviews/{id}/retire: kept, with its year and reason, and shown in the years before; never deleted. */
export const retireReviewRequestSchema = z.object({
  reason: text('why the review is retired', 1000),
  version: z.int(),
});

export const seriousCaseReviewListSchema = z.object({ reviews: z.array(seriousCaseReviewSchema) });

export type AuditStatus = z.infer<typeof auditStatusSchema>;
export type GradeCounts = z.infer<typeof gradeCountsSchema>;
export type Audit = z.infer<typeof auditSchema>;
export type AuditUpdateRequest = z.infer<typeof auditUpdateRequestSchema>;
export type CreateAuditRequest = z.infer<typeof createAuditRequestSchema>;
export type AuditPlanRequest = z.infer<typeof auditPlanRequestSchema>;
export type ImportAuditsRequest = z.infer<typeof importAuditsRequestSchema>;
export type CancelAuditRequest = z.infer<typeof cancelAuditRequestSchema>;
export type AuditAction = z.infer<typeof auditActionSchema>;
export type CreateAuditActionRequest = z.infer<typeof createAuditActionRequestSchema>;
export type AuditActionEditRequest = z.infer<typeof auditActionEditRequestSchema>;
export type SeriousCaseReview = z.infer<typeof seriousCaseReviewSchema>;
export type ReviewType = z.infer<typeof reviewTypeSchema>;
export type CreateReviewRequest = z.infer<typeof createReviewRequestSchema>;
export type ReviewEditRequest = z.infer<typeof reviewEditRequestSchema>;
export type RetireReviewRequest = z.infer<typeof retireReviewRequestSchema>;

/** The last day of a quarter, `Q2 2018-19` → `2018-09-30`: an audit planned for it is due then. */
export function quarterLastDay(quarter: string): string {
  const q = Number(quarter.slice(1, 2));
  const start = Number(quarter.slice(3, 7));
  return [`${start}-06-30`, `${start}-09-30`, `${start}-12-31`, `${start + 1}-03-31`][q - 1]!;
}

type AuditActionFields = Pick<AuditAction, 'description' | 'owner' | 'dueDate'>;

/** A change to an audit's actions arising: one added (with its new id), changed, closed or retired. */
export type AuditActionChange =
  | { kind: 'add'; id: string; fields: AuditActionFields }
  | { kind: 'edit'; actionId: string; fields: AuditActionFields }
  | { kind: 'close' | 'retire'; actionId: string };

/**
 * An audit's actions arising after a change, as the data service and the demo API both make it:
 * added open, closed on `today`, retired (kept); a retired action is not changed again, nor a
 * closed one closed twice (`refused`, said on the request's `version`).
 */
export function changeAuditActions(
  actions: readonly AuditAction[],
  change: AuditActionChange,
  today: string,
): { actions: AuditAction[]; id: string } | { notFound: string } | { refused: string } {
  if (change.kind === 'add') {
    const { description, owner, dueDate } = change.fields;
    const added: AuditAction = {
      id: change.id,
      description,
      owner,
      dueDate,
      status: 'open',
      closedDate: null,
      retired: false,
    };
    return { id: added.id, actions: [...actions, added] };
  }
  const action = actions.find((a) => a.id === change.actionId);
  if (!action) return { notFound: change.actionId };
  if (action.retired) return { refused: 'This action is retired: it can no longer be changed' };
  if (change.kind === 'close' && action.status === 'complete') {
    return { refused: 'This action is already closed' };
  }
  const { description, owner, dueDate } = change.kind === 'edit' ? change.fields : action;
  const changed: AuditAction =
    change.kind === 'close'
      ? { ...action, status: 'complete', closedDate: today }
      : { ...action, description, owner, dueDate, ...(change.kind === 'retire' ? { retired: true } : {}) };
  return { id: action.id, actions: actions.map((a) => (a.id === action.id ? changed : a)) };
}

/** The financial year an audit's plan falls in: its planned date's, or its quarter's. */
export function plannedYear(plan: { plannedDate: string | null; plannedQuarter: string | null }): string {
  const date = plan.plannedDate ?? quarterLastDay(plan.plannedQuarter!);
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const start = m >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export const AUDIT_IN_PROGRAMME = 'This audit is already in the programme for that year (same title)';

/**
 * An audit that repeats one in the programme: the same title (ignoring case and spacing) in the same
 * financial year. Loading a spreadsheet twice flags these rather than adding them again.
 */
export const auditRepeatKey = (plan: {
  title: string;
  plannedDate: string | null;
  plannedQuarter?: string | null;
}): string =>
  `${plan.title.trim().replace(/\s+/g, ' ').toLowerCase()}\u0000${plannedYear({
    plannedDate: plan.plannedDate,
    plannedQuarter: plan.plannedQuarter ?? null,
  })}`;

/** Ids for what has none (or a repeated one): a slug of its words, `-2`, `-3`… if taken. */
function withIds<T extends { id?: string | undefined }>(
  items: T[],
  words: (item: T) => string,
  fallback: string,
) {
  const taken = new Set<string>();
  const kept = items.map((item) => {
    if (item.id === undefined || taken.has(item.id)) return undefined;
    taken.add(item.id);
    return item.id;
  });
  return items.map((item, i) => {
    let id = kept[i];
    if (id === undefined) {
      const base = slugify(words(item), 40, fallback);
      id = base;
      for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
      taken.add(id);
    }
    return { ...item, id };
  });
}

/**
 * A review's recommendations as saved: each, and each action, with an id unique in the review
 * (one already recorded keeps its own). The data service and the demo API both save them so.
 */
export function reviewRecommendations(
  requested: CreateReviewRequest['recommendations'],
): z.output<typeof reviewRecommendationSchema>[] {
  const recommendations = withIds(requested, (r) => r.text, 'recommendation');
  const actions = withIds(
    recommendations.flatMap((r) => r.actions),
    (a) => a.description,
    'action',
  );
  let next = 0;
  return recommendations.map((r) => ({
    id: r.id,
    text: r.text,
    actions: r.actions.map(() => {
      const a = actions[next++]!;
      return { id: a.id, description: a.description, owner: a.owner, dueDate: a.dueDate, status: a.status };
    }),
  }));
}
