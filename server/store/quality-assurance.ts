import type { Audit, AuditUpdateRequest } from '../../src/api/contract';
import type { Queryable } from '../db/database';
import { conflict, notFound } from '../http/problem';
import { bumpDataVersion, recordAudit, type Actor } from './audit-log';

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
