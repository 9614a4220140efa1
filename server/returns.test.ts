import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agencyReturnSchema,
  boardSchema,
  indicatorSchema,
  returnRoundListSchema,
  returnRoundSchema,
  revisionListSchema,
  type AgencyReturn,
} from '../src/api/contract';
import { startService, type Client, type TestService } from './test/service';

let service: TestService;
let admin: Client;
let police: Client;
let health: Client;

beforeAll(async () => {
  // The day the business unit reviews Q4 2017-18's returns.
  service = await startService({ today: '2018-04-20' });
  admin = await service.as('administrator');
  police = await service.as('police');
  health = await service.as('health');
});
afterAll(() => service.close());

const POLICE = '/returns/q4-2017-18/west-midlands-police';
const readReturn = async (client: Client, path = POLICE) =>
  agencyReturnSchema.parse((await client.get(path)).body);
const values = (r: AgencyReturn, figures: Record<string, number>) =>
  r.items.map((item) => ({
    indicatorId: item.indicatorId,
    period: item.period,
    value: figures[item.indicatorId] ?? null,
    symbol: figures[item.indicatorId] === undefined ? ('x' as const) : null,
    note: null,
  }));

describe('a quarter’s returns, from opening the round to the figure on the dashboard', () => {
  it('the administrator opens the Q4 2017-18 round for every agency that owns indicators', async () => {
    const reply = await admin.request('POST', '/returns', { quarter: 'Q4 2017-18', dueDate: '2018-04-30' });
    expect(reply.status).toBe(201);
    const round = returnRoundSchema.parse(reply.body);
    expect(round.agencies.map((a) => [a.agencyId, a.status, a.late])).toEqual([
      ['childrens-social-care', 'not-started', false],
      ['west-midlands-police', 'not-started', false],
      ['business-unit', 'not-started', false],
    ]);
    const twice = await admin.request<{ fieldErrors: Record<string, string[]> }>('POST', '/returns', {
      quarter: 'Q4 2017-18',
      dueDate: '2018-04-30',
    });
    expect(twice.status).toBe(422);
    expect(twice.body.fieldErrors.quarter).toEqual(['A round for Q4 2017-18 is already open']);
  });

  it('a contributor sees only their own agency’s return, with last quarter’s figure beside each', async () => {
    const rounds = returnRoundListSchema.parse((await police.get('/returns')).body).rounds;
    expect(rounds[0]!.agencies.map((a) => a.agencyId)).toEqual(['west-midlands-police']);
    const mine = await readReturn(police);
    expect(mine.items).toEqual([
      expect.objectContaining({
        indicatorId: 'cse-children-at-risk',
        period: 'Q4 2017-18',
        entered: null,
        previous: { period: 'Q3 2017-18', value: 130, symbol: null },
        published: null,
      }),
    ]);
  });

  it('a contributor for one agency cannot read, save or submit another agency’s return', async () => {
    expect((await police.get('/returns/q4-2017-18/childrens-social-care')).status).toBe(403);
    const theirs = await readReturn(health, '/returns/q4-2017-18/childrens-social-care');
    const save = await police.request('PUT', '/returns/q4-2017-18/childrens-social-care', {
      version: theirs.version,
      values: [],
    });
    expect(save.status).toBe(403);
    const submit = await police.request('POST', '/returns/q4-2017-18/childrens-social-care/submit', {
      version: theirs.version,
    });
    expect(submit.status).toBe(403);
  });

  it('a draft is saved, an incomplete return cannot be submitted, and a figure not in the return is refused', async () => {
    const mine = await readReturn(police);
    const empty = await police.request('PUT', POLICE, { version: mine.version, values: [] });
    expect(empty.status).toBe(200);
    const draft = agencyReturnSchema.parse(empty.body);
    expect(draft.status).toBe('draft');
    const submit = await police.request<{ message: string; fieldErrors: Record<string, string[]> }>(
      'POST',
      `${POLICE}/submit`,
      { version: draft.version },
    );
    expect(submit.status).toBe(422);
    expect(submit.body.fieldErrors['items[0]']).toEqual([
      'Enter Children identified at risk of child sexual exploitation, Q4 2017-18, or mark why there is none',
    ]);
    const stray = await police.request<{ fieldErrors: Record<string, string[]> }>('PUT', POLICE, {
      version: draft.version,
      values: [{ indicatorId: 'referrals', period: '2017-18', value: 1, symbol: null, note: null }],
    });
    expect(stray.status).toBe(422);
    expect(stray.body.fieldErrors['values[0].indicatorId']).toEqual([
      'referrals 2017-18 is not part of this return',
    ]);
  });

  it('a symbol with a value, or neither, is refused field by field', async () => {
    const mine = await readReturn(police);
    const reply = await police.request<{ fieldErrors: Record<string, string[]> }>('PUT', POLICE, {
      version: mine.version,
      values: [
        { indicatorId: 'cse-children-at-risk', period: 'Q4 2017-18', value: 5, symbol: 'c', note: null },
      ],
    });
    expect(reply.status).toBe(422);
    expect(reply.body.fieldErrors['values[0].symbol']).toEqual([
      'A figure marked "c" has no value: clear the value or the mark',
    ]);
  });

  it('the contributor submits; the administrator sends it back with a comment; it is corrected and resubmitted', async () => {
    let mine = await readReturn(police);
    mine = agencyReturnSchema.parse(
      (
        await police.request('PUT', POLICE, {
          version: mine.version,
          // 15 after 130 is a large change: the contributor ticks that they have checked it.
          values: values(mine, { 'cse-children-at-risk': 15 }).map((v) => ({ ...v, checked: true })),
        })
      ).body,
    );
    const submitted = await police.request('POST', `${POLICE}/submit`, { version: mine.version });
    expect(submitted.status).toBe(200);
    expect(agencyReturnSchema.parse(submitted.body).submitted?.name).toBe('Pat Police');

    const review = await readReturn(admin);
    const sentBack = await admin.request('POST', `${POLICE}/send-back`, {
      version: review.version,
      comment: '15 is far below last quarter’s 130: is a digit missing?',
    });
    expect(sentBack.status).toBe(200);
    mine = await readReturn(police);
    expect(mine.status).toBe('returned');
    expect(mine.comment).toBe('15 is far below last quarter’s 130: is a digit missing?');
    expect(mine.items[0]!.entered).toEqual({ value: 15, symbol: null, note: null, checked: true });

    mine = agencyReturnSchema.parse(
      (
        await police.request('PUT', POLICE, {
          version: mine.version,
          values: values(mine, { 'cse-children-at-risk': 151 }),
        })
      ).body,
    );
    expect((await police.request('POST', `${POLICE}/submit`, { version: mine.version })).status).toBe(200);
  });

  it('figures are not on the dashboard until the administrator publishes them', async () => {
    const viewer = await service.as('viewer');
    const before = indicatorSchema.parse((await viewer.get('/indicators/cse-children-at-risk')).body);
    expect(before.series.find((o) => o.period === 'Q4 2017-18')).toBeUndefined();

    const review = await readReturn(admin);
    const published = await admin.request('POST', `${POLICE}/publish`, { version: review.version });
    expect(published.status).toBe(200);
    expect(agencyReturnSchema.parse(published.body).status).toBe('published');

    const after = indicatorSchema.parse((await viewer.get('/indicators/cse-children-at-risk')).body);
    expect(after.series.at(-1)).toEqual({ period: 'Q4 2017-18', value: 151 });
    // Case 1: one agency's return does not move the board's dates; that is the administrator's call.
    const board = boardSchema.parse((await viewer.get('/board')).body);
    expect(board.dataAsAt).toBe('2017-12-31');
    expect(board.currentYear).toBe('2016-17');
  });

  it('a published return cannot be changed or published again', async () => {
    const current = await readReturn(police);
    const save = await police.request<{ message: string }>('PUT', POLICE, {
      version: current.version,
      values: [],
    });
    expect(save.status).toBe(409);
    expect(save.body.message).toBe('This return is published, so it cannot be changed.');
  });

  it('a return that changes an already published figure needs a note, and keeps the earlier value', async () => {
    const reply = await admin.request('POST', '/returns', {
      quarter: 'Q3 2017-18',
      dueDate: '2018-01-31',
      confirmPastDueDate: true,
    });
    expect(reply.status).toBe(201);
    const path = '/returns/q3-2017-18/west-midlands-police';
    let mine = await readReturn(police, path);
    expect(mine.late).toBe(true);
    expect(mine.items[0]!.published).toEqual({ value: 130, symbol: null });
    mine = agencyReturnSchema.parse(
      (
        await police.request('PUT', path, {
          version: mine.version,
          values: values(mine, { 'cse-children-at-risk': 128 }),
        })
      ).body,
    );
    const withoutNote = await police.request<{ fieldErrors: Record<string, string[]> }>(
      'POST',
      `${path}/submit`,
      {
        version: mine.version,
      },
    );
    expect(withoutNote.status).toBe(422);
    expect(withoutNote.body.fieldErrors['items[0]']).toEqual([
      'Children identified at risk of child sexual exploitation, Q3 2017-18 would change a published figure: add a note saying why',
    ]);
    mine = agencyReturnSchema.parse(
      (
        await police.request('PUT', path, {
          version: mine.version,
          values: [
            {
              indicatorId: 'cse-children-at-risk',
              period: 'Q3 2017-18',
              value: 128,
              symbol: null,
              note: 'Two children were counted twice',
            },
          ],
        })
      ).body,
    );
    expect((await police.request('POST', `${path}/submit`, { version: mine.version })).status).toBe(200);
    const review = await readReturn(admin, path);
    expect((await admin.request('POST', `${path}/publish`, { version: review.version })).status).toBe(200);
    const revisions = revisionListSchema.parse(
      (await police.get('/indicators/cse-children-at-risk/revisions')).body,
    );
    expect(revisions.revisions[0]).toMatchObject({
      period: 'Q3 2017-18',
      previous: { value: 130, symbol: null },
      current: { value: 128, symbol: null },
      changedBy: 'Alex Administrator',
      reason: 'Two children were counted twice',
    });
  });

  it('the round list shows late returns after their due date', async () => {
    const rounds = returnRoundListSchema.parse((await admin.get('/returns')).body).rounds;
    expect(rounds.map((r) => r.quarter)).toEqual(['Q4 2017-18', 'Q3 2017-18']);
    const q3 = rounds[1]!;
    expect(q3.agencies.find((a) => a.agencyId === 'childrens-social-care')).toMatchObject({
      status: 'not-started',
      late: true,
    });
    expect(q3.agencies.find((a) => a.agencyId === 'west-midlands-police')).toMatchObject({
      status: 'published',
      late: false,
    });
  });

  it('every step is in the audit trail', async () => {
    const entries = (
      await admin.get<{ entries: { action: string; entityId: string }[] }>(
        '/audit-trail?entityType=return&limit=100',
      )
    ).body.entries.filter((e) => e.entityId === 'q4-2017-18/west-midlands-police');
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'return.save',
      'return.save',
      'return.submit',
      'return.send-back',
      'return.save',
      'return.submit',
      'return.publish',
    ]);
  });
});

describe('issue 23: quarterly returns that catch mistakes', () => {
  const Q2 = '/returns/q2-2017-18/west-midlands-police';
  type Refusal = { message: string; fieldErrors: Record<string, string[]> };

  it('case 7: a large change cannot be submitted without a note or a confirmation', async () => {
    expect(
      (await admin.request('POST', '/returns', { quarter: 'Q2 2017-18', dueDate: '2018-05-31' })).status,
    ).toBe(201);
    let mine = await readReturn(police, Q2);
    expect(mine.items[0]!.previous).toEqual({ period: 'Q4 2016-17', value: 50, symbol: null });
    // 505 where about 50 was meant: up 455 (910%).
    const save = async (extra: { note?: string; checked?: boolean }) =>
      agencyReturnSchema.parse(
        (
          await police.request('PUT', Q2, {
            version: mine.version,
            values: values(mine, { 'cse-children-at-risk': 505 }).map((v) => ({ ...v, ...extra })),
          })
        ).body,
      );
    mine = await save({});
    const refused = await police.request<Refusal>('POST', `${Q2}/submit`, { version: mine.version });
    expect(refused.status).toBe(422);
    expect(refused.body.fieldErrors['items[0]']).toEqual([
      'Children identified at risk of child sexual exploitation, Q2 2017-18 changed by more than half since Q4 2016-17: add a note saying why, or tick “I have checked this figure”',
    ]);
    expect((await readReturn(police, Q2)).status).toBe('draft');

    // An empty note is no note.
    mine = await save({ note: '   ' });
    expect((await police.request('POST', `${Q2}/submit`, { version: mine.version })).status).toBe(422);

    // A note saying why is enough, and so is the tick "I have checked this figure".
    mine = await save({ note: 'A new screening tool identifies more children' });
    expect(mine.items[0]!.entered).toMatchObject({ note: 'A new screening tool identifies more children' });
    mine = await save({ checked: true });
    expect(mine.items[0]!.entered).toEqual({ value: 505, symbol: null, note: null, checked: true });
    const submitted = await police.request('POST', `${Q2}/submit`, { version: mine.version });
    expect(submitted.status).toBe(200);
    expect(agencyReturnSchema.parse(submitted.body).status).toBe('submitted');
  });

  it('case 10: a contributor withdraws a return submitted by mistake before it is reviewed, keeping its figures', async () => {
    const submitted = await readReturn(police, Q2);
    expect(submitted.status).toBe('submitted');
    // Only the return's own agency (or the administrator): another agency's contributor is refused.
    const theirs = await health.request('POST', `${Q2}/withdraw`, { version: submitted.version });
    expect(theirs.status).toBe(403);
    const stale = await police.request('POST', `${Q2}/withdraw`, { version: submitted.version - 1 });
    expect(stale.status).toBe(409);

    const withdrawn = await police.request('POST', `${Q2}/withdraw`, { version: submitted.version });
    expect(withdrawn.status).toBe(200);
    const draft = agencyReturnSchema.parse(withdrawn.body);
    expect(draft.status).toBe('draft');
    expect(draft.submitted).toBeNull();
    expect(draft.items[0]!.entered).toEqual(submitted.items[0]!.entered);

    // A draft has nothing to withdraw; once reviewed (published), it cannot be withdrawn.
    const again = await police.request<{ message: string }>('POST', `${Q2}/withdraw`, {
      version: draft.version,
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('This return is a draft, so it cannot be withdrawn.');
    expect((await police.request('POST', `${Q2}/submit`, { version: draft.version })).status).toBe(200);
    const review = await readReturn(admin, Q2);
    expect((await admin.request('POST', `${Q2}/publish`, { version: review.version })).status).toBe(200);
    const published = await readReturn(police, Q2);
    const late = await police.request<{ message: string }>('POST', `${Q2}/withdraw`, {
      version: published.version,
    });
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('This return is published, so it cannot be withdrawn.');

    const entries = (
      await admin.get<{ entries: { action: string; entityId: string; summary: string }[] }>(
        '/audit-trail?entityType=return&limit=100',
      )
    ).body.entries.filter((e) => e.entityId === 'q2-2017-18/west-midlands-police');
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'return.save',
      'return.save',
      'return.save',
      'return.save',
      'return.submit',
      'return.withdraw',
      'return.submit',
      'return.publish',
    ]);
    expect(entries.find((e) => e.action === 'return.withdraw')!.summary).toBe(
      'Withdrew West Midlands Police’s Q2 2017-18 return to correct it',
    );
  });

  it('case 8: a due date that has passed is refused unless the administrator confirms it', async () => {
    // Today is 20 April 2018.
    const past = await admin.request<Refusal>('POST', '/returns', {
      quarter: 'Q1 2017-18',
      dueDate: '2018-04-19',
    });
    expect(past.status).toBe(422);
    expect(past.body.fieldErrors.dueDate).toEqual([
      'That date has passed, so every return would be late at once: choose a later date, or confirm that the round opens with a due date that has passed',
    ]);
    expect(
      returnRoundListSchema.parse((await admin.get('/returns')).body).rounds.map((r) => r.quarter),
    ).not.toContain('Q1 2017-18');
    const confirmed = await admin.request('POST', '/returns', {
      quarter: 'Q1 2017-18',
      dueDate: '2018-04-19',
      confirmPastDueDate: true,
    });
    expect(confirmed.status).toBe(201);
    expect(returnRoundSchema.parse(confirmed.body).agencies.every((a) => a.late)).toBe(true);
  });

  it('case 9: a quarter outside the board’s reporting years is refused', async () => {
    for (const quarter of ['Q1 2018-19', 'Q4 2014-15']) {
      const reply = await admin.request<Refusal>('POST', '/returns', { quarter, dueDate: '2099-04-30' });
      expect(reply.status).toBe(422);
      expect(reply.body.fieldErrors.quarter).toEqual([
        `${quarter} is not in the board’s reporting years (2015-16, 2016-17, 2017-18): add ${quarter.slice(3)} in board settings first`,
      ]);
    }
  });
});

describe('issue 22: saving a return reads nothing back', () => {
  const Q1 = '/returns/q1-2017-18/west-midlands-police';
  const indicator = async (id: string) => indicatorSchema.parse((await admin.get(`/indicators/${id}`)).body);
  const moveTo = async (id: string, agencyId: string) => {
    const before = await indicator(id);
    const reply = await admin.request('PATCH', `/indicators/${id}`, {
      agencyId,
      headline: before.headline,
      target: before.target,
      version: before.version,
    });
    expect(reply.status).toBe(200);
  };

  it('a saved draft is answered exactly as it reads afterwards, with a figure whose indicator has since changed hands', async () => {
    let mine = await readReturn(police, Q1);
    expect(mine.status).toBe('not-started');
    const save = async (figures: Record<string, number>) => {
      const reply = await police.request('PUT', Q1, { version: mine.version, values: values(mine, figures) });
      expect(reply.status).toBe(200);
      return agencyReturnSchema.parse(reply.body);
    };
    mine = await save({ 'cse-children-at-risk': 40 });
    expect(mine.status).toBe('draft');
    expect(mine.items.find((i) => i.indicatorId === 'cse-children-at-risk')!.entered).toEqual({
      value: 40,
      symbol: null,
      note: null,
      checked: false,
    });
    expect(mine).toEqual(await readReturn(police, Q1));

    // Children's social care now owns the indicator: the police's figure already entered stays in
    // their return, with its title, on the answer to a save as on a read.
    await moveTo('cse-children-at-risk', 'childrens-social-care');
    try {
      mine = await readReturn(police, Q1);
      mine = await save({ 'cse-children-at-risk': 41 });
      const moved = mine.items.find((i) => i.indicatorId === 'cse-children-at-risk')!;
      expect(moved.title).toBe('Children identified at risk of child sexual exploitation');
      expect(moved.entered).toMatchObject({ value: 41 });
      expect(mine).toEqual(await readReturn(police, Q1));
    } finally {
      await moveTo('cse-children-at-risk', 'west-midlands-police');
    }
  });

  it('two saves of one draft at the same version at once: one is saved, the other told the return moved on, and nothing of it written', async () => {
    const read = await readReturn(police, Q1);
    const trail = async () =>
      (
        await admin.get<{ entries: { action: string; entityId: string }[] }>(
          '/audit-trail?entityType=return&limit=100',
        )
      ).body.entries.filter((e) => e.entityId === 'q1-2017-18/west-midlands-police');
    const before = (await trail()).length;
    const replies = await Promise.all(
      [60, 61].map((figure) =>
        police.request<AgencyReturn & { current: AgencyReturn }>('PUT', Q1, {
          version: read.version,
          values: values(read, { 'cse-children-at-risk': figure }),
        }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const saved = agencyReturnSchema.parse(replies.find((r) => r.status === 200)!.body);
    const refused = replies.find((r) => r.status === 409)!.body;
    const now = await readReturn(police, Q1);
    expect(saved).toEqual(now);
    expect(now.version).toBe(read.version + 1);
    expect(agencyReturnSchema.parse(refused.current)).toEqual(now);
    expect((await trail()).length).toBe(before + 1);
  });

  it('a step on a return that is not there says which is missing, the round or the agency’s return', async () => {
    const body = { version: 1, values: [] };
    for (const [path, message] of [
      ['/returns/q3-2016-17/west-midlands-police', 'That return round was not found.'],
      ['/returns/q1-2017-18/no-such-agency', 'A Q1 2017-18 return for this agency was not found.'],
    ] as const) {
      for (const reply of [
        await admin.get(path),
        await admin.request('PUT', path, body),
        await admin.request('POST', `${path}/submit`, { version: 1 }),
      ]) {
        expect(reply.status).toBe(404);
        expect(reply.body).toMatchObject({ message });
      }
    }
  });
});
