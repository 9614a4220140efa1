import { z } from '../zod';
import { eesSymbolSchema, unitSchema } from './indicators';
import { frequencySchema, idSchema, isoDateSchema, nonEmpty, periodCodeSchema } from './common';

/**
 * Quarterly returns. Each partner agency sends the board's business unit the figures of the
 * indicators it owns, once a quarter. The administrator opens a round for a quarter; a
 * contributor fills in the agency's return (a draft), submits it; the administrator publishes it
 * (its figures reach the dashboard) or returns it with a comment.
 */
export const returnStatusSchema = z.enum(['not-started', 'draft', 'submitted', 'returned', 'published']);

/** A financial-year quarter, `Q1 2017-18`. */
export const quarterSchema = z
  .string()
  .check(z.regex(/^Q[1-4] \d{4}-\d{2}$/, 'Choose a quarter such as Q1 2017-18'));

const personStampSchema = z.nullable(z.object({ name: nonEmpty(), at: z.iso.datetime() }));

export const agencyReturnSummarySchema = z.object({
  agencyId: idSchema,
  agencyName: nonEmpty(),
  status: returnStatusSchema,
  /** Not yet submitted (or published) and the due date has passed. */
  late: z.boolean(),
  /** How many figures the return asks for, and how many are filled in. */
  itemCount: z.int().check(z.gte(0)),
  filledCount: z.int().check(z.gte(0)),
  submitted: personStampSchema,
  published: personStampSchema,
});

export const returnRoundSchema = z.object({
  id: idSchema,
  quarter: quarterSchema,
  dueDate: isoDateSchema,
  opened: z.object({ name: nonEmpty(), at: z.iso.datetime() }),
  agencies: z.array(agencyReturnSummarySchema),
});

/** A return still to fill in (not started, a draft, or returned): a contributor's "Your returns". */
export const returnDueSchema = z.object({
  roundId: idSchema,
  quarter: quarterSchema,
  dueDate: isoDateSchema,
  agencyId: idSchema,
  agencyName: nonEmpty(),
  late: z.boolean(),
});

export const returnRoundListSchema = z.object({
  rounds: z.array(returnRoundSchema),
  /**
   * Asked for a page (`?page=`), what the page needs of every round: how many rounds there are, every
   * round's quarter (newest first), and the returns still to fill in, the one due soonest first (as
   * `returnsDue` in `lib/returns-due` works them out). Left out of the whole list.
   */
  total: z.optional(z.int().check(z.gte(0))),
  quarters: z.optional(z.array(quarterSchema)),
  due: z.optional(z.array(returnDueSchema)),
});

export { RETURN_ROUNDS_PAGE } from './common';

/**
 * GET /returns?page=2&pageSize=4: the rounds a page at a time, newest first (`pageSize` rounds,
 * 4 unless said, at most 40). Without `page`, every round.
 */
export const returnRoundsQuerySchema = z.object({
  page: z.optional(z.string().check(z.regex(/^[1-9]\d{0,3}$/, 'page is a number from 1'))),
  pageSize: z.optional(
    z.string().check(z.regex(/^(?:[1-9]|[1-3]\d|40)$/, 'pageSize is a number from 1 to 40')),
  ),
});

/** POST /returns: open a round. */
export const openRoundRequestSchema = z.object({
  quarter: quarterSchema,
  dueDate: z.iso.date({ error: 'Enter a real date, for example 30 April 2018' }),
  /**
   * A due date that has already passed makes every return late at once, so it is refused unless
   * the administrator says that is meant (a round opened after the event, to collect late figures).
   */
  confirmPastDueDate: z.optional(z.boolean()),
});

/** Why a due date that has passed is refused without the administrator's confirmation. */
export const PAST_DUE_DATE_PROBLEM =
  'That date has passed, so every return would be late at once: choose a later date, or confirm that the round opens with a due date that has passed';

/** A change of more than this fraction from the last figure is worth a second look. */
export const LARGE_CHANGE = 0.5;

/**
 * Whether a figure moved by more than LARGE_CHANGE from the last one: such a figure needs a note
 * saying why, or the contributor's tick that they have checked it, before the return is submitted.
 * The form warns with it and the data service enforces it, so the two never disagree.
 */
export function isLargeChange(last: number | null | undefined, value: number | null): boolean {
  if (value === null || last === null || last === undefined || value === last) return false;
  return last === 0 || Math.abs(value - last) / Math.abs(last) > LARGE_CHANGE;
}

/** What a large change without a note or a tick needs, worded the same by the form and the service. */
export const largeChangeProblem = (item: {
  title: string;
  period: string;
  previous: { period: string } | null;
}) =>
  `${item.title}, ${item.period} changed by more than half since ${item.previous?.period ?? 'the last figure'}: add a note saying why, or tick “I have checked this figure”`;

const figureSchema = z.object({ value: z.nullable(z.number()), symbol: z.nullable(eesSymbolSchema) });

export const returnItemSchema = z.object({
  indicatorId: idSchema,
  title: nonEmpty(),
  unit: unitSchema,
  decimalPlaces: z.int().check(z.gte(0), z.lte(3)),
  frequency: frequencySchema,
  period: periodCodeSchema,
  /** What the agency has entered, or null where nothing is entered yet. */
  entered: z.nullable(
    z.object({
      ...figureSchema.shape,
      note: z.nullable(z.string()),
      /** The contributor ticked "I have checked this figure" (a large change kept without a note). */
      checked: z.boolean(),
    }),
  ),
  /** The published figure for the period before, to compare with. */
  previous: z.nullable(z.object({ period: periodCodeSchema, ...figureSchema.shape })),
  /** The figure already published for this period, if any: a new value would correct it. */
  published: z.nullable(figureSchema),
});

export const agencyReturnSchema = z.object({
  roundId: idSchema,
  quarter: quarterSchema,
  dueDate: isoDateSchema,
  agencyId: idSchema,
  agencyName: nonEmpty(),
  status: returnStatusSchema,
  late: z.boolean(),
  /** The administrator's comment when the return was sent back, or when it was published. */
  comment: z.nullable(z.string()),
  submitted: personStampSchema,
  published: personStampSchema,
  items: z.array(returnItemSchema),
  version: z.int().check(z.positive()),
});

const returnValueSchema = z
  .object({
    indicatorId: idSchema,
    period: periodCodeSchema,
    value: z.nullable(z.number({ error: 'Enter a number' }).check(z.gte(-1e12), z.lte(1e12))),
    symbol: z.nullable(eesSymbolSchema),
    note: z.nullable(z.string().check(z.trim(), z.maxLength(1000, 'Keep the note under 1,000 characters'))),
    /** "I have checked this figure": a large change from the last figure is right as entered. */
    checked: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((item, ctx) => {
      if (item.value === null && item.symbol === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: 'Enter a figure, or say why there is none (c, x, z, low, k or u)',
        });
      }
      if (item.value !== null && item.symbol !== null && item.symbol !== 'u') {
        ctx.addIssue({
          code: 'custom',
          path: ['symbol'],
          message: `A figure marked "${item.symbol}" has no value: clear the value or the mark`,
        });
      }
    }),
  );

/** PUT /returns/{round}/{agency}: save the figures entered so far (a draft). */
export const saveReturnRequestSchema = z.object({
  version: z.int(),
  values: z.array(returnValueSchema).check(z.maxLength(5000)),
});

/** POST /returns/{round}/{agency}/submit, /publish: move a return on; `version` guards a stale page. */
export const returnTransitionRequestSchema = z.object({
  version: z.int(),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});

/**
 * POST /returns/{round}/{agency}/withdraw: a contributor takes back a return submitted by mistake,
 * before the business unit has reviewed it. It goes back to a draft with its figures.
 */
export const withdrawReturnRequestSchema = z.object({ version: z.int() });

/** POST /returns/{round}/{agency}/send-back: the administrator returns it, saying why. */
export const sendBackRequestSchema = z.object({
  version: z.int(),
  comment: z
    .string()
    .check(z.trim(), z.minLength(1, 'Say what the agency needs to change'), z.maxLength(2000)),
});

export type ReturnStatus = z.infer<typeof returnStatusSchema>;
export type ReturnRound = z.infer<typeof returnRoundSchema>;
export type ReturnDue = z.infer<typeof returnDueSchema>;
export type ReturnRoundList = z.infer<typeof returnRoundListSchema>;
export type AgencyReturnSummary = z.infer<typeof agencyReturnSummarySchema>;
export type AgencyReturn = z.infer<typeof agencyReturnSchema>;
export type ReturnItem = z.infer<typeof returnItemSchema>;
export type ReturnValue = z.infer<typeof returnValueSchema>;
export type SaveReturnRequest = z.infer<typeof saveReturnRequestSchema>;
