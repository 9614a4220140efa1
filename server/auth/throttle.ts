import type { Queryable } from '../db/database';

/**
 * Failed sign-ins, counted in the database so that every instance of the service sees them, under
 * two keys: the email address (whether or not it has an account, so the answer never tells an
 * attacker which addresses exist) and the client's network address (password spraying across many
 * accounts).
 *
 * An attempt is *reserved* before its password is checked, in one atomic statement: the count goes
 * up first, and an attempt that would go over the limit is refused without checking anything. So a
 * burst of requests sent at once, to one instance or to several, checks no more passwords than the
 * limit, however slow the hash. A failed attempt keeps its place in the count; a successful one
 * clears the email's count and gives its place back to the network address (a whole office behind
 * one address signing in never counts).
 */
export interface Limit {
  /** Attempts allowed in the window; the one that reaches it locks the key. */
  attempts: number;
  /** Attempts older than this are forgotten. */
  windowMinutes: number;
  /** How long a key stays locked once it reaches the limit. */
  lockMinutes: number;
}

/** Five wrong passwords for one email address lock it for fifteen minutes. */
export const ACCOUNT_LIMIT: Limit = { attempts: 5, windowMinutes: 15, lockMinutes: 15 };
/** Thirty failed sign-ins from one network address, whatever the accounts, refuse it for ten minutes. */
export const ADDRESS_LIMIT: Limit = { attempts: 30, windowMinutes: 10, lockMinutes: 10 };

export const LOCK_AFTER = ACCOUNT_LIMIT.attempts;
export const LOCK_MINUTES = ACCOUNT_LIMIT.lockMinutes;

/** The throttle key of an email address, and of a network address (never a valid email). */
export const accountKey = (email: string) => email;
export const addressKey = (address: string) => `address ${address}`;

export function delayAfterFailures(failures: number): number {
  return Math.min(250 * 2 ** Math.max(0, failures - 1), 4000);
}

export type Reservation =
  { allowed: true; attempt: number; locks: boolean } | { allowed: false; waitSeconds: number };

/**
 * Counts one attempt for `key` before it is checked. Refused (with the seconds to wait) while the
 * key is locked; otherwise the attempt's number in the window, and whether it is the one that
 * locks the key (the lock is taken now, so nothing more gets through while this one is checked).
 * One statement: PostgreSQL locks the row, so concurrent reservations, from any instance, queue.
 */
export async function reserveAttempt(db: Queryable, key: string, limit: Limit): Promise<Reservation> {
  const [row] = await db.query<{ attempt: number }>(
    `insert into sign_in_throttle as t (key, failures, last_failure_at, locked_until)
     values ($1, 1, now(), case when 1 >= $2 then now() + make_interval(mins => $4) end)
     on conflict (key) do update set
       failures = case when t.locked_until is not null or t.last_failure_at < now() - make_interval(mins => $3)
                       then 1 else t.failures + 1 end,
       last_failure_at = now(),
       locked_until = case when (case when t.locked_until is not null or t.last_failure_at < now() - make_interval(mins => $3)
                                      then 1 else t.failures + 1 end) >= $2
                           then now() + make_interval(mins => $4) end
     where t.locked_until is null or t.locked_until <= now()
     returning failures as attempt`,
    [key, limit.attempts, limit.windowMinutes, limit.lockMinutes],
  );
  if (row) return { allowed: true, attempt: row.attempt, locks: row.attempt >= limit.attempts };
  return { allowed: false, waitSeconds: Math.max(1, await lockedFor(db, key)) };
}

/**
 * Gives back an attempt that was reserved but not a failure (its password was right, or another
 * limit refused it before anything was checked). Below the limit again, the key is unlocked.
 */
export async function releaseAttempt(db: Queryable, key: string, limit: Limit): Promise<void> {
  await db.query(
    `update sign_in_throttle set
       failures = greatest(failures - 1, 0),
       locked_until = case when failures - 1 < $2 then null else locked_until end
     where key = $1`,
    [key, limit.attempts],
  );
}

/** Seconds until the key may try again, or 0 when it is not locked. */
export async function lockedFor(db: Queryable, key: string): Promise<number> {
  const [row] = await db.query<{ seconds: number }>(
    `select ceil(extract(epoch from locked_until - now()))::int as seconds
     from sign_in_throttle where key = $1 and locked_until > now()`,
    [key],
  );
  return row?.seconds ?? 0;
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query('delete from sign_in_throttle where key = $1', [key]);
}
