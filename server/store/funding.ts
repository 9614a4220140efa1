import {
  financialYearSchema,
  type Funding,
  type FundingYear,
  type FundingYearRequest,
  type SpendingYear,
  type SpendingYearRequest,
} from '../../src/api/contract';
import type { Queryable } from '../db/database';
import { conflict, notFound } from '../http/problem';
import type { Actor } from './audit-log';
import { logged } from './writes';

interface ContributionRow extends Record<string, unknown> {
  year: string;
  partner: string;
  partner_type: FundingYear['contributions'][number]['partnerType'];
  amount: number;
}

const toContribution = (row: ContributionRow): FundingYear['contributions'][number] => ({
  partner: row.partner,
  partnerType: row.partner_type,
  year: row.year,
  amount: Number(row.amount),
});

const contributionsOf = async (db: Queryable, year?: string) =>
  (
    await db.query<ContributionRow>(
      `select year, partner, partner_type, amount from funding_contribution
       where not retired and ($1::text is null or year = $1) order by year, position`,
      [year ?? null],
    )
  ).map(toContribution);

interface SpendingRow extends Record<string, unknown> {
  year: string;
  item: string;
  amount: number;
}

const spendingOf = async (db: Queryable, year?: string) =>
  (
    await db.query<SpendingRow>(
      `select year, item, amount from spending_line
       where not retired and ($1::text is null or year = $1) order by year, position`,
      [year ?? null],
    )
  ).map((row) => ({ item: row.item, year: row.year, amount: Number(row.amount) }));

/** GET /funding: every year's contributions and spending in force, and each year's versions. */
export async function readFunding(db: Queryable): Promise<Funding> {
  const years = await db.query<{ year: string; version: number }>(
    'select year, version from funding_year order by year',
  );
  const spendingYears = await db.query<{ year: string; version: number }>(
    'select year, version from spending_year order by year',
  );
  return {
    currency: 'GBP',
    contributions: await contributionsOf(db),
    years,
    spending: await spendingOf(db),
    spendingYears,
  };
}

/** What a year's table says, for the audit trail's before and after: partner -> pounds. */
const contentOf = (table: FundingYear) =>
  Object.fromEntries(
    table.contributions.map((c) => [c.partner, { partnerType: c.partnerType, amount: c.amount }]),
  );

const pounds = (n: number) => `£${n.toLocaleString('en-GB')}`;

/**
 * A year's table taken for a change: 404 for a year that is not one, 409 with the table as it
 * stands when the change was based on another version; otherwise its version moved on (a year
 * with no table yet is created at version 1). `table` is one of ours, never input.
 */
async function takeYear<T>(
  tx: Queryable,
  table: 'funding_year' | 'spending_year',
  what: string,
  year: string,
  version: number,
  current: (version: number) => Promise<T>,
): Promise<T> {
  if (!financialYearSchema.safeParse(year).success)
    throw notFound(`The ${table === 'funding_year' ? 'funding' : 'spending'} year "${year}"`);
  const [row] = await tx.query<{ version: number }>(
    `select version from ${table} where year = $1 for update`,
    [year],
  );
  const before = await current(row?.version ?? 0);
  if ((row?.version ?? 0) !== version) throw conflict(what, before);
  if (!row) {
    // Two first saves of a year at once: the second finds the row taken and is refused as stale.
    const created = await tx.query(
      `insert into ${table} (year) values ($1) on conflict do nothing returning year`,
      [year],
    );
    if (created.length === 0) throw conflict(what, before);
  } else {
    await tx.query(`update ${table} set version = version + 1 where year = $1`, [year]);
  }
  return before;
}

/**
 * Saves a year's contributions as one table: partners in it are added or changed, partners left
 * out no longer contribute that year (retired, kept). A year with no table yet is saved from
 * version 0; a stale version is refused with the table as it stands.
 */
export async function saveFundingYear(
  tx: Queryable,
  actor: Actor,
  year: string,
  request: FundingYearRequest,
): Promise<FundingYear> {
  const before = await takeYear(tx, 'funding_year', 'year’s funding', year, request.version, async (v) => ({
    year,
    version: v,
    contributions: v > 0 ? await contributionsOf(tx, year) : [],
  }));
  await tx.query('update funding_contribution set retired = true where year = $1', [year]);
  for (const [i, c] of request.contributions.entries()) {
    await tx.query(
      `insert into funding_contribution (year, partner, partner_type, amount, position, retired)
       values ($1, $2, $3, $4, $5, false)
       on conflict (year, partner) do update
         set partner_type = excluded.partner_type, amount = excluded.amount, position = excluded.position, retired = false`,
      [year, c.partner, c.partnerType, c.amount, i],
    );
  }
  const after: FundingYear = {
    year,
    version: before.version + 1,
    contributions: await contributionsOf(tx, year),
  };
  const total = after.contributions.reduce((sum, c) => sum + c.amount, 0);
  return logged(
    tx,
    actor,
    {
      action: 'funding.save',
      entityType: 'funding',
      entityId: year,
      summary: `Changed ${year}’s funding: ${after.contributions.length} partners, ${pounds(total)} in all`,
      before: contentOf(before),
      after: contentOf(after),
    },
    after,
  );
}

/** What a year's spending says, for the audit trail's before and after: line -> pounds. */
const spendingContentOf = (table: SpendingYear) =>
  Object.fromEntries(table.lines.map((l) => [l.item, l.amount]));

/**
 * Saves the board's spending in a year as one table, as the contributions are saved: lines in it
 * are added or changed, lines left out are retired (kept); a stale version is refused.
 */
export async function saveSpendingYear(
  tx: Queryable,
  actor: Actor,
  year: string,
  request: SpendingYearRequest,
): Promise<SpendingYear> {
  const before = await takeYear(tx, 'spending_year', 'year’s spending', year, request.version, async (v) => ({
    year,
    version: v,
    lines: v > 0 ? await spendingOf(tx, year) : [],
  }));
  await tx.query('update spending_line set retired = true where year = $1', [year]);
  for (const [i, line] of request.lines.entries()) {
    await tx.query(
      `insert into spending_line (year, item, amount, position, retired) values ($1, $2, $3, $4, false)
       on conflict (year, item) do update set amount = excluded.amount, position = excluded.position, retired = false`,
      [year, line.item, line.amount, i],
    );
  }
  const after: SpendingYear = { year, version: before.version + 1, lines: await spendingOf(tx, year) };
  const total = after.lines.reduce((sum, l) => sum + l.amount, 0);
  return logged(
    tx,
    actor,
    {
      action: 'spending.save',
      entityType: 'spending',
      entityId: year,
      summary: `Changed ${year}’s spending: ${after.lines.length} lines, ${pounds(total)} in all`,
      before: spendingContentOf(before),
      after: spendingContentOf(after),
    },
    after,
  );
}

/** Loads a year's contributions as they are (seeding the demo board), at version 1. */
export async function insertFunding(tx: Queryable, funding: Funding): Promise<void> {
  for (const year of new Set(funding.contributions.map((c) => c.year))) {
    await tx.query('insert into funding_year (year) values ($1)', [year]);
  }
  for (const [i, c] of funding.contributions.entries()) {
    await tx.query(
      'insert into funding_contribution (year, partner, partner_type, amount, position) values ($1, $2, $3, $4, $5)',
      [c.year, c.partner, c.partnerType, Math.round(c.amount), i],
    );
  }
  for (const year of new Set(funding.spending.map((l) => l.year))) {
    await tx.query('insert into spending_year (year) values ($1)', [year]);
  }
  for (const [i, l] of funding.spending.entries()) {
    await tx.query('insert into spending_line (year, item, amount, position) values ($1, $2, $3, $4)', [
      l.year,
      l.item,
      l.amount,
      i,
    ]);
  }
}
