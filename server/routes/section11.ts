import type { Hono } from 'hono';
import type { SessionUser } from '../../src/api/contract';
import { can } from '../../src/api/permissions';
import { endpoint } from '../http/endpoint';
import type { AppEnv, Services } from '../http/env';
import {
  addImprovementToPlan,
  closeCycle,
  decideAssessment,
  moderateAssessment,
  openCycle,
  readAssessment,
  readAssurance,
  readCycles,
  readStandards,
  saveAssessment,
  saveStandards,
  submitAssessment,
} from '../store/section11';
import { actorOf } from '../store/users';

/**
 * Section 11 self-assessment: the administrator keeps the standards and opens cycles; each
 * agency's contributors fill in and submit theirs; the quality assurance committee (and the
 * administrator) moderate, accept or send back; every signed-in member reads the assurance view.
 */
export function section11Routes(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  const today = () => services.today();
  const forAgency = (user: SessionUser, params: Record<string, string>) =>
    can.enterSelfAssessment(user, params.agency ?? '');

  endpoint(app, services, 'section11Standards', { allow: can.read, handler: () => readStandards(db) });
  endpoint(app, services, 'saveSection11Standards', {
    allow: can.administer,
    handler: ({ user, body }) => db.transaction((tx) => saveStandards(tx, actorOf(user), body)),
  });

  endpoint(app, services, 'section11Cycles', {
    allow: can.seeSelfAssessments,
    handler: async ({ user }) => ({
      cycles: await readCycles(db, today(), can.challengeSelfAssessments(user) ? null : user.agencyIds),
    }),
  });
  endpoint(app, services, 'openSection11Cycle', {
    allow: can.administer,
    handler: ({ user, body }) => db.transaction((tx) => openCycle(tx, actorOf(user), body, today())),
  });
  endpoint(app, services, 'closeSection11Cycle', {
    allow: can.administer,
    handler: ({ user, params, body }) =>
      db.transaction((tx) => closeCycle(tx, actorOf(user), params.id!, body.version, today())),
  });

  endpoint(app, services, 'section11Assessment', {
    allow: (user, params) => can.readSelfAssessment(user, params.agency ?? ''),
    handler: ({ params }) => readAssessment(db, params.id!, params.agency!, today()),
  });
  endpoint(app, services, 'saveSection11Assessment', {
    allow: forAgency,
    handler: ({ user, params, body }) =>
      db.transaction((tx) => saveAssessment(tx, actorOf(user), params.id!, params.agency!, body, today())),
  });
  endpoint(app, services, 'submitSection11Assessment', {
    allow: forAgency,
    handler: ({ user, params, body }) =>
      db.transaction((tx) =>
        submitAssessment(tx, actorOf(user), params.id!, params.agency!, body.version, today()),
      ),
  });
  endpoint(app, services, 'moderateSection11Assessment', {
    allow: can.challengeSelfAssessments,
    handler: ({ user, params, body }) =>
      db.transaction((tx) =>
        moderateAssessment(tx, actorOf(user), params.id!, params.agency!, body, today()),
      ),
  });
  endpoint(app, services, 'acceptSection11Assessment', {
    allow: can.challengeSelfAssessments,
    handler: ({ user, params, body }) =>
      db.transaction((tx) =>
        decideAssessment(tx, actorOf(user), params.id!, params.agency!, { version: body.version }, today()),
      ),
  });
  endpoint(app, services, 'sendBackSection11Assessment', {
    allow: can.challengeSelfAssessments,
    handler: ({ user, params, body }) =>
      db.transaction((tx) => decideAssessment(tx, actorOf(user), params.id!, params.agency!, body, today())),
  });
  endpoint(app, services, 'addSection11Action', {
    allow: can.challengeSelfAssessments,
    handler: ({ user, params, body }) =>
      db.transaction((tx) =>
        addImprovementToPlan(
          tx,
          actorOf(user),
          params.id!,
          params.agency!,
          params.improvement!,
          body,
          today(),
        ),
      ),
  });

  endpoint(app, services, 'section11Assurance', {
    allow: can.read,
    handler: () => readAssurance(db, today()),
  });
}
