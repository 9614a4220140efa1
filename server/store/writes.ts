import { slugify } from '../../src/lib/csv';
import type { Queryable } from '../db/database';
import { conflict, notFound } from '../http/problem';
import { bumpDataVersion, recordAudit, type Actor, type AuditRecord } from './audit-log';

/** A new record's id from its title, `-2`, `-3`… if taken. `table` is one of ours, never input. */
export async function freeId(
  tx: Queryable,
  table: 'audit' | 'priority' | 'action' | 'annotation' | 'partnership_link' | 'review',
  title: string,
  fallback: string,
): Promise<string> {
  const base = slugify(title, 60, fallback);
  const taken = new Set(
    (
      await tx.query<{ id: string }>(`select id from ${table} where id = $1 or id like $1 || '-%'`, [base])
    ).map((r) => r.id),
  );
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

/** The change into the audit trail and the data version moved on; answers what was saved. */
export async function logged<T>(tx: Queryable, actor: Actor, entry: AuditRecord, saved: T): Promise<T> {
  await recordAudit(tx, actor, entry);
  await bumpDataVersion(tx);
  return saved;
}

/** The record a change was based on: 404 if there is none, 409 with it as it stands if it moved on. */
export function checkVersion<T extends { version: number }>(
  record: T | undefined,
  version: number,
  what: string,
  id: string,
): T {
  if (!record) throw notFound(`The ${what} "${id}"`);
  if (record.version !== version) throw conflict(what, record);
  return record;
}
