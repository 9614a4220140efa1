/**
 * A board of a real board's size, to measure on (issue 22): 200 indicators of 10 years of quarters
 * with 3 comparators each, 40 agencies with 10 years of published quarterly returns, 300 people,
 * and 5 years of audits, reviews and action plans. Deterministic: the same size and seed give the
 * same board. Loaded into an empty database (after the migrations) through the service's own store,
 * as the demo board is (`server/db/seed.ts`); every record is checked against the contract first.
 *
 *   npm run board:large -- [--data-dir DIR | --database-url URL] [--indicators N] [--quarters N]
 *     [--agencies N] [--people N] [--years N] [--seed N] [--password P]
 */
import {
  actionPlanSchema,
  agencySchema,
  auditListSchema,
  boardSchema,
  indicatorListSchema,
  seriousCaseReviewListSchema,
  themeSchema,
  type ActionPlan,
  type Agency,
  type Audit,
  type Board,
  type ComparatorId,
  type Indicator,
  type Role,
  type SeriousCaseReview,
  type Theme,
  type Unit,
} from '../../src/api/contract';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { isEmpty } from '../db/seed';
import { insertActionPlan } from '../store/action-plan';
import { recordAudit, SYSTEM } from '../store/audit-log';
import { insertBoard } from '../store/board';
import { insertIndicator } from '../store/indicators';
import { insertAudit } from '../store/quality-assurance';
import { parseQuarter, roundId } from '../store/returns';
import { insertReview } from '../store/reviews';

export interface LargeBoardSize {
  indicators: number;
  /** Quarters of figures, ending with Q4 of the last year. */
  quarters: number;
  comparators: number;
  agencies: number;
  people: number;
  /** Years of audits, reviews and action plans. */
  years: number;
  seed: number;
}

/** The size the issue asks for. */
export const LARGE_BOARD: LargeBoardSize = {
  indicators: 200,
  quarters: 40,
  comparators: 3,
  agencies: 40,
  people: 300,
  years: 5,
  seed: 22,
};

/** The last financial year of the board's figures. */
const LAST_YEAR_START = 2017;

/** mulberry32: a small seeded generator, so the same seed gives the same board. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

const financialYear = (start: number) => `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
const pad = (n: number, width = 3) => String(n).padStart(width, '0');
const isoDate = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

/** The quarters of the board's figures, oldest first: `Q1 2008-09` … `Q4 2017-18` for 40. */
export function largeBoardQuarters(count: number): string[] {
  const quarters: string[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const year = LAST_YEAR_START - Math.floor(i / 4);
    quarters.push(`Q${4 - (i % 4)} ${financialYear(year)}`);
  }
  return quarters;
}

const THEMES: readonly Theme[] = themeSchema.options;
const UNITS: readonly Unit[] = ['count', 'percent', 'rate-per-10000'];
const TOPICS = [
  'children at risk of exploitation',
  'referrals to children’s social care',
  'assessments completed within 45 days',
  'child protection plans',
  'children missing from home',
  'return home interviews',
  'strategy discussions',
  'initial child protection conferences within 15 days',
  'children looked after',
  'early help assessments',
  'multi-agency training places taken up',
  'domestic abuse notifications shared with schools',
];

const capitalised = (topic: string) => topic.replace(/^./, (c) => c.toUpperCase());

const COMPARATORS: readonly { id: ComparatorId; label: string }[] = [
  { id: 'england', label: 'England' },
  { id: 'region', label: 'West Midlands' },
  { id: 'statistical-neighbours', label: 'Statistical neighbours' },
];
const AGENCY_KINDS: readonly Agency['kind'][] = ['local-authority', 'police', 'health', 'schools', 'other'];
const ROLES: readonly Role[] = [
  'viewer',
  'viewer',
  'viewer',
  'contributor',
  'contributor',
  'quality-assurance',
  'editor',
];
const OWNERS = [
  'Head of Safeguarding',
  'Designated Nurse',
  'Detective Inspector',
  'Board Manager',
  'Principal Social Worker',
];

export interface LargeBoardPerson {
  email: string;
  name: string;
  role: Role;
  agencyIds: string[];
  actionOwner: string | null;
}

export interface LargeBoard {
  board: Board;
  agencies: Agency[];
  indicators: Indicator[];
  audits: Audit[];
  reviews: SeriousCaseReview[];
  actionPlan: ActionPlan;
  people: LargeBoardPerson[];
  quarters: string[];
}

function indicators(
  size: LargeBoardSize,
  agencies: readonly Agency[],
  quarters: readonly string[],
): Indicator[] {
  const r = random(size.seed);
  return Array.from({ length: size.indicators }, (_, i) => {
    const n = i + 1;
    const unit = UNITS[i % UNITS.length]!;
    const decimalPlaces = unit === 'count' ? 0 : 1;
    const round = (value: number) => Number(value.toFixed(decimalPlaces));
    const top = unit === 'percent' ? 100 : unit === 'count' ? r.int(50, 2000) : r.int(50, 600);
    // A random walk, kept within 0 and the top.
    const walk = (start: number) => {
      let value = start;
      return quarters.map((period) => {
        value = Math.min(top, Math.max(0, value + (r.next() - 0.5) * top * 0.1));
        return { period, value: round(value) };
      });
    };
    const series = walk(top * (0.3 + r.next() * 0.4));
    const topic = TOPICS[i % TOPICS.length]!;
    const polarity = r.pick(['up-is-good', 'down-is-good', 'neutral'] as const);
    return {
      id: `large-indicator-${pad(n)}`,
      title: `Indicator ${n}: ${topic}`,
      shortTitle: `Indicator ${n}`,
      theme: THEMES[i % THEMES.length]!,
      definition: `The number or share of ${topic}, each quarter (generated for measuring).`,
      unit,
      decimalPlaces,
      polarity,
      frequency: 'quarterly',
      target:
        polarity === 'neutral'
          ? null
          : { value: round(series.at(-1)!.value! * (0.8 + r.next() * 0.4)), tolerance: 0.1 },
      headline: i < 8,
      illustrative: true,
      source: { name: 'Generated large board', publisher: 'Safeguarding board business unit' },
      series,
      comparators: COMPARATORS.slice(0, size.comparators).map((c) => ({
        ...c,
        series: walk(top * (0.3 + r.next() * 0.4)),
      })),
      // Every other indicator comes from a partner's quarterly return.
      agencyId: i % 2 === 0 && agencies.length > 0 ? agencies[(i / 2) % agencies.length]!.id : null,
      version: 1,
    };
  });
}

function audits(size: LargeBoardSize, agencies: readonly Agency[]): Audit[] {
  const r = random(size.seed + 1);
  const list: Audit[] = [];
  for (let y = 0; y < size.years; y += 1) {
    const year = LAST_YEAR_START - size.years + 1 + y;
    for (let k = 0; k < 12; k += 1) {
      const month = ((k + 3) % 12) + 1;
      const plannedDate = isoDate(year + (month < 4 ? 1 : 0), month, 15);
      const completed = y < size.years - 1 || k < 6;
      const cases = r.int(5, 40);
      const good = r.int(0, cases);
      const lead = r.pick(agencies);
      list.push({
        id: `large-audit-${financialYear(year)}-${pad(k + 1, 2)}`,
        title: `${capitalised(TOPICS[k % TOPICS.length]!)} audit ${financialYear(year)}`,
        theme: THEMES[k % THEMES.length]!,
        kind: k % 3 === 0 ? 'single-agency' : 'multi-agency',
        leadAgency: lead.name,
        agencies: [lead.name, r.pick(agencies).name],
        plannedDate,
        plannedQuarter: null,
        casesToSample: null,
        cancelledReason: null,
        status: completed ? 'completed' : k === 6 ? 'in-progress' : 'planned',
        completedDate: completed ? plannedDate : null,
        casesAudited: completed ? cases : null,
        grades: completed ? { outstanding: 0, good, requiresImprovement: cases - good, inadequate: 0 } : null,
        actionsArising: completed
          ? [1, 2].map((a) => ({
              id: `large-audit-${financialYear(year)}-${pad(k + 1, 2)}-action-${a}`,
              description: `Act on finding ${a} of the audit`,
              owner: r.pick(OWNERS),
              dueDate: isoDate(year + 1, month, 15),
              status: y < size.years - 2 ? ('complete' as const) : ('open' as const),
            }))
          : [],
        version: 1,
      });
    }
  }
  return list;
}

function reviews(size: LargeBoardSize): SeriousCaseReview[] {
  const r = random(size.seed + 2);
  const list: SeriousCaseReview[] = [];
  for (let y = 0; y < size.years; y += 1) {
    const year = LAST_YEAR_START - size.years + 1 + y;
    for (let k = 0; k < 3; k += 1) {
      const id = `large-review-${financialYear(year)}-${k + 1}`;
      const actions = [1, 2, 3].map((a) => ({
        id: `${id}-action-${a}`,
        description: `Recommendation ${a}: share what was learnt with every partner`,
        owner: r.pick(OWNERS),
        dueDate: isoDate(year + 1, 3, 31),
        status: y < size.years - 1 ? ('complete' as const) : ('in-progress' as const),
      }));
      list.push({
        id,
        title: `Child ${String.fromCharCode(65 + ((y * 3 + k) % 26))} (${financialYear(year)})`,
        type: 'serious-case-review',
        reviewDate: isoDate(year, 6 + k * 2, 1),
        publishedDate: isoDate(year + 1, 1 + k, 20),
        summary: 'A generated review for measuring a large board.',
        learningThemes: ['Information sharing', 'Neglect'],
        actions,
        version: 1,
      });
    }
  }
  return list;
}

function actionPlan(size: LargeBoardSize): ActionPlan {
  const r = random(size.seed + 3);
  const priorities: ActionPlan['priorities'] = [];
  for (let y = 0; y < size.years; y += 1) {
    const year = LAST_YEAR_START - size.years + 1 + y;
    const number = y + 1;
    priorities.push({
      id: `large-priority-${financialYear(year)}`,
      number,
      // The page says "Priority 1:" before it: the title is the topic alone, as a board's would be.
      title: capitalised(TOPICS[y % TOPICS.length]!),
      description: `The board's priority for ${financialYear(year)} (generated).`,
      retired: false,
      version: 1,
      actions: Array.from({ length: 10 }, (_, k) => {
        const done = y < size.years - 1 || k < 3;
        const progress = done ? 100 : r.int(0, 90);
        return {
          id: `large-action-${financialYear(year)}-${pad(k + 1, 2)}`,
          title: `Action ${k + 1} of priority ${number}`,
          owner: r.pick(OWNERS),
          dueDate: isoDate(year + 1, 3, 31),
          status: done ? ('complete' as const) : r.pick(['not-started', 'on-track', 'at-risk'] as const),
          progress,
          ofstedRecommendationIds: [],
          auditIds: [],
          reviewIds: [],
          // Added at the start of its priority's year, closed at its end: each year's plan holds
          // its own actions and the ones still open, as a board's does after some years.
          addedDate: isoDate(year, 4, 3),
          completedDate: done ? isoDate(year + 1, 3, 20) : null,
          updates: [1, 2].map((u) => ({
            id: `large-action-${financialYear(year)}-${pad(k + 1, 2)}-update-${u}`,
            date: isoDate(year, 6 + u * 3, 1),
            author: r.pick(OWNERS),
            note: `Update ${u}: work is going as planned.`,
          })),
          version: 1,
        };
      }).map((a) =>
        a.status === 'not-started'
          ? { ...a, progress: 0 }
          : a.progress === 100 && a.status !== 'complete'
            ? { ...a, progress: 90 }
            : a,
      ),
    });
  }
  return { priorities };
}

/** The whole board, checked against the contract. */
export function largeBoardDataset(size: LargeBoardSize = LARGE_BOARD): LargeBoard {
  const quarters = largeBoardQuarters(size.quarters);
  const years = [...new Set(quarters.map((q) => q.slice(3)))];
  const r = random(size.seed + 4);
  const board = boardSchema.parse({
    id: 'large-board',
    name: 'Large Safeguarding Children Partnership',
    shortName: 'LSCP',
    kind: 'board',
    area: { name: 'Large Borough', laCode: 'E08000031', oldLaCode: '336', region: 'West Midlands' },
    reportingYears: years,
    currentYear: years.at(-1)!,
    dataAsAt: parseQuarter(quarters.at(-1)!)!.endDate,
    ofsted: null,
    featuredIndicatorId: size.indicators > 0 ? 'large-indicator-001' : null,
    auditScheduleIndicatorId: null,
    illustrativeNotice: 'Generated data for measuring a large board; it describes no real board.',
    version: 1,
  });
  const agencies = Array.from({ length: size.agencies }, (_, i) =>
    agencySchema.parse({
      id: `large-agency-${pad(i + 1, 2)}`,
      name: `Partner agency ${i + 1}`,
      kind: AGENCY_KINDS[i % AGENCY_KINDS.length],
      version: 1,
    }),
  );
  const people = Array.from({ length: size.people }, (_, i): LargeBoardPerson => {
    const role = ROLES[i % ROLES.length]!;
    return {
      email: `person${pad(i + 1)}@large-board.test`,
      name: `Person ${i + 1}`,
      role,
      agencyIds: role === 'contributor' && agencies.length > 0 ? [r.pick(agencies).id] : [],
      actionOwner: role === 'viewer' && i % 10 === 0 ? r.pick(OWNERS) : null,
    };
  });
  return {
    board,
    agencies,
    indicators: indicatorListSchema.parse({ indicators: indicators(size, agencies, quarters) }).indicators,
    audits: auditListSchema.parse({ audits: audits(size, agencies) }).audits,
    reviews: seriousCaseReviewListSchema.parse({ reviews: reviews(size) }).reviews,
    actionPlan: actionPlanSchema.parse(actionPlan(size)),
    people,
    quarters,
  };
}

export interface LoadedLargeBoard {
  indicators: number;
  observations: number;
  agencies: number;
  returns: number;
  returnValues: number;
  people: number;
  audits: number;
  reviews: number;
  actions: number;
}

/**
 * Migrates the database and loads the large board into it, in one transaction. Refuses a database
 * that already holds a board. `passwordHash`, when given, lets every person sign in with it.
 */
export async function loadLargeBoard(
  db: Database,
  size: LargeBoardSize = LARGE_BOARD,
  passwordHash: string | null = null,
): Promise<LoadedLargeBoard> {
  await migrate(db);
  const data = largeBoardDataset(size);
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(727162)');
    if (!(await isEmpty(tx))) throw new Error('The database already holds a board: give an empty one.');
    await insertBoard(tx, data.board);
    for (const [i, agency] of data.agencies.entries()) {
      await tx.query('insert into agency (id, name, kind, position) values ($1, $2, $3, $4)', [
        agency.id,
        agency.name,
        agency.kind,
        i,
      ]);
    }
    for (const [i, indicator] of data.indicators.entries()) await insertIndicator(tx, indicator, i);
    // Every quarter's round, every agency's return published with the figures it carried; the
    // last quarter's round still open, each agency's return a draft with its figures entered (what
    // a contributor saves while a round is open, which the benchmark measures).
    let returnValues = 0;
    for (const code of data.quarters) {
      const open = code === data.quarters.at(-1);
      const quarter = parseQuarter(code)!;
      const round = roundId(code);
      const [y, m, d] = quarter.endDate.split('-').map(Number) as [number, number, number];
      const due = isoDate(y, m + 1, d > 28 ? 28 : d);
      await tx.query(
        'insert into return_round (id, quarter, due_date, opened_at, opened_by_name) values ($1, $2, $3, $4, $5)',
        [round, code, due, `${quarter.endDate}T09:00:00Z`, 'Board Manager'],
      );
      for (const agency of data.agencies) {
        if (open) {
          await tx.query(`insert into agency_return (round_id, agency_id, status) values ($1, $2, 'draft')`, [
            round,
            agency.id,
          ]);
        } else {
          await tx.query(
            `insert into agency_return (round_id, agency_id, status, submitted_by_name, submitted_at, published_by_name, published_at, version)
             values ($1, $2, 'published', $3, $4, 'Board Manager', $4, 3)`,
            [round, agency.id, `${agency.name} contact`, `${due}T09:00:00Z`],
          );
        }
        for (const indicator of data.indicators) {
          if (indicator.agencyId !== agency.id) continue;
          const observation = indicator.series.find((o) => o.period === code);
          if (!observation) continue;
          await tx.query(
            `insert into return_value (round_id, agency_id, indicator_id, period, value, symbol, note)
             values ($1, $2, $3, $4, $5, null, null)`,
            [round, agency.id, indicator.id, code, observation.value],
          );
          returnValues += 1;
        }
      }
    }
    for (const person of data.people) {
      await tx.query(
        `insert into app_user (email, name, role, agency_ids, action_owner, password_hash) values ($1, $2, $3, $4, $5, $6)`,
        [
          person.email,
          person.name,
          person.role,
          JSON.stringify(person.agencyIds),
          person.actionOwner,
          passwordHash,
        ],
      );
    }
    for (const [i, audit] of data.audits.entries()) await insertAudit(tx, audit, i);
    for (const [i, review] of data.reviews.entries()) await insertReview(tx, review, i);
    await insertActionPlan(tx, data.actionPlan);
    const loaded: LoadedLargeBoard = {
      indicators: data.indicators.length,
      observations: data.indicators.reduce(
        (n, i) => n + i.series.length + i.comparators.reduce((m, c) => m + c.series.length, 0),
        0,
      ),
      agencies: data.agencies.length,
      returns: data.quarters.length * data.agencies.length,
      returnValues,
      people: data.people.length,
      audits: data.audits.length,
      reviews: data.reviews.length,
      actions: data.actionPlan.priorities.reduce((n, p) => n + p.actions.length, 0),
    };
    await recordAudit(tx, SYSTEM, {
      action: 'board.seed',
      entityType: 'board',
      entityId: data.board.id,
      summary: `Loaded the large board for measuring: ${loaded.indicators} indicators, ${loaded.audits} audits`,
    });
    return loaded;
  });
}

/** `--indicators 5 --data-dir ./large` to a size and a place. */
export function parseLargeBoardArgs(argv: readonly string[]): {
  size: LargeBoardSize;
  dataDir: string | null;
  databaseUrl: string | null;
  password: string | null;
} {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? (argv[at + 1] ?? null) : null;
  };
  const number = (name: string, fallback: number) => {
    const given = value(name);
    if (given === null) return fallback;
    const n = Number(given);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number, not "${given}"`);
    return n;
  };
  return {
    size: {
      indicators: number('indicators', LARGE_BOARD.indicators),
      quarters: Math.max(1, number('quarters', LARGE_BOARD.quarters)),
      comparators: Math.min(3, number('comparators', LARGE_BOARD.comparators)),
      agencies: Math.max(1, number('agencies', LARGE_BOARD.agencies)),
      people: number('people', LARGE_BOARD.people),
      years: Math.max(1, number('years', LARGE_BOARD.years)),
      seed: number('seed', LARGE_BOARD.seed),
    },
    dataDir: value('data-dir'),
    databaseUrl: value('database-url') ?? process.env.DATABASE_URL ?? null,
    password: value('password'),
  };
}

/** The command: loads the board into a PGlite folder or a PostgreSQL database, and says what it wrote. */
export async function main(argv: readonly string[]): Promise<LoadedLargeBoard> {
  const { size, dataDir, databaseUrl, password } = parseLargeBoardArgs(argv);
  if (!dataDir && !databaseUrl)
    throw new Error('Give --data-dir DIR (PGlite) or --database-url URL (PostgreSQL).');
  const { PgliteDatabase } = await import('../db/pglite');
  const { PostgresDatabase } = await import('../db/postgres');
  const { hashPassword } = await import('../auth/passwords');
  const db = databaseUrl ? await PostgresDatabase.open(databaseUrl, 2) : await PgliteDatabase.open(dataDir!);
  try {
    return await loadLargeBoard(db, size, password ? await hashPassword(password) : null);
  } finally {
    await db.close();
  }
}
