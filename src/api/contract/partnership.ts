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
export type PartnershipLink = z.infer<typeof partnershipLinkSchema>;
export type Partnership = z.infer<typeof partnershipSchema>;
