import type {
  Agency,
  Board,
  CreateAgencyRequest,
  SaveBoardRequest,
  StartYearRequest,
  UpdateAgencyRequest,
} from '../../src/api/contract';
import { slugify } from '../../src/lib/csv';
import { financialYearOfDate, nextReportingYear } from '../../src/lib/periods';
import { wordingFor } from '../../src/lib/wording';
import type { Queryable } from '../db/database';
import { conflict, notFound, Problem, unprocessable } from '../http/problem';
import { bumpDataVersion, recordAudit, type Actor } from './audit-log';

interface BoardRow extends Record<string, unknown> {
  id: string;
  name: string;
  short_name: string;
  area: Board['area'];
  reporting_years: string[];
  current_year: string;
  data_as_at: string;
  ofsted: Board['ofsted'];
  illustrative_notice: string | null;
  kind: Board['kind'];
  featured_indicator_id: string | null;
  audit_schedule_indicator_id: string | null;
  version: number;
}

function toBoard(row: BoardRow): Board {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    area: row.area,
    reportingYears: row.reporting_years,
    currentYear: row.current_year,
    dataAsAt: row.data_as_at,
    ofsted: row.ofsted,
    illustrativeNotice: row.illustrative_notice,
    kind: row.kind,
    featuredIndicatorId: row.featured_indicator_id,
    auditScheduleIndicatorId: row.audit_schedule_indicator_id,
    version: row.version,
  };
}

export async function readBoard(db: Queryable, forUpdate = false): Promise<Board> {
  const [row] = await db.query<BoardRow>(`select * from board limit 1${forUpdate ? ' for update' : ''}`);
  if (!row) {
    throw new Problem(
      404,
      'This board has not been set up yet. An administrator sets it up under Administration, Board settings.',
    );
  }
  return toBoard(row);
}

export async function insertBoard(tx: Queryable, board: Board): Promise<void> {
  await tx.query(
    `insert into board (id, name, short_name, area, reporting_years, current_year, data_as_at, ofsted, illustrative_notice,
       featured_indicator_id, audit_schedule_indicator_id, kind)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      board.id,
      board.name,
      board.shortName,
      JSON.stringify(board.area),
      JSON.stringify(board.reportingYears),
      board.currentYear,
      board.dataAsAt,
      board.ofsted === null ? null : JSON.stringify(board.ofsted),
      board.illustrativeNotice,
      board.featuredIndicatorId,
      board.auditScheduleIndicatorId,
      board.kind,
    ],
  );
}

const sortYears = (years: readonly string[]) => [...years].sort();

export async function findBoard(db: Queryable, forUpdate = false): Promise<Board | null> {
  const [row] = await db.query<BoardRow>(`select * from board limit 1${forUpdate ? ' for update' : ''}`);
  return row ? toBoard(row) : null;
}

/**
 * The reporting year the board is in (its latest), the year a record retired now is retired in;
 * before the board is set up, the financial year of `today`.
 */
export async function boardYearNow(db: Queryable, today: string): Promise<string> {
  return sortYears((await findBoard(db))?.reportingYears ?? []).at(-1) ?? financialYearOfDate(today);
}

const settingsOf = ({ id: _id, version: _version, ...settings }: Board) => settings;

/** Sets up the board (version null, when there is none yet) or changes its settings. */
export async function saveBoard(tx: Queryable, actor: Actor, request: SaveBoardRequest): Promise<Board> {
  const { version, ...settings } = request;
  const current = await findBoard(tx, true);
  if (current === null && version !== null) throw notFound('The board');
  if (current !== null && version !== current.version) throw conflict('board’s settings', current);
  // A choice left out of the request stays as it is.
  const keep = <K extends 'featuredIndicatorId' | 'auditScheduleIndicatorId'>(key: K) =>
    settings[key] === undefined ? (current?.[key] ?? null) : settings[key];
  // Every board set up today is a safeguarding children partnership (there have been no LSCBs since
  // September 2019); one that exists keeps its kind unless the request says.
  const kind = settings.kind ?? current?.kind ?? 'partnership';
  const featured = keep('featuredIndicatorId');
  const auditSchedule = keep('auditScheduleIndicatorId');
  for (const [field, id] of [
    ['featuredIndicatorId', featured],
    ['auditScheduleIndicatorId', auditSchedule],
  ] as const) {
    if (id === null) continue;
    const [known] = await tx.query('select 1 from indicator where id = $1', [id]);
    if (!known) throw unprocessable(field, 'Choose one of the board’s indicators');
  }
  const values = [
    settings.name,
    settings.shortName,
    JSON.stringify(settings.area),
    JSON.stringify(sortYears(settings.reportingYears)),
    settings.currentYear,
    settings.dataAsAt,
    settings.ofsted === null ? null : JSON.stringify(settings.ofsted),
    settings.illustrativeNotice,
    featured,
    auditSchedule,
    kind,
  ];
  const [row] =
    current === null
      ? await tx.query<BoardRow>(
          `insert into board (id, name, short_name, area, reporting_years, current_year, data_as_at, ofsted,
             illustrative_notice, featured_indicator_id, audit_schedule_indicator_id, kind)
           values ('board', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning *`,
          values,
        )
      : await tx.query<BoardRow>(
          `update board set name = $1, short_name = $2, area = $3, reporting_years = $4, current_year = $5,
             data_as_at = $6, ofsted = $7, illustrative_notice = $8, featured_indicator_id = $9,
             audit_schedule_indicator_id = $10, kind = $11, version = version + 1
           returning *`,
          values,
        );
  const after = toBoard(row!);
  await recordAudit(tx, actor, {
    action: current === null ? 'board.create' : 'board.update',
    entityType: 'board',
    entityId: after.id,
    summary:
      current === null
        ? `Set up the board “${after.name}”`
        : `Changed the board’s settings: kind ${wordingFor(after.kind).generic}; reporting years ${after.reportingYears.join(', ')}; shown first ${after.currentYear}; figures as at ${after.dataAsAt}; featured indicator ${after.featuredIndicatorId ?? 'the first headline indicator'}`,
    before: current === null ? null : settingsOf(current),
    after: settingsOf(after),
  });
  await bumpDataVersion(tx);
  return after;
}

/**
 * The administrator starts the next reporting year: it joins the reporting years and is shown
 * first. Nothing is copied: what carries over (audits and actions still open at its start) is
 * worked out from their dates and status wherever they are shown, so past years stay as they were.
 */
export async function startReportingYear(
  tx: Queryable,
  actor: Actor,
  request: StartYearRequest,
): Promise<Board> {
  const current = await findBoard(tx, true);
  if (current === null) throw notFound('The board');
  if (current.version !== request.version) throw conflict('board’s settings', current);
  const next = nextReportingYear(current.reportingYears);
  if (request.year !== next) {
    throw unprocessable('year', `The next reporting year is ${next}: start that one`);
  }
  const years = sortYears([...current.reportingYears, request.year]);
  const [row] = await tx.query<BoardRow>(
    'update board set reporting_years = $1, current_year = $2, version = version + 1 returning *',
    [JSON.stringify(years), request.year],
  );
  const after = toBoard(row!);
  await recordAudit(tx, actor, {
    action: 'board.new-year',
    entityType: 'board',
    entityId: after.id,
    summary: `Started the reporting year ${request.year}: open audits and actions carry over into it`,
    before: { reportingYears: current.reportingYears, currentYear: current.currentYear },
    after: { reportingYears: after.reportingYears, currentYear: after.currentYear },
  });
  await bumpDataVersion(tx);
  return after;
}

/**
 * When figures for a period are published (a quarterly return), the board's reporting years gain
 * the period's financial year if they lack it, so that the figures have a year to be shown in. The
 * dates the board shows (the date its figures run to, the year shown first, and so whether a year
 * is a part year) do not move: one agency's return is not the board's figures running on, and a
 * change to those dates is the administrator's decision in board settings, in the audit trail.
 */
export async function extendBoardTo(tx: Queryable, financialYear: string, _periodEnd: string): Promise<void> {
  const board = await readBoard(tx, true);
  if (board.reportingYears.includes(financialYear)) return;
  await tx.query('update board set reporting_years = $1, version = version + 1', [
    JSON.stringify(sortYears([...board.reportingYears, financialYear])),
  ]);
}

export async function readAgencies(db: Queryable): Promise<Agency[]> {
  return db.query<Agency & Record<string, unknown>>(
    'select id, name, kind, version from agency order by position',
  );
}

export async function createAgency(
  tx: Queryable,
  actor: Actor,
  request: CreateAgencyRequest,
): Promise<Agency> {
  const base = slugify(request.name, 60, 'agency');
  const taken = new Set(
    (await tx.query<{ id: string }>("select id from agency where id = $1 or id like $1 || '-%'", [base])).map(
      (r) => r.id,
    ),
  );
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  const [row] = await tx.query<Agency & Record<string, unknown>>(
    `insert into agency (id, name, kind, position)
     values ($1, $2, $3, (select coalesce(max(position), -1) + 1 from agency))
     returning id, name, kind, version`,
    [id, request.name, request.kind],
  );
  await recordAudit(tx, actor, {
    action: 'agency.create',
    entityType: 'agency',
    entityId: id,
    summary: `Added the agency “${request.name}”`,
    before: null,
    after: { name: request.name, kind: request.kind },
  });
  await bumpDataVersion(tx);
  return row!;
}

export async function updateAgency(
  tx: Queryable,
  actor: Actor,
  id: string,
  request: UpdateAgencyRequest,
): Promise<Agency> {
  const [before] = await tx.query<Agency & Record<string, unknown>>(
    'select id, name, kind, version from agency where id = $1 for update',
    [id],
  );
  if (!before) throw notFound('The agency');
  if (before.version !== request.version) throw conflict('agency', before);
  const [row] = await tx.query<Agency & Record<string, unknown>>(
    'update agency set name = $2, kind = $3, version = version + 1 where id = $1 returning id, name, kind, version',
    [id, request.name, request.kind],
  );
  await recordAudit(tx, actor, {
    action: 'agency.update',
    entityType: 'agency',
    entityId: id,
    summary: `Changed the agency “${row!.name}”`,
    before: { name: before.name, kind: before.kind },
    after: { name: row!.name, kind: row!.kind },
  });
  await bumpDataVersion(tx);
  return row!;
}

/** A whole-document resource; `empty` where the board has none yet (a service started with SEED=none). */
export async function readDocument<T>(db: Queryable, key: string, empty: T): Promise<T> {
  const [row] = await db.query<{ body: T }>('select body from document where key = $1', [key]);
  return row ? row.body : empty;
}
