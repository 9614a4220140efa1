import type { Context, Hono } from 'hono';
import type { SetupLink } from '../../src/api/contract';
import { can } from '../../src/api/permissions';
import { endpoint } from '../http/endpoint';
import type { AppEnv, Services } from '../http/env';
import { notFound } from '../http/problem';
import { mailSetupLink } from '../mail/outbox';
import { readAuditTrail, recordAudit } from '../store/audit-log';
import {
  actorOf,
  decideApproval,
  insertUser,
  issueToken,
  readUsers,
  toUser,
  updateUser,
  type UserRow,
} from '../store/users';

/** How long an invitation or reset link works. */
const LINK_HOURS = 72;

/** The administrator's work on people and the audit trail. */
export function peopleRoutes(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  const linkFor = (c: Context<AppEnv>, token: string) => `${c.get('origin')}/set-password#${token}`;

  endpoint(app, services, 'users', {
    allow: can.administer,
    handler: async () => ({ users: await readUsers(db) }),
  });

  endpoint(app, services, 'createUser', {
    allow: can.administer,
    handler: async ({ c, user, body }) => {
      const result: SetupLink = await db.transaction(async (tx) => {
        const created = await insertUser(tx, actorOf(user), body);
        const { token, expiresAt } = await issueToken(tx, 'invitation', created.id, LINK_HOURS);
        await mailSetupLink(tx, created, linkFor(c, token), expiresAt, 'invitation');
        return { user: created, link: linkFor(c, token), expiresAt };
      });
      return result;
    },
  });

  endpoint(app, services, 'updateUser', {
    allow: can.administer,
    handler: ({ user, params, body }) =>
      db.transaction((tx) => updateUser(tx, actorOf(user), params.id!, body)),
  });

  for (const [name, decision] of [
    ['approveUser', 'approve'],
    ['refuseUser', 'refuse'],
  ] as const) {
    endpoint(app, services, name, {
      allow: can.administer,
      handler: ({ user, params, body }) =>
        db.transaction((tx) => decideApproval(tx, actorOf(user), params.id!, decision, body.version)),
    });
  }

  endpoint(app, services, 'userSetupLink', {
    allow: can.administer,
    handler: async ({ c, user, params }) =>
      db.transaction(async (tx) => {
        const [row] = await tx.query<UserRow>('select * from app_user where id::text = $1', [params.id]);
        if (!row) throw notFound('The person');
        const { token, expiresAt } = await issueToken(tx, 'invitation', row.id, LINK_HOURS);
        await mailSetupLink(
          tx,
          row,
          linkFor(c, token),
          expiresAt,
          row.password_hash ? 'password' : 'invitation',
        );
        await recordAudit(tx, actorOf(user), {
          action: 'user.setup-link',
          entityType: 'user',
          entityId: row.id,
          summary: `Made a new one-time link for ${row.name} to choose a password`,
        });
        return { user: toUser(row), link: linkFor(c, token), expiresAt };
      }),
  });

  endpoint(app, services, 'auditTrail', {
    allow: can.administer,
    handler: ({ query }) =>
      readAuditTrail(db, {
        before: query.before === undefined ? undefined : Number(query.before),
        limit: query.limit === undefined ? 100 : Number(query.limit),
        from: query.from,
        to: query.to,
        entityType: query.entityType,
      }),
  });
}
