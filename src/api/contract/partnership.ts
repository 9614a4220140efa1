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
  /** The board's own spending, by year and line (business unit staff, training, reviews…), in pounds. */
  spending: z.array(
    z.object({
      item: nonEmpty(),
      year: financialYearSchema,
      /** Pounds. */
      amount: z.int().check(z.gte(0)),
    }),
  ),
  /** Each year that has a spending table, with its version (as `years` for the contributions). */
  spendingYears: z.array(z.object({ year: financialYearSchema, version: z.int().check(z.positive()) })),
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

/**
 * PUT /spending/{year}: the board's spending that year as one table, one row per line, in whole
 * pounds. A line left out of the table is no longer spent that year (kept in the audit trail).
 * `version` is the year's version the change was based on, 0 for a year with no table yet.
 */
export const spendingYearRequestSchema = z.object({
  version: z.int().check(z.gte(0)),
  lines: z
    .array(
      z.object({
        item: z
          .string()
          .check(
            z.trim(),
            z.minLength(1, 'Enter what the money is spent on'),
            z.maxLength(200, 'At most 200 characters'),
          ),
        amount: z
          .int({ error: 'Enter the amount in whole pounds, for example 52000' })
          .check(z.gte(0, 'Enter 0 or more'), z.lte(1_000_000_000, 'At most £1,000,000,000')),
      }),
    )
    .check(
      z.refine(
        (rows) => new Set(rows.map((r) => r.item.toLowerCase())).size === rows.length,
        'Name each line once',
      ),
    ),
});

/** What PUT /spending/{year} answers: the year's spending as saved. */
export const spendingYearSchema = z.object({
  year: financialYearSchema,
  version: z.int().check(z.positive()),
  lines: fundingSchema.shape.spending,
});

export const partnershipLinkKindSchema = z.enum(['board-network', 'black-country', 'engagement']);

export const partnershipLinkSchema = z.object({
  id: idSchema,
  kind: partnershipLinkKindSchema,
  title: nonEmpty(),
  description: z.string(),
  since: z.nullable(isoDateSchema),
  /** Goes up by one with every saved change; a save must name the version it was based on. */
  version: z.int().check(z.positive()),
  /**
   * The reporting year it was retired in (the board's latest year then), once it is: a retired
   * link is kept, never changed again, and shown in the years before (`inForceInYear`).
   */
  retiredIn: z.optional(financialYearSchema),
});

const linkShape = {
  kind: partnershipLinkKindSchema,
  title: z
    .string()
    .check(z.trim(), z.minLength(1, 'Enter the link’s name'), z.maxLength(200, 'At most 200 characters')),
  description: z.string().check(z.trim(), z.maxLength(1000, 'At most 1000 characters')),
  /** Since when, if known. */
  since: z.nullable(z.iso.date({ error: 'Enter a real date, for example 1 April 2016' })),
};

/** POST /partnership/links: a link with another board or group, or an engagement activity. */
export const createPartnershipLinkRequestSchema = z.object(linkShape);

/** PUT /partnership/links/{id}: change a link; `version` is the version the change was based on. */
export const partnershipLinkEditRequestSchema = z.object({ ...linkShape, version: z.int() });

/** POST /partnership/links/{id}/retire: kept, with its year, and shown in the years before; never deleted. */
export const retirePartnershipLinkRequestSchema = z.object({ version: z.int() });

const linkedBoardsCountSchema = z
  .int({ error: 'Enter the number as a whole number, 0 or more' })
  .check(z.gte(0, 'The number cannot be below 0'), z.lte(10_000, 'Enter a number up to 10,000'));

export const partnershipSchema = z.object({
  /** How many other safeguarding boards this board shares information, policies and procedures with. */
  linkedBoardsCount: linkedBoardsCountSchema,
  /** The version of that figure, for a change to name (see PUT /partnership/linked-boards). */
  linkedBoardsVersion: z.optional(z.int().check(z.positive())),
  links: z.array(partnershipLinkSchema),
});

/** The number of linked boards as stored: a board figure, versioned as a record is. */
export const linkedBoardsSchema = z.object({
  linkedBoardsCount: linkedBoardsCountSchema,
  version: z.int().check(z.positive()),
});

/**
 * PUT /partnership/linked-boards: the number of other boards shared with (one link may stand for a
 * network of many); `version` is the version the change was based on.
 */
export const linkedBoardsRequestSchema = z.object({
  linkedBoardsCount: linkedBoardsCountSchema,
  version: z.int(),
});

export type Funding = z.infer<typeof fundingSchema>;
export type FundingYear = z.infer<typeof fundingYearSchema>;
export type FundingYearRequest = z.infer<typeof fundingYearRequestSchema>;
export type PartnershipLink = z.infer<typeof partnershipLinkSchema>;
export type LinkedBoards = z.infer<typeof linkedBoardsSchema>;
export type LinkedBoardsRequest = z.infer<typeof linkedBoardsRequestSchema>;
export type PartnershipLinkKind = z.infer<typeof partnershipLinkKindSchema>;
export type CreatePartnershipLinkRequest = z.infer<typeof createPartnershipLinkRequestSchema>;
export type PartnershipLinkEditRequest = z.infer<typeof partnershipLinkEditRequestSchema>;
export type SpendingYear = z.infer<typeof spendingYearSchema>;
export type SpendingYearRequest = z.infer<typeof spendingYearRequestSchema>;
export type Partnership = z.infer<typeof partnershipSchema>;
