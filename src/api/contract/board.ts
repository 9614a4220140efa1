import { z } from '../zod';
import { financialYearSchema, idSchema, isoDateSchema, nonEmpty } from './common';

export const ofstedJudgementSchema = z.enum(['outstanding', 'good', 'requires-improvement', 'inadequate']);

export const boardSchema = z
  .object({
    id: idSchema,
    name: nonEmpty(),
    shortName: nonEmpty(),
    area: z.object({
      name: nonEmpty(),
      /** ONS code, `E08000031`. */
      laCode: z.string().check(z.regex(/^E\d{8}$/)),
      /** DfE three-digit code, `336`. */
      oldLaCode: z.string().check(z.regex(/^\d{3}$/)),
      region: nonEmpty(),
    }),
    reportingYears: z.array(financialYearSchema).check(z.minLength(1)),
    currentYear: financialYearSchema,
    /** The date the board's figures run to. */
    dataAsAt: isoDateSchema,
    ofsted: z.object({
      judgement: ofstedJudgementSchema,
      inspectionTitle: nonEmpty(),
      publishedDate: isoDateSchema,
      summary: z.string(),
      /** The page of the board's annual report that lists Ofsted's recommendations. */
      recommendationsPage: z.int().check(z.positive()),
    }),
    /** Shown in the footer when any of the board's data is invented for demonstration. */
    illustrativeNotice: z.nullable(z.string()),
  })
  .check(
    z.refine((board) => board.reportingYears.includes(board.currentYear), {
      message: 'currentYear must be one of reportingYears',
      path: ['currentYear'],
    }),
  );

export type Board = z.infer<typeof boardSchema>;
export type OfstedJudgement = z.infer<typeof ofstedJudgementSchema>;
