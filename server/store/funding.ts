import {
  financialYearSchema,
  type Funding,
  type FundingYear,
  type FundingYearRequest,
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

/** GET /funding: every year's contributions in force, and each year's version. */
export async function readFunding(db: Queryable): Promise<Funding> {
  const years = await db.query<{ year: string; version: number }>(
    'select year, version from funding_year order by year',
  );
  return { currency: 'GBP', contributions: await contributionsOf(db), years };
}

/** What a year's table says, for the audit trail's before and after: partner -> pounds. */
const contentOf = (table: FundingYear) =>
  Object.fromEntries(
    table.contributions.map((c) => [c.partner, { partnerType: c.partnerType, amount: c.amount }]),
  );

const pounds = (n: number) => `£${n.toLocaleString('en-GB')}`;

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
  if (!financialYearSchema.safeParse(year).success) throw notFound(`The funding year "${year}"`);
  const [row] = await tx.query<{ version: number }>(
    'select version from funding_year where year = $1 for update',
    [year],
  );
  const before: FundingYear = {
    year,
    version: row?.version ?? 0,
    contributions: row ? await contributionsOf(tx, year) : [],
  };
  if (before.version !== request.version) throw conflict('year’s funding', before);
  if (!row) {
    // Two first saves of a year at once: the second finds the row taken and is refused as stale.
    const created = await tx.query(
      'insert into funding_year (year) values ($1) on conflict do nothing returning year',
      [year],
    );
    if (created.length === 0) throw conflict('year’s funding', before);
  } else {
    await tx.query('update funding_year set version = version + 1 where year = $1', [year]);
  }
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
}
