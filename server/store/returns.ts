import type {
  AgencyReturn,
  AgencyReturnSummary,
  EesSymbol,
  Indicator,
  ReturnItem,
  ReturnRound,
  ReturnStatus,
  SaveReturnRequest,
} from '../../src/api/contract';
import { isLargeChange, largeChangeProblem, PAST_DUE_DATE_PROBLEM } from '../../src/api/contract';
import { financialYearStart } from '../../src/lib/periods';
import type { Queryable } from '../db/database';
import { conflict, notFound, Problem, unprocessable } from '../http/problem';
import { auditInsert, bumpDataVersion, recordAudit, type Actor } from './audit-log';
import { extendBoardTo, readBoard } from './board';
import { BOARD_SERIES, publishFigure, sortKey } from './indicators';

const QUARTER = /^Q([1-4]) (\d{4})-(\d{2})$/;

export interface Quarter {
  code: string;
  number: 1 | 2 | 3 | 4;
  financialYear: string;
  /** First calendar year of the financial year. */
  startYear: number;
  /** Its months as ISO months, `2017-04`. */
  months: string[];
  endDate: string;
}

export function parseQuarter(code: string): Quarter | null {
  const match = QUARTER.exec(code);
  if (!match) return null;
  const financialYear = `${match[2]}-${match[3]}`;
  const startYear = financialYearStart(financialYear);
  if (startYear === null) return null;
  const number = Number(match[1]) as 1 | 2 | 3 | 4;
  const months = [0, 1, 2].map((i) => {
    const month = 3 + (number - 1) * 3 + i; // 0-based from January of the start year
    const year = startYear + Math.floor(month / 12);
    return `${year}-${String((month % 12) + 1).padStart(2, '0')}`;
  });
  const last = months[2]!;
  const [year, month] = last.split('-').map(Number) as [number, number];
  const endDate = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { code, number, financialYear, startYear, months, endDate };
}

export const roundId = (quarter: string) => quarter.toLowerCase().replace(' ', '-');

/** The periods an indicator's figures take in a quarter's return. */
function periodsInQuarter(frequency: Indicator['frequency'], quarter: Quarter): string[] {
  switch (frequency) {
    case 'quarterly':
      return [quarter.code];
    case 'monthly':
      return quarter.months;
    case 'annual':
      return quarter.number === 4 ? [quarter.financialYear] : [];
    default:
      // Reporting, calendar and academic years come from published statistics, not from returns.
      return [];
  }
}

interface RoundRow extends Record<string, unknown> {
  id: string;
  quarter: string;
  due_date: string;
  opened_at: string;
  opened_by_name: string;
}

interface AgencyReturnRow extends Record<string, unknown> {
  round_id: string;
  agency_id: string;
  agency_name: string;
  status: ReturnStatus;
  comment: string | null;
  submitted_by_name: string | null;
  submitted_at: string | null;
  published_by_name: string | null;
  published_at: string | null;
  version: number;
}

interface OwnedIndicatorRow extends Record<string, unknown> {
  id: string;
  title: string;
  unit: Indicator['unit'];
  decimal_places: number;
  frequency: Indicator['frequency'];
  agency_id: string;
  position: number;
}

interface ValueRow extends Record<string, unknown> {
  agency_id: string;
  indicator_id: string;
  period: string;
  value: number | null;
  symbol: EesSymbol | null;
  note: string | null;
  checked: boolean;
}

const stamp = (name: string | null, at: string | null) => (name && at ? { name, at } : null);

const isLate = (status: ReturnStatus, dueDate: string, today: string) =>
  (status === 'not-started' || status === 'draft' || status === 'returned') && today > dueDate;

async function ownedIndicators(db: Queryable): Promise<OwnedIndicatorRow[]> {
  return db.query<OwnedIndicatorRow>(
    `select id, title, unit, decimal_places, frequency, agency_id, position from indicator
     where agency_id is not null order by position`,
  );
}

/** The figures a return asks for: each owned indicator's periods in the quarter, plus any already entered. */
function itemKeys(
  quarter: Quarter,
  agencyId: string,
  owned: readonly OwnedIndicatorRow[],
  values: readonly ValueRow[],
): { indicatorId: string; period: string }[] {
  const keys = owned
    .filter((i) => i.agency_id === agencyId)
    .flatMap((i) => periodsInQuarter(i.frequency, quarter).map((period) => ({ indicatorId: i.id, period })));
  const seen = new Set(keys.map((k) => `${k.indicatorId}\u0000${k.period}`));
  for (const v of values) {
    if (v.agency_id === agencyId && !seen.has(`${v.indicator_id}\u0000${v.period}`)) {
      keys.push({ indicatorId: v.indicator_id, period: v.period });
    }
  }
  return keys;
}

export async function readRounds(
  db: Queryable,
  today: string,
  agencyFilter: readonly string[] | null,
): Promise<ReturnRound[]> {
  const rounds = await db.query<RoundRow>('select * from return_round');
  const returns = await db.query<AgencyReturnRow>(
    `select r.*, a.name as agency_name from agency_return r join agency a on a.id = r.agency_id
     ${agencyFilter ? 'where r.agency_id = any($1)' : ''} order by a.position`,
    agencyFilter ? [agencyFilter] : [],
  );
  const owned = await ownedIndicators(db);
  const values = await db.query<ValueRow & { round_id: string }>(
    'select round_id, agency_id, indicator_id, period, value, symbol, note, checked from return_value',
  );
  const order = (r: RoundRow) => {
    const q = parseQuarter(r.quarter);
    return q ? q.startYear * 4 + q.number : 0;
  };
  return rounds
    .sort((a, b) => order(b) - order(a))
    .map((round) => {
      const quarter = parseQuarter(round.quarter)!;
      const roundValues = values.filter((v) => v.round_id === round.id);
      const agencies: AgencyReturnSummary[] = returns
        .filter((r) => r.round_id === round.id)
        .map((r) => {
          const keys = itemKeys(quarter, r.agency_id, owned, roundValues);
          return {
            agencyId: r.agency_id,
            agencyName: r.agency_name,
            status: r.status,
            late: isLate(r.status, round.due_date, today),
            itemCount: keys.length,
            filledCount: roundValues.filter((v) => v.agency_id === r.agency_id).length,
            submitted: stamp(r.submitted_by_name, r.submitted_at),
            published: stamp(r.published_by_name, r.published_at),
          };
        });
      return {
        id: round.id,
        quarter: round.quarter,
        dueDate: round.due_date,
        opened: { name: round.opened_by_name, at: round.opened_at },
        agencies,
      };
    })
    .filter((round) => agencyFilter === null || round.agencies.length > 0);
}

export async function openRound(
  tx: Queryable,
  actor: Actor,
  request: { quarter: string; dueDate: string; confirmPastDueDate?: boolean | undefined },
  today: string,
): Promise<ReturnRound> {
  const quarter = parseQuarter(request.quarter);
  if (!quarter) throw unprocessable('quarter', 'Choose a quarter such as Q1 2017-18');
  const { reportingYears } = await readBoard(tx);
  if (!reportingYears.includes(quarter.financialYear)) {
    throw unprocessable(
      'quarter',
      `${quarter.code} is not in the board’s reporting years (${reportingYears.join(', ')}): add ${quarter.financialYear} in board settings first`,
    );
  }
  const id = roundId(quarter.code);
  const [existing] = await tx.query('select 1 from return_round where id = $1', [id]);
  if (existing) throw unprocessable('quarter', `A round for ${quarter.code} is already open`);
  if (request.dueDate < quarter.endDate) {
    throw unprocessable('dueDate', `Returns can only be due after the quarter ends (${quarter.endDate})`);
  }
  if (request.dueDate < today && !request.confirmPastDueDate) {
    throw unprocessable('dueDate', PAST_DUE_DATE_PROBLEM);
  }
  const owned = await ownedIndicators(tx);
  const agencies = [
    ...new Set(
      owned.filter((i) => periodsInQuarter(i.frequency, quarter).length > 0).map((i) => i.agency_id),
    ),
  ];
  if (agencies.length === 0) {
    throw unprocessable(
      'quarter',
      `No agency owns an indicator with figures for ${quarter.code}: give indicators an owning agency first`,
    );
  }
  await tx.query('insert into return_round (id, quarter, due_date, opened_by_name) values ($1, $2, $3, $4)', [
    id,
    quarter.code,
    request.dueDate,
    actor.name,
  ]);
  for (const agencyId of agencies) {
    await tx.query("insert into agency_return (round_id, agency_id, status) values ($1, $2, 'not-started')", [
      id,
      agencyId,
    ]);
  }
  await recordAudit(tx, actor, {
    action: 'return-round.open',
    entityType: 'return-round',
    entityId: id,
    summary: `Opened the ${quarter.code} return round, due ${request.dueDate}, for ${agencies.length} agencies`,
    before: null,
    after: { quarter: quarter.code, dueDate: request.dueDate, agencies },
  });
  const [round] = (await readRounds(tx, today, null)).filter((r) => r.id === id);
  return round!;
}

const VALUE_COLUMNS = 'agency_id, indicator_id, period, value, symbol, note, checked';

interface PublishedRow {
  indicator_id: string;
  period: string;
  sort_key: number;
  value: number | null;
  symbol: EesSymbol | null;
}

/** Everything a return is described from, as read in one statement. */
interface ReturnRows {
  round: RoundRow;
  quarter: Quarter;
  row: AgencyReturnRow;
  /** The agency's indicators, and any other with a figure entered in this return (it changed hands). */
  indicators: OwnedIndicatorRow[];
  values: ValueRow[];
  /** The board's published figures for those indicators, oldest first. */
  published: PublishedRow[];
}

/**
 * A return with its round, its indicators, its figures and the published figures beside them, in
 * one statement (issue 22: each statement is a round trip to the database, and a step on a return
 * holds a connection for all of them); `lock` locks the return's row for a step that changes it.
 */
async function returnRows(db: Queryable, round: string, agency: string, lock: boolean): Promise<ReturnRows> {
  const [found] = await db.query<
    AgencyReturnRow & {
      quarter: string;
      due_date: string;
      opened_at: string;
      opened_by_name: string;
      indicators: OwnedIndicatorRow[];
      entered: ValueRow[];
      published: PublishedRow[];
    }
  >(
    `with entered as (
       select ${VALUE_COLUMNS} from return_value where round_id = $1 and agency_id = $2
     ),
     shown as (
       select id, title, unit, decimal_places, frequency, agency_id, position from indicator where agency_id = $2
       union
       select i.id, i.title, i.unit, i.decimal_places, i.frequency, i.agency_id, i.position
       from indicator i join entered e on e.indicator_id = i.id
     )
     select rr.quarter, rr.due_date, rr.opened_at, rr.opened_by_name, r.*, a.name as agency_name,
       (select coalesce(json_agg(s order by s.position), '[]'::json) from shown s) as indicators,
       (select coalesce(json_agg(e), '[]'::json) from entered e) as entered,
       (select coalesce(json_agg(o order by o.sort_key), '[]'::json) from shown s cross join lateral (
          select indicator_id, period, sort_key, value, symbol from observation
          where indicator_id = s.id and series = $3
        ) o) as published
     from return_round rr join agency_return r on r.round_id = rr.id join agency a on a.id = r.agency_id
     where rr.id = $1 and r.agency_id = $2 ${lock ? 'for update of r' : ''}`,
    [round, agency, BOARD_SERIES],
  );
  if (!found) {
    const [roundRow] = await db.query<RoundRow>('select quarter from return_round where id = $1', [round]);
    throw notFound(roundRow ? `A ${roundRow.quarter} return for this agency` : 'That return round');
  }
  const { quarter, due_date, opened_at, opened_by_name, indicators, entered, published, ...row } = found;
  return {
    round: { id: round, quarter, due_date, opened_at, opened_by_name },
    quarter: parseQuarter(quarter)!,
    row,
    indicators,
    values: entered,
    published,
  };
}

export async function readReturn(
  db: Queryable,
  round: string,
  agency: string,
  today: string,
): Promise<AgencyReturn> {
  return describeReturn(await returnRows(db, round, agency, false), today);
}

/**
 * A return as the contract gives it, from its rows already read: a step that has just written them
 * (saving a draft) hands them over rather than reading them back.
 */
function describeReturn(
  { round: roundRow, quarter, row, indicators, values, published }: ReturnRows,
  today: string,
): AgencyReturn {
  const agency = row.agency_id;
  const owned = indicators.filter((i) => i.agency_id === agency);
  const keys = itemKeys(quarter, agency, owned, values);
  const items: ReturnItem[] = keys.flatMap(({ indicatorId, period }) => {
    const indicator = indicators.find((i) => i.id === indicatorId);
    if (!indicator) return [];
    const entered = values.find((v) => v.indicator_id === indicatorId && v.period === period);
    const own = published.filter((p) => p.indicator_id === indicatorId);
    const key = sortKey(period, indicator.frequency, Number.MAX_SAFE_INTEGER);
    const before = own.filter((p) => p.sort_key < key).at(-1);
    const current = own.find((p) => p.period === period);
    return [
      {
        indicatorId,
        title: indicator.title,
        unit: indicator.unit,
        decimalPlaces: indicator.decimal_places,
        frequency: indicator.frequency,
        period,
        entered: entered
          ? { value: entered.value, symbol: entered.symbol, note: entered.note, checked: entered.checked }
          : null,
        previous: before ? { period: before.period, value: before.value, symbol: before.symbol } : null,
        published: current ? { value: current.value, symbol: current.symbol } : null,
      },
    ];
  });
  return {
    roundId: roundRow.id,
    quarter: roundRow.quarter,
    dueDate: roundRow.due_date,
    agencyId: agency,
    agencyName: row.agency_name,
    status: row.status,
    late: isLate(row.status, roundRow.due_date, today),
    comment: row.comment,
    submitted: stamp(row.submitted_by_name, row.submitted_at),
    published: stamp(row.published_by_name, row.published_at),
    items,
    version: row.version,
  };
}

const EDITABLE: readonly ReturnStatus[] = ['not-started', 'draft', 'returned'];

const statusWords: Record<ReturnStatus, string> = {
  'not-started': 'not started',
  draft: 'a draft',
  submitted: 'submitted and waiting for review',
  returned: 'returned to the agency',
  published: 'published',
};

/**
 * A return's step asked for at `version`, from one of the states `allowed`: 409 with the return as it
 * stands when the page was stale (the return has moved on since it was read) or it is in another state.
 */
function requireStep(
  rows: ReturnRows,
  version: number,
  allowed: readonly ReturnStatus[],
  doing: string,
  today: string,
): void {
  const { row } = rows;
  if (row.version !== version) throw conflict('return', describeReturn(rows, today));
  if (!allowed.includes(row.status)) {
    throw new Problem(409, `This return is ${statusWords[row.status]}, so it cannot be ${doing}.`, {
      current: describeReturn(rows, today),
    });
  }
}

/**
 * Locks a return for a step that changes it (every such step but saving starts here), checked as
 * `requireStep` does.
 */
async function lockForStep(
  tx: Queryable,
  { round, agency, version }: { round: string; agency: string; version: number },
  allowed: readonly ReturnStatus[],
  doing: string,
  today: string,
): Promise<ReturnRows> {
  const rows = await returnRows(tx, round, agency, true);
  requireStep(rows, version, allowed, doing, today);
  return rows;
}

/**
 * A draft's figures saved. This is the step contributors take most (issue 22's bar: 35 at once), so
 * it runs as one read and one write, not a transaction: the write is made only if the return is
 * still at the version read (every step on a return moves its version on), holding the return's
 * row while it writes; if it has moved on since, nothing is written and the answer is a 409 with
 * the return as it stands, as a transaction would give.
 */
export async function saveReturn(
  db: Queryable,
  actor: Actor,
  round: string,
  agency: string,
  request: SaveReturnRequest,
  today: string,
): Promise<AgencyReturn> {
  const rows = await returnRows(db, round, agency, false);
  const { row, quarter, indicators, values: existing } = rows;
  requireStep(rows, request.version, EDITABLE, 'changed', today);
  const owned = indicators.filter((i) => i.agency_id === agency);
  const allowed = new Set(
    itemKeys(quarter, agency, owned, existing).map((k) => `${k.indicatorId}\u0000${k.period}`),
  );
  const seen = new Set<string>();
  const fieldErrors: Record<string, string[]> = {};
  request.values.forEach((v, i) => {
    const key = `${v.indicatorId}\u0000${v.period}`;
    if (!allowed.has(key)) {
      fieldErrors[`values[${i}].indicatorId`] = [`${v.indicatorId} ${v.period} is not part of this return`];
    } else if (seen.has(key)) {
      fieldErrors[`values[${i}].period`] = [`${v.indicatorId} ${v.period} is given twice`];
    }
    seen.add(key);
  });
  if (Object.keys(fieldErrors).length > 0) {
    throw new Problem(422, 'Some figures do not belong to this return', { fieldErrors });
  }
  // The figures, the return's status and version, and the audit entry in one statement (the figures
  // as stored come back from it: the answer below reads nothing again), each part only if the
  // return is still as read (`still`, which holds its row until the statement ends). Figures no
  // longer given are removed; the others are written over or added.
  const still = 'exists (select 1 from still)';
  const audit = auditInsert(
    actor,
    {
      action: 'return.save',
      entityType: 'return',
      entityId: `${round}/${agency}`,
      summary: `Saved ${request.values.length} figures in ${row.agency_name}’s ${quarter.code} return`,
      before: { status: row.status, values: existing.map(({ agency_id: _, ...v }) => v) },
      after: { status: 'draft', values: request.values },
    },
    { from: 5, when: still },
  );
  const [saved] = await db.query<AgencyReturnRow & { stored: ValueRow[] }>(
    `with still as (
       select 1 from agency_return where round_id = $1 and agency_id = $2 and version = $4 for update
     ),
     given as (
       select * from jsonb_to_recordset($3::jsonb)
         as v(indicator_id text, period text, value double precision, symbol text, note text, checked boolean)
     ),
     gone as (
       delete from return_value r where ${still} and r.round_id = $1 and r.agency_id = $2
         and not exists (select 1 from given g where g.indicator_id = r.indicator_id and g.period = r.period)
     ),
     stored as (
       insert into return_value (round_id, agency_id, indicator_id, period, value, symbol, note, checked)
       select $1, $2, g.indicator_id, g.period, g.value, g.symbol, nullif(g.note, ''), coalesce(g.checked, false)
       from given g where ${still}
       on conflict (round_id, agency_id, indicator_id, period) do update
         set value = excluded.value, symbol = excluded.symbol, note = excluded.note, checked = excluded.checked
       returning ${VALUE_COLUMNS}
     ),
     audited as (${audit.sql})
     update agency_return set status = 'draft', version = version + 1
     where round_id = $1 and agency_id = $2 and ${still}
     returning *, (select coalesce(json_agg(stored), '[]'::json) from stored) as stored`,
    [
      round,
      agency,
      JSON.stringify(
        request.values.map((v) => ({
          indicator_id: v.indicatorId,
          period: v.period,
          value: v.value,
          symbol: v.symbol,
          note: v.note,
          checked: v.checked ?? false,
        })),
      ),
      request.version,
      ...audit.params,
    ],
  );
  if (!saved) throw conflict('return', await readReturn(db, round, agency, today));
  // The figures kept are those the return already had or its agency's indicators ask for: the
  // indicators and published figures read above are still all it needs.
  const { stored: values, ...savedRow } = saved;
  return describeReturn({ ...rows, row: { ...savedRow, agency_name: row.agency_name }, values }, today);
}

const differs = (
  a: { value: number | null; symbol: string | null },
  b: { value: number | null; symbol: string | null },
) => a.value !== b.value || (a.symbol ?? null) !== (b.symbol ?? null);

export async function submitReturn(
  tx: Queryable,
  actor: Actor,
  round: string,
  agency: string,
  version: number,
  today: string,
): Promise<AgencyReturn> {
  const rows = await lockForStep(tx, { round, agency, version }, EDITABLE, 'submitted', today);
  const { row, quarter } = rows;
  const current = describeReturn(rows, today);
  const fieldErrors: Record<string, string[]> = {};
  current.items.forEach((item, i) => {
    if (!item.entered) {
      fieldErrors[`items[${i}]`] = [`Enter ${item.title}, ${item.period}, or mark why there is none`];
    } else if (item.published && differs(item.entered, item.published) && !item.entered.note) {
      fieldErrors[`items[${i}]`] = [
        `${item.title}, ${item.period} would change a published figure: add a note saying why`,
      ];
    } else if (
      isLargeChange(item.previous?.value, item.entered.value) &&
      !item.entered.note &&
      !item.entered.checked
    ) {
      fieldErrors[`items[${i}]`] = [largeChangeProblem(item)];
    }
  });
  if (current.items.length === 0) fieldErrors.items = ['This return has no figures to submit'];
  if (Object.keys(fieldErrors).length > 0) {
    throw new Problem(422, 'The return is not complete yet', { fieldErrors });
  }
  await tx.query(
    `update agency_return set status = 'submitted', submitted_by_name = $3, submitted_at = now(), version = version + 1
     where round_id = $1 and agency_id = $2`,
    [round, agency, actor.name],
  );
  await recordAudit(tx, actor, {
    action: 'return.submit',
    entityType: 'return',
    entityId: `${round}/${agency}`,
    summary: `Submitted ${row.agency_name}’s ${quarter.code} return (${current.items.length} figures)`,
    before: { status: row.status },
    after: { status: 'submitted' },
  });
  return readReturn(tx, round, agency, today);
}

export async function publishReturn(
  tx: Queryable,
  actor: Actor,
  round: string,
  agency: string,
  request: { version: number; comment?: string | undefined },
  today: string,
): Promise<AgencyReturn> {
  const rows = await lockForStep(
    tx,
    { round, agency, version: request.version },
    ['submitted'],
    'published',
    today,
  );
  const { row, quarter } = rows;
  const current = describeReturn(rows, today);
  const indicatorIds = [...new Set(current.items.map((i) => i.indicatorId))];
  await tx.query('select id from indicator where id = any($1) order by id for update', [indicatorIds]);
  const changes: unknown[] = [];
  let latestEnd = '';
  for (const item of current.items) {
    if (!item.entered) continue;
    const reason =
      item.entered.note ||
      request.comment ||
      `Published from ${row.agency_name}’s ${quarter.code} quarterly return`;
    const result = await publishFigure(
      tx,
      actor,
      { indicatorId: item.indicatorId, series: BOARD_SERIES, period: item.period, frequency: item.frequency },
      { value: item.entered.value, symbol: item.entered.symbol },
      reason,
    );
    if (result.changed) {
      changes.push({
        indicatorId: item.indicatorId,
        period: item.period,
        before: result.previous,
        after: item.entered,
      });
    }
    const end = item.frequency === 'monthly' ? monthEnd(item.period) : quarter.endDate;
    if (end > latestEnd) latestEnd = end;
  }
  await tx.query('update indicator set version = version + 1 where id = any($1)', [indicatorIds]);
  if (latestEnd) await extendBoardTo(tx, quarter.financialYear, latestEnd);
  await tx.query(
    `update agency_return set status = 'published', published_by_name = $3, published_at = now(), comment = $4,
       version = version + 1
     where round_id = $1 and agency_id = $2`,
    [round, agency, actor.name, request.comment || null],
  );
  await recordAudit(tx, actor, {
    action: 'return.publish',
    entityType: 'return',
    entityId: `${round}/${agency}`,
    summary: `Published ${row.agency_name}’s ${quarter.code} return: ${changes.length} figures changed on the dashboard`,
    before: { status: row.status },
    after: { status: 'published', changes },
  });
  await bumpDataVersion(tx);
  return readReturn(tx, round, agency, today);
}

function monthEnd(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/**
 * A contributor takes back a return they submitted by mistake, while it waits for review: it goes
 * back to a draft with its figures, to correct and submit again.
 */
export async function withdrawReturn(
  tx: Queryable,
  actor: Actor,
  { round, agency, version }: { round: string; agency: string; version: number },
  today: string,
): Promise<AgencyReturn> {
  const { row, quarter } = await lockForStep(
    tx,
    { round, agency, version },
    ['submitted'],
    'withdrawn',
    today,
  );
  await tx.query(
    `update agency_return set status = 'draft', submitted_by_name = null, submitted_at = null, version = version + 1
     where round_id = $1 and agency_id = $2`,
    [round, agency],
  );
  await recordAudit(tx, actor, {
    action: 'return.withdraw',
    entityType: 'return',
    entityId: `${round}/${agency}`,
    summary: `Withdrew ${row.agency_name}’s ${quarter.code} return to correct it`,
    before: { status: row.status, submitted: stamp(row.submitted_by_name, row.submitted_at) },
    after: { status: 'draft' },
  });
  return readReturn(tx, round, agency, today);
}

export async function sendBackReturn(
  tx: Queryable,
  actor: Actor,
  round: string,
  agency: string,
  request: { version: number; comment: string },
  today: string,
): Promise<AgencyReturn> {
  const { row, quarter } = await lockForStep(
    tx,
    { round, agency, ...request },
    ['submitted'],
    'sent back',
    today,
  );
  await tx.query(
    `update agency_return set status = 'returned', comment = $3, version = version + 1
     where round_id = $1 and agency_id = $2`,
    [round, agency, request.comment],
  );
  await recordAudit(tx, actor, {
    action: 'return.send-back',
    entityType: 'return',
    entityId: `${round}/${agency}`,
    summary: `Returned ${row.agency_name}’s ${quarter.code} return: ${request.comment}`,
    before: { status: row.status },
    after: { status: 'returned', comment: request.comment },
  });
  return readReturn(tx, round, agency, today);
}
