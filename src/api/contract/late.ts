import { z } from '../zod';
import { idSchema, isoDateSchema, nonEmpty } from './common';
import { auditStatusSchema } from './quality-assurance';
import { quarterSchema, returnStatusSchema } from './returns';

/** A return past its due date and not yet submitted (or published). */
export const lateReturnSchema = z.object({
  roundId: idSchema,
  quarter: quarterSchema,
  dueDate: isoDateSchema,
  status: returnStatusSchema,
});

/** An audit neither completed nor cancelled whose planned date has passed. */
export const overdueAuditSchema = z.object({
  auditId: idSchema,
  title: nonEmpty(),
  plannedDate: isoDateSchema,
  plannedQuarter: z.nullable(quarterSchema),
  status: auditStatusSchema,
});

export const agencyLatenessSchema = z.object({
  /**
   * The partner agency; null for a lead agency named on audits that is not one of the board's
   * partner agencies (an audit names its lead agency in words, not by id).
   */
  agencyId: z.nullable(idSchema),
  agencyName: nonEmpty(),
  lateReturns: z.array(lateReturnSchema),
  /** The audits this agency leads that are overdue. */
  overdueAudits: z.array(overdueAuditSchema),
});

/**
 * GET /returns/late-by-agency: what each agency is behind with, the most behind first. Returns are
 * late against today's date (as on the returns list); audits are overdue against the date the
 * board's figures run to, or today if earlier (as on the quality assurance page).
 */
export const lateByAgencySchema = z.object({
  returnsAsAt: isoDateSchema,
  auditsAsAt: isoDateSchema,
  agencies: z.array(agencyLatenessSchema),
});

export type LateReturn = z.infer<typeof lateReturnSchema>;
export type OverdueAudit = z.infer<typeof overdueAuditSchema>;
export type AgencyLateness = z.infer<typeof agencyLatenessSchema>;
export type LateByAgency = z.infer<typeof lateByAgencySchema>;
