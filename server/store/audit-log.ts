import type { AuditEntry } from '../../src/api/contract';
import type { Queryable } from '../db/database';

/** Who did something: a signed-in person, or the service itself (start-up, seeding). */
export interface Actor {
  id: string | null;
  name: string;
  email: string | null;
}

export const SYSTEM: Actor = { id: null, name: 'Data service', email: null };

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/**
 * One entry of the audit trail as a statement and its parameters, numbered from `$from`: for a
 * write that records its own entry in the same statement (a `with` clause).
 */
export function auditInsert(
  actor: Actor,
  entry: AuditRecord,
  { from = 1, when }: { from?: number; when?: string } = {},
): { sql: string; params: unknown[] } {
  const places = Array.from({ length: 9 }, (_, i) => `$${from + i}`).join(', ');
  return {
    sql: `insert into audit_entry (actor_id, actor_name, actor_email, action, entity_type, entity_id, summary, before, after)
     ${when ? `select ${places} where ${when}` : `values (${places})`}`,
    params: [
      actor.id,
      actor.name,
      actor.email,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.summary,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    ],
  };
}

/** Writes one entry to the audit trail, in the caller's transaction. */
export async function recordAudit(tx: Queryable, actor: Actor, entry: AuditRecord): Promise<void> {
  const { sql, params } = auditInsert(actor, entry);
  await tx.query(sql, params);
}

/** Readers' cached answers are keyed by this number; every published change moves it on. */
export async function bumpDataVersion(tx: Queryable): Promise<void> {
  await tx.query('update service_state set data_version = data_version + 1');
}

interface AuditRow extends Record<string, unknown> {
  id: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  before: unknown;
  after: unknown;
}

export async function readAuditTrail(
  db: Queryable,
  options: { before?: number; limit: number; from?: string; to?: string; entityType?: string },
): Promise<{ entries: AuditEntry[]; nextBefore: string | null }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (options.before !== undefined) add('id < ?', options.before);
  if (options.from) add('at >= ?::date', options.from);
  if (options.to) add("at < (?::date + interval '1 day')", options.to);
  if (options.entityType) add('entity_type = ?', options.entityType);
  params.push(options.limit + 1);
  const rows = await db.query<AuditRow>(
    `select * from audit_entry ${where.length ? `where ${where.join(' and ')}` : ''}
     order by id desc limit $${params.length}`,
    params,
  );
  const page = rows.slice(0, options.limit);
  return {
    entries: page.map((row) => ({
      id: String(row.id),
      at: row.at,
      actor:
        row.actor_id && row.actor_name && row.actor_email
          ? { id: row.actor_id, name: row.actor_name, email: row.actor_email }
          : null,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      summary: row.summary,
      before: row.before ?? null,
      after: row.after ?? null,
    })),
    nextBefore: rows.length > options.limit ? String(page.at(-1)!.id) : null,
  };
}
