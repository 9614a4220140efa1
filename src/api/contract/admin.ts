import { z, type RefinementCtx } from '../zod';
import { emailSchema, roleSchema } from './auth';
import { idSchema, isoDateSchema, nonEmpty, periodCodeSchema } from './common';
import { eesSymbolSchema, indicatorSchema } from './indicators';
import { partnerTypeSchema } from './partnership';

/** The partner agencies that send the board figures. */
export const agencySchema = z.object({
  id: idSchema,
  name: nonEmpty(),
  kind: partnerTypeSchema,
  version: z.int().check(z.positive()),
});
export const agencyListSchema = z.object({ agencies: z.array(agencySchema) });

const agencyName = () =>
  z.string().check(z.trim(), z.minLength(1, 'Enter the agency’s name'), z.maxLength(200));

/** POST /agencies: add a partner agency. */
export const createAgencyRequestSchema = z.object({ name: agencyName(), kind: partnerTypeSchema });

/** PATCH /agencies/{id}: rename an agency or change its kind. */
export const updateAgencyRequestSchema = z.object({
  name: agencyName(),
  kind: partnerTypeSchema,
  version: z.int(),
});

const personName = () =>
  z.string().check(z.trim(), z.minLength(1, 'Enter the person’s name'), z.maxLength(100));

const actionOwnerSchema = z.nullable(
  z.string().check(z.trim(), z.minLength(1, 'Choose an owner or none'), z.maxLength(200)),
);

export const userSchema = z.object({
  id: nonEmpty(),
  email: nonEmpty(),
  name: nonEmpty(),
  role: roleSchema,
  agencyIds: z.array(idSchema),
  actionOwner: z.nullable(nonEmpty()),
  active: z.boolean(),
  /** False until the person has chosen a password with their set-up link. */
  hasPassword: z.boolean(),
  /**
   * Asked for through single sign-on (a self sign-up domain) and not yet approved: switched off
   * until an administrator approves it.
   */
  awaitingApproval: z.boolean(),
  /** Linked to the person's organisation account: they sign in with single sign-on. */
  signsInWithSso: z.boolean(),
  createdAt: z.iso.datetime(),
  lastSignInAt: z.nullable(z.iso.datetime()),
  version: z.int().check(z.positive()),
});

export const userListSchema = z.object({ users: z.array(userSchema) });

interface AgencyChoice {
  role: z.infer<typeof roleSchema>;
  agencyIds: string[];
}

function checkAgencies(user: AgencyChoice, ctx: RefinementCtx<AgencyChoice>) {
  if (user.role === 'contributor' && user.agencyIds.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['agencyIds'],
      message: 'Choose at least one agency whose returns this contributor enters',
    });
  }
}

/** POST /users: add a person; the answer carries a one-time link for them to choose a password. */
export const createUserRequestSchema = z
  .object({
    email: emailSchema,
    name: personName(),
    role: roleSchema,
    agencyIds: z.array(idSchema),
    actionOwner: actionOwnerSchema,
  })
  .check(z.superRefine(checkAgencies));

/** PATCH /users/{id}: change a person's role, agencies or access; `version` guards a stale page. */
export const updateUserRequestSchema = z
  .object({
    name: personName(),
    role: roleSchema,
    agencyIds: z.array(idSchema),
    actionOwner: actionOwnerSchema,
    active: z.boolean(),
    version: z.int(),
  })
  .check(z.superRefine(checkAgencies));

/** POST /users/{id}/approval and /users/{id}/refusal: decide on an account awaiting approval. */
export const approvalRequestSchema = z.object({ version: z.int() });

export const setupLinkSchema = z.object({
  user: userSchema,
  /** Give this to the person; it works once, until `expiresAt`. */
  link: z.url(),
  expiresAt: z.iso.datetime(),
});

/** PATCH /indicators/{id}: who owns an indicator's figures, whether it is a headline, its target. */
export const updateIndicatorRequestSchema = z.object({
  agencyId: z.nullable(idSchema),
  headline: z.boolean(),
  target: indicatorSchema.shape.target,
  version: z.int(),
});

/**
 * PUT /indicators/{id}: publish a whole indicator to the board (one read on the Import page, say).
 * `version` is null to create it, or the version being replaced.
 */
export const publishIndicatorRequestSchema = z.object({
  indicator: indicatorSchema,
  version: z.nullable(z.int()),
  /** Why published figures change, kept with each changed figure. */
  reason: z.string().check(z.trim(), z.minLength(1, 'Say where the figures come from'), z.maxLength(1000)),
});

/** POST /indicators/{id}/corrections: correct one published figure, saying why. */
export const correctionRequestSchema = z
  .object({
    period: periodCodeSchema,
    value: z.nullable(z.number({ error: 'Enter a number' })),
    symbol: z.nullable(eesSymbolSchema),
    reason: z.string().check(z.trim(), z.minLength(1, 'Say why the figure is corrected'), z.maxLength(1000)),
    version: z.int(),
  })
  .check(
    z.refine((c) => c.value !== null || c.symbol !== null, {
      message: 'Enter the corrected figure, or mark why there is none (c, x, z, low, k or u)',
      path: ['value'],
    }),
    z.refine((c) => c.value === null || c.symbol === null || c.symbol === 'u', {
      message: 'A figure with a value can only be marked u (low reliability)',
      path: ['symbol'],
    }),
  );

const figure = { value: z.nullable(z.number()), symbol: z.nullable(eesSymbolSchema) };

/** A published figure that was changed: the earlier value, who changed it, when and why. */
export const revisionSchema = z.object({
  id: nonEmpty(),
  series: nonEmpty(),
  period: periodCodeSchema,
  previous: z.nullable(z.object(figure)),
  current: z.object(figure),
  changedBy: nonEmpty(),
  changedAt: z.iso.datetime(),
  reason: nonEmpty(),
});

export const revisionListSchema = z.object({ revisions: z.array(revisionSchema) });

/** One write, as the audit trail keeps it. */
export const auditEntrySchema = z.object({
  id: nonEmpty(),
  at: z.iso.datetime(),
  actor: z.nullable(z.object({ id: nonEmpty(), name: nonEmpty(), email: nonEmpty() })),
  action: nonEmpty(),
  entityType: nonEmpty(),
  entityId: nonEmpty(),
  summary: nonEmpty(),
  before: z.nullable(z.unknown()),
  after: z.nullable(z.unknown()),
});

export const auditTrailSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next, older page; null on the last page. */
  nextBefore: z.nullable(nonEmpty()),
});

export const auditTrailQuerySchema = z.object({
  before: z.optional(z.string().check(z.regex(/^\d+$/, 'before is an entry id'))),
  limit: z.optional(z.string().check(z.regex(/^(?:[1-9]\d{0,2}|1000)$/, 'limit is a number from 1 to 1000'))),
  from: z.optional(isoDateSchema),
  to: z.optional(isoDateSchema),
  entityType: z.optional(z.string().check(z.maxLength(50))),
});

export type Agency = z.infer<typeof agencySchema>;
export type CreateAgencyRequest = z.infer<typeof createAgencyRequestSchema>;
export type UpdateAgencyRequest = z.infer<typeof updateAgencyRequestSchema>;
export type User = z.infer<typeof userSchema>;
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;
export type SetupLink = z.infer<typeof setupLinkSchema>;
export type UpdateIndicatorRequest = z.infer<typeof updateIndicatorRequestSchema>;
export type PublishIndicatorRequest = z.infer<typeof publishIndicatorRequestSchema>;
export type CorrectionRequest = z.infer<typeof correctionRequestSchema>;
export type Revision = z.infer<typeof revisionSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditTrail = z.infer<typeof auditTrailSchema>;
