import type { Hono } from 'hono';
import type { EndpointName, SessionUser, endpoints } from '../../src/api/contract';
import { can } from '../../src/api/permissions';
import type { z } from '../../src/api/zod';
import type { Queryable } from '../db/database';
import { endpoint, type Call } from '../http/endpoint';
import type { AppEnv, Services } from '../http/env';
import {
  addOfstedRecommendations,
  closeAction,
  createAction,
  createPriority,
  editAction,
  importActions,
  movePriority,
  retirePriority,
  updatePriority,
} from '../store/action-plan';
import type { Actor } from '../store/audit-log';
import { createChartEvent, editChartEvent, retireChartEvent } from '../store/chart-events';
import { saveFundingYear, saveSpendingYear } from '../store/funding';
import {
  createPartnershipLink,
  editPartnershipLink,
  retirePartnershipLink,
  saveLinkedBoards,
} from '../store/partnership';
import {
  cancelAudit,
  changeAuditAction,
  createAudit,
  freeActionId,
  importAudits,
  updateAuditPlan,
} from '../store/quality-assurance';
import { createReview, editReview, retireReview } from '../store/reviews';
import { boardYearNow } from '../store/board';
import { actorOf } from '../store/users';

/**
 * The board's own records, kept by the roles that own them: the audit programme (quality
 * assurance, editors, administrators) with its actions arising, and the reviews (the same); the
 * action plan with Ofsted's recommendations, and the chart events, funding, spending and
 * partnership links (editors, administrators). Each write runs in one transaction as the signed-in
 * person.
 */
export function boardRecordRoutes(app: Hono<AppEnv>, services: Services): void {
  const write = <E extends EndpointName>(
    name: E,
    allow: (user: SessionUser) => boolean,
    run: (tx: Queryable, actor: Actor, call: Call<E>) => Promise<z.output<(typeof endpoints)[E]['response']>>,
  ) =>
    endpoint(app, services, name, {
      allow,
      handler: (call) => services.db.transaction((tx) => run(tx, actorOf(call.user as SessionUser), call)),
    });

  write('createAudit', can.planAudits, (tx, actor, { body }) => createAudit(tx, actor, body));
  write('importAudits', can.planAudits, (tx, actor, { body }) => importAudits(tx, actor, body));
  write('updateAuditPlan', can.planAudits, (tx, actor, { params, body }) =>
    updateAuditPlan(tx, actor, params.id!, body),
  );
  write('cancelAudit', can.planAudits, (tx, actor, { params, body }) =>
    cancelAudit(tx, actor, params.id!, body),
  );

  const today = services.today;
  write('addAuditAction', can.planAudits, async (tx, actor, { params, body }) =>
    changeAuditAction(
      tx,
      actor,
      params.id!,
      body.version,
      { kind: 'add', id: await freeActionId(tx, body.description), fields: body },
      today(),
    ),
  );
  write('editAuditAction', can.planAudits, (tx, actor, { params, body }) =>
    changeAuditAction(
      tx,
      actor,
      params.id!,
      body.version,
      { kind: 'edit', actionId: params.actionId!, fields: body },
      today(),
    ),
  );
  write('closeAuditAction', can.recordAuditProgress, (tx, actor, { params, body }) =>
    changeAuditAction(
      tx,
      actor,
      params.id!,
      body.version,
      { kind: 'close', actionId: params.actionId! },
      today(),
    ),
  );
  write('retireAuditAction', can.planAudits, (tx, actor, { params, body }) =>
    changeAuditAction(
      tx,
      actor,
      params.id!,
      body.version,
      { kind: 'retire', actionId: params.actionId! },
      today(),
    ),
  );
  write('createReview', can.keepReviews, (tx, actor, { body }) => createReview(tx, actor, body));
  write('editReview', can.keepReviews, (tx, actor, { params, body }) =>
    editReview(tx, actor, params.id!, body),
  );
  write('retireReview', can.keepReviews, async (tx, actor, { params, body }) =>
    retireReview(tx, actor, params.id!, body, await boardYearNow(tx, services.today())),
  );

  write('createPriority', can.editActionPlan, (tx, actor, { body }) => createPriority(tx, actor, body));
  write('updatePriority', can.editActionPlan, (tx, actor, { params, body }) =>
    updatePriority(tx, actor, params.id!, body),
  );
  write('movePriority', can.editActionPlan, (tx, actor, { params, body }) =>
    movePriority(tx, actor, params.id!, body),
  );
  write('retirePriority', can.editActionPlan, (tx, actor, { params, body }) =>
    retirePriority(tx, actor, params.id!, body),
  );
  write('createAction', can.editActionPlan, (tx, actor, { body }) =>
    createAction(tx, actor, body, services.today()),
  );
  write('importActions', can.editActionPlan, (tx, actor, { body }) =>
    importActions(tx, actor, body, services.today()),
  );
  write('editAction', can.editActionPlan, (tx, actor, { params, body }) =>
    editAction(tx, actor, params.id!, body),
  );
  write('closeAction', can.editActionPlan, (tx, actor, { params, body }) =>
    closeAction(tx, actor, params.id!, body, services.today()),
  );
  write('addOfstedRecommendations', can.editActionPlan, (tx, actor, { body }) =>
    addOfstedRecommendations(tx, actor, body),
  );

  write('createAnnotation', can.editBoardRecords, (tx, actor, { body }) => createChartEvent(tx, actor, body));
  write('editAnnotation', can.editBoardRecords, (tx, actor, { params, body }) =>
    editChartEvent(tx, actor, params.id!, body),
  );
  write('retireAnnotation', can.editBoardRecords, (tx, actor, { params, body }) =>
    retireChartEvent(tx, actor, params.id!, body.version),
  );

  write('saveFundingYear', can.editBoardRecords, (tx, actor, { params, body }) =>
    saveFundingYear(tx, actor, params.year!, body),
  );
  write('saveSpendingYear', can.editBoardRecords, (tx, actor, { params, body }) =>
    saveSpendingYear(tx, actor, params.year!, body),
  );

  write('createPartnershipLink', can.editBoardRecords, (tx, actor, { body }) =>
    createPartnershipLink(tx, actor, body),
  );
  write('editPartnershipLink', can.editBoardRecords, (tx, actor, { params, body }) =>
    editPartnershipLink(tx, actor, params.id!, body),
  );
  write('retirePartnershipLink', can.editBoardRecords, async (tx, actor, { params, body }) =>
    retirePartnershipLink(tx, actor, params.id!, body.version, await boardYearNow(tx, services.today())),
  );
  write('saveLinkedBoards', can.editBoardRecords, (tx, actor, { body }) => saveLinkedBoards(tx, actor, body));
}
