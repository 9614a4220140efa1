import type { SessionUser } from '../../src/api/contract';
import type { Database, Queryable } from '../db/database';
import { toSessionUser, type SessionUserRow } from '../store/users';
import { hashSecret, newSecret } from './tokens';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/**
 * How a person signed in: a password, or single sign-on (server/routes/sso.ts), which checks the
 * identity provider's answer, finds the account by email, and calls `startSession` like a password.
 */
export type SignInMethod = 'password' | 'sso';

export interface ActiveSession {
  user: SessionUser;
  method: SignInMethod;
  expiresAt: string;
  /** The board's data version, read in the same round trip (readers' cache key). */
  dataVersion: number;
}

export async function startSession(
  db: Queryable,
  userId: string,
  method: SignInMethod,
  policy: SessionPolicy,
): Promise<{ secret: string; expiresAt: string }> {
  const secret = newSecret();
  const [row] = await db.query<{ expires_at: string }>(
    `insert into session (id_hash, user_id, method, expires_at)
     values ($1, $2, $3, now() + make_interval(hours => $4)) returning expires_at`,
    [hashSecret(secret), userId, method, policy.maxHours],
  );
  await db.query('update app_user set last_sign_in_at = now() where id = $1', [userId]);
  // Sessions that ended long ago are tidied away as people sign in.
  await db.query("delete from session where expires_at < now() - interval '1 day'");
  return { secret, expiresAt: row!.expires_at };
}

type SessionRow = SessionUserRow & {
  method: SignInMethod;
  expires_at: string;
  idle_seconds: number;
  data_version: number;
};

/**
 * The person a session cookie belongs to, if the session is still live: not past its end, not
 * idle too long, and the account still active. A session seen more than a minute ago is marked
 * seen again (so every request is not a write).
 */
export async function findSession(
  db: Queryable & Pick<Database, 'remember'>,
  secret: string,
  policy: SessionPolicy,
): Promise<ActiveSession | null> {
  const idHash = hashSecret(secret);
  const read = () =>
    db.query<SessionRow>(
      // Only what a request needs of the person: read on every request, so not their password's
      // hash, nor the dates of their account, which the driver would turn into text each time.
      `select u.id, u.email, u.name, u.role, u.agency_ids, u.action_owner, s.method, s.expires_at,
            extract(epoch from now() - s.last_seen_at)::int as idle_seconds,
            (select data_version from service_state) as data_version
     from session s join app_user u on u.id = s.user_id
     where s.id_hash = $1 and u.active and s.expires_at > now()
       and s.last_seen_at > now() - make_interval(mins => $2)`,
      [idHash, policy.idleMinutes],
    );
  // On the embedded database, read once a second at most while nothing is written (a sign-out, a
  // change of role or a save is a write, and is seen by the next request).
  const [row] = db.remember ? await db.remember(`session\u0000${idHash}`, 1000, read) : await read();
  if (!row) return null;
  if (row.idle_seconds > 60) {
    await db.query('update session set last_seen_at = now() where id_hash = $1', [idHash]);
  }
  return {
    user: toSessionUser(row),
    method: row.method,
    expiresAt: row.expires_at,
    dataVersion: Number(row.data_version ?? 0),
  };
}

export async function endSession(db: Queryable, secret: string): Promise<void> {
  await db.query('delete from session where id_hash = $1', [hashSecret(secret)]);
}

/** The data version alone, for requests that carry no session (the cache key of public reads). */
export async function readDataVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ data_version: number }>('select data_version from service_state');
  return Number(row?.data_version ?? 0);
}
