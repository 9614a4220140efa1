import {
  checkSection11Complete,
  createActionRequestSchema,
  type AddSection11ActionRequest,
  type ModerateSection11Request,
  type OpenSection11CycleRequest,
  type SaveSection11AssessmentRequest,
  type SaveSection11StandardsRequest,
  type Section11Answer,
  type Section11Assessment,
  type Section11Assurance,
  type Section11Cycle,
  type Section11Improvement,
  type Section11Standard,
  type Section11Standards,
  type Section11Status,
} from '../../src/api/contract';
import { slugify } from '../../src/lib/csv';
import { assuranceOf, isLate, mergeDraft, mergeModeration } from '../../src/lib/section11';
import type { Queryable } from '../db/database';
import { conflict, notFound, Problem, unprocessable } from '../http/problem';
import { createAction } from './action-plan';
import type { Actor } from './audit-log';
import { checkVersion, logged } from './writes';

/**
 * Section 11 self-assessment: the board's standards (a set edited between cycles), its cycles
 * (one open at a time), and each agency's self-assessment in a cycle, edited as one versioned
 * draft, submitted, moderated, and accepted or sent back by the quality assurance committee.
 */

interface StandardRow extends Record<string, unknown> {
  id: string;
  code: string;
  title: string;
  description: string;
  statutory: boolean;
}

interface CycleRow extends Record<string, unknown> {
  id: string;
  title: string;
  opened_on: string;
  due_date: string;
  closed_on: string | null;
  standards: Section11Standard[];
  version: number;
}

interface AssessmentRow extends Record<string, unknown> {
  cycle_id: string;
  agency_id: string;
  agency_name: string;
  status: Section11Status;
  answers: Section11Answer[];
  improvements: Section11Improvement[];
  comments: string | null;
  submitted_at: string | null;
  version: number;
}

const toStandard = (row: StandardRow): Section11Standard => ({
  id: row.id,
  code: row.code,
  title: row.title,
  description: row.description,
  statutory: row.statutory,
});

async function openCycleTitle(db: Queryable): Promise<string | null> {
  const [open] = await db.query<{ title: string }>('select title from s11_cycle where closed_on is null');
  return open?.title ?? null;
}

/** The standards in force, in order, with the set's version and whether a cycle holds it. */
export async function readStandards(db: Queryable): Promise<Section11Standards> {
  const standards = await db.query<StandardRow>(
    'select id, code, title, description, statutory from s11_standard where not retired order by position',
  );
  const [settings] = await db.query<{ standards_version: number }>(
    'select standards_version from s11_settings',
  );
  return {
    standards: standards.map(toStandard),
    version: settings?.standards_version ?? 1,
    lockedBy: await openCycleTitle(db),
  };
}

async function freeStandardId(tx: Queryable, title: string, taken: Set<string>): Promise<string> {
  const base = slugify(title, 50, 'standard');
  for (const row of await tx.query<{ id: string }>(
    `select id from s11_standard where id = $1 or id like $1 || '-%'`,
    [base],
  ))
    taken.add(row.id);
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Saves the whole set, in order: changed, added, and those left out retired. Refused while a cycle
 * is open (agencies are answering the set as it stands), and for a statutory standard left out.
 */
export async function saveStandards(
  tx: Queryable,
  actor: Actor,
  request: SaveSection11StandardsRequest,
): Promise<Section11Standards> {
  await tx.query('select standards_version from s11_settings for update');
  const before = await readStandards(tx);
  if (before.version !== request.version) throw conflict('set of standards', before);
  if (before.lockedBy)
    throw new Problem(
      409,
      `The standards cannot change while “${before.lockedBy}” is open: agencies are answering them. Change them once it is closed.`,
    );
  const kept = new Set(request.standards.flatMap((s) => (s.id ? [s.id] : [])));
  for (const standard of before.standards) {
    if (standard.statutory && !kept.has(standard.id))
      throw unprocessable(
        'standards',
        `Standard ${standard.code} is one of the eight section 11 names: it can be reworded, not left out`,
      );
  }
  const existing = new Set(before.standards.map((s) => s.id));
  for (const id of kept)
    if (!existing.has(id)) throw unprocessable('standards', `There is no standard "${id}" to change`);
  const taken = new Set<string>();
  for (const [position, standard] of request.standards.entries()) {
    if (standard.id) {
      await tx.query(
        'update s11_standard set code = $2, title = $3, description = $4, position = $5 where id = $1',
        [standard.id, standard.code, standard.title, standard.description, position],
      );
    } else {
      const id = await freeStandardId(tx, standard.title, taken);
      await tx.query(
        'insert into s11_standard (id, code, title, description, statutory, position) values ($1, $2, $3, $4, false, $5)',
        [id, standard.code, standard.title, standard.description, position],
      );
    }
  }
  for (const standard of before.standards)
    if (!kept.has(standard.id))
      await tx.query('update s11_standard set retired = true where id = $1', [standard.id]);
  await tx.query('update s11_settings set standards_version = standards_version + 1');
  const after = await readStandards(tx);
  return logged(
    tx,
    actor,
    {
      action: 'section11.standards',
      entityType: 'section11-standards',
      entityId: 'standards',
      summary: `Changed the Section 11 standards (${after.standards.length} in the set)`,
      before: { standards: before.standards },
      after: { standards: after.standards },
    },
    after,
  );
}

const cycleColumns = 'id, title, opened_on, due_date, closed_on, standards, version';

async function summariesOf(
  db: Queryable,
  cycle: CycleRow,
  today: string,
  agencyIds: readonly string[] | null,
) {
  const rows = await db.query<AssessmentRow>(
    `select s.cycle_id, s.agency_id, a.name as agency_name, s.status, s.submitted_at
     from s11_assessment s join agency a on a.id = s.agency_id
     where s.cycle_id = $1 order by a.position`,
    [cycle.id],
  );
  return rows
    .filter((r) => agencyIds === null || agencyIds.includes(r.agency_id))
    .map((r) => ({
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      status: r.status,
      late: isLate(r.status, cycle.due_date, today, cycle.closed_on === null),
      submittedAt: r.submitted_at,
    }));
}

async function toCycle(db: Queryable, row: CycleRow, today: string, agencyIds: readonly string[] | null) {
  return {
    id: row.id,
    title: row.title,
    openedOn: row.opened_on,
    dueDate: row.due_date,
    closedOn: row.closed_on,
    version: row.version,
    agencies: await summariesOf(db, row, today, agencyIds),
  } satisfies Section11Cycle;
}

/** Every cycle, newest first; `agencyIds` limits each to those agencies (a contributor's). */
export async function readCycles(
  db: Queryable,
  today: string,
  agencyIds: readonly string[] | null,
): Promise<Section11Cycle[]> {
  const rows = await db.query<CycleRow>(
    `select ${cycleColumns} from s11_cycle order by opened_on desc, created_at desc`,
  );
  const cycles = await Promise.all(rows.map((row) => toCycle(db, row, today, agencyIds)));
  // A contributor sees the cycles their agencies take part in.
  return agencyIds === null ? cycles : cycles.filter((c) => c.agencies.length > 0);
}

async function lockCycle(tx: Queryable, id: string): Promise<CycleRow> {
  const [row] = await tx.query<CycleRow>(`select ${cycleColumns} from s11_cycle where id = $1 for update`, [
    id,
  ]);
  if (!row) throw notFound(`The Section 11 cycle "${id}"`);
  return row;
}

/** Opens a cycle for the agencies named, on the standards as they stand; one cycle at a time. */
export async function openCycle(
  tx: Queryable,
  actor: Actor,
  request: OpenSection11CycleRequest,
  today: string,
): Promise<Section11Cycle> {
  await tx.query('select standards_version from s11_settings for update');
  const open = await openCycleTitle(tx);
  if (open) throw new Problem(409, `“${open}” is still open: close it before opening another cycle.`);
  if (request.dueDate <= today) throw unprocessable('dueDate', 'The due date must be after today');
  const agencies = await tx.query<{ id: string }>('select id from agency where id = any($1::text[])', [
    request.agencyIds,
  ]);
  if (agencies.length !== new Set(request.agencyIds).size)
    throw unprocessable('agencyIds', 'Choose agencies of the board');
  const { standards } = await readStandards(tx);
  const base = slugify(request.title, 60, 'section-11');
  const taken = new Set(
    (
      await tx.query<{ id: string }>(`select id from s11_cycle where id = $1 or id like $1 || '-%'`, [base])
    ).map((r) => r.id),
  );
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  const [row] = await tx.query<CycleRow>(
    `insert into s11_cycle (id, title, opened_on, due_date, standards) values ($1, $2, $3, $4, $5)
     returning ${cycleColumns}`,
    [id, request.title, today, request.dueDate, JSON.stringify(standards)],
  );
  for (const agencyId of new Set(request.agencyIds))
    await tx.query('insert into s11_assessment (cycle_id, agency_id) values ($1, $2)', [id, agencyId]);
  const cycle = await toCycle(tx, row!, today, null);
  return logged(
    tx,
    actor,
    {
      action: 'section11.open',
      entityType: 'section11-cycle',
      entityId: id,
      summary: `Opened “${cycle.title}” for ${cycle.agencies.length} agencies, due ${cycle.dueDate}`,
      after: { title: cycle.title, dueDate: cycle.dueDate, agencies: cycle.agencies.map((a) => a.agencyId) },
    },
    cycle,
  );
}

/** Closes a cycle: nothing more is entered; what was accepted is the board's assurance. */
export async function closeCycle(
  tx: Queryable,
  actor: Actor,
  id: string,
  version: number,
  today: string,
): Promise<Section11Cycle> {
  const row = await lockCycle(tx, id);
  const before = checkVersion(await toCycle(tx, row, today, null), version, 'Section 11 cycle', id);
  if (row.closed_on) throw new Problem(409, `“${row.title}” is already closed.`);
  const [closed] = await tx.query<CycleRow>(
    `update s11_cycle set closed_on = $2, version = version + 1 where id = $1 returning ${cycleColumns}`,
    [id, today],
  );
  const after = await toCycle(tx, closed!, today, null);
  return logged(
    tx,
    actor,
    {
      action: 'section11.close',
      entityType: 'section11-cycle',
      entityId: id,
      summary: `Closed “${after.title}”`,
      before: { closedOn: before.closedOn },
      after: { closedOn: after.closedOn },
    },
    after,
  );
}

const assessmentColumns = `s.cycle_id, s.agency_id, a.name as agency_name, s.status, s.answers, s.improvements,
  s.comments, s.submitted_at, s.version`;

async function assessmentRow(db: Queryable, cycleId: string, agencyId: string, lock = false) {
  const [row] = await db.query<AssessmentRow>(
    `select ${assessmentColumns} from s11_assessment s join agency a on a.id = s.agency_id
     where s.cycle_id = $1 and s.agency_id = $2${lock ? ' for update of s' : ''}`,
    [cycleId, agencyId],
  );
  if (!row) throw notFound(`A Section 11 self-assessment for "${agencyId}" in "${cycleId}"`);
  return row;
}

/** The agency's last accepted assessment before this cycle, to show beside each standard. */
async function previousOf(db: Queryable, cycle: CycleRow, agencyId: string) {
  const [row] = await db.query<{ title: string; answers: Section11Answer[] }>(
    `select c.title, s.answers from s11_assessment s join s11_cycle c on c.id = s.cycle_id
     where s.agency_id = $1 and s.status = 'accepted' and c.id <> $2 and c.opened_on <= $3
     order by c.opened_on desc, c.created_at desc limit 1`,
    [agencyId, cycle.id, cycle.opened_on],
  );
  return row ? { cycleTitle: row.title, answers: row.answers } : null;
}

async function toAssessment(db: Queryable, cycle: CycleRow, row: AssessmentRow, today: string) {
  return {
    cycleId: cycle.id,
    cycleTitle: cycle.title,
    dueDate: cycle.due_date,
    open: cycle.closed_on === null,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    status: row.status,
    late: isLate(row.status, cycle.due_date, today, cycle.closed_on === null),
    version: row.version,
    submittedAt: row.submitted_at,
    comments: row.comments,
    standards: cycle.standards,
    answers: row.answers,
    improvements: row.improvements,
    previous: await previousOf(db, cycle, row.agency_id),
  } satisfies Section11Assessment;
}

export async function readAssessment(
  db: Queryable,
  cycleId: string,
  agencyId: string,
  today: string,
): Promise<Section11Assessment> {
  const [cycle] = await db.query<CycleRow>(`select ${cycleColumns} from s11_cycle where id = $1`, [cycleId]);
  if (!cycle) throw notFound(`The Section 11 cycle "${cycleId}"`);
  return toAssessment(db, cycle, await assessmentRow(db, cycleId, agencyId), today);
}

/** The cycle and the assessment, locked, checked against the version the change was based on. */
async function lockAssessment(
  tx: Queryable,
  cycleId: string,
  agencyId: string,
  version: number,
  today: string,
) {
  const cycle = await lockCycle(tx, cycleId);
  const row = await assessmentRow(tx, cycleId, agencyId, true);
  const current = await toAssessment(tx, cycle, row, today);
  checkVersion(current, version, 'self-assessment', `${cycleId}/${agencyId}`);
  return { cycle, row, current };
}

const closedProblem = (cycle: CycleRow) =>
  new Problem(409, `“${cycle.title}” is closed: its self-assessments can no longer change.`);

async function update(
  tx: Queryable,
  cycle: CycleRow,
  agencyId: string,
  set: string,
  values: unknown[],
  today: string,
): Promise<Section11Assessment> {
  await tx.query(
    `update s11_assessment set ${set}, version = version + 1 where cycle_id = $1 and agency_id = $2`,
    [cycle.id, agencyId, ...values],
  );
  return toAssessment(tx, cycle, await assessmentRow(tx, cycle.id, agencyId), today);
}

const stateOf = (a: Section11Assessment) => ({
  status: a.status,
  answers: a.answers.map(({ standardId, rating, evidence, committeeRating }) => ({
    standardId,
    rating,
    evidence,
    committeeRating,
  })),
  improvements: a.improvements,
});

/** Saves the agency's draft as it stands (it may be incomplete); the committee's notes are kept. */
export async function saveAssessment(
  tx: Queryable,
  actor: Actor,
  cycleId: string,
  agencyId: string,
  request: SaveSection11AssessmentRequest,
  today: string,
): Promise<Section11Assessment> {
  const { cycle, row, current } = await lockAssessment(tx, cycleId, agencyId, request.version, today);
  if (cycle.closed_on) throw closedProblem(cycle);
  if (row.status === 'submitted' || row.status === 'accepted')
    throw new Problem(
      409,
      row.status === 'submitted'
        ? 'This self-assessment has been submitted: the committee is reading it. It can change again if they send it back.'
        : 'This self-assessment has been accepted: it can no longer change.',
    );
  const standardIds = new Set(cycle.standards.map((s) => s.id));
  for (const [i, answer] of request.answers.entries())
    if (!standardIds.has(answer.standardId))
      throw unprocessable(`answers.${i}.standardId`, 'Answer the standards of this cycle');
  for (const [i, improvement] of request.improvements.entries())
    if (!standardIds.has(improvement.standardId))
      throw unprocessable(`improvements.${i}.standardId`, 'Choose a standard of this cycle');
  const { answers, improvements } = mergeDraft(cycle.standards, row.answers, request, row.improvements);
  const after = await update(
    tx,
    cycle,
    agencyId,
    `status = 'draft', answers = $3, improvements = $4`,
    [JSON.stringify(answers), JSON.stringify(improvements)],
    today,
  );
  return logged(
    tx,
    actor,
    {
      action: 'section11.save',
      entityType: 'section11-assessment',
      entityId: `${cycleId}/${agencyId}`,
      summary: `Saved ${after.agencyName}’s draft self-assessment for “${cycle.title}”`,
      before: stateOf(current),
      after: stateOf(after),
    },
    after,
  );
}

/** Submits a complete self-assessment to the committee: each standard rated, with its evidence. */
export async function submitAssessment(
  tx: Queryable,
  actor: Actor,
  cycleId: string,
  agencyId: string,
  version: number,
  today: string,
): Promise<Section11Assessment> {
  const { cycle, row, current } = await lockAssessment(tx, cycleId, agencyId, version, today);
  if (cycle.closed_on) throw closedProblem(cycle);
  if (row.status === 'submitted' || row.status === 'accepted')
    throw new Problem(409, `This self-assessment has already been ${row.status}.`);
  const problems = checkSection11Complete(current);
  if (Object.keys(problems).length > 0)
    throw new Problem(422, 'The self-assessment is not complete yet', { fieldErrors: problems });
  const after = await update(tx, cycle, agencyId, `status = 'submitted', submitted_at = now()`, [], today);
  return logged(
    tx,
    actor,
    {
      action: 'section11.submit',
      entityType: 'section11-assessment',
      entityId: `${cycleId}/${agencyId}`,
      summary: `Submitted ${after.agencyName}’s self-assessment for “${cycle.title}”`,
      before: { status: current.status },
      after: { status: after.status },
    },
    after,
  );
}

function mustBeSubmitted(row: AssessmentRow) {
  if (row.status !== 'submitted')
    throw new Problem(
      409,
      row.status === 'accepted'
        ? 'This self-assessment has already been accepted.'
        : 'This self-assessment has not been submitted: the committee reads it once the agency submits it.',
    );
}

/** The committee's own ratings where they differ, its challenge questions and the agency's answers. */
export async function moderateAssessment(
  tx: Queryable,
  actor: Actor,
  cycleId: string,
  agencyId: string,
  request: ModerateSection11Request,
  today: string,
): Promise<Section11Assessment> {
  const { cycle, row, current } = await lockAssessment(tx, cycleId, agencyId, request.version, today);
  mustBeSubmitted(row);
  for (const [i, m] of request.moderation.entries())
    if (!cycle.standards.some((s) => s.id === m.standardId))
      throw unprocessable(`moderation.${i}.standardId`, 'Choose a standard of this cycle');
  const answers = mergeModeration(cycle.standards, row.answers, request.moderation);
  const after = await update(tx, cycle, agencyId, 'answers = $3', [JSON.stringify(answers)], today);
  return logged(
    tx,
    actor,
    {
      action: 'section11.moderate',
      entityType: 'section11-assessment',
      entityId: `${cycleId}/${agencyId}`,
      summary: `Recorded the committee’s moderation of ${after.agencyName}’s self-assessment`,
      before: { answers: current.answers },
      after: { answers: after.answers },
    },
    after,
  );
}

/** The committee accepts a submitted self-assessment, or sends it back with its comments. */
export async function decideAssessment(
  tx: Queryable,
  actor: Actor,
  cycleId: string,
  agencyId: string,
  decision: { version: number; comments?: string },
  today: string,
): Promise<Section11Assessment> {
  const { cycle, row, current } = await lockAssessment(tx, cycleId, agencyId, decision.version, today);
  mustBeSubmitted(row);
  const accept = decision.comments === undefined;
  if (!accept && cycle.closed_on) throw closedProblem(cycle);
  const after = accept
    ? await update(tx, cycle, agencyId, `status = 'accepted', decided_at = now()`, [], today)
    : await update(
        tx,
        cycle,
        agencyId,
        `status = 'sent-back', decided_at = now(), comments = $3`,
        [decision.comments],
        today,
      );
  return logged(
    tx,
    actor,
    {
      action: accept ? 'section11.accept' : 'section11.send-back',
      entityType: 'section11-assessment',
      entityId: `${cycleId}/${agencyId}`,
      summary: accept
        ? `Accepted ${after.agencyName}’s self-assessment for “${cycle.title}”`
        : `Sent ${after.agencyName}’s self-assessment back: ${decision.comments}`,
      before: { status: current.status },
      after: { status: after.status, comments: after.comments },
    },
    after,
  );
}

/** At most `max` characters, cut at a word with an ellipsis where it is longer. */
function shortened(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The committee adds an agreed improvement action of a submitted or accepted self-assessment to
 * the board's action plan, through the action plan's own way of adding an action, and the
 * improvement and the action each name the other.
 */
export async function addImprovementToPlan(
  tx: Queryable,
  actor: Actor,
  cycleId: string,
  agencyId: string,
  improvementId: string,
  request: AddSection11ActionRequest,
  today: string,
): Promise<Section11Assessment> {
  const { cycle, row, current } = await lockAssessment(tx, cycleId, agencyId, request.version, today);
  if (row.status !== 'submitted' && row.status !== 'accepted')
    throw new Problem(
      409,
      'Only a submitted or accepted self-assessment’s improvement actions can go into the action plan.',
    );
  const improvement = row.improvements.find((i) => i.id === improvementId);
  if (!improvement) throw notFound(`The improvement action "${improvementId}"`);
  if (improvement.actionId) throw new Problem(409, 'This improvement action is already in the action plan.');
  const standard = cycle.standards.find((s) => s.id === improvement.standardId);
  const action = await createAction(
    tx,
    actor,
    createActionRequestSchema.parse({
      priorityId: request.priorityId,
      title: shortened(improvement.description, 300),
      owner: shortened(improvement.owner, 120),
      dueDate: improvement.dueDate,
      ofstedRecommendationIds: [],
      auditIds: [],
      reviewIds: [],
    }),
    today,
  );
  const link = {
    cycleId,
    agencyId,
    improvementId,
    agencyName: row.agency_name,
    standardCode: standard?.code ?? '?',
    standardTitle: standard?.title ?? improvement.standardId,
  };
  await tx.query('update action set section11 = $2 where id = $1', [action.id, JSON.stringify(link)]);
  const improvements = row.improvements.map((i) =>
    i.id === improvementId ? { ...i, actionId: action.id } : i,
  );
  const after = await update(tx, cycle, agencyId, 'improvements = $3', [JSON.stringify(improvements)], today);
  return logged(
    tx,
    actor,
    {
      action: 'section11.add-to-plan',
      entityType: 'section11-assessment',
      entityId: `${cycleId}/${agencyId}`,
      summary: `Added ${after.agencyName}’s improvement action “${action.title}” (standard ${link.standardCode}) to the action plan`,
      before: { improvements: current.improvements },
      after: { improvements: after.improvements, action: { id: action.id, section11: link } },
    },
    after,
  );
}

/**
 * What the board sees: the latest cycle's agencies by standards, the ratings of accepted
 * self-assessments (the agency's, and the committee's where it differs), each beside the agency's
 * rating in its previous accepted one, and the improvement actions agreed.
 */
export async function readAssurance(db: Queryable, today: string): Promise<Section11Assurance> {
  const [cycle] = await db.query<CycleRow>(
    `select ${cycleColumns} from s11_cycle order by opened_on desc, created_at desc limit 1`,
  );
  if (!cycle)
    return {
      cycle: null,
      previousCycleTitle: null,
      standards: (await readStandards(db)).standards,
      rows: [],
      improvements: { open: 0, complete: 0, overdue: 0 },
    };
  const rows = await db.query<AssessmentRow>(
    `select ${assessmentColumns} from s11_assessment s join agency a on a.id = s.agency_id
     where s.cycle_id = $1 order by a.position`,
    [cycle.id],
  );
  const previous = new Map<string, { cycleTitle: string; answers: Section11Answer[] }>();
  for (const row of rows) {
    const found = await previousOf(db, cycle, row.agency_id);
    if (found) previous.set(row.agency_id, found);
  }
  return assuranceOf(
    {
      cycle: {
        id: cycle.id,
        title: cycle.title,
        openedOn: cycle.opened_on,
        dueDate: cycle.due_date,
        closedOn: cycle.closed_on,
        standards: cycle.standards,
      },
      assessments: rows.map((r) => ({
        agencyId: r.agency_id,
        agencyName: r.agency_name,
        status: r.status,
        answers: r.answers,
        improvements: r.improvements,
      })),
      previous,
    },
    today,
  );
}
