import { describe, expect, it } from 'vitest';
import { demoDataset } from '../mocks/data';
import { fundingSchema, fundingYearSchema, type Funding } from '../src/api/contract';
import { migrate } from './db/migrate';
import { startService, testBoard, type Client, FORMULA } from './test/service';

const board = testBoard({ today: '2018-05-14' });
const { admin, qa, editor, viewer, police } = board.people;

const { lastEntry } = board;
const funding = async (client: Client = viewer) => fundingSchema.parse((await client.get('/funding')).body);
const versionOf = (f: Funding, year: string) => f.years.find((y) => y.year === year)?.version ?? 0;
const yearOf = (f: Funding, year: string) =>
  f.contributions.filter((c) => c.year === year).map(({ partner, amount }) => ({ partner, amount }));

const MARKUP = '<img src=x onerror="alert(1)"> <b>Partner</b>';

const table2018 = [
  { partner: 'City of Wolverhampton Council', partnerType: 'local-authority', amount: 200000 },
  { partner: 'West Midlands Police', partnerType: 'police', amount: 56000 },
];

describe('funding by partner and year', () => {
  it('answers the demo board’s contributions as before, each year at version 1', async () => {
    const f = await funding();
    expect(f.contributions).toEqual(fundingSchema.parse(demoDataset.funding).contributions);
    expect(f.years).toEqual([
      { year: '2015-16', version: 1 },
      { year: '2016-17', version: 1 },
      { year: '2017-18', version: 1 },
    ]);
  });

  it('an editor records a new year’s funding from version 0; every role reads it, with the audit trail’s after', async () => {
    const reply = await editor.request('PUT', '/funding/2018-19', { version: 0, contributions: table2018 });
    expect(reply.status).toBe(200);
    expect(fundingYearSchema.parse(reply.body)).toEqual({
      year: '2018-19',
      version: 1,
      contributions: table2018.map((c) => ({ ...c, year: '2018-19' })),
    });
    const f = await funding();
    expect(yearOf(f, '2018-19')).toEqual(table2018.map(({ partner, amount }) => ({ partner, amount })));
    expect(versionOf(f, '2018-19')).toBe(1);
    expect(await lastEntry()).toMatchObject({
      action: 'funding.save',
      entityType: 'funding',
      entityId: '2018-19',
      before: {},
      after: {
        'City of Wolverhampton Council': { partnerType: 'local-authority', amount: 200000 },
        'West Midlands Police': { partnerType: 'police', amount: 56000 },
      },
    });
  });

  it('changes a year’s table with before and after, and refuses a stale save with 409 and the table as it is', async () => {
    const changed = [{ ...table2018[0]!, amount: 210000 }, table2018[1]!];
    const reply = await admin.request('PUT', '/funding/2018-19', { version: 1, contributions: changed });
    expect(reply.status).toBe(200);
    expect(fundingYearSchema.parse(reply.body).version).toBe(2);
    expect(await lastEntry()).toMatchObject({
      action: 'funding.save',
      before: { 'City of Wolverhampton Council': { amount: 200000 } },
      after: { 'City of Wolverhampton Council': { amount: 210000 } },
    });

    const stale = await editor.request<{ current: unknown }>('PUT', '/funding/2018-19', {
      version: 1,
      contributions: [{ ...table2018[0]!, amount: 1 }],
    });
    expect(stale.status).toBe(409);
    expect(fundingYearSchema.parse(stale.body.current)).toEqual(reply.body);
    expect(yearOf(await funding(), '2018-19')[0]).toEqual({
      partner: 'City of Wolverhampton Council',
      amount: 210000,
    });

    // A second first save of a year that now has a table is stale too.
    const again = await editor.request('PUT', '/funding/2018-19', { version: 0, contributions: table2018 });
    expect(again.status).toBe(409);
  });

  it('retires a partner left out of a year: no longer answered, kept in the audit trail, back when added again', async () => {
    const onlyCouncil = [{ ...table2018[0]!, amount: 210000 }];
    const reply = await editor.request('PUT', '/funding/2018-19', { version: 2, contributions: onlyCouncil });
    expect(reply.status).toBe(200);
    expect(yearOf(await funding(), '2018-19').map((c) => c.partner)).toEqual([
      'City of Wolverhampton Council',
    ]);
    expect(await lastEntry()).toMatchObject({
      before: { 'West Midlands Police': { amount: 56000 } },
      after: { 'City of Wolverhampton Council': { amount: 210000 } },
    });
    expect((await lastEntry()).after).not.toHaveProperty(['West Midlands Police']);
    const [row] = await board.service.db.query<{ retired: boolean }>(
      "select retired from funding_contribution where year = '2018-19' and partner = 'West Midlands Police'",
    );
    expect(row).toEqual({ retired: true });

    const back = await editor.request('PUT', '/funding/2018-19', {
      version: 3,
      contributions: [...onlyCouncil, { ...table2018[1]!, amount: 57000 }],
    });
    expect(back.status).toBe(200);
    expect(yearOf(await funding(), '2018-19')).toEqual([
      { partner: 'City of Wolverhampton Council', amount: 210000 },
      { partner: 'West Midlands Police', amount: 57000 },
    ]);
  });

  it('needs whole pounds of 0 or more, a partner’s name once each: 422 with field errors', async () => {
    const before = await funding();
    const bad = await editor.request<{ fieldErrors: Record<string, string[]> }>('PUT', '/funding/2018-19', {
      version: versionOf(before, '2018-19'),
      contributions: [
        { partner: '  ', partnerType: 'police', amount: 5 },
        { partner: 'Health', partnerType: 'health', amount: -1 },
        { partner: 'Schools', partnerType: 'schools', amount: 10.5 },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.fieldErrors).toEqual({
      'contributions[0].partner': ['Enter the partner’s name'],
      'contributions[1].amount': ['Enter 0 or more'],
      'contributions[2].amount': ['Enter the amount in whole pounds, for example 52000'],
    });
    const twice = await editor.request<{ fieldErrors: Record<string, string[]> }>('PUT', '/funding/2018-19', {
      version: versionOf(before, '2018-19'),
      contributions: [table2018[0]!, table2018[0]!],
    });
    expect(twice.status).toBe(422);
    expect(twice.body.fieldErrors).toEqual({ contributions: ['Name each partner once'] });
    expect(await funding()).toEqual(before);
  });

  it('stores markup and formulas in a partner’s name as given', async () => {
    const reply = await editor.request('PUT', '/funding/2019-20', {
      version: 0,
      contributions: [
        { partner: MARKUP, partnerType: 'other', amount: 1000 },
        { partner: FORMULA, partnerType: 'other', amount: 2000 },
      ],
    });
    expect(reply.status).toBe(200);
    expect(yearOf(await funding(), '2019-20').map((c) => c.partner)).toEqual([MARKUP, FORMULA]);
  });

  it('is refused to a viewer, a contributor and quality assurance (403), changing nothing', async () => {
    const before = await funding();
    for (const client of [viewer, police, qa]) {
      const body = { version: versionOf(before, '2017-18'), contributions: table2018 };
      expect((await client.request('PUT', '/funding/2017-18', body)).status).toBe(403);
      expect((await client.request('PUT', '/funding/2020-21', { ...body, version: 0 })).status).toBe(403);
    }
    expect(await funding()).toEqual(before);
  });

  it('migration 014 moves a board’s funding document into rows, keeping the answer', async () => {
    const fresh = await startService();
    try {
      const before = await funding(await fresh.as('viewer'));
      // The database as it stood before migration 014, with its funding as one document.
      await fresh.db.query('drop table funding_contribution');
      await fresh.db.query('drop table funding_year');
      await fresh.db.query("insert into document (key, body) values ('funding', $1)", [
        JSON.stringify({ currency: 'GBP', contributions: before.contributions }),
      ]);
      await fresh.db.query('delete from schema_migration where version = 14');
      expect(await migrate(fresh.db)).toEqual([14]);
      expect(await funding(await fresh.as('viewer'))).toEqual(before);
      expect(await fresh.db.query("select 1 from document where key = 'funding'")).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
