import type { Context, Hono } from 'hono';
import type { Session, SessionUser } from '../../src/api/contract';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords';
import { endSession, startSession } from '../auth/sessions';
import {
  accountKey,
  ACCOUNT_LIMIT,
  addressKey,
  ADDRESS_LIMIT,
  clearFailures,
  delayAfterFailures,
  LOCK_MINUTES,
  releaseAttempt,
  reserveAttempt,
} from '../auth/throttle';
import { endpoint } from '../http/endpoint';
import type { AppEnv, Services } from '../http/env';
import { Problem, unauthorised } from '../http/problem';
import { clearSessionCookie, readSessionSecret, setSessionCookie } from '../http/session-cookie';
import { recordAudit, SYSTEM } from '../store/audit-log';
import { countUsers, findUserByEmail, redeemToken, toSessionUser, type UserRow } from '../store/users';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return `${m} minute${m === 1 ? '' : 's'}`;
}

/** Sign-in, sign-out, who am I, and the one-time links that let a person choose a password. */
export function sessionRoutes(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const policy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };

  const sessionOf = (user: SessionUser, expiresAt: string): Session => ({
    user,
    method: 'password',
    expiresAt,
    idleMinutes: config.sessionIdleMinutes,
  });

  async function signIn(c: Context<AppEnv>, user: UserRow): Promise<Session> {
    const { secret, expiresAt } = await startSession(db, user.id, 'password', policy);
    setSessionCookie(c, secret, expiresAt);
    return sessionOf(toSessionUser(user), expiresAt);
  }

  endpoint(app, services, 'session', {
    allow: () => true,
    handler: async ({ c }) => {
      const session = c.get('session');
      if (!session) throw unauthorised();
      return { ...sessionOf(session.user, session.expiresAt), method: session.method };
    },
  });

  endpoint(app, services, 'signIn', {
    allow: () => true,
    handler: async ({ c, body }) => {
      // Both limits are reserved before the (deliberately slow) password check, atomically in the
      // database: a burst sent at once checks no more passwords than the limits, on any instance.
      const address = addressKey(c.get('clientAddress'));
      const byAddress = await reserveAttempt(db, address, ADDRESS_LIMIT);
      if (!byAddress.allowed) {
        throw new Problem(
          429,
          `Too many failed sign-ins from your network. Try again in ${minutes(byAddress.waitSeconds)}.`,
          {},
          { 'Retry-After': String(byAddress.waitSeconds) },
        );
      }
      const key = accountKey(body.email);
      const byAccount = await reserveAttempt(db, key, ACCOUNT_LIMIT);
      if (!byAccount.allowed) {
        // Nothing was checked, so the network address gets its attempt back.
        await releaseAttempt(db, address, ADDRESS_LIMIT);
        throw new Problem(
          429,
          `Too many failed sign-ins for this email address. Try again in ${minutes(byAccount.waitSeconds)}, or ask the board’s business unit to reset your password.`,
          {},
          { 'Retry-After': String(byAccount.waitSeconds) },
        );
      }
      const user = await findUserByEmail(db, body.email);
      const usable = user && user.active && user.password_hash;
      // The same work whether or not the account exists, so timing does not tell.
      const ok = await verifyPassword(body.password, usable ? user.password_hash! : await decoyHash());
      if (!ok || !usable) {
        const failures = byAccount.attempt;
        services.log.info(`Failed sign-in for ${body.email} (${failures} in a row)`);
        await pause(delayAfterFailures(failures));
        if (byAccount.locks) {
          await db.transaction((tx) =>
            recordAudit(tx, SYSTEM, {
              action: 'session.locked',
              entityType: 'user',
              entityId: user?.id ?? body.email,
              summary: `Sign-in locked for ${body.email} after repeated failures`,
            }),
          );
          throw new Problem(
            429,
            `Too many failed sign-ins for this email address. Try again in ${LOCK_MINUTES} minutes, or ask the board’s business unit to reset your password.`,
            {},
            { 'Retry-After': String(LOCK_MINUTES * 60) },
          );
        }
        throw new Problem(401, 'The email address or password is not right.');
      }
      await clearFailures(db, key);
      await releaseAttempt(db, address, ADDRESS_LIMIT);
      return signIn(c, user);
    },
  });

  endpoint(app, services, 'signOut', {
    allow: () => true,
    handler: async ({ c }) => {
      const secret = readSessionSecret(c);
      if (secret) await endSession(db, secret);
      clearSessionCookie(c);
      return null;
    },
  });

  endpoint(app, services, 'setup', {
    allow: () => true,
    handler: async ({ c, body }) => {
      const passwordHash = await hashPassword(body.password);
      const user = await db.transaction(async (tx) => {
        await redeemToken(tx, 'setup', body.token);
        if ((await countUsers(tx)) > 0) {
          throw new Problem(410, 'This board already has an administrator. Sign in instead.');
        }
        const [row] = await tx.query<UserRow>(
          `insert into app_user (email, name, role, password_hash) values ($1, $2, 'administrator', $3) returning *`,
          [body.email, body.name, passwordHash],
        );
        await recordAudit(
          tx,
          { id: row!.id, name: row!.name, email: row!.email },
          {
            action: 'user.create',
            entityType: 'user',
            entityId: row!.id,
            summary: `Set up the first administrator, ${row!.name} (${row!.email}), with the one-time link`,
            before: null,
            after: { email: row!.email, name: row!.name, role: 'administrator' },
          },
        );
        return row!;
      });
      return signIn(c, user);
    },
  });

  endpoint(app, services, 'acceptInvitation', {
    allow: () => true,
    handler: async ({ c, body }) => {
      const passwordHash = await hashPassword(body.password);
      const user = await db.transaction(async (tx) => {
        const { userId } = await redeemToken(tx, 'invitation', body.token);
        const [row] = await tx.query<UserRow>(
          'update app_user set password_hash = $2, version = version + 1 where id = $1 and active returning *',
          [userId, passwordHash],
        );
        if (!row)
          throw new Problem(410, 'This account has been switched off. Ask the board’s business unit.');
        // A new password ends every other session of the account.
        await tx.query('delete from session where user_id = $1', [row.id]);
        await clearFailures(tx, accountKey(row.email.toLowerCase()));
        await recordAudit(
          tx,
          { id: row.id, name: row.name, email: row.email },
          {
            action: 'user.password',
            entityType: 'user',
            entityId: row.id,
            summary: `${row.name} chose a password with their one-time link`,
          },
        );
        return row;
      });
      return signIn(c, user);
    },
  });
}
