import {
  AUDIT_IN_PROGRAMME,
  auditRepeatKey,
  quarterLastDay,
  type Audit,
  changeAuditActions,
  type AuditActionChange,
  type AuditPlanRequest,
  type AuditUpdateRequest,
  type CancelAuditRequest,
  type CreateAuditRequest,
  type ImportAuditsRequest,
} from '../../src/api/contract';
import { slugify } from '../../src/lib/csv';
import type { Queryable } from '../db/database';
import { conflict, notFound, unprocessable } from '../http/problem';
import { bumpDataVersion, recordAudit, type Actor } from './audit-log';
import { freeId, logged } from './writes';

interface AuditRow extends Record<string, unknown> {
  id: string;
  title: string;
  theme: string;
  kind: Audit['kind'];
  lead_agency: string;
  agencies: string[];
  planned_date: string;
  status: Audit['status'];
  completed_date: string | null;
  cases_audited: number | null;
  grades: Audit['grades'];
  actions_arising: Audit['actionsArising'];
  planned_quarter: string | null;
  cases_to_sample: number | null;
  cancelled_reason: string | null;
  version: number;
}

const toAudit = (row: AuditRow): Audit => ({
  id: row.id,
  title: row.title,
  theme: row.theme,
  kind: row.kind,
  leadAgency: row.lead_agency,
  agencies: row.agencies,
  plannedDate: row.planned_date,
  plannedQuarter: row.planned_quarter,
  casesToSample: row.cases_to_sample,
  cancelledReason: row.cancelled_reason,
  status: row.status,
  completedDate: row.completed_date,
  casesAudited: row.cases_audited,
  grades: row.grades,
  actionsArising: row.actions_arising,
  version: row.version,
});

export async function readAudits(db: Queryable): Promise<Audit[]> {
  return (await db.query<AuditRow>('select * from audit order by position')).map(toAudit);
}

export async function insertAudit(tx: Queryable, audit: Audit, position: number): Promise<void> {
  await tx.query(
    `insert into audit (id, position, title, theme, kind, lead_agency, agencies, planned_date, status,
       completed_date, cases_audited, grades, actions_arising)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      audit.id,
      position,
      audit.title,
      audit.theme,
      audit.kind,
      audit.leadAgency,
      JSON.stringify(audit.agencies),
      audit.plannedDate,
      audit.status,
      audit.completedDate,
      audit.casesAudited,
      audit.grades === null ? null : JSON.stringify(audit.grades),
      JSON.stringify(audit.actionsArising),
    ],
  );
}

const progressOf = (a: Audit) => ({
  status: a.status,
  completedDate: a.completedDate,
  casesAudited: a.casesAudited,
  grades: a.grades,
});

export async function updateAudit(
  tx: Queryable,
  actor: Actor,
  id: string,
  change: AuditUpdateRequest,
): Promise<Audit> {
  const [row] = await tx.query<AuditRow>('select * from audit where id = $1 for update', [id]);
  if (!row) throw notFound(`The audit "${id}"`);
  const before = toAudit(row);
  if (before.version !== change.version) throw conflict('audit', before);
  const [updated] = await tx.query<AuditRow>(
    `update audit set status = $2, completed_date = $3, cases_audited = $4, grades = $5, version = version + 1
     where id = $1 returning *`,
    [
      id,
      change.status,
      change.completedDate,
      change.casesAudited,
      change.grades === null ? null : JSON.stringify(change.grades),
    ],
  );
  const after = toAudit(updated!);
  await recordAudit(tx, actor, {
    action: 'audit.update',
    entityType: 'audit',
    entityId: id,
    summary: `Recorded progress on “${after.title}”: ${after.status}`,
    before: progressOf(before),
    after: progressOf(after),
  });
  await bumpDataVersion(tx);
  return after;
}

const planOf = (a: Audit) => ({
  title: a.title,
  theme: a.theme,
  kind: a.kind,
  leadAgency: a.leadAgency,
  agencies: a.agencies,
  plannedDate: a.plannedDate,
  plannedQuarter: a.plannedQuarter ?? null,
  casesToSample: a.casesToSample ?? null,
});

/** The plan's columns from a request: a quarter without a date is due on its last day. */
const planValues = (plan: CreateAuditRequest) => [
  plan.title,
  plan.theme,
  plan.kind,
  plan.leadAgency,
  JSON.stringify(plan.agencies),
  plan.plannedDate ?? quarterLastDay(plan.plannedQuarter!),
  plan.plannedQuarter,
  plan.casesToSample,
];

/** Adds an audit to the programme, planned, at the end of the list. */
export async function createAudit(tx: Queryable, actor: Actor, plan: CreateAuditRequest): Promise<Audit> {
  const id = await freeId(tx, 'audit', plan.title, 'audit');
  const [row] = await tx.query<AuditRow>(
    `insert into audit (id, position, title, theme, kind, lead_agency, agencies, planned_date, planned_quarter,
       cases_to_sample, status, actions_arising)
     values ($1, (select coalesce(max(position), -1) + 1 from audit), $2, $3, $4, $5, $6, $7, $8, $9, 'planned', '[]')
     returning *`,
    [id, ...planValues(plan)],
  );
  const after = toAudit(row!);
  return logged(
    tx,
    actor,
    {
      action: 'audit.create',
      entityType: 'audit',
      entityId: id,
      summary: `Added the audit “${after.title}” to the programme`,
      after: planOf(after),
    },
    after,
  );
}

/**
 * Adds a programme loaded from a spreadsheet, in order, in the caller's transaction: an audit that
 * repeats one already in the programme (same title, same year) or another in the file refuses the
 * whole load with a 422 that names its row, so nothing is added twice and nothing half way.
 */
export async function importAudits(
  tx: Queryable,
  actor: Actor,
  request: ImportAuditsRequest,
): Promise<{ audits: Audit[] }> {
  await tx.query('lock table audit in share row exclusive mode');
  const taken = new Set((await readAudits(tx)).map(auditRepeatKey));
  const sent = new Set<string>();
  for (const [i, plan] of request.audits.entries()) {
    const key = auditRepeatKey(plan);
    if (taken.has(key) || sent.has(key)) {
      throw unprocessable(
        `audits[${i}].title`,
        taken.has(key) ? AUDIT_IN_PROGRAMME : 'This audit is listed twice for the same year',
      );
    }
    sent.add(key);
  }
  const audits: Audit[] = [];
  for (const plan of request.audits) audits.push(await createAudit(tx, actor, plan));
  return { audits };
}

async function lockAudit(tx: Queryable, id: string, version: number): Promise<Audit> {
  const [row] = await tx.query<AuditRow>('select * from audit where id = $1 for update', [id]);
  if (!row) throw notFound(`The audit "${id}"`);
  const before = toAudit(row);
  if (before.version !== version) throw conflict('audit', before);
  return before;
}

/** Changes an audit's plan (title, theme, agencies, lead, when, cases to sample). */
export async function updateAuditPlan(
  tx: Queryable,
  actor: Actor,
  id: string,
  plan: AuditPlanRequest,
): Promise<Audit> {
  const before = await lockAudit(tx, id, plan.version);
  const [row] = await tx.query<AuditRow>(
    `update audit set title = $2, theme = $3, kind = $4, lead_agency = $5, agencies = $6, planned_date = $7,
       planned_quarter = $8, cases_to_sample = $9, version = version + 1
     where id = $1 returning *`,
    [id, ...planValues(plan)],
  );
  const after = toAudit(row!);
  return logged(
    tx,
    actor,
    {
      action: 'audit.plan',
      entityType: 'audit',
      entityId: id,
      summary: `Changed the plan of “${after.title}”`,
      before: planOf(before),
      after: planOf(after),
    },
    after,
  );
}

/** Cancels an audit with a reason: it stays in the programme, shown as cancelled. */
export async function cancelAudit(
  tx: Queryable,
  actor: Actor,
  id: string,
  request: CancelAuditRequest,
): Promise<Audit> {
  const before = await lockAudit(tx, id, request.version);
  if (before.status === 'completed') {
    throw unprocessable('reason', 'A completed audit cannot be cancelled');
  }
  const [row] = await tx.query<AuditRow>(
    `update audit set status = 'cancelled', cancelled_reason = $2, version = version + 1
     where id = $1 returning *`,
    [id, request.reason],
  );
  const after = toAudit(row!);
  return logged(
    tx,
    actor,
    {
      action: 'audit.cancel',
      entityType: 'audit',
      entityId: id,
      summary: `Cancelled “${after.title}”`,
      before: { status: before.status, cancelledReason: before.cancelledReason ?? null },
      after: { status: after.status, cancelledReason: after.cancelledReason },
    },
    after,
  );
}

const summaries: Record<AuditActionChange['kind'], string> = {
  add: 'Added an action arising from',
  edit: 'Changed an action arising from',
  close: 'Closed an action arising from',
  retire: 'Retired an action arising from',
};

/**
 * Adds, changes, closes (on `today`) or retires an action arising from an audit, based on the
 * audit's version: written back, the audit's version moved on, the action's before and after in
 * the audit trail.
 */
export async function changeAuditAction(
  tx: Queryable,
  actor: Actor,
  auditId: string,
  version: number,
  change: AuditActionChange,
  today: string,
): Promise<Audit> {
  const before = await lockAudit(tx, auditId, version);
  const result = changeAuditActions(before.actionsArising, change, today);
  if ('notFound' in result) throw notFound(`The action "${result.notFound}" of the audit "${auditId}"`);
  if ('refused' in result) throw unprocessable('version', result.refused);
  const [row] = await tx.query<AuditRow>(
    'update audit set actions_arising = $2, version = version + 1 where id = $1 returning *',
    [auditId, JSON.stringify(result.actions)],
  );
  const after = toAudit(row!);
  const was = before.actionsArising.find((a) => a.id === result.id) ?? null;
  const now = after.actionsArising.find((a) => a.id === result.id)!;
  return logged(
    tx,
    actor,
    {
      action: `audit-action.${change.kind === 'add' ? 'create' : change.kind === 'edit' ? 'update' : change.kind}`,
      entityType: 'audit-action',
      entityId: `${auditId}/${result.id}`,
      summary: `${summaries[change.kind]} “${after.title}”: ${now.description}`,
      before: was,
      after: now,
    },
    after,
  );
}

/** A new action arising's id, from its words, unused by any audit's actions. */
export async function freeActionId(tx: Queryable, description: string): Promise<string> {
  const rows = await tx.query<{ actions_arising: Audit['actionsArising'] }>(
    'select actions_arising from audit',
  );
  const taken = new Set(rows.flatMap((r) => r.actions_arising.map((a) => a.id)));
  const base = slugify(description, 60, 'action');
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}
