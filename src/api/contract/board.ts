import { z } from '../zod';
import { financialYearSchema, idSchema, isoDateSchema, nonEmpty } from './common';

export const ofstedJudgementSchema = z.enum(['outstanding', 'good', 'requires-improvement', 'inadequate']);

const ofstedSchema = z.object({
  judgement: ofstedJudgementSchema,
  inspectionTitle: nonEmpty(),
  publishedDate: isoDateSchema,
  summary: z.string(),
  /** The page of the board's annual report that lists Ofsted's recommendations. */
  recommendationsPage: z.int().check(z.positive()),
});

/**
 * What the board is: a Local Safeguarding Children Board, or (since the Children and Social Work
 * Act 2017 and Working Together 2018, everywhere by 29 September 2019) a safeguarding children
 * partnership. It sets the words the dashboard uses for it (`src/lib/wording.ts`), never its name.
 */
export const boardKindSchema = z.enum(['board', 'partnership']);

/** What describes a board, as its administrator sets it. */
const boardSettingsShape = {
  name: nonEmpty(),
  shortName: nonEmpty(),
  area: z.object({
    name: nonEmpty(),
    /** ONS code, `E08000031`. */
    laCode: z.string().check(z.regex(/^E\d{8}$/, 'An ONS code is E and eight digits, such as E08000031')),
    /** DfE three-digit code, `336`. */
    oldLaCode: z.string().check(z.regex(/^\d{3}$/, 'A DfE code has three digits, such as 336')),
    region: nonEmpty(),
  }),
  reportingYears: z.array(financialYearSchema).check(z.minLength(1, 'Keep at least one reporting year')),
  currentYear: financialYearSchema,
  /** The date the board's figures run to. */
  dataAsAt: isoDateSchema,
  /** The latest Ofsted judgement of the partnership, or null where none is recorded. */
  ofsted: z.nullable(ofstedSchema),
  /** Shown in the footer when any of the board's data is invented for demonstration. */
  illustrativeNotice: z.nullable(z.string()),
};

const currentYearReported = z.refine<{ reportingYears: string[]; currentYear: string }>(
  (board) => board.reportingYears.includes(board.currentYear),
  { message: 'The year shown first must be one of the reporting years', path: ['currentYear'] },
);

/**
 * The indicator the overview features in a panel of its own, chosen by the board's administrator;
 * null for the default, the first of the board's headline indicators.
 */
const featuredIndicatorIdSchema = z.nullable(idSchema);

/**
 * The indicator that counts the board's own audit programme (multi-agency case file audits
 * completed against the schedule), chosen by the administrator: its overview tile is worked out
 * from the audits the board records, so that it and the quality assurance page tell one story.
 * Null where no indicator does.
 */
const auditScheduleIndicatorIdSchema = z.nullable(idSchema);

export const boardSchema = z
  .object({
    id: idSchema,
    ...boardSettingsShape,
    /** A data service from before the setting answers without it: that board is a board. */
    kind: z._default(boardKindSchema, 'board'),
    featuredIndicatorId: featuredIndicatorIdSchema,
    auditScheduleIndicatorId: auditScheduleIndicatorIdSchema,
    /** Goes up by one with every saved change to the board's settings. */
    version: z.int().check(z.positive()),
  })
  .check(currentYearReported);

/**
 * PUT /board: the board's settings, by its administrator. `version` is the version being changed,
 * or null to set up a board that does not exist yet (a service started with SEED=none).
 */
export const saveBoardRequestSchema = z
  .object({
    ...boardSettingsShape,
    /**
     * Left out, it stays as it is; a board set up without it is a partnership, as every new one is
     * today.
     */
    kind: z.optional(boardKindSchema),
    /** Left out, the featured indicator stays as it is. */
    featuredIndicatorId: z.optional(featuredIndicatorIdSchema),
    /** Left out, stays as it is. */
    auditScheduleIndicatorId: z.optional(auditScheduleIndicatorIdSchema),
    version: z.nullable(z.int()),
  })
  .check(
    currentYearReported,
    z.refine((b) => new Set(b.reportingYears).size === b.reportingYears.length, {
      message: 'Each reporting year once',
      path: ['reportingYears'],
    }),
  );

/**
 * POST /board/years: the administrator starts the next reporting year, the one after the board's
 * latest. It is added to the reporting years and becomes the year shown first; nothing is copied:
 * audits and actions still open at its start are shown in it (they carry over), closed ones stay
 * in the years they belong to. `version` is the board settings' version (409 if stale).
 */
export const startYearRequestSchema = z.object({ year: financialYearSchema, version: z.int() });

export type Board = z.infer<typeof boardSchema>;
export type SaveBoardRequest = z.infer<typeof saveBoardRequestSchema>;
export type OfstedJudgement = z.infer<typeof ofstedJudgementSchema>;
export type BoardKind = z.infer<typeof boardKindSchema>;
export type StartYearRequest = z.infer<typeof startYearRequestSchema>;
