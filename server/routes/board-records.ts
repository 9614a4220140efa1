import type { Hono } from 'hono';
import { can } from '../../src/api/permissions';
import { endpoint } from '../http/endpoint';
import type { AppEnv, Services } from '../http/env';
import {
  addOfstedRecommendations,
  closeAction,
  createAction,
  createPriority,
  editAction,
  movePriority,
  retirePriority,
  updatePriority,
} from '../store/action-plan';
import { cancelAudit, createAudit, updateAuditPlan } from '../store/quality-assurance';
import { actorOf } from '../store/users';

/**
 * The board's own records, kept by the roles that own them: the audit programme (quality
 * assurance, editors, administrators) and the action plan (editors, administrators).
 */
export function boardRecordRoutes(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;

  endpoint(app, services, 'createAudit', {
    allow: can.planAudits,
    handler: ({ user, body }) => db.transaction((tx) => createAudit(tx, actorOf(user), body)),
  });
  endpoint(app, services, 'updateAuditPlan', {
    allow: can.planAudits,
    handler: ({ user, params, body }) =>
      db.transaction((tx) => updateAuditPlan(tx, actorOf(user), params.id!, body)),
  });
  endpoint(app, services, 'cancelAudit', {
    allow: can.planAudits,
    handler: ({ user, params, body }) =>
      db.transaction((tx) => cancelAudit(tx, actorOf(user), params.id!, body)),
  });

  endpoint(app, services, 'createPriority', {
    allow: can.editActionPlan,
    handler: ({ user, body }) => db.transaction((tx) => createPriority(tx, actorOf(user), body)),
  });
  endpoint(app, services, 'updatePriority', {
    allow: can.editActionPlan,
    handler: ({ user, params, body }) =>
      db.transaction((tx) => updatePriority(tx, actorOf(user), params.id!, body)),
  });
  endpoint(app, services, 'movePriority', {
    allow: can.editActionPlan,
    handler: ({ user, params, body }) =>
      db.transaction((tx) => movePriority(tx, actorOf(user), params.id!, body)),
  });
  endpoint(app, services, 'retirePriority', {
    allow: can.editActionPlan,
    handler: ({ user, params, body }) =>
      db.transaction((tx) => retirePriority(tx, actorOf(user), params.id!, body)),
  });
  endpoint(app, services, 'createAction', {
    allow: can.editActionPlan,
    handler: ({ user, body }) => db.transaction((tx) => createAction(tx, actorOf(user), body)),
  });
  endpoint(app, services, 'editAction', {
    allow: can.editActionPlan,
    handler: ({ user, params, body }) =>
      db.transaction((tx) => editAction(tx, actorOf(user), params.id!, body)),
  });
  endpoint(app, services, 'addOfstedRecommendations', {
    allow: can.editActionPlan,
    handler: ({ user, body }) => db.transaction((tx) => addOfstedRecommendations(tx, actorOf(user), body)),
  });
  endpoint(app, services, 'closeAction', {
    allow: can.editActionPlan,
    handler: ({ user, params, body }) =>
      db.transaction((tx) => closeAction(tx, actorOf(user), params.id!, body, services.today())),
  });
}
