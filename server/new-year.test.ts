import { describe, expect, it } from 'vitest';
import { auditSchema, boardSchema, type Audit, type Board } from '../src/api/contract';
import { auditScheduleForYear, carriedIntoYear } from '../src/lib/carry-over';
import { FORMULA, MARKUP, testBoard } from './test/service';

const board = testBoard({ today: '2018-05-14' });
const { admin, qa, editor, viewer, police } = board.people;

const { lastEntry } = board;
const audits = async () =>
  (await viewer.get<{ audits: Audit[] }>('/audits')).body.audits.map((a) => auditSchema.parse(a));
const audit = async (id: string) => (await audits()).find((a) => a.id === id)!;
const boardNow = async () => boardSchema.parse((await viewer.get('/board')).body);

describe('actions arising from an audit', () => {
  const path = '/audits/macfa-adolescent-risk-2017/actions';

  it('adds an action arising, open, with the audit trail’s after; text stored as given', async () => {
    const before = await audit('macfa-adolescent-risk-2017');
    const reply = await qa.request<Audit>('POST', path, {
      description: MARKUP,
      owner: FORMULA,
      dueDate: '2018-09-30',
      version: before.version,
    });
    expect(reply.status).toBe(201);
    const saved = auditSchema.parse(reply.body);
    expect(saved.version).toBe(before.version + 1);
    expect(saved.actionsArising).toEqual([
      {
        id: 'img-src-x-onerror-alert-1-b-bold-b',
        description: MARKUP,
        owner: FORMULA,
        dueDate: '2018-09-30',
        status: 'open',
        closedDate: null,
        retired: false,
      },
    ]);
    expect(await audit('macfa-adolescent-risk-2017')).toEqual(saved);
    expect(await lastEntry()).toMatchObject({
      action: 'audit-action.create',
      entityType: 'audit-action',
      actor: { name: 'Quinn QA' },
      before: null,
      after: { description: MARKUP, owner: FORMULA, status: 'open' },
    });
  });

  it('changes an action with before and after, and refuses a stale change with 409 and the audit as it is', async () => {
    const before = await audit('macfa-adolescent-risk-2017');
    const action = before.actionsArising[0]!;
    const change = {
      description: 'Review the exploitation screening',
      owner: 'CSE Coordinator',
      dueDate: '2018-12-31',
    };
    const reply = await editor.request<Audit>('PUT', `${path}/${action.id}`, {
      ...change,
      version: before.version,
    });
    expect(reply.status).toBe(200);
    expect(auditSchema.parse(reply.body).actionsArising[0]).toMatchObject({ id: action.id, ...change });
    expect(await lastEntry()).toMatchObject({
      action: 'audit-action.update',
      before: { description: MARKUP, owner: FORMULA },
      after: change,
    });
    const stale = await qa.request<{ current: Audit }>('PUT', `${path}/${action.id}`, {
      ...change,
      owner: 'Someone else',
      version: before.version,
    });
    expect(stale.status).toBe(409);
    expect(auditSchema.parse(stale.body.current)).toEqual(reply.body);
  });

  it('refuses an empty description and a date that is not one, field by field', async () => {
    const { version } = await audit('macfa-adolescent-risk-2017');
    const reply = await qa.request<{ fieldErrors: Record<string, string[]> }>('POST', path, {
      description: '  ',
      owner: 'CSE Coordinator',
      dueDate: '2018-02-30',
      version,
    });
    expect(reply.status).toBe(422);
    expect(Object.keys(reply.body.fieldErrors).sort()).toEqual(['description', 'dueDate']);
  });

  it('closes an action on the day, and refuses to close it twice', async () => {
    const before = await audit('macfa-adolescent-risk-2017');
    const action = before.actionsArising[0]!;
    const reply = await qa.request<Audit>('POST', `${path}/${action.id}/close`, { version: before.version });
    expect(reply.status).toBe(200);
    expect(auditSchema.parse(reply.body).actionsArising[0]).toMatchObject({
      status: 'complete',
      closedDate: '2018-05-14',
    });
    expect(await lastEntry()).toMatchObject({
      action: 'audit-action.close',
      before: { status: 'open', closedDate: null },
      after: { status: 'complete', closedDate: '2018-05-14' },
    });
    const again = await qa.request('POST', `${path}/${action.id}/close`, { version: before.version + 1 });
    expect(again.status).toBe(422);
  });

  it('retires an action: kept, shown as retired, no longer changed', async () => {
    const added = (
      await admin.request<Audit>('POST', path, {
        description: 'Added by mistake',
        owner: 'Nobody',
        dueDate: '2018-10-31',
        version: (await audit('macfa-adolescent-risk-2017')).version,
      })
    ).body;
    const mistake = added.actionsArising.find((a) => a.description === 'Added by mistake')!;
    const reply = await admin.request<Audit>('POST', `${path}/${mistake.id}/retire`, {
      version: added.version,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.actionsArising.find((a) => a.id === mistake.id)).toMatchObject({
      retired: true,
      status: 'open',
    });
    expect(await lastEntry()).toMatchObject({ action: 'audit-action.retire', after: { retired: true } });
    const edit = await admin.request('PUT', `${path}/${mistake.id}`, {
      description: 'Changed',
      owner: 'Nobody',
      dueDate: '2018-10-31',
      version: reply.body.version,
    });
    expect(edit.status).toBe(422);
  });

  it('answers 404 for an action the audit does not have', async () => {
    const { version } = await audit('macfa-adolescent-risk-2017');
    const reply = await qa.request('POST', `${path}/no-such-action/close`, { version });
    expect(reply.status).toBe(404);
  });

  it.each([
    ['viewer', () => viewer],
    ['contributor', () => police],
  ])('a %s gets 403 for every write to actions arising, and nothing changes', async (_, client) => {
    const before = await audit('macfa-early-help-2017');
    const action = before.actionsArising[0]!;
    const base = `/audits/${before.id}/actions`;
    const body = { description: 'No', owner: 'No', dueDate: '2018-10-31', version: before.version };
    for (const [method, path, payload] of [
      ['POST', base, body],
      ['PUT', `${base}/${action.id}`, body],
      ['POST', `${base}/${action.id}/close`, { version: before.version }],
      ['POST', `${base}/${action.id}/retire`, { version: before.version }],
    ] as const) {
      const reply = await client().request(method, path, payload);
      expect(reply.status).toBe(403);
    }
    expect(await audit(before.id)).toEqual(before);
  });
});

describe('a new reporting year', () => {
  it('is refused to everyone but an administrator', async () => {
    const { version } = await boardNow();
    for (const client of [viewer, police, qa, editor]) {
      const reply = await client.request('POST', '/board/years', { year: '2018-19', version });
      expect(reply.status).toBe(403);
    }
    expect((await boardNow()).version).toBe(version);
  });

  it('is only ever the year after the latest', async () => {
    const { version } = await boardNow();
    const reply = await admin.request<{ fieldErrors: Record<string, string[]> }>('POST', '/board/years', {
      year: '2019-20',
      version,
    });
    expect(reply.status).toBe(422);
    expect(reply.body.fieldErrors).toEqual({ year: ['The next reporting year is 2018-19: start that one'] });
  });

  it('is started by an administrator: shown first, in the audit trail, open work carried over, past years as they were', async () => {
    const before = await boardNow();
    const beforeAudits = await audits();
    const pastYear = auditScheduleForYear(beforeAudits, '2017-18');
    const reply = await admin.request<Board>('POST', '/board/years', {
      year: '2018-19',
      version: before.version,
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      reportingYears: ['2015-16', '2016-17', '2017-18', '2018-19'],
      currentYear: '2018-19',
      dataAsAt: before.dataAsAt,
      version: before.version + 1,
    });
    expect(await boardNow()).toEqual(reply.body);
    expect(await lastEntry()).toMatchObject({
      action: 'board.new-year',
      entityType: 'board',
      before: { reportingYears: before.reportingYears, currentYear: before.currentYear },
      after: { reportingYears: reply.body.reportingYears, currentYear: '2018-19' },
    });
    // Nothing copied: the same audits, and what the new year shows is what was open at its start.
    const after = await audits();
    expect(after).toEqual(beforeAudits);
    const carried = carriedIntoYear(after, '2018-19');
    expect(carried.audits.map((a) => a.id)).toEqual([
      'macfa-disabled-children-2017',
      'macfa-adolescent-risk-2017',
      'single-schools-s175-2017',
      'macfa-neglect-2018',
    ]);
    expect(carried.actions.map((a) => a.action.id)).toEqual(
      expect.arrayContaining(['cse-return-interviews', 'step-down-protocol']),
    );
    expect(
      carried.actions.every((a) => a.action.status === 'open' || a.action.closedDate! >= '2018-04-01'),
    ).toBe(true);
    expect(auditScheduleForYear(after, '2017-18')).toEqual(pastYear);
  });

  it('refuses a stale start with 409 and the board as it is', async () => {
    const current = await boardNow();
    const reply = await admin.request<{ current: Board }>('POST', '/board/years', {
      year: '2019-20',
      version: current.version - 1,
    });
    expect(reply.status).toBe(409);
    expect(boardSchema.parse(reply.body.current)).toEqual(current);
  });
});
