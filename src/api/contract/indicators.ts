import { z, type RefinementCtx } from '../zod';
import {
  comparatorIdSchema,
  frequencySchema,
  idSchema,
  isoDateSchema,
  nonEmpty,
  periodCodeSchema,
  polaritySchema,
  unitSchema,
} from './common';

// In ./common, so that the meeting pack (in the page's own code) builds these and not the rest.
export { comparatorIdSchema, polaritySchema, unitSchema };

/**
 * The DfE "explore education statistics" symbols, as its data guidance lists them: `c`
 * confidential (suppressed), `x` unavailable, `z` not applicable, `low` (or `k`, where the word
 * "low" would be insensitive) a positive number that rounds to 0, `u` low reliability. A `u` may
 * stand in for a value that is withheld, or mark a value that is shown.
 */
export const eesSymbolSchema = z.enum(['c', 'x', 'z', 'low', 'k', 'u']);

export const observationSchema = z
  .object({
    period: periodCodeSchema,
    value: z.nullable(z.number()),
    symbol: z.optional(eesSymbolSchema),
  })
  .check(
    z.superRefine((obs, ctx) => {
      if (obs.value === null && obs.symbol === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['symbol'],
          message: 'A missing value needs a symbol: c, x, z, low, k or u',
        });
      }
      if (obs.value !== null && obs.symbol !== undefined && obs.symbol !== 'u') {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: `A value marked "${obs.symbol}" must be null`,
        });
      }
    }),
  );

export const themeSchema = z.enum([
  'exploitation',
  'referrals-and-assessment',
  'child-protection',
  'quality-assurance',
  'engagement',
  'partnership',
]);

export const comparatorSchema = z.object({
  id: comparatorIdSchema,
  label: nonEmpty(),
  series: z.array(observationSchema),
});

/** The form of a period code for each frequency (documented on periodCodeSchema). */
const periodForms = {
  annual: /^\d{4}-\d{2}$/,
  quarterly: /^Q[1-4] \d{4}-\d{2}$/,
  monthly: /^\d{4}-(?:0[1-9]|1[0-2])$/,
  'reporting-year': /^\d{4}$/,
  'calendar-year': /^\d{4}$/,
  'calendar-quarterly': /^Q[1-4] \d{4}$/,
  'academic-year': /^\d{4}\/\d{2}$/,
} as const;

/** What describes an indicator, besides its comparators. */
const indicatorFields = {
  id: idSchema,
  title: nonEmpty(),
  shortTitle: nonEmpty(),
  theme: themeSchema,
  definition: nonEmpty(),
  unit: unitSchema,
  decimalPlaces: z.int().check(z.gte(0), z.lte(3)),
  polarity: polaritySchema,
  frequency: frequencySchema,
  target: z.nullable(
    z.object({
      value: z.number(),
      /** How far from target still counts as amber, as a fraction of the target (0.1 = 10%). */
      tolerance: z.number().check(z.gte(0), z.lte(1)),
      description: z.optional(z.string()),
    }),
  ),
  /** Shown as a tile on the overview. */
  headline: z.boolean(),
  /** True when the figures are invented for demonstration. */
  illustrative: z.boolean(),
  source: z.object({
    name: nonEmpty(),
    publisher: nonEmpty(),
    url: z.optional(z.url({ protocol: /^https$/ })),
    licence: z.optional(z.string()),
  }),
  /** The board's own published figures. */
  series: z.array(observationSchema),
  /** The partner agency whose quarterly return carries this indicator's figures, if any. */
  agencyId: z.optional(z.nullable(idSchema)),
  /** Goes up by one with every change to the indicator or its published figures (data service only). */
  version: z.optional(z.int().check(z.positive())),
};

type Frequency = z.infer<typeof frequencySchema>;

/** Each series' periods are of the indicator's frequency, and none appears twice. */
function checkPeriods<
  T extends {
    frequency: Frequency;
    series: { period: string }[];
    comparators?: { series: { period: string }[] }[];
  },
>(indicator: T, ctx: RefinementCtx<T>) {
  const form = periodForms[indicator.frequency];
  const check = (series: { period: string }[], path: (string | number)[]) => {
    const seen = new Set<string>();
    series.forEach((obs, i) => {
      if (!form.test(obs.period)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, i, 'period'],
          message: `"${obs.period}" is not a ${indicator.frequency} period`,
        });
      }
      if (seen.has(obs.period)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, i, 'period'],
          message: `Period ${obs.period} appears twice`,
        });
      }
      seen.add(obs.period);
    });
  };
  check(indicator.series, ['series']);
  indicator.comparators?.forEach((c, i) => check(c.series, ['comparators', i, 'series']));
}

export const indicatorSchema = z
  .object({ ...indicatorFields, comparators: z.array(comparatorSchema) })
  .check(z.superRefine(checkPeriods));

/**
 * GET /indicators/summary: an indicator as lists and the overview show it (a tile, a row, its
 * sparkline and narrative): everything but its comparators. The board's own figures are all there
 * (a tile's narrative reads the whole reporting range); the comparators, three times as many
 * figures on most indicators, load with the indicator when it is opened or pinned.
 */
export const indicatorSummarySchema = z.object(indicatorFields).check(z.superRefine(checkPeriods));

export const indicatorListSchema = z.object({ indicators: z.array(indicatorSchema) });
export const indicatorSummaryListSchema = z.object({ indicators: z.array(indicatorSummarySchema) });

/** GET /indicators?headline=true (and /indicators/summary?headline=true): only the headline indicators (the overview's tiles). */
export const indicatorListQuerySchema = z.object({
  headline: z.optional(z.enum(['true', 'false'], { error: 'headline is true or false' })),
});

export const annotationSchema = z.object({
  id: idSchema,
  /** The indicator the event belongs to, or null for an event that concerns every indicator. */
  indicatorId: z.nullable(idSchema),
  date: isoDateSchema,
  label: nonEmpty(),
  description: z.string(),
  /** Goes up by one with every saved change; a save must name the version it was based on. */
  version: z.int().check(z.positive()),
});

/** GET /annotations: the events in force; a retired one is kept, in the audit trail, but not drawn. */
export const annotationListSchema = z.object({ annotations: z.array(annotationSchema) });

const chartEventShape = {
  /** The indicator it is marked on, or null for an event that concerns every indicator. */
  indicatorId: z.nullable(idSchema),
  date: z.iso.date({ error: 'Enter a real date, for example 1 April 2016' }),
  label: z
    .string()
    .check(z.trim(), z.minLength(1, 'Enter what happened'), z.maxLength(120, 'At most 120 characters')),
  description: z.string().check(z.trim(), z.maxLength(1000, 'At most 1000 characters')),
};

/** POST /annotations: mark an event on an indicator's chart (a new team, a change of definition). */
export const createAnnotationRequestSchema = z.object(chartEventShape);

/** PUT /annotations/{id}: change an event; `version` is the version the change was based on. */
export const annotationEditRequestSchema = z.object({ ...chartEventShape, version: z.int() });

/** POST /annotations/{id}/retire: no longer marked on charts; kept, never deleted outright. */
export const retireAnnotationRequestSchema = z.object({ version: z.int() });

export type EesSymbol = z.infer<typeof eesSymbolSchema>;
export type Observation = z.infer<typeof observationSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type Polarity = z.infer<typeof polaritySchema>;
export type ComparatorId = z.infer<typeof comparatorIdSchema>;
export type Comparator = z.infer<typeof comparatorSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorSummaryItem = z.infer<typeof indicatorSummarySchema>;
export type Annotation = z.infer<typeof annotationSchema>;
export type CreateAnnotationRequest = z.infer<typeof createAnnotationRequestSchema>;
export type AnnotationEditRequest = z.infer<typeof annotationEditRequestSchema>;
