import { comparatorIdSchema, financialYearSchema, idSchema } from '../api/contract/common';
import { z } from '../api/zod';

/**
 * A meeting pack is a list of small, serialisable descriptions of charts. Each kind of chart has
 * its own `type` and, in the meeting pack feature, one resolver that turns the description into
 * the same ChartFigure props the dashboard uses. New kinds are added to this union.
 */
export const indicatorPackChartSchema = z.object({
  type: z.literal('indicator'),
  indicatorId: idSchema,
  from: financialYearSchema,
  to: financialYearSchema,
  hidden: z.array(comparatorIdSchema),
});

/** The QA committee's chart of audits planned and completed in a year. */
export const auditProgressPackChartSchema = z.object({
  type: z.literal('audit-progress'),
  year: financialYearSchema,
});

/** The grades given to audited cases in a year. */
export const auditGradesPackChartSchema = z.object({
  type: z.literal('audit-grades'),
  year: financialYearSchema,
});

/**
 * The strategic action plan's progress by priority: of the actions open in a year, or of the whole
 * plan (pinned before the plan followed the reporting year).
 */
export const actionPlanPackChartSchema = z.object({
  type: z.literal('action-plan-progress'),
  year: z.optional(financialYearSchema),
});

/** Partners' contributions to the board's budget, up to a year. */
export const partnerFundingPackChartSchema = z.object({
  type: z.literal('partner-funding'),
  year: financialYearSchema,
});

/** The Section 11 assurance view of the latest cycle: agencies by standards, with its narrative. */
export const section11AssurancePackChartSchema = z.object({ type: z.literal('section11-assurance') });

export const packChartSchema = z.discriminatedUnion('type', [
  indicatorPackChartSchema,
  auditProgressPackChartSchema,
  auditGradesPackChartSchema,
  actionPlanPackChartSchema,
  partnerFundingPackChartSchema,
  section11AssurancePackChartSchema,
]);

export const NOTE_MAX_LENGTH = 500;

/** A chart in the pack, with the presenter's note on it. */
export const packItemSchema = z.intersection(
  packChartSchema,
  z.object({ id: z.string().check(z.minLength(1)), note: z.string().check(z.maxLength(NOTE_MAX_LENGTH)) }),
);

export type PackChart = z.infer<typeof packChartSchema>;
export type PackItem = z.infer<typeof packItemSchema>;

export { packChartKey } from './pack-chart-key';

/** Only the chart description travels in a link: ids are made afresh when it is opened. */
const sharedPackSchema = z.object({
  version: z.literal(1),
  items: z
    .array(
      z.intersection(packChartSchema, z.object({ note: z.string().check(z.maxLength(NOTE_MAX_LENGTH)) })),
    )
    .check(z.minLength(1), z.maxLength(50)),
});

export type SharedPackItem = z.infer<typeof sharedPackSchema>['items'][number];

export const PACK_PARAM = 'pack';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The pack as the value of a `?pack=` parameter (base64url JSON). */
export function encodePack(items: readonly PackItem[]): string {
  const shared = {
    version: 1,
    // Copy only the chart description and note, whatever else an item carries.
    items: items.map(({ id: _id, ...rest }) => rest),
  };
  return toBase64Url(JSON.stringify(shared));
}

export type DecodedPack = { ok: true; items: SharedPackItem[] } | { ok: false };

/** Reads a `?pack=` value; anything that is not a valid pack, however it is broken, is `ok: false`. */
export function decodePack(value: string): DecodedPack {
  try {
    const parsed = sharedPackSchema.safeParse(JSON.parse(fromBase64Url(value)));
    return parsed.success ? { ok: true, items: parsed.data.items } : { ok: false };
  } catch {
    return { ok: false };
  }
}
