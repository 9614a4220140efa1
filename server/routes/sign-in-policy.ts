import type { Hono } from 'hono';
import type { SignInPolicy } from '../../src/api/contract';
import { can } from '../../src/api/permissions';
import type { Queryable } from '../db/database';
import type { Config } from '../config';
import { endpoint } from '../http/endpoint';
import type { AppEnv, Services } from '../http/env';
import { conflict, unprocessable } from '../http/problem';
import { recordAudit } from '../store/audit-log';
import { actorOf } from '../store/users';

/**
 * Whether passwords are refused (but the break-glass administrator's): SSO_REQUIRED, or the
 * administrator's setting. Read from the database on every sign-in, so that every instance
 * follows a change made through any of them at once.
 */
export async function ssoRequired(db: Queryable, config: Config): Promise<boolean> {
  if (!config.sso) return false;
  if (config.sso.required) return true;
  const [row] = await db.query<{ sso_required: boolean }>('select sso_required from sign_in_policy');
  return row?.sso_required ?? false;
}

async function readPolicy(db: Queryable, config: Config, lock = false): Promise<SignInPolicy> {
  const [row] = await db.query<{ sso_required: boolean; version: number }>(
    `select sso_required, version from sign_in_policy${lock ? ' for update' : ''}`,
  );
  return {
    ssoRequired: row?.sso_required ?? false,
    requiredByEnvironment: config.sso?.required ?? false,
    ssoAvailable: config.sso !== null,
    breakGlassEmail: config.adminEmail,
    version: row?.version ?? 1,
  };
}

/** The administrator's setting: require single sign-on, keeping the break-glass administrator's password. */
export function signInPolicyRoutes(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;

  endpoint(app, services, 'signInPolicy', {
    allow: can.administer,
    handler: () => readPolicy(db, config),
  });

  endpoint(app, services, 'saveSignInPolicy', {
    allow: can.administer,
    handler: ({ user, body }) =>
      db.transaction(async (tx) => {
        const before = await readPolicy(tx, config, true);
        if (before.version !== body.version) throw conflict('sign-in setting', before);
        if (body.ssoRequired && !config.sso) {
          throw unprocessable(
            'ssoRequired',
            'Single sign-on is not set up (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET), so it cannot be required',
          );
        }
        if (body.ssoRequired && !config.adminEmail) {
          throw unprocessable(
            'ssoRequired',
            'Set ADMIN_EMAIL and ADMIN_PASSWORD first: the break-glass administrator keeps a password in case single sign-on fails',
          );
        }
        await tx.query('update sign_in_policy set sso_required = $1, version = version + 1', [
          body.ssoRequired,
        ]);
        const after = await readPolicy(tx, config);
        if (before.ssoRequired !== after.ssoRequired) {
          await recordAudit(tx, actorOf(user), {
            action: after.ssoRequired ? 'board.sso-required' : 'board.passwords-allowed',
            entityType: 'board',
            entityId: 'sign-in-policy',
            summary: after.ssoRequired
              ? `Required single sign-on: passwords are refused except the break-glass administrator’s (${config.adminEmail})`
              : 'Allowed passwords again beside single sign-on',
            before: { ssoRequired: before.ssoRequired },
            after: { ssoRequired: after.ssoRequired },
          });
        }
        return after;
      }),
  });
}
