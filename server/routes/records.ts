import type { Hono } from 'hono';
import { can } from '../../src/api/permissions';
import { endpoint } from '../http/endpoint';
import type { AppEnv, Services } from '../http/env';
import { forbidden, notFound } from '../http/problem';
import { actionOwner, updateAction } from '../store/action-plan';
import { createAgency, saveBoard, startReportingYear, updateAgency } from '../store/board';
import { correctFigure, publishIndicator, updateIndicatorSettings } from '../store/indicators';
import { updateAudit } from '../store/quality-assurance';
import { actorOf } from '../store/users';

/** Writes to the board's records: audit progress, actions, and the administrator's settings. */
export function recordRoutes(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;

  endpoint(app, services, 'updateAudit', {
    allow: can.recordAuditProgress,
    handler: ({ user, params, body }) =>
      db.transaction((tx) => updateAudit(tx, actorOf(user), params.id!, body)),
  });

  endpoint(app, services, 'updateAction', {
    // Whether this person owns this action is known only once it is read.
    allow: can.updateSomeActions,
    handler: async ({ user, params, body }) => {
      const owner = await actionOwner(db, params.id!);
      if (owner === null) throw notFound(`The action "${params.id}"`);
      if (!can.updateAction(user, { owner })) {
        throw forbidden(`Only ${owner}, an editor or an administrator can update this action.`);
      }
      return db.transaction((tx) => updateAction(tx, actorOf(user), params.id!, body, services.today()));
    },
  });

  endpoint(app, services, 'saveBoard', {
    allow: can.administer,
    handler: ({ user, body }) => db.transaction((tx) => saveBoard(tx, actorOf(user), body)),
  });

  endpoint(app, services, 'startReportingYear', {
    allow: can.administer,
    handler: ({ user, body }) => db.transaction((tx) => startReportingYear(tx, actorOf(user), body)),
  });

  endpoint(app, services, 'createAgency', {
    allow: can.administer,
    handler: ({ user, body }) => db.transaction((tx) => createAgency(tx, actorOf(user), body)),
  });

  endpoint(app, services, 'updateAgency', {
    allow: can.administer,
    handler: ({ user, params, body }) =>
      db.transaction((tx) => updateAgency(tx, actorOf(user), params.id!, body)),
  });

  endpoint(app, services, 'updateIndicator', {
    allow: can.administer,
    handler: ({ user, params, body }) =>
      db.transaction((tx) => updateIndicatorSettings(tx, actorOf(user), params.id!, body)),
  });

  endpoint(app, services, 'publishIndicator', {
    allow: can.administer,
    largeBody: true,
    handler: async ({ c, user, params, body }) => {
      if (body.indicator.id !== params.id) {
        return c.json(
          {
            message: 'Some fields need correcting',
            fieldErrors: { 'indicator.id': ['Must match the address'] },
          },
          422,
        );
      }
      const result = await db.transaction((tx) =>
        publishIndicator(tx, actorOf(user), body.indicator, body.version, body.reason),
      );
      return c.json(result.indicator, result.created ? 201 : 200);
    },
  });

  endpoint(app, services, 'correctIndicator', {
    allow: can.administer,
    handler: ({ user, params, body }) =>
      db.transaction((tx) => correctFigure(tx, actorOf(user), params.id!, body)),
  });
}
