import { randomUUID } from 'node:crypto';
import {
  ACTION_IN_PLAN,
  actionRepeatKey,
  type ImportActionsRequest,
  withRecommendations,
  type AddOfstedRecommendationsRequest,
  type OfstedRecommendationList,
  type Action,
  type ActionEditRequest,
  type ActionPlan,
  type ActionUpdateRequest,
  type CreateActionRequest,
  type CreatePriorityRequest,
  type Priority,
  type PriorityEditRequest,
} from '../../src/api/contract';
import type { Queryable } from '../db/database';
import { conflict, notFound, unprocessable } from '../http/problem';
import { bumpDataVersion, recordAudit, type Actor } from './audit-log';
import { freeId, logged } from './writes';

interface PriorityRow extends Record<string, unknown> {
  id: string;
  number: number;
  title: string;
  description: string;
  retired: boolean;
  version: number;
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
  audit_ids: string[];
  review_ids: string[];
  added_on: string | null;
  completed_on: string | null;
  section11: Action['section11'] | null;
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
    auditIds: row.audit_ids,
    reviewIds: row.review_ids,
    ...(row.section11 ? { section11: row.section11 } : {}),
    updates: updates.map((u) => ({ id: u.id, date: u.date, author: u.author, note: u.note })),
    addedDate: row.added_on,
    completedDate: row.completed_on,
    version: row.version,
  };
}

export async function readActionPlan(db: Queryable): Promise<ActionPlan> {
  // One after another: inside a transaction (a priority moved) the reads share one connection.
  const priorities = await db.query<PriorityRow>('select * from priority order by position');
  const actions = await db.query<ActionRow>('select * from action order by position');
  const updates = await db.query<UpdateRow>('select * from action_update order by position');
  return {
    priorities: priorities.map((p) =>
      toPriority(
        p,
        actions.filter((a) => a.priority_id === p.id),
        updates,
      ),
    ),
  };
}

function toPriority(p: PriorityRow, actions: readonly ActionRow[], updates: readonly UpdateRow[]): Priority {
  return {
    id: p.id,
    number: p.number,
    title: p.title,
    description: p.description,
    retired: p.retired,
    actions: actions.map((a) =>
      toAction(
        a,
        updates.filter((u) => u.action_id === a.id),
      ),
    ),
    version: p.version,
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
        `insert into action (id, priority_id, position, title, owner, due_date, status, progress,
           ofsted_recommendation_ids, added_on, completed_on)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
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
          action.addedDate ?? null,
          action.completedDate ?? null,
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
  // Closed on the day it is first marked complete; open again, it is no longer closed.
  await tx.query(
    `update action set status = $2, progress = $3, version = version + 1,
       completed_on = case when $2 = 'complete' then coalesce(completed_on, $4::date) end
     where id = $1`,
    [id, change.status, change.progress, today],
  );
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

async function readPriority(db: Queryable, id: string): Promise<Priority> {
  const [row] = await db.query<PriorityRow>('select * from priority where id = $1', [id]);
  if (!row) throw notFound(`The priority "${id}"`);
  const actions = await db.query<ActionRow>('select * from action where priority_id = $1 order by position', [
    id,
  ]);
  const updates = await db.query<UpdateRow>(
    'select u.* from action_update u join action a on a.id = u.action_id where a.priority_id = $1 order by u.position',
    [id],
  );
  return toPriority(row, actions, updates);
}

async function lockPriority(tx: Queryable, id: string, version: number): Promise<Priority> {
  const [row] = await tx.query<PriorityRow>('select id from priority where id = $1 for update', [id]);
  if (!row) throw notFound(`The priority "${id}"`);
  const before = await readPriority(tx, id);
  if (before.version !== version) throw conflict('priority', before);
  return before;
}

const priorityText = (p: Priority) => ({ title: p.title, description: p.description });

/** Numbers the priorities still in use 1, 2, 3… in their order; retired ones keep theirs. */
async function renumber(tx: Queryable): Promise<void> {
  const rows = await tx.query<{ id: string }>('select id from priority where not retired order by position');
  for (const [i, row] of rows.entries()) {
    await tx.query('update priority set number = $2 where id = $1 and number <> $2', [row.id, i + 1]);
  }
}

export async function createPriority(
  tx: Queryable,
  actor: Actor,
  request: CreatePriorityRequest,
): Promise<Priority> {
  const id = await freeId(tx, 'priority', request.title, 'priority');
  await tx.query(
    `insert into priority (id, position, number, title, description)
     values ($1, (select coalesce(max(position), -1) + 1 from priority),
       (select count(*) + 1 from priority where not retired), $2, $3)`,
    [id, request.title, request.description],
  );
  const after = await readPriority(tx, id);
  return logged(
    tx,
    actor,
    {
      action: 'priority.create',
      entityType: 'priority',
      entityId: id,
      summary: `Added priority ${after.number}: “${after.title}”`,
      after: priorityText(after),
    },
    after,
  );
}

export async function updatePriority(
  tx: Queryable,
  actor: Actor,
  id: string,
  request: PriorityEditRequest,
): Promise<Priority> {
  const before = await lockPriority(tx, id, request.version);
  await tx.query('update priority set title = $2, description = $3, version = version + 1 where id = $1', [
    id,
    request.title,
    request.description,
  ]);
  const after = await readPriority(tx, id);
  return logged(
    tx,
    actor,
    {
      action: 'priority.update',
      entityType: 'priority',
      entityId: id,
      summary: `Changed priority ${after.number}: “${after.title}”`,
      before: priorityText(before),
      after: priorityText(after),
    },
    after,
  );
}

/** Swaps a priority with its neighbour in use above or below it, and renumbers the plan. */
export async function movePriority(
  tx: Queryable,
  actor: Actor,
  id: string,
  request: { direction: 'up' | 'down'; version: number },
): Promise<ActionPlan> {
  const before = await lockPriority(tx, id, request.version);
  if (before.retired) throw unprocessable('direction', 'A retired priority has no place in the order');
  const order = await tx.query<{ id: string; position: number; number: number }>(
    'select id, position, number from priority where not retired order by position for update',
  );
  const at = order.findIndex((p) => p.id === id);
  const other = order[request.direction === 'up' ? at - 1 : at + 1];
  if (!other) {
    throw unprocessable(
      'direction',
      `This priority is already the ${request.direction === 'up' ? 'first' : 'last'}`,
    );
  }
  const self = order[at]!;
  await tx.query('update priority set position = $2, version = version + 1 where id = $1', [
    id,
    other.position,
  ]);
  await tx.query('update priority set position = $2, version = version + 1 where id = $1', [
    other.id,
    self.position,
  ]);
  await renumber(tx);
  const plan = await readActionPlan(tx);
  return logged(
    tx,
    actor,
    {
      action: 'priority.move',
      entityType: 'priority',
      entityId: id,
      summary: `Moved “${before.title}” ${request.direction} the plan`,
      before: { number: self.number },
      after: { number: other.number },
    },
    plan,
  );
}

/** Retires a priority: kept with its actions, shown as retired, no longer numbered in the plan. */
export async function retirePriority(
  tx: Queryable,
  actor: Actor,
  id: string,
  request: { version: number },
): Promise<Priority> {
  const before = await lockPriority(tx, id, request.version);
  await tx.query('update priority set retired = true, version = version + 1 where id = $1', [id]);
  await renumber(tx);
  const after = await readPriority(tx, id);
  return logged(
    tx,
    actor,
    {
      action: 'priority.retire',
      entityType: 'priority',
      entityId: id,
      summary: `Retired priority “${after.title}”`,
      before: { retired: before.retired ?? false },
      after: { retired: true },
    },
    after,
  );
}

async function checkPriority(tx: Queryable, priorityId: string): Promise<void> {
  const [row] = await tx.query<{ retired: boolean }>('select retired from priority where id = $1', [
    priorityId,
  ]);
  if (!row) throw unprocessable('priorityId', 'Choose a priority of the plan');
  if (row.retired) throw unprocessable('priorityId', 'That priority is retired: choose one in use');
}

const actionPlanOf = (a: Action, priorityId: string) => ({
  priorityId,
  title: a.title,
  owner: a.owner,
  dueDate: a.dueDate,
  ofstedRecommendationIds: a.ofstedRecommendationIds,
  auditIds: a.auditIds ?? [],
  reviewIds: a.reviewIds ?? [],
});

const actionValues = (r: CreateActionRequest) => [
  r.priorityId,
  r.title,
  r.owner,
  r.dueDate,
  JSON.stringify(r.ofstedRecommendationIds),
  JSON.stringify(r.auditIds),
  JSON.stringify(r.reviewIds),
];

export async function createAction(
  tx: Queryable,
  actor: Actor,
  request: CreateActionRequest,
  today: string,
): Promise<Action> {
  await checkPriority(tx, request.priorityId);
  const id = await freeId(tx, 'action', request.title, 'action');
  await tx.query(
    `insert into action (id, priority_id, position, title, owner, due_date, status, progress,
       ofsted_recommendation_ids, audit_ids, review_ids, added_on)
     values ($1, $2, (select coalesce(max(position), -1) + 1 from action), $3, $4, $5, 'not-started', 0, $6, $7, $8, $9)`,
    [id, ...actionValues(request), today],
  );
  const after = (await readAction(tx, id))!;
  return logged(
    tx,
    actor,
    {
      action: 'action.create',
      entityType: 'action',
      entityId: id,
      summary: `Added the action “${after.title}” (owner ${after.owner})`,
      after: actionPlanOf(after, request.priorityId),
    },
    after,
  );
}

async function lockAction(tx: Queryable, id: string, version: number) {
  const before = await readAction(tx, id, true);
  if (!before) throw notFound(`The action "${id}"`);
  if (before.version !== version) throw conflict('action', before);
  const [row] = await tx.query<{ priority_id: string }>('select priority_id from action where id = $1', [id]);
  return { before, priorityId: row!.priority_id };
}

/** Changes an action, or moves it to another priority. */
export async function editAction(
  tx: Queryable,
  actor: Actor,
  id: string,
  request: ActionEditRequest,
): Promise<Action> {
  const { before, priorityId } = await lockAction(tx, id, request.version);
  if (request.priorityId !== priorityId) await checkPriority(tx, request.priorityId);
  await tx.query(
    `update action set priority_id = $2, title = $3, owner = $4, due_date = $5, ofsted_recommendation_ids = $6,
       audit_ids = $7, review_ids = $8, version = version + 1
     where id = $1`,
    [id, ...actionValues(request)],
  );
  const after = (await readAction(tx, id))!;
  return logged(
    tx,
    actor,
    {
      action: request.priorityId === priorityId ? 'action.edit' : 'action.move',
      entityType: 'action',
      entityId: id,
      summary:
        request.priorityId === priorityId
          ? `Changed the action “${after.title}”`
          : `Moved the action “${after.title}” to another priority`,
      before: actionPlanOf(before, priorityId),
      after: actionPlanOf(after, request.priorityId),
    },
    after,
  );
}

/** Closes an action: complete and 100% done, with an optional closing note. */
export async function closeAction(
  tx: Queryable,
  actor: Actor,
  id: string,
  request: { version: number; note?: string | undefined },
  today: string,
): Promise<Action> {
  const { before } = await lockAction(tx, id, request.version);
  return updateAction(
    tx,
    actor,
    id,
    { status: 'complete', progress: 100, version: before.version, note: request.note },
    today,
  );
}

/** An inspection's recommendations, numbered on from those recorded, in the trail with its after. */
export async function addOfstedRecommendations(
  tx: Queryable,
  actor: Actor,
  request: AddOfstedRecommendationsRequest,
): Promise<OfstedRecommendationList> {
  const [row] = await tx.query<{ body: OfstedRecommendationList }>(
    "select body from document where key = 'ofsted-recommendations' for update",
  );
  const before = row?.body ?? { reportTitle: request.reportTitle, page: 1, recommendations: [] };
  const after = withRecommendations(before, request);
  await tx.query(
    `insert into document (key, body) values ('ofsted-recommendations', $1)
     on conflict (key) do update set body = excluded.body`,
    [JSON.stringify(after)],
  );
  return logged(
    tx,
    actor,
    {
      action: 'ofsted.add',
      entityType: 'ofsted-recommendations',
      entityId: 'ofsted-recommendations',
      summary: `Added ${request.recommendations.length} Ofsted recommendations from “${request.reportTitle}”`,
      after: request,
    },
    after,
  );
}

/**
 * Adds actions loaded from a spreadsheet, in order, in the caller's transaction: each under the
 * priority in use with its priority's title (ignoring case and spacing), a priority with a new
 * title added first. An action repeating one in the plan (same title, due the same year) or
 * another in the file refuses the whole load with a 422 naming its row.
 */
export async function importActions(
  tx: Queryable,
  actor: Actor,
  request: ImportActionsRequest,
  today: string,
): Promise<ActionPlan> {
  await tx.query('lock table priority, action in share row exclusive mode');
  const plan = await readActionPlan(tx);
  const taken = new Set(plan.priorities.flatMap((p) => p.actions).map(actionRepeatKey));
  const sent = new Set<string>();
  for (const [i, action] of request.actions.entries()) {
    const key = actionRepeatKey(action);
    if (taken.has(key) || sent.has(key)) {
      throw unprocessable(
        `actions[${i}].title`,
        taken.has(key) ? ACTION_IN_PLAN : 'This action is listed twice for the same year',
      );
    }
    sent.add(key);
  }
  const norm = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();
  const inUse = new Map(plan.priorities.filter((p) => !p.retired).map((p) => [norm(p.title), p.id]));
  for (const { priority, ...action } of request.actions) {
    let priorityId = inUse.get(norm(priority));
    if (!priorityId) {
      priorityId = (await createPriority(tx, actor, { title: priority, description: '' })).id;
      inUse.set(norm(priority), priorityId);
    }
    await createAction(tx, actor, { ...action, priorityId }, today);
  }
  return readActionPlan(tx);
}
