import type { Hono } from 'hono';
import { can } from '../../src/api/permissions';
import { roundsPage } from '../../src/lib/returns-due';
import { endpoint } from '../http/endpoint';
import type { AppEnv, Services } from '../http/env';
import { mailReturnPublished, mailReturnSentBack, mailRoundOpened } from '../mail/outbox';
import {
  openRound,
  publishReturn,
  readReturn,
  readRounds,
  saveReturn,
  sendBackReturn,
  submitReturn,
  withdrawReturn,
} from '../store/returns';
import { readLateByAgency } from '../store/late-by-agency';
import { actorOf } from '../store/users';

/**
 * Quarterly returns: contributors enter and submit their agencies'; the administrator publishes;
 * the business unit and quality assurance read every return.
 */
export function returnRoutes(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  const forAgency = (user: Parameters<typeof can.enterReturn>[0], params: Record<string, string>) =>
    can.enterReturn(user, params.agency ?? '');

  endpoint(app, services, 'returnRounds', {
    allow: can.seeReturns,
    handler: async ({ user, query }) =>
      roundsPage(
        await readRounds(db, services.today(), can.readAllReturns(user) ? null : user.agencyIds),
        query,
      ),
  });

  endpoint(app, services, 'lateByAgency', {
    allow: can.readAllReturns,
    handler: () => readLateByAgency(db, services.today()),
  });

  endpoint(app, services, 'openRound', {
    allow: can.administer,
    handler: ({ c, user, body }) =>
      db.transaction(async (tx) =>
        mailRoundOpened(tx, c.get('origin'), await openRound(tx, actorOf(user), body, services.today())),
      ),
  });

  endpoint(app, services, 'agencyReturn', {
    allow: (user, params) => can.readReturn(user, params.agency ?? ''),
    handler: ({ params }) => readReturn(db, params.round!, params.agency!, services.today()),
  });

  endpoint(app, services, 'saveReturn', {
    allow: forAgency,
    largeBody: true,
    handler: ({ user, params, body }) =>
      saveReturn(db, actorOf(user), params.round!, params.agency!, body, services.today()),
  });

  endpoint(app, services, 'submitReturn', {
    allow: forAgency,
    handler: ({ user, params, body }) =>
      db.transaction((tx) =>
        submitReturn(tx, actorOf(user), params.round!, params.agency!, body.version, services.today()),
      ),
  });

  endpoint(app, services, 'withdrawReturn', {
    allow: forAgency,
    handler: ({ user, params, body }) =>
      db.transaction((tx) =>
        withdrawReturn(
          tx,
          actorOf(user),
          { round: params.round!, agency: params.agency!, version: body.version },
          services.today(),
        ),
      ),
  });

  endpoint(app, services, 'publishReturn', {
    allow: can.administer,
    handler: ({ c, user, params, body }) =>
      db.transaction(async (tx) =>
        mailReturnPublished(
          tx,
          c.get('origin'),
          await publishReturn(tx, actorOf(user), params.round!, params.agency!, body, services.today()),
        ),
      ),
  });

  endpoint(app, services, 'sendBackReturn', {
    allow: can.administer,
    handler: ({ c, user, params, body }) =>
      db.transaction(async (tx) =>
        mailReturnSentBack(
          tx,
          c.get('origin'),
          await sendBackReturn(tx, actorOf(user), params.round!, params.agency!, body, services.today()),
        ),
      ),
  });
}
