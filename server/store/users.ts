import type { CreateUserRequest, SessionUser, UpdateUserRequest, User } from '../../src/api/contract';
import { hashSecret, newSecret } from '../auth/tokens';
import type { Queryable } from '../db/database';
import { conflict, notFound, Problem, unprocessable } from '../http/problem';
import { recordAudit, type Actor } from './audit-log';

export interface UserRow extends Record<string, unknown> {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  agency_ids: string[];
  action_owner: string | null;
  password_hash: string | null;
  active: boolean;
  created_at: string;
  last_sign_in_at: string | null;
  approval_requested_at: string | null;
  oidc_subject: string | null;
  version: number;
}

/** What a request needs of the person signed in (read with every request's session). */
export type SessionUserRow = Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'agency_ids' | 'action_owner'>;

export const toSessionUser = (row: SessionUserRow): SessionUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  agencyIds: row.agency_ids,
  actionOwner: row.action_owner,
});

export const toUser = (row: UserRow): User => ({
  ...toSessionUser(row),
  active: row.active,
  hasPassword: row.password_hash !== null,
  awaitingApproval: row.approval_requested_at !== null,
  signsInWithSso: row.oidc_subject !== null,
  createdAt: row.created_at,
  lastSignInAt: row.last_sign_in_at,
  version: row.version,
});

export const actorOf = (user: SessionUser): Actor => ({ id: user.id, name: user.name, email: user.email });

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | null> {
  const [row] = await db.query<UserRow>('select * from app_user where lower(email) = lower($1)', [email]);
  return row ?? null;
}

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from app_user');
  return row?.n ?? 0;
}

export async function readUsers(db: Queryable): Promise<User[]> {
  return (await db.query<UserRow>('select * from app_user order by lower(name), lower(email)')).map(toUser);
}

async function checkAgencies(tx: Queryable, agencyIds: readonly string[]): Promise<void> {
  if (agencyIds.length === 0) return;
  const rows = await tx.query<{ id: string }>('select id from agency where id = any($1)', [agencyIds]);
  if (rows.length !== new Set(agencyIds).size) {
    throw unprocessable('agencyIds', 'Choose agencies from the board’s list');
  }
}

const describeUser = (u: User) => ({
  email: u.email,
  name: u.name,
  role: u.role,
  agencyIds: u.agencyIds,
  actionOwner: u.actionOwner,
  active: u.active,
});

export async function insertUser(
  tx: Queryable,
  actor: Actor,
  request: CreateUserRequest,
  passwordHash: string | null = null,
): Promise<User> {
  await checkAgencies(tx, request.agencyIds);
  if (await findUserByEmail(tx, request.email)) {
    throw unprocessable('email', 'Someone already has an account with this email address');
  }
  const [row] = await tx.query<UserRow>(
    `insert into app_user (email, name, role, agency_ids, action_owner, password_hash)
     values ($1, $2, $3, $4, $5, $6) returning *`,
    [
      request.email,
      request.name,
      request.role,
      JSON.stringify(request.agencyIds),
      request.actionOwner,
      passwordHash,
    ],
  );
  const user = toUser(row!);
  await recordAudit(tx, actor, {
    action: 'user.create',
    entityType: 'user',
    entityId: user.id,
    summary: `Added ${user.name} (${user.email}) as ${user.role}`,
    before: null,
    after: describeUser(user),
  });
  return user;
}

export async function updateUser(
  tx: Queryable,
  actor: Actor,
  id: string,
  change: UpdateUserRequest,
): Promise<User> {
  const [row] = await tx.query<UserRow>('select * from app_user where id = $1 for update', [id]);
  if (!row) throw notFound('The person');
  const before = toUser(row);
  if (before.version !== change.version) throw conflict('person’s account', before);
  if (actor.id === id && (change.role !== 'administrator' || !change.active)) {
    throw new Problem(422, 'You cannot remove your own administrator access: ask another administrator.', {
      fieldErrors: { role: ['You cannot remove your own administrator access'] },
    });
  }
  await checkAgencies(tx, change.agencyIds);
  const [updated] = await tx.query<UserRow>(
    // Switching an account on is approving it, if it was waiting.
    `update app_user set name = $2, role = $3, agency_ids = $4, action_owner = $5, active = $6,
       approval_requested_at = case when $6 then null else approval_requested_at end, version = version + 1
     where id = $1 returning *`,
    [id, change.name, change.role, JSON.stringify(change.agencyIds), change.actionOwner, change.active],
  );
  const after = toUser(updated!);
  // A change of role or access takes effect at once: the person signs in again.
  if (
    before.role !== after.role ||
    before.active !== after.active ||
    before.agencyIds.join() !== after.agencyIds.join()
  ) {
    await tx.query('delete from session where user_id = $1', [id]);
  }
  await recordAudit(tx, actor, {
    action: after.active === before.active ? 'user.update' : after.active ? 'user.enable' : 'user.disable',
    entityType: 'user',
    entityId: id,
    summary: `Changed ${after.name}’s account`,
    before: describeUser(before),
    after: describeUser(after),
  });
  return after;
}

/**
 * Approves (switches on) or refuses (keeps switched off) an account asked for through single
 * sign-on; either way it no longer waits. Only an account that is waiting can be decided on.
 */
export async function decideApproval(
  tx: Queryable,
  actor: Actor,
  id: string,
  decision: 'approve' | 'refuse',
  version: number,
): Promise<User> {
  const [row] = await tx.query<UserRow>('select * from app_user where id::text = $1 for update', [id]);
  if (!row) throw notFound('The person');
  const before = toUser(row);
  if (before.version !== version) throw conflict('person’s account', before);
  if (!before.awaitingApproval) {
    throw new Problem(409, `${before.name}’s account is not awaiting approval: reload the page.`, {
      current: before,
    });
  }
  const approve = decision === 'approve';
  const [updated] = await tx.query<UserRow>(
    `update app_user set active = $2, approval_requested_at = null, version = version + 1
     where id = $1 returning *`,
    [row.id, approve],
  );
  const after = toUser(updated!);
  await recordAudit(tx, actor, {
    action: approve ? 'user.approve' : 'user.refuse',
    entityType: 'user',
    entityId: row.id,
    summary: approve
      ? `Approved ${after.name}’s (${after.email}) account as ${after.role}`
      : `Refused ${after.name}’s (${after.email}) request for an account`,
    before: describeUser(before),
    after: describeUser(after),
  });
  return after;
}

/** Makes a one-time link for a person to choose a password; any older link of theirs stops working. */
export async function issueToken(
  tx: Queryable,
  purpose: 'setup' | 'invitation',
  userId: string | null,
  hours: number,
): Promise<{ token: string; expiresAt: string }> {
  if (userId) await tx.query('delete from one_time_token where user_id = $1', [userId]);
  else await tx.query('delete from one_time_token where purpose = $1', [purpose]);
  const token = newSecret();
  const [row] = await tx.query<{ expires_at: string }>(
    `insert into one_time_token (token_hash, purpose, user_id, expires_at)
     values ($1, $2, $3, now() + make_interval(hours => $4)) returning expires_at`,
    [hashSecret(token), purpose, userId, hours],
  );
  return { token, expiresAt: row!.expires_at };
}

/** Uses a one-time link: returns its user (null for the set-up link) or throws if it does not work. */
export async function redeemToken(
  tx: Queryable,
  purpose: 'setup' | 'invitation',
  token: string,
): Promise<{ userId: string | null }> {
  const [row] = await tx.query<{ user_id: string | null }>(
    `update one_time_token set used_at = now()
     where token_hash = $1 and purpose = $2 and used_at is null and expires_at > now()
     returning user_id`,
    [hashSecret(token), purpose],
  );
  if (!row) {
    throw new Problem(
      410,
      purpose === 'setup'
        ? 'This set-up link has been used or has expired. Restart the data service to print a new one.'
        : 'This link has been used or has expired. Ask the board’s business unit for a new one.',
    );
  }
  return { userId: row.user_id };
}
