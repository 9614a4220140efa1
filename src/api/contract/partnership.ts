import { z } from '../zod';
import { financialYearSchema, idSchema, isoDateSchema, nonEmpty } from './common';

export const partnerTypeSchema = z.enum(['local-authority', 'police', 'health', 'schools', 'other']);

export const fundingSchema = z.object({
  currency: z.literal('GBP'),
  contributions: z.array(
    z.object({
      partner: nonEmpty(),
      partnerType: partnerTypeSchema,
      year: financialYearSchema,
      /** Pounds. */
      amount: z.number().check(z.gte(0)),
    }),
  ),
  /**
   * Each year that has a funding table, with its version: a year's table goes up by one with
   * every saved change, and a change must name the version it was based on.
   */
  years: z.array(z.object({ year: financialYearSchema, version: z.int().check(z.positive()) })),
});

const partnerName = () =>
  z
    .string()
    .check(z.trim(), z.minLength(1, 'Enter the partner’s name'), z.maxLength(200, 'At most 200 characters'));

/**
 * PUT /funding/{year}: the year's contributions as one table, one row per partner, in pounds.
 * A partner left out of the table no longer contributes that year (kept in the audit trail, never
 * deleted outright). `version` is the year's version the change was based on, 0 for a year with
 * no table yet.
 */
export const fundingYearRequestSchema = z.object({
  version: z.int().check(z.gte(0)),
  contributions: z
    .array(
      z.object({
        partner: partnerName(),
        partnerType: partnerTypeSchema,
        amount: z
          .int({ error: 'Enter the amount in whole pounds, for example 52000' })
          .check(z.gte(0, 'Enter 0 or more'), z.lte(1_000_000_000, 'At most £1,000,000,000')),
      }),
    )
    .check(
      z.refine(
        (rows) => new Set(rows.map((r) => r.partner.toLowerCase())).size === rows.length,
        'Name each partner once',
      ),
    ),
});

/** What PUT /funding/{year} answers: the year's table as saved. */
export const fundingYearSchema = z.object({
  year: financialYearSchema,
  version: z.int().check(z.positive()),
  contributions: fundingSchema.shape.contributions,
});

export const partnershipLinkSchema = z.object({
  id: idSchema,
  kind: z.enum(['board-network', 'black-country', 'engagement']),
  title: nonEmpty(),
  description: z.string(),
  since: z.nullable(isoDateSchema),
});

export const partnershipSchema = z.object({
  /** How many other safeguarding boards this board shares information, policies and procedures with. */
  linkedBoardsCount: z.int().check(z.gte(0)),
  links: z.array(partnershipLinkSchema),
});

export type Funding = z.infer<typeof fundingSchema>;
export type FundingYear = z.infer<typeof fundingYearSchema>;
export type FundingYearRequest = z.infer<typeof fundingYearRequestSchema>;
export type PartnershipLink = z.infer<typeof partnershipLinkSchema>;
export type Partnership = z.infer<typeof partnershipSchema>;
