import type { z } from '../zod';
import { boardSchema } from './board';
import { errorBodySchema } from './common';
import { annotationListSchema, indicatorListSchema, indicatorSchema } from './indicators';
import {
  actionPlanSchema,
  actionSchema,
  actionUpdateRequestSchema,
  ofstedRecommendationListSchema,
} from './action-plan';
import { fundingSchema, partnershipSchema } from './partnership';
import {
  auditListSchema,
  auditSchema,
  auditUpdateRequestSchema,
  seriousCaseReviewListSchema,
} from './quality-assurance';

export * from './common';
export * from './board';
export * from './indicators';
export * from './quality-assurance';
export * from './action-plan';
export * from './partnership';

export const CONTRACT_VERSION = 'v1';

/**
 * Every endpoint of API v1, relative to the base URL. This table is the single description of the
 * contract: the client, the mock handlers and the published JSON Schema are all read from it.
 */
export const endpoints = {
  board: { method: 'GET', path: '/board', response: boardSchema },
  indicators: { method: 'GET', path: '/indicators', response: indicatorListSchema },
  indicator: { method: 'GET', path: '/indicators/{id}', response: indicatorSchema },
  annotations: { method: 'GET', path: '/annotations', response: annotationListSchema },
  audits: { method: 'GET', path: '/audits', response: auditListSchema },
  updateAudit: {
    method: 'PATCH',
    path: '/audits/{id}',
    request: auditUpdateRequestSchema,
    response: auditSchema,
  },
  seriousCaseReviews: {
    method: 'GET',
    path: '/serious-case-reviews',
    response: seriousCaseReviewListSchema,
  },
  actionPlan: { method: 'GET', path: '/action-plan', response: actionPlanSchema },
  updateAction: {
    method: 'PATCH',
    path: '/action-plan/actions/{id}',
    request: actionUpdateRequestSchema,
    response: actionSchema,
  },
  ofstedRecommendations: {
    method: 'GET',
    path: '/ofsted-recommendations',
    response: ofstedRecommendationListSchema,
  },
  funding: { method: 'GET', path: '/funding', response: fundingSchema },
  partnership: { method: 'GET', path: '/partnership', response: partnershipSchema },
} as const satisfies Record<
  string,
  { method: 'GET' | 'PATCH'; path: string; request?: z.ZodMiniType; response: z.ZodMiniType }
>;

/** The body of every error response (4xx and 5xx); 422 adds field errors keyed by field name. */
export const errorResponseSchema = errorBodySchema;
