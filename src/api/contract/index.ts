import { z } from '../zod';
import { mailPreferencesSchema, outboxSchema } from './mail';
import { boardSchema, saveBoardRequestSchema, startYearRequestSchema } from './board';
import { errorBodySchema, withCleanText } from './common';
import {
  annotationEditRequestSchema,
  annotationListSchema,
  annotationSchema,
  createAnnotationRequestSchema,
  retireAnnotationRequestSchema,
  indicatorListQuerySchema,
  indicatorListSchema,
  indicatorSchema,
  indicatorSummaryListSchema,
} from './indicators';
import {
  addOfstedRecommendationsRequestSchema,
  actionEditRequestSchema,
  actionPlanQuerySchema,
  actionPlanSchema,
  actionSchema,
  actionUpdateRequestSchema,
  closeActionRequestSchema,
  createActionRequestSchema,
  importActionsRequestSchema,
  createPriorityRequestSchema,
  movePriorityRequestSchema,
  priorityEditRequestSchema,
  prioritySchema,
  retirePriorityRequestSchema,
  ofstedRecommendationListSchema,
} from './action-plan';
import {
  createPartnershipLinkRequestSchema,
  fundingSchema,
  fundingYearRequestSchema,
  fundingYearSchema,
  partnershipLinkEditRequestSchema,
  partnershipLinkSchema,
  partnershipSchema,
  retirePartnershipLinkRequestSchema,
  linkedBoardsRequestSchema,
  linkedBoardsSchema,
  spendingYearRequestSchema,
  spendingYearSchema,
} from './partnership';
import {
  auditActionChangeRequestSchema,
  auditActionEditRequestSchema,
  auditListQuerySchema,
  auditListSchema,
  auditPlanRequestSchema,
  auditSchema,
  auditUpdateRequestSchema,
  cancelAuditRequestSchema,
  createAuditActionRequestSchema,
  createAuditRequestSchema,
  importAuditsRequestSchema,
  createReviewRequestSchema,
  retireReviewRequestSchema,
  reviewEditRequestSchema,
  seriousCaseReviewListSchema,
  seriousCaseReviewSchema,
} from './quality-assurance';
import {
  acceptInvitationRequestSchema,
  sessionSchema,
  signInOptionsSchema,
  signInPolicySchema,
  saveSignInPolicyRequestSchema,
  setupRequestSchema,
  signInRequestSchema,
} from './auth';
import {
  agencyListSchema,
  agencySchema,
  createAgencyRequestSchema,
  updateAgencyRequestSchema,
  auditTrailQuerySchema,
  auditTrailSchema,
  correctionRequestSchema,
  createUserRequestSchema,
  publishIndicatorRequestSchema,
  revisionListSchema,
  setupLinkSchema,
  updateIndicatorRequestSchema,
  updateUserRequestSchema,
  approvalRequestSchema,
  userListSchema,
  userSchema,
} from './admin';
import {
  agencyReturnSchema,
  openRoundRequestSchema,
  returnRoundListSchema,
  returnRoundsQuerySchema,
  returnRoundSchema,
  returnTransitionRequestSchema,
  saveReturnRequestSchema,
  sendBackRequestSchema,
  withdrawReturnRequestSchema,
} from './returns';
import { lateByAgencySchema } from './late';
import {
  addSection11ActionRequestSchema,
  closeSection11CycleRequestSchema,
  moderateSection11RequestSchema,
  openSection11CycleRequestSchema,
  saveSection11AssessmentRequestSchema,
  saveSection11StandardsRequestSchema,
  section11AssessmentSchema,
  section11AssuranceSchema,
  section11CycleListSchema,
  section11CycleSchema,
  section11DecisionRequestSchema,
  section11StandardsSchema,
  sendBackSection11RequestSchema,
} from './section11';

export * from './common';
export * from './board';
export * from './indicators';
export * from './quality-assurance';
export * from './action-plan';
export * from './partnership';
export * from './auth';
export * from './admin';
export * from './returns';
export * from './mail';
export * from './late';
export * from './section11';

export const CONTRACT_VERSION = 'v1';

const empty = z.object({});

export interface EndpointSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Who may call it without a session: only sign-in and account set-up. */
  public?: true;
  request?: z.ZodMiniType;
  query?: z.ZodMiniType;
  response: z.ZodMiniType;
  /** 201 for a created resource, 204 for no body; 200 otherwise. */
  status?: 201 | 204;
  /** The write names the version it was based on; a stale one gets 409 with `current`. */
  versioned?: true;
  /**
   * The answer is a list of records under this key: a record that breaks the contract is left
   * out (and counted) rather than failing the whole list.
   */
  list?: string;
}

/**
 * Every endpoint of API v1, relative to the base URL. This table is the single description of the
 * contract: the client, the demo API, the data service and the published JSON Schema are all read
 * from it. Every endpoint but the public ones answers 401 without a session and 403 when the
 * person's role may not do it. Every string a request or query carries is checked by
 * `withCleanText` (no NUL, no lone surrogate), whatever the endpoint.
 */
export const endpoints = withCleanText({
  board: { method: 'GET', path: '/board', response: boardSchema },
  saveBoard: {
    method: 'PUT',
    path: '/board',
    request: saveBoardRequestSchema,
    response: boardSchema,
    versioned: true,
  },
  /** The administrator starts the next reporting year (see `startYearRequestSchema`). */
  startReportingYear: {
    method: 'POST',
    path: '/board/years',
    request: startYearRequestSchema,
    response: boardSchema,
    status: 201,
    versioned: true,
  },
  indicators: {
    list: 'indicators',
    method: 'GET',
    path: '/indicators',
    query: indicatorListQuerySchema,
    response: indicatorListSchema,
  },
  /** Lists and the overview: every indicator without its comparators (see indicatorSummarySchema). */
  indicatorSummary: {
    list: 'indicators',
    method: 'GET',
    path: '/indicators/summary',
    query: indicatorListQuerySchema,
    response: indicatorSummaryListSchema,
  },
  indicator: { method: 'GET', path: '/indicators/{id}', response: indicatorSchema },
  updateIndicator: {
    method: 'PATCH',
    path: '/indicators/{id}',
    request: updateIndicatorRequestSchema,
    response: indicatorSchema,
    versioned: true,
  },
  publishIndicator: {
    method: 'PUT',
    path: '/indicators/{id}',
    request: publishIndicatorRequestSchema,
    response: indicatorSchema,
    versioned: true,
  },
  correctIndicator: {
    method: 'POST',
    path: '/indicators/{id}/corrections',
    request: correctionRequestSchema,
    response: indicatorSchema,
    versioned: true,
  },
  revisions: { method: 'GET', path: '/indicators/{id}/revisions', response: revisionListSchema },
  annotations: {
    list: 'annotations',
    method: 'GET',
    path: '/annotations',
    response: annotationListSchema,
  },
  createAnnotation: {
    method: 'POST',
    path: '/annotations',
    request: createAnnotationRequestSchema,
    response: annotationSchema,
    status: 201,
  },
  editAnnotation: {
    method: 'PUT',
    path: '/annotations/{id}',
    request: annotationEditRequestSchema,
    response: annotationSchema,
    versioned: true,
  },
  retireAnnotation: {
    method: 'POST',
    path: '/annotations/{id}/retire',
    request: retireAnnotationRequestSchema,
    response: annotationSchema,
    versioned: true,
  },
  audits: {
    list: 'audits',
    method: 'GET',
    path: '/audits',
    query: auditListQuerySchema,
    response: auditListSchema,
  },
  updateAudit: {
    method: 'PATCH',
    path: '/audits/{id}',
    request: auditUpdateRequestSchema,
    response: auditSchema,
    versioned: true,
  },
  createAudit: {
    method: 'POST',
    path: '/audits',
    request: createAuditRequestSchema,
    response: auditSchema,
    status: 201,
  },
  updateAuditPlan: {
    method: 'PUT',
    path: '/audits/{id}/plan',
    request: auditPlanRequestSchema,
    response: auditSchema,
    versioned: true,
  },
  /** The audit programme loaded from a spreadsheet: all the audits added, or none (422 names the row). */
  importAudits: {
    method: 'POST',
    path: '/audits/import',
    request: importAuditsRequestSchema,
    response: auditListSchema,
    status: 201,
  },
  cancelAudit: {
    method: 'POST',
    path: '/audits/{id}/cancel',
    request: cancelAuditRequestSchema,
    response: auditSchema,
    versioned: true,
  },
  /** Actions arising from an audit: each answers the audit as it now stands. */
  addAuditAction: {
    method: 'POST',
    path: '/audits/{id}/actions',
    request: createAuditActionRequestSchema,
    response: auditSchema,
    status: 201,
    versioned: true,
  },
  editAuditAction: {
    method: 'PUT',
    path: '/audits/{id}/actions/{actionId}',
    request: auditActionEditRequestSchema,
    response: auditSchema,
    versioned: true,
  },
  closeAuditAction: {
    method: 'POST',
    path: '/audits/{id}/actions/{actionId}/close',
    request: auditActionChangeRequestSchema,
    response: auditSchema,
    versioned: true,
  },
  retireAuditAction: {
    method: 'POST',
    path: '/audits/{id}/actions/{actionId}/retire',
    request: auditActionChangeRequestSchema,
    response: auditSchema,
    versioned: true,
  },
  seriousCaseReviews: {
    list: 'reviews',
    method: 'GET',
    path: '/serious-case-reviews',
    response: seriousCaseReviewListSchema,
  },
  createReview: {
    method: 'POST',
    path: '/reviews',
    request: createReviewRequestSchema,
    response: seriousCaseReviewSchema,
    status: 201,
  },
  editReview: {
    method: 'PUT',
    path: '/reviews/{id}',
    request: reviewEditRequestSchema,
    response: seriousCaseReviewSchema,
    versioned: true,
  },
  retireReview: {
    method: 'POST',
    path: '/reviews/{id}/retire',
    request: retireReviewRequestSchema,
    response: seriousCaseReviewSchema,
    versioned: true,
  },
  actionPlan: {
    method: 'GET',
    path: '/action-plan',
    query: actionPlanQuerySchema,
    response: actionPlanSchema,
  },
  updateAction: {
    method: 'PATCH',
    path: '/action-plan/actions/{id}',
    request: actionUpdateRequestSchema,
    response: actionSchema,
    versioned: true,
  },
  createPriority: {
    method: 'POST',
    path: '/action-plan/priorities',
    request: createPriorityRequestSchema,
    response: prioritySchema,
    status: 201,
  },
  updatePriority: {
    method: 'PATCH',
    path: '/action-plan/priorities/{id}',
    request: priorityEditRequestSchema,
    response: prioritySchema,
    versioned: true,
  },
  movePriority: {
    method: 'POST',
    path: '/action-plan/priorities/{id}/move',
    request: movePriorityRequestSchema,
    response: actionPlanSchema,
    versioned: true,
  },
  retirePriority: {
    method: 'POST',
    path: '/action-plan/priorities/{id}/retire',
    request: retirePriorityRequestSchema,
    response: prioritySchema,
    versioned: true,
  },
  createAction: {
    method: 'POST',
    path: '/action-plan/actions',
    request: createActionRequestSchema,
    response: actionSchema,
    status: 201,
  },
  /** Actions loaded from a spreadsheet, by priority title: all added, or none (422 names the row). */
  importActions: {
    method: 'POST',
    path: '/action-plan/import',
    request: importActionsRequestSchema,
    response: actionPlanSchema,
    status: 201,
  },
  editAction: {
    method: 'PUT',
    path: '/action-plan/actions/{id}',
    request: actionEditRequestSchema,
    response: actionSchema,
    versioned: true,
  },
  closeAction: {
    method: 'POST',
    path: '/action-plan/actions/{id}/close',
    request: closeActionRequestSchema,
    response: actionSchema,
    versioned: true,
  },
  ofstedRecommendations: {
    list: 'recommendations',
    method: 'GET',
    path: '/ofsted-recommendations',
    response: ofstedRecommendationListSchema,
  },
  addOfstedRecommendations: {
    method: 'POST',
    path: '/ofsted-recommendations',
    request: addOfstedRecommendationsRequestSchema,
    response: ofstedRecommendationListSchema,
    status: 201,
  },
  funding: {
    list: 'contributions',
    method: 'GET',
    path: '/funding',
    response: fundingSchema,
  },
  saveFundingYear: {
    method: 'PUT',
    path: '/funding/{year}',
    request: fundingYearRequestSchema,
    response: fundingYearSchema,
    versioned: true,
  },
  saveSpendingYear: {
    method: 'PUT',
    path: '/spending/{year}',
    request: spendingYearRequestSchema,
    response: spendingYearSchema,
    versioned: true,
  },
  partnership: {
    list: 'links',
    method: 'GET',
    path: '/partnership',
    response: partnershipSchema,
  },
  createPartnershipLink: {
    method: 'POST',
    path: '/partnership/links',
    request: createPartnershipLinkRequestSchema,
    response: partnershipLinkSchema,
    status: 201,
  },
  editPartnershipLink: {
    method: 'PUT',
    path: '/partnership/links/{id}',
    request: partnershipLinkEditRequestSchema,
    response: partnershipLinkSchema,
    versioned: true,
  },
  retirePartnershipLink: {
    method: 'POST',
    path: '/partnership/links/{id}/retire',
    request: retirePartnershipLinkRequestSchema,
    response: partnershipLinkSchema,
    versioned: true,
  },
  saveLinkedBoards: {
    method: 'PUT',
    path: '/partnership/linked-boards',
    request: linkedBoardsRequestSchema,
    response: linkedBoardsSchema,
    versioned: true,
  },
  agencies: {
    list: 'agencies',
    method: 'GET',
    path: '/agencies',
    response: agencyListSchema,
  },
  createAgency: {
    method: 'POST',
    path: '/agencies',
    request: createAgencyRequestSchema,
    response: agencySchema,
    status: 201,
  },
  updateAgency: {
    method: 'PATCH',
    path: '/agencies/{id}',
    request: updateAgencyRequestSchema,
    response: agencySchema,
    versioned: true,
  },

  session: { method: 'GET', path: '/session', public: true, response: sessionSchema },
  signInOptions: { method: 'GET', path: '/sign-in-options', public: true, response: signInOptionsSchema },
  signIn: {
    method: 'POST',
    path: '/session',
    public: true,
    request: signInRequestSchema,
    response: sessionSchema,
  },
  signOut: { method: 'DELETE', path: '/session', public: true, response: z.null(), status: 204 },
  setup: {
    method: 'POST',
    path: '/setup',
    public: true,
    request: setupRequestSchema,
    response: sessionSchema,
    status: 201,
  },
  acceptInvitation: {
    method: 'POST',
    path: '/invitations/accept',
    public: true,
    request: acceptInvitationRequestSchema,
    response: sessionSchema,
  },

  returnRounds: {
    list: 'rounds',
    method: 'GET',
    path: '/returns',
    query: returnRoundsQuerySchema,
    response: returnRoundListSchema,
  },
  openRound: {
    method: 'POST',
    path: '/returns',
    request: openRoundRequestSchema,
    response: returnRoundSchema,
    status: 201,
  },
  lateByAgency: { method: 'GET', path: '/returns/late-by-agency', response: lateByAgencySchema },
  agencyReturn: { method: 'GET', path: '/returns/{round}/{agency}', response: agencyReturnSchema },
  saveReturn: {
    method: 'PUT',
    path: '/returns/{round}/{agency}',
    request: saveReturnRequestSchema,
    response: agencyReturnSchema,
    versioned: true,
  },
  submitReturn: {
    method: 'POST',
    path: '/returns/{round}/{agency}/submit',
    request: returnTransitionRequestSchema,
    response: agencyReturnSchema,
    versioned: true,
  },
  publishReturn: {
    method: 'POST',
    path: '/returns/{round}/{agency}/publish',
    request: returnTransitionRequestSchema,
    response: agencyReturnSchema,
    versioned: true,
  },
  withdrawReturn: {
    method: 'POST',
    path: '/returns/{round}/{agency}/withdraw',
    request: withdrawReturnRequestSchema,
    response: agencyReturnSchema,
    versioned: true,
  },
  sendBackReturn: {
    method: 'POST',
    path: '/returns/{round}/{agency}/send-back',
    request: sendBackRequestSchema,
    response: agencyReturnSchema,
    versioned: true,
  },

  users: {
    list: 'users',
    method: 'GET',
    path: '/users',
    response: userListSchema,
  },
  createUser: {
    method: 'POST',
    path: '/users',
    request: createUserRequestSchema,
    response: setupLinkSchema,
    status: 201,
  },
  updateUser: {
    method: 'PATCH',
    path: '/users/{id}',
    request: updateUserRequestSchema,
    response: userSchema,
    versioned: true,
  },
  /** Approve an account awaiting approval: it is switched on, as a viewer unless changed since. */
  approveUser: {
    method: 'POST',
    path: '/users/{id}/approval',
    request: approvalRequestSchema,
    response: userSchema,
    versioned: true,
  },
  /** Refuse an account awaiting approval: it stays switched off, and the person is told so. */
  refuseUser: {
    method: 'POST',
    path: '/users/{id}/refusal',
    request: approvalRequestSchema,
    response: userSchema,
    versioned: true,
  },
  userSetupLink: {
    method: 'POST',
    path: '/users/{id}/setup-link',
    request: empty,
    response: setupLinkSchema,
  },
  auditTrail: {
    list: 'entries',
    method: 'GET',
    path: '/audit-trail',
    query: auditTrailQuerySchema,
    response: auditTrailSchema,
  },
  mailPreferences: {
    method: 'GET',
    path: '/account/email',
    response: mailPreferencesSchema,
  },
  saveMailPreferences: {
    method: 'PUT',
    path: '/account/email',
    request: mailPreferencesSchema,
    response: mailPreferencesSchema,
  },
  signInPolicy: {
    method: 'GET',
    path: '/admin/sign-in-policy',
    response: signInPolicySchema,
  },
  saveSignInPolicy: {
    method: 'PUT',
    path: '/admin/sign-in-policy',
    request: saveSignInPolicyRequestSchema,
    response: signInPolicySchema,
    versioned: true,
  },
  outbox: {
    list: 'messages',
    method: 'GET',
    path: '/admin/outbox',
    response: outboxSchema,
  },

  /** Section 11: the board's standards, its cycles, each agency's self-assessment, the assurance view. */
  section11Standards: { method: 'GET', path: '/section11/standards', response: section11StandardsSchema },
  saveSection11Standards: {
    method: 'PUT',
    path: '/section11/standards',
    request: saveSection11StandardsRequestSchema,
    response: section11StandardsSchema,
    versioned: true,
  },
  section11Cycles: { method: 'GET', path: '/section11/cycles', response: section11CycleListSchema },
  openSection11Cycle: {
    method: 'POST',
    path: '/section11/cycles',
    request: openSection11CycleRequestSchema,
    response: section11CycleSchema,
    status: 201,
  },
  closeSection11Cycle: {
    method: 'POST',
    path: '/section11/cycles/{id}/close',
    request: closeSection11CycleRequestSchema,
    response: section11CycleSchema,
    versioned: true,
  },
  section11Assessment: {
    method: 'GET',
    path: '/section11/cycles/{id}/agencies/{agency}',
    response: section11AssessmentSchema,
  },
  saveSection11Assessment: {
    method: 'PUT',
    path: '/section11/cycles/{id}/agencies/{agency}',
    request: saveSection11AssessmentRequestSchema,
    response: section11AssessmentSchema,
    versioned: true,
  },
  submitSection11Assessment: {
    method: 'POST',
    path: '/section11/cycles/{id}/agencies/{agency}/submit',
    request: section11DecisionRequestSchema,
    response: section11AssessmentSchema,
    versioned: true,
  },
  moderateSection11Assessment: {
    method: 'POST',
    path: '/section11/cycles/{id}/agencies/{agency}/moderation',
    request: moderateSection11RequestSchema,
    response: section11AssessmentSchema,
    versioned: true,
  },
  acceptSection11Assessment: {
    method: 'POST',
    path: '/section11/cycles/{id}/agencies/{agency}/accept',
    request: section11DecisionRequestSchema,
    response: section11AssessmentSchema,
    versioned: true,
  },
  sendBackSection11Assessment: {
    method: 'POST',
    path: '/section11/cycles/{id}/agencies/{agency}/send-back',
    request: sendBackSection11RequestSchema,
    response: section11AssessmentSchema,
    versioned: true,
  },
  /** An agreed improvement action into the board's action plan, linked back to its standard. */
  addSection11Action: {
    method: 'POST',
    path: '/section11/cycles/{id}/agencies/{agency}/improvements/{improvement}/action',
    request: addSection11ActionRequestSchema,
    response: section11AssessmentSchema,
    status: 201,
    versioned: true,
  },
  section11Assurance: { method: 'GET', path: '/section11/assurance', response: section11AssuranceSchema },
} as const satisfies Record<string, EndpointSpec>);

export type EndpointName = keyof typeof endpoints;

/** The body of every error response (4xx and 5xx); 422 adds field errors keyed by field name. */
export const errorResponseSchema = errorBodySchema;
