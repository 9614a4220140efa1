import type { Annotation, AnnotationEditRequest, CreateAnnotationRequest } from '../../src/api/contract';
import type { Queryable } from '../db/database';
import { unprocessable } from '../http/problem';
import type { Actor } from './audit-log';
import { checkVersion, freeId, logged } from './writes';

interface AnnotationRow extends Record<string, unknown> {
  id: string;
  indicator_id: string | null;
  date: string;
  label: string;
  description: string;
  version: number;
  retired: boolean;
}

const columns = 'id, indicator_id, date, label, description, version, retired';

const toAnnotation = (row: AnnotationRow): Annotation => ({
  id: row.id,
  indicatorId: row.indicator_id,
  date: row.date,
  label: row.label,
  description: row.description,
  version: row.version,
});

/** What an event says, for the audit trail's before and after. */
const contentOf = (a: Annotation, retired = false) => ({
  indicatorId: a.indicatorId,
  date: a.date,
  label: a.label,
  description: a.description,
  retired,
});

/** The events in force, as GET /annotations answers; retired ones stay in the table. */
export async function readChartEvents(db: Queryable): Promise<Annotation[]> {
  return (
    await db.query<AnnotationRow>(`select ${columns} from annotation where not retired order by position`)
  ).map(toAnnotation);
}

async function checkIndicator(tx: Queryable, indicatorId: string | null): Promise<void> {
  if (indicatorId === null) return;
  const found = await tx.query('select 1 from indicator where id = $1', [indicatorId]);
  if (found.length === 0) throw unprocessable('indicatorId', 'Choose an indicator of the board');
}

async function lockChartEvent(tx: Queryable, id: string, version: number): Promise<Annotation> {
  const [row] = await tx.query<AnnotationRow>(`select ${columns} from annotation where id = $1 for update`, [
    id,
  ]);
  return checkVersion(row && !row.retired ? toAnnotation(row) : undefined, version, 'chart event', id);
}

/** Marks an event on an indicator's chart (or every chart), after the others. */
export async function createChartEvent(
  tx: Queryable,
  actor: Actor,
  request: CreateAnnotationRequest,
): Promise<Annotation> {
  await checkIndicator(tx, request.indicatorId);
  const id = await freeId(tx, 'annotation', request.label, 'event');
  const [row] = await tx.query<AnnotationRow>(
    `insert into annotation (id, position, indicator_id, date, label, description)
     values ($1, (select coalesce(max(position), -1) + 1 from annotation), $2, $3, $4, $5)
     returning ${columns}`,
    [id, request.indicatorId, request.date, request.label, request.description],
  );
  const after = toAnnotation(row!);
  return logged(
    tx,
    actor,
    {
      action: 'annotation.create',
      entityType: 'annotation',
      entityId: id,
      summary: `Marked “${after.label}” on ${after.indicatorId ? `the chart of ${after.indicatorId}` : 'every chart'}`,
      after: contentOf(after),
    },
    after,
  );
}

/** Changes an event's date, label, description or indicator. */
export async function editChartEvent(
  tx: Queryable,
  actor: Actor,
  id: string,
  request: AnnotationEditRequest,
): Promise<Annotation> {
  const before = await lockChartEvent(tx, id, request.version);
  await checkIndicator(tx, request.indicatorId);
  const [row] = await tx.query<AnnotationRow>(
    `update annotation set indicator_id = $2, date = $3, label = $4, description = $5, version = version + 1
     where id = $1 returning ${columns}`,
    [id, request.indicatorId, request.date, request.label, request.description],
  );
  const after = toAnnotation(row!);
  return logged(
    tx,
    actor,
    {
      action: 'annotation.edit',
      entityType: 'annotation',
      entityId: id,
      summary: `Changed the chart event “${after.label}”`,
      before: contentOf(before),
      after: contentOf(after),
    },
    after,
  );
}

/** Retires an event: no longer drawn or told, kept in the table and the audit trail. */
export async function retireChartEvent(
  tx: Queryable,
  actor: Actor,
  id: string,
  version: number,
): Promise<Annotation> {
  const before = await lockChartEvent(tx, id, version);
  const [row] = await tx.query<AnnotationRow>(
    `update annotation set retired = true, version = version + 1 where id = $1 returning ${columns}`,
    [id],
  );
  const after = toAnnotation(row!);
  return logged(
    tx,
    actor,
    {
      action: 'annotation.retire',
      entityType: 'annotation',
      entityId: id,
      summary: `Retired the chart event “${after.label}”`,
      before: contentOf(before),
      after: contentOf(after, true),
    },
    after,
  );
}
