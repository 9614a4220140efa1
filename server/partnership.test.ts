import { describe, expect, it } from 'vitest';
import { demoDataset } from '../mocks/data';
import {
  fundingSchema,
  partnershipLinkSchema,
  partnershipSchema,
  spendingYearSchema,
  type Funding,
  type PartnershipLink,
} from '../src/api/contract';
import { migrate } from './db/migrate';
import { FORMULA, MARKUP, startService, testBoard, type Client } from './test/service';

const board = testBoard({ today: '2018-05-14' });
const { admin, qa, editor, viewer, police } = board.people;

const { lastEntry } = board;
const partnership = async (client: Client = viewer) =>
  partnershipSchema.parse((await client.get('/partnership')).body);
const funding = async (client: Client = viewer) => fundingSchema.parse((await client.get('/funding')).body);
const spendingVersion = (f: Funding, year: string) =>
  f.spendingYears.find((y) => y.year === year)?.version ?? 0;
const spendingOf = (f: Funding, year: string) =>
  f.spending.filter((l) => l.year === year).map(({ item, amount }) => ({ item, amount }));

const takeover = {
  kind: 'engagement',
  title: 'Takeover day 2018',
  description: 'Young people from the BeSafe team chair the board for a day.',
  since: '2018-11-23',
};

describe('partnership links', () => {
  it('answers the demo board’s links as before, each at version 1, and its 14 linked boards', async () => {
    const p = await partnership();
    expect(p).toEqual(partnershipSchema.parse(demoDataset.partnership));
    expect(p.linkedBoardsCount).toBe(14);
    expect(p.links.every((l) => l.version === 1)).toBe(true);
  });

  let created: PartnershipLink;
  it('an editor adds an engagement activity; every role reads it; the audit trail has its after', async () => {
    const reply = await editor.request<PartnershipLink>('POST', '/partnership/links', takeover);
    expect(reply.status).toBe(201);
    created = partnershipLinkSchema.parse(reply.body);
    expect(created).toEqual({ id: 'takeover-day-2018', ...takeover, version: 1 });
    for (const client of [viewer, police, qa])
      expect((await partnership(client)).links.at(-1)).toEqual(created);
    expect(await lastEntry()).toMatchObject({
      action: 'partnership-link.create',
      entityType: 'partnership-link',
      entityId: 'takeover-day-2018',
      after: { ...takeover, retired: false },
    });
  });

  it('an administrator edits it with before and after; a stale save gets 409 with the link as it is', async () => {
    const reply = await admin.request('PUT', `/partnership/links/${created.id}`, {
      ...takeover,
      title: 'Takeover day',
      since: null,
      version: 1,
    });
    expect(reply.status).toBe(200);
    expect(partnershipLinkSchema.parse(reply.body)).toMatchObject({
      title: 'Takeover day',
      since: null,
      version: 2,
    });
    expect(await lastEntry()).toMatchObject({
      action: 'partnership-link.edit',
      before: { title: 'Takeover day 2018', since: '2018-11-23' },
      after: { title: 'Takeover day', since: null },
    });

    const stale = await editor.request<{ current: unknown }>('PUT', `/partnership/links/${created.id}`, {
      ...takeover,
      title: 'Someone else’s title',
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(partnershipLinkSchema.parse(stale.body.current)).toEqual(reply.body);
    expect((await partnership()).links.find((l) => l.id === created.id)?.title).toBe('Takeover day');
  });

  it('retires a link in the board’s latest year: answered with that year (shown in the years before), kept in the table and the audit trail; a retired link cannot be edited', async () => {
    const stale = await editor.request<{ current: PartnershipLink }>(
      'POST',
      `/partnership/links/${created.id}/retire`,
      { version: 1 },
    );
    expect(stale.status).toBe(409);
    const reply = await editor.request('POST', `/partnership/links/${created.id}/retire`, { version: 2 });
    expect(reply.status).toBe(200);
    const retired = { ...stale.body.current, version: 3, retiredIn: '2017-18' };
    expect(reply.body).toEqual(retired);
    expect((await partnership()).links.find((l) => l.id === created.id)).toEqual(retired);
    expect(await lastEntry()).toMatchObject({
      action: 'partnership-link.retire',
      before: { title: 'Takeover day', retired: false },
      after: { title: 'Takeover day', retired: true, retiredIn: '2017-18' },
    });
    const [row] = await board.service.db.query<{ retired: boolean }>(
      'select retired from partnership_link where id = $1',
      [created.id],
    );
    expect(row).toEqual({ retired: true });
    const again = await editor.request('PUT', `/partnership/links/${created.id}`, {
      ...takeover,
      version: 3,
    });
    expect(again.status).toBe(404);
    // A new link with the same name gets a new id: the retired one keeps its own.
    const second = await editor.request<PartnershipLink>('POST', '/partnership/links', takeover);
    expect(second.body.id).toBe('takeover-day-2018-2');
  });

  it('needs a name, a kind and a real date: 422 with field errors, changing nothing', async () => {
    const before = await partnership();
    const bad = await editor.request<{ fieldErrors: Record<string, string[]> }>(
      'POST',
      '/partnership/links',
      {
        kind: 'gossip',
        title: '  ',
        description: '',
        since: '2018-02-30',
      },
    );
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fieldErrors).sort()).toEqual(['kind', 'since', 'title']);
    expect(bad.body.fieldErrors.title).toEqual(['Enter the link’s name']);
    expect(bad.body.fieldErrors.since).toEqual(['Enter a real date, for example 1 April 2016']);
    expect(await partnership()).toEqual(before);
  });

  it('stores markup and formulas as given', async () => {
    const reply = await editor.request<PartnershipLink>('POST', '/partnership/links', {
      kind: 'board-network',
      title: MARKUP,
      description: FORMULA,
      since: null,
    });
    expect(reply.status).toBe(201);
    expect((await partnership()).links.find((l) => l.id === reply.body.id)).toMatchObject({
      title: MARKUP,
      description: FORMULA,
    });
  });

  it('is refused to a viewer, a contributor and quality assurance (403), changing nothing', async () => {
    const before = await partnership();
    for (const client of [viewer, police, qa]) {
      expect((await client.request('POST', '/partnership/links', takeover)).status).toBe(403);
      expect(
        (await client.request('PUT', '/partnership/links/besafe', { ...takeover, version: 1 })).status,
      ).toBe(403);
      expect((await client.request('POST', '/partnership/links/besafe/retire', { version: 1 })).status).toBe(
        403,
      );
    }
    expect(await partnership()).toEqual(before);
  });
});

describe('the number of linked boards', () => {
  it('issue 18: an editor changes it with before and after; a stale save gets 409 with the figure as it is', async () => {
    const reply = await editor.request('PUT', '/partnership/linked-boards', {
      linkedBoardsCount: 15,
      version: 1,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ linkedBoardsCount: 15, version: 2 });
    expect(await partnership()).toMatchObject({ linkedBoardsCount: 15, linkedBoardsVersion: 2 });
    expect(await lastEntry()).toMatchObject({
      action: 'partnership.linked-boards',
      before: { linkedBoardsCount: 14 },
      after: { linkedBoardsCount: 15 },
    });
    const stale = await admin.request('PUT', '/partnership/linked-boards', {
      linkedBoardsCount: 9,
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).toContain('"linkedBoardsCount":15');
  });

  it('needs a whole number of 0 or more (422 with the field named), and is refused to a viewer, a contributor and quality assurance (403)', async () => {
    const bad = await admin.request<{ fieldErrors?: Record<string, string> }>(
      'PUT',
      '/partnership/linked-boards',
      {
        linkedBoardsCount: -1,
        version: 2,
      },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.fieldErrors).toHaveProperty('linkedBoardsCount');
    for (const client of [viewer, police, qa]) {
      const refused = await client.request('PUT', '/partnership/linked-boards', {
        linkedBoardsCount: 3,
        version: 2,
      });
      expect(refused.status).toBe(403);
    }
    expect((await partnership()).linkedBoardsCount).toBe(15);
  });
});

const spending2018 = [
  { item: 'Business unit staff', amount: 195000 },
  { item: 'Independent chair', amount: 30000 },
];

describe('the board’s spending by year', () => {
  it('answers the demo board’s spending with the funding, each year at version 1', async () => {
    const f = await funding();
    expect(f.spending).toEqual(fundingSchema.parse(demoDataset.funding).spending);
    expect(f.spendingYears).toEqual([
      { year: '2015-16', version: 1 },
      { year: '2016-17', version: 1 },
      { year: '2017-18', version: 1 },
    ]);
  });

  it('an editor records a new year’s spending from version 0, then changes it with before and after; a stale save gets 409', async () => {
    const first = await editor.request('PUT', '/spending/2018-19', { version: 0, lines: spending2018 });
    expect(first.status).toBe(200);
    expect(spendingYearSchema.parse(first.body)).toEqual({
      year: '2018-19',
      version: 1,
      lines: spending2018.map((l) => ({ ...l, year: '2018-19' })),
    });
    expect(await lastEntry()).toMatchObject({
      action: 'spending.save',
      entityType: 'spending',
      entityId: '2018-19',
      before: {},
      after: { 'Business unit staff': 195000, 'Independent chair': 30000 },
    });

    const changed = await admin.request('PUT', '/spending/2018-19', {
      version: 1,
      lines: [{ ...spending2018[0]!, amount: 199000 }],
    });
    expect(changed.status).toBe(200);
    expect(await lastEntry()).toMatchObject({
      before: { 'Business unit staff': 195000, 'Independent chair': 30000 },
      after: { 'Business unit staff': 199000 },
    });
    expect((await lastEntry()).after).not.toHaveProperty(['Independent chair']);
    const [row] = await board.service.db.query<{ retired: boolean }>(
      "select retired from spending_line where year = '2018-19' and item = 'Independent chair'",
    );
    expect(row).toEqual({ retired: true });

    const stale = await editor.request<{ current: unknown }>('PUT', '/spending/2018-19', {
      version: 1,
      lines: spending2018,
    });
    expect(stale.status).toBe(409);
    expect(spendingYearSchema.parse(stale.body.current)).toEqual(changed.body);
    const f = await funding();
    expect(spendingOf(f, '2018-19')).toEqual([{ item: 'Business unit staff', amount: 199000 }]);
    expect(spendingVersion(f, '2018-19')).toBe(2);
    // The contributions are a table of their own: saving the spending leaves them as they were.
    expect(f.years.find((y) => y.year === '2018-19')).toBeUndefined();
  });

  it('needs whole pounds of 0 or more and each line once: 422 with field errors, changing nothing', async () => {
    const before = await funding();
    const bad = await editor.request<{ fieldErrors: Record<string, string[]> }>('PUT', '/spending/2018-19', {
      version: spendingVersion(before, '2018-19'),
      lines: [
        { item: ' ', amount: 5 },
        { item: 'Training', amount: -1 },
        { item: 'Reviews', amount: 10.5 },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.fieldErrors).toEqual({
      'lines[0].item': ['Enter what the money is spent on'],
      'lines[1].amount': ['Enter 0 or more'],
      'lines[2].amount': ['Enter the amount in whole pounds, for example 52000'],
    });
    const twice = await editor.request<{ fieldErrors: Record<string, string[]> }>(
      'PUT',
      '/spending/2018-19',
      {
        version: spendingVersion(before, '2018-19'),
        lines: [spending2018[0]!, { ...spending2018[0]!, item: 'business unit staff' }],
      },
    );
    expect(twice.status).toBe(422);
    expect(twice.body.fieldErrors).toEqual({ lines: ['Name each line once'] });
    expect((await editor.request('PUT', '/spending/2018', { version: 0, lines: [] })).status).toBe(404);
    expect(await funding()).toEqual(before);
  });

  it('stores markup and formulas in a line’s name as given', async () => {
    const reply = await editor.request('PUT', '/spending/2019-20', {
      version: 0,
      lines: [
        { item: MARKUP, amount: 1 },
        { item: FORMULA, amount: 2 },
      ],
    });
    expect(reply.status).toBe(200);
    expect(spendingOf(await funding(), '2019-20').map((l) => l.item)).toEqual([MARKUP, FORMULA]);
  });

  it('is refused to a viewer, a contributor and quality assurance (403), changing nothing', async () => {
    const before = await funding();
    for (const client of [viewer, police, qa]) {
      const body = { version: spendingVersion(before, '2017-18'), lines: spending2018 };
      expect((await client.request('PUT', '/spending/2017-18', body)).status).toBe(403);
      expect((await client.request('PUT', '/spending/2020-21', { ...body, version: 0 })).status).toBe(403);
    }
    expect(await funding()).toEqual(before);
  });
});

it('migration 016 moves a board’s links out of the partnership document into rows, keeping the answer', async () => {
  const fresh = await startService();
  try {
    const before = await partnership(await fresh.as('viewer'));
    // The database as it stood before migration 016, with its links in the document.
    await fresh.db.query('drop table partnership_link');
    await fresh.db.query('drop table spending_line');
    await fresh.db.query('drop table spending_year');
    // (The figure's version came later: a document of then has none.)
    const { linkedBoardsVersion: _later, ...then } = partnershipSchema.parse(demoDataset.partnership);
    await fresh.db.query("update document set body = $1 where key = 'partnership'", [JSON.stringify(then)]);
    await fresh.db.query('delete from schema_migration where version = 16');
    expect(await migrate(fresh.db)).toEqual([16]);
    expect(await partnership(await fresh.as('viewer'))).toEqual(before);
    expect(await fresh.db.query("select body from document where key = 'partnership'")).toEqual([
      { body: { linkedBoardsCount: 14 } },
    ]);
  } finally {
    await fresh.close();
  }
});
