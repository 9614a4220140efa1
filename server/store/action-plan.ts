import { randomUUID } from 'node:crypto';
import type { Action, ActionPlan, ActionUpdateRequest } from '../../src/api/contract';
import type { Queryable } from '../db/database';
import { conflict, notFound } from '../http/problem';
import { bumpDataVersion, recordAudit, type Actor } from './audit-log';

interface PriorityRow extends Record<string, unknown> {
  id: string;
  number: number;
  title: string;
  description: string;
}

interface ActionRow extends Record<string, unknown> {
  id: string;
  priority_id: string;
  title: string;
  owner: string;
  due_date: string;
  status: Action['status'];
  progress: number;
  ofsted_recommendation_ids: string[];
  version: number;
}

interface UpdateRow extends Record<string, unknown> {
  id: string;
  action_id: string;
  date: string;
  author: string;
  note: string;
}

function toAction(row: ActionRow, updates: readonly UpdateRow[]): Action {
  return {
    id: row.id,
    title: row.title,
    owner: row.owner,
    dueDate: row.due_date,
    status: row.status,
    progress: row.progress,
    ofstedRecommendationIds: row.ofsted_recommendation_ids,
    updates: updates.map((u) => ({ id: u.id, date: u.date, author: u.author, note: u.note })),
    version: row.version,
  };
}

export async function readActionPlan(db: Queryable): Promise<ActionPlan> {
  const [priorities, actions, updates] = await Promise.all([
    db.query<PriorityRow>('select * from priority order by position'),
    db.query<ActionRow>('select * from action order by position'),
    db.query<UpdateRow>('select * from action_update order by position'),
  ]);
  return {
    priorities: priorities.map((p) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      description: p.description,
      actions: actions
        .filter((a) => a.priority_id === p.id)
        .map((a) =>
          toAction(
            a,
            updates.filter((u) => u.action_id === a.id),
          ),
        ),
    })),
  };
}

async function readAction(db: Queryable, id: string, lock = false): Promise<Action | null> {
  const [row] = await db.query<ActionRow>(`select * from action where id = $1${lock ? ' for update' : ''}`, [
    id,
  ]);
  if (!row) return null;
  const updates = await db.query<UpdateRow>(
    'select * from action_update where action_id = $1 order by position',
    [id],
  );
  return toAction(row, updates);
}

/** The action's owner, for the permission check before a write. */
export async function actionOwner(db: Queryable, id: string): Promise<string | null> {
  const [row] = await db.query<{ owner: string }>('select owner from action where id = $1', [id]);
  return row?.owner ?? null;
}

export async function insertActionPlan(tx: Queryable, plan: ActionPlan): Promise<void> {
  for (const [i, priority] of plan.priorities.entries()) {
    await tx.query(
      'insert into priority (id, position, number, title, description) values ($1, $2, $3, $4, $5)',
      [priority.id, i, priority.number, priority.title, priority.description],
    );
    for (const [j, action] of priority.actions.entries()) {
      await tx.query(
        `insert into action (id, priority_id, position, title, owner, due_date, status, progress, ofsted_recommendation_ids)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          action.id,
          priority.id,
          i * 1000 + j,
          action.title,
          action.owner,
          action.dueDate,
          action.status,
          action.progress,
          JSON.stringify(action.ofstedRecommendationIds),
        ],
      );
      for (const [k, update] of action.updates.entries()) {
        await tx.query(
          'insert into action_update (id, action_id, position, date, author, note) values ($1, $2, $3, $4, $5, $6)',
          [update.id, action.id, k, update.date, update.author, update.note],
        );
      }
    }
  }
}

export async function updateAction(
  tx: Queryable,
  actor: Actor,
  id: string,
  change: ActionUpdateRequest,
  today: string,
): Promise<Action> {
  const before = await readAction(tx, id, true);
  if (!before) throw notFound(`The action "${id}"`);
  if (before.version !== change.version) throw conflict('action', before);
  await tx.query('update action set status = $2, progress = $3, version = version + 1 where id = $1', [
    id,
    change.status,
    change.progress,
  ]);
  if (change.note) {
    await tx.query(
      `insert into action_update (id, action_id, position, date, author, note)
       values ($1, $2, (select coalesce(max(position), -1) + 1 from action_update where action_id = $2), $3, $4, $5)`,
      [`update-${randomUUID()}`, id, today, actor.name, change.note],
    );
  }
  const after = (await readAction(tx, id))!;
  await recordAudit(tx, actor, {
    action: 'action.update',
    entityType: 'action',
    entityId: id,
    summary: `Updated “${after.title}”: ${after.status}, ${after.progress}%${change.note ? ', with a note' : ''}`,
    before: { status: before.status, progress: before.progress },
    after: { status: after.status, progress: after.progress, note: change.note ?? null },
  });
  await bumpDataVersion(tx);
  return after;
}
