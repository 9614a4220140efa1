import type { Queryable } from '../db/database';

/**
 * Failed sign-ins, counted per email address (whether or not it has an account, so the answer
 * never tells an attacker which addresses exist). Each failure slows the next answer; five in a
 * row lock the address for fifteen minutes. The count lives in the database, so every instance of
 * the service sees it.
 */
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
/** Failures older than this are forgotten. */
const WINDOW_MINUTES = 15;

export function delayAfterFailures(failures: number): number {
  return Math.min(250 * 2 ** Math.max(0, failures - 1), 4000);
}

/** Seconds until the address may try again, or 0 when it is not locked. */
export async function lockedFor(db: Queryable, key: string): Promise<number> {
  const [row] = await db.query<{ seconds: number }>(
    `select ceil(extract(epoch from locked_until - now()))::int as seconds
     from sign_in_throttle where key = $1 and locked_until > now()`,
    [key],
  );
  return row?.seconds ?? 0;
}

export async function recordFailure(
  db: Queryable,
  key: string,
): Promise<{ failures: number; locked: boolean }> {
  const [row] = await db.query<{ failures: number; locked: boolean }>(
    `insert into sign_in_throttle (key, failures, last_failure_at) values ($1, 1, now())
     on conflict (key) do update set
       failures = case when sign_in_throttle.last_failure_at < now() - make_interval(mins => $2)
                         or sign_in_throttle.locked_until is not null
                       then 1 else sign_in_throttle.failures + 1 end,
       last_failure_at = now(),
       locked_until = null
     returning failures, false as locked`,
    [key, WINDOW_MINUTES],
  );
  const failures = row?.failures ?? 1;
  if (failures >= LOCK_AFTER) {
    await db.query(
      'update sign_in_throttle set locked_until = now() + make_interval(mins => $2), failures = 0 where key = $1',
      [key, LOCK_MINUTES],
    );
    return { failures, locked: true };
  }
  return { failures, locked: false };
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query('delete from sign_in_throttle where key = $1', [key]);
}

/**
 * A second, coarser limit per client address, in this process's memory: many failed sign-ins from
 * one address across many accounts (password spraying) and the address is refused for a while.
 * Successful sign-ins (a whole council office behind one address, say) do not count.
 */
export class AddressLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 30,
    private readonly windowMs = 10 * 60_000,
  ) {}

  private recent(address: string, now: number): number[] {
    return (this.failures.get(address) ?? []).filter((t) => t > now - this.windowMs);
  }

  /** Seconds the address must wait before trying again, or 0. */
  waitFor(address: string, now = Date.now()): number {
    const recent = this.recent(address, now);
    return recent.length >= this.limit ? Math.ceil((recent[0]! + this.windowMs - now) / 1000) : 0;
  }

  recordFailure(address: string, now = Date.now()): void {
    const recent = this.recent(address, now);
    recent.push(now);
    this.failures.set(address, recent);
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }
}
