import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditSchema,
  auditTrailSchema,
  boardSchema,
  indicatorSchema,
  revisionListSchema,
  type Audit,
  type Board,
  type Indicator,
} from '../src/api/contract';
import { startService, type Client, type TestService } from './test/service';

let service: TestService;
let admin: Client;
let qa: Client;
let editor: Client;

beforeAll(async () => {
  service = await startService({ today: '2018-02-14' });
  admin = await service.as('administrator');
  qa = await service.as('quality-assurance');
  editor = await service.as('editor');
});
afterAll(() => service.close());

const firstAudit = async (client: Client) =>
  (await client.get<{ audits: Audit[] }>('/audits')).body.audits.find((a) => a.id === 'macfa-neglect-2016')!;

const trail = async () => auditTrailSchema.parse((await admin.get('/audit-trail?limit=5')).body).entries;

describe('recording an audit’s progress', () => {
  it('saves, moves the version on and writes the audit trail with before and after', async () => {
    const before = await firstAudit(qa);
    const reply = await qa.request<Audit>('PATCH', `/audits/${before.id}`, {
      status: 'completed',
      completedDate: '2016-06-24',
      casesAudited: 9,
      grades: { outstanding: 1, good: 3, requiresImprovement: 4, inadequate: 1 },
      version: before.version,
    });
    expect(reply.status).toBe(200);
    const saved = auditSchema.parse(reply.body);
    expect(saved.casesAudited).toBe(9);
    expect(saved.version).toBe(before.version + 1);
    expect((await firstAudit(editor)).casesAudited).toBe(9);
    const [entry] = await trail();
    expect(entry).toMatchObject({
      action: 'audit.update',
      entityType: 'audit',
      entityId: before.id,
      actor: { name: 'Quinn QA', email: 'qa@board.test' },
      before: { casesAudited: 8 },
      after: { casesAudited: 9 },
    });
  });

  it('refuses a save based on an old version with 409 and the audit as it now stands', async () => {
    const current = await firstAudit(qa);
    const stale = current.version - 1;
    const reply = await editor.request<{ message: string; current: Audit }>(
      'PATCH',
      `/audits/${current.id}`,
      {
        status: 'cancelled',
        completedDate: null,
        casesAudited: null,
        grades: null,
        version: stale,
      },
    );
    expect(reply.status).toBe(409);
    expect(reply.body.message).toBe(
      'Someone else saved a change to this audit after you opened it. Their version is shown; your changes have not been saved.',
    );
    expect(auditSchema.parse(reply.body.current)).toEqual(current);
    expect((await firstAudit(qa)).status).toBe('completed');
  });

  it('checks the body with the contract’s rules: 422 with field errors, as the demo API answers', async () => {
    const current = await firstAudit(qa);
    const reply = await qa.request<{ fieldErrors: Record<string, string[]> }>(
      'PATCH',
      `/audits/${current.id}`,
      {
        status: 'completed',
        completedDate: null,
        casesAudited: 3,
        grades: { outstanding: 0, good: 1, requiresImprovement: 1, inadequate: 0 },
        version: current.version,
      },
    );
    expect(reply.status).toBe(422);
    expect(reply.body.fieldErrors).toEqual({
      completedDate: ['Enter the date the audit was completed'],
      grades: ['The grades add up to 2, but 3 cases were audited'],
    });
  });

  it('two people saving the same version at once: exactly one wins, the other gets 409', async () => {
    const current = await firstAudit(qa);
    const body = (cases: number) => ({
      status: 'completed',
      completedDate: '2016-06-24',
      casesAudited: cases,
      grades: { outstanding: 0, good: cases, requiresImprovement: 0, inadequate: 0 },
      version: current.version,
    });
    const replies = await Promise.all([
      qa.request('PATCH', `/audits/${current.id}`, body(5)),
      editor.request('PATCH', `/audits/${current.id}`, body(6)),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await firstAudit(qa)).version).toBe(current.version + 1);
  });
});

describe('updating an action', () => {
  it('adds a dated note signed by the person, with the service’s date', async () => {
    const plan = (
      await editor.get<{ priorities: { actions: { id: string; version: number }[] }[] }>('/action-plan')
    ).body;
    const action = plan.priorities[1]!.actions[0]!;
    const reply = await editor.request<{ updates: { author: string; date: string; note: string }[] }>(
      'PATCH',
      `/action-plan/actions/${action.id}`,
      { status: 'at-risk', progress: 40, note: 'Police data late this quarter.', version: action.version },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.updates.at(-1)).toMatchObject({
      author: 'Eddie Editor',
      date: '2018-02-14',
      note: 'Police data late this quarter.',
    });
  });
});

describe('the board’s settings', () => {
  it('the administrator changes the reporting years; a stale save gets 409', async () => {
    const board = boardSchema.parse((await admin.get('/board')).body);
    const { id: _id, version, ...settings } = board;
    const reply = await admin.request<Board>('PUT', '/board', {
      ...settings,
      reportingYears: ['2017-18', '2014-15', '2015-16', '2016-17'],
      currentYear: '2016-17',
      version,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.reportingYears).toEqual(['2014-15', '2015-16', '2016-17', '2017-18']);
    const again = await admin.request('PUT', '/board', { ...settings, version });
    expect(again.status).toBe(409);
  });

  it('a year shown first that is not reported is refused with the field named', async () => {
    const board = boardSchema.parse((await admin.get('/board')).body);
    const { id: _id, ...settings } = board;
    const reply = await admin.request<{ fieldErrors: Record<string, string[]> }>('PUT', '/board', {
      ...settings,
      currentYear: '2030-31',
    });
    expect(reply.status).toBe(422);
    expect(reply.body.fieldErrors.currentYear).toEqual([
      'The year shown first must be one of the reporting years',
    ]);
  });
});

describe('indicators', () => {
  const indicator = async (id: string) => indicatorSchema.parse((await admin.get(`/indicators/${id}`)).body);

  it('the administrator sets an indicator’s owning agency', async () => {
    const referrals = await indicator('referrals');
    expect(referrals.agencyId).toBeNull();
    const reply = await admin.request<Indicator>('PATCH', '/indicators/referrals', {
      agencyId: 'childrens-social-care',
      headline: referrals.headline,
      target: referrals.target,
      version: referrals.version,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.agencyId).toBe('childrens-social-care');
    const unknown = await admin.request('PATCH', '/indicators/referrals', {
      agencyId: 'nobody',
      headline: true,
      target: null,
      version: reply.body.version,
    });
    expect(unknown.status).toBe(422);
  });

  it('a correction keeps the earlier value with who changed it, when and why', async () => {
    const before = await indicator('cse-children-at-risk');
    const reply = await admin.request<Indicator>('POST', '/indicators/cse-children-at-risk/corrections', {
      period: 'Q3 2017-18',
      value: 131,
      symbol: null,
      reason: 'Police recount after a duplicate was removed and a late referral added',
      version: before.version,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.series.find((o) => o.period === 'Q3 2017-18')).toEqual({
      period: 'Q3 2017-18',
      value: 131,
    });
    const viewer = await service.as('viewer');
    const listed = revisionListSchema.parse(
      (await viewer.get('/indicators/cse-children-at-risk/revisions')).body,
    );
    expect(listed.revisions[0]).toMatchObject({
      series: 'board',
      period: 'Q3 2017-18',
      previous: { value: 130, symbol: null },
      current: { value: 131, symbol: null },
      changedBy: 'Alex Administrator',
      reason: 'Police recount after a duplicate was removed and a late referral added',
    });
  });

  it('publishing an indicator read on the Import page makes it every member’s, and replacing keeps revisions', async () => {
    const imported: Indicator = {
      id: 'children-looked-after-rate',
      title: 'Children looked after, rate per 10,000 children',
      shortTitle: 'children looked after per 10,000',
      theme: 'child-protection',
      definition: 'Children looked after at 31 March per 10,000 children aged under 18.',
      unit: 'rate-per-10000',
      decimalPlaces: 0,
      polarity: 'neutral',
      frequency: 'annual',
      target: null,
      headline: false,
      illustrative: false,
      source: { name: 'Children looked after in England', publisher: 'Department for Education' },
      series: [
        { period: '2015-16', value: 134 },
        { period: '2016-17', value: null, symbol: 'c' },
        { period: '2017-18', value: 130 },
      ],
      comparators: [{ id: 'england', label: 'England', series: [{ period: '2017-18', value: 64 }] }],
    };
    const created = await admin.request<Indicator>('PUT', `/indicators/${imported.id}`, {
      indicator: imported,
      version: null,
      reason: 'DfE children looked after file, 2018',
    });
    expect(created.status).toBe(201);
    const viewer = await service.as('viewer');
    const seen = indicatorSchema.parse((await viewer.get(`/indicators/${imported.id}`)).body);
    expect(seen.series).toEqual(imported.series);
    expect(seen.comparators).toEqual(imported.comparators);

    const again = await admin.request('PUT', `/indicators/${imported.id}`, {
      indicator: imported,
      version: null,
      reason: 'same file',
    });
    expect(again.status).toBe(409);

    const replaced = await admin.request<Indicator>('PUT', `/indicators/${imported.id}`, {
      indicator: { ...imported, series: [...imported.series.slice(0, 2), { period: '2017-18', value: 131 }] },
      version: seen.version,
      reason: 'DfE revised figures, 2019 release',
    });
    expect(replaced.status).toBe(200);
    const revisions = revisionListSchema.parse(
      (await viewer.get(`/indicators/${imported.id}/revisions`)).body,
    );
    expect(revisions.revisions).toHaveLength(1);
    expect(revisions.revisions[0]).toMatchObject({
      period: '2017-18',
      previous: { value: 130 },
      current: { value: 131 },
      reason: 'DfE revised figures, 2019 release',
    });
  });
});

describe('the audit trail', () => {
  it('pages back through every write, newest first, and filters by kind of record', async () => {
    const first = auditTrailSchema.parse((await admin.get('/audit-trail?limit=2')).body);
    expect(first.entries).toHaveLength(2);
    expect(first.nextBefore).not.toBeNull();
    const next = auditTrailSchema.parse(
      (await admin.get(`/audit-trail?limit=2&before=${first.nextBefore}`)).body,
    );
    expect(Number(next.entries[0]!.id)).toBeLessThan(Number(first.entries[1]!.id));
    const audits = auditTrailSchema.parse((await admin.get('/audit-trail?entityType=audit&limit=1000')).body);
    expect(audits.entries.every((e) => e.entityType === 'audit')).toBe(true);
    expect(audits.entries.length).toBeGreaterThan(0);
  });

  it('refuses a malformed query with 422', async () => {
    expect((await admin.get('/audit-trail?limit=5000')).status).toBe(422);
    expect((await admin.get('/audit-trail?before=1;drop')).status).toBe(422);
  });
});
