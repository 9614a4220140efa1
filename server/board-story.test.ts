import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyReturnSchema, boardSchema, type Board } from '../src/api/contract';
import { startService, type Client, type TestService, lastAuditEntry } from './test/service';

let service: TestService;
let admin: Client;
let editor: Client;

beforeAll(async () => {
  service = await startService({ today: '2018-02-14' });
  admin = await service.as('administrator');
  editor = await service.as('editor');
});
afterAll(() => service.close());

const readBoard = async () => boardSchema.parse((await admin.get('/board')).body);
const settingsOf = ({ id: _id, ...settings }: Board) => settings;
const lastEntry = () => lastAuditEntry(admin);

describe('case 4: the board chooses the indicator the overview features', () => {
  it('the demo board features its CSE indicator; the administrator chooses another, kept and in the audit trail', async () => {
    const board = await readBoard();
    expect(board.featuredIndicatorId).toBe('cse-children-at-risk');
    const reply = await admin.request<Board>('PUT', '/board', {
      ...settingsOf(board),
      featuredIndicatorId: 'referrals',
    });
    expect(reply.status).toBe(200);
    expect((await readBoard()).featuredIndicatorId).toBe('referrals');
    const entry = await lastEntry();
    expect(entry).toMatchObject({
      action: 'board.update',
      before: { featuredIndicatorId: 'cse-children-at-risk' },
      after: { featuredIndicatorId: 'referrals' },
    });
  });

  it('a save that leaves the field out keeps the choice; null goes back to the first headline indicator', async () => {
    const board = await readBoard();
    const { featuredIndicatorId: _featured, ...without } = settingsOf(board);
    const kept = await admin.request<Board>('PUT', '/board', without);
    expect(kept.status).toBe(200);
    expect(kept.body.featuredIndicatorId).toBe(board.featuredIndicatorId);
    const cleared = await admin.request<Board>('PUT', '/board', {
      ...settingsOf(kept.body),
      featuredIndicatorId: null,
    });
    expect(cleared.status).toBe(200);
    expect((await readBoard()).featuredIndicatorId).toBeNull();
  });

  it('refuses an indicator the board does not have, naming the field, and changes nothing', async () => {
    const board = await readBoard();
    const reply = await admin.request<{ fieldErrors: Record<string, string[]> }>('PUT', '/board', {
      ...settingsOf(board),
      featuredIndicatorId: 'no-such-indicator',
    });
    expect(reply.status).toBe(422);
    expect(reply.body.fieldErrors.featuredIndicatorId).toEqual(['Choose one of the board’s indicators']);
    expect(await readBoard()).toEqual(board);
  });

  it('only an administrator chooses it', async () => {
    const board = await readBoard();
    const reply = await editor.request('PUT', '/board', {
      ...settingsOf(board),
      featuredIndicatorId: 'referrals',
    });
    expect(reply.status).toBe(403);
    expect(await readBoard()).toEqual(board);
  });
});

describe('case 3: the board names the indicator its audit programme counts', () => {
  it('the demo board names its schedule indicator; the administrator changes it, kept and in the audit trail', async () => {
    const board = await readBoard();
    expect(board.auditScheduleIndicatorId).toBe('case-file-audits-on-schedule');
    const reply = await admin.request<Board>('PUT', '/board', {
      ...settingsOf(board),
      auditScheduleIndicatorId: null,
    });
    expect(reply.status).toBe(200);
    expect((await readBoard()).auditScheduleIndicatorId).toBeNull();
    expect(await lastEntry()).toMatchObject({
      action: 'board.update',
      before: { auditScheduleIndicatorId: 'case-file-audits-on-schedule' },
      after: { auditScheduleIndicatorId: null },
    });
    const unknown = await admin.request<{ fieldErrors: Record<string, string[]> }>('PUT', '/board', {
      ...settingsOf(await readBoard()),
      auditScheduleIndicatorId: 'no-such-indicator',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.fieldErrors.auditScheduleIndicatorId).toEqual([
      'Choose one of the board’s indicators',
    ]);
  });
});

describe('case 1: the dates a board shows move only by the administrator’s decision', () => {
  const POLICE = '/returns/q4-2017-18/west-midlands-police';

  it('publishing one agency’s Q4 return leaves “figures as at” and “year shown first” where they were', async () => {
    const before = await readBoard();
    expect([before.dataAsAt, before.currentYear]).toEqual(['2017-12-31', '2016-17']);
    const police = await service.as('police');
    const opened = await admin.request('POST', '/returns', { quarter: 'Q4 2017-18', dueDate: '2018-04-30' });
    expect(opened.status).toBe(201);
    let mine = agencyReturnSchema.parse((await police.get(POLICE)).body);
    const saved = await police.request('PUT', POLICE, {
      version: mine.version,
      values: mine.items.map((item) => ({
        indicatorId: item.indicatorId,
        period: item.period,
        value: 151,
        symbol: null,
        note: null,
      })),
    });
    expect(saved.status).toBe(200);
    mine = agencyReturnSchema.parse(saved.body);
    expect((await police.request('POST', `${POLICE}/submit`, { version: mine.version })).status).toBe(200);
    const review = agencyReturnSchema.parse((await admin.get(POLICE)).body);
    expect((await admin.request('POST', `${POLICE}/publish`, { version: review.version })).status).toBe(200);

    const after = await readBoard();
    expect(after.dataAsAt).toBe('2017-12-31');
    expect(after.currentYear).toBe('2016-17');
    expect(after.reportingYears).toEqual(before.reportingYears);
  });

  it('the administrator moves them in board settings, and the audit trail records who, before and after', async () => {
    const board = await readBoard();
    const reply = await admin.request<Board>('PUT', '/board', {
      ...settingsOf(board),
      dataAsAt: '2018-03-31',
      currentYear: '2017-18',
    });
    expect(reply.status).toBe(200);
    expect(await lastEntry()).toMatchObject({
      action: 'board.update',
      entityType: 'board',
      before: { dataAsAt: '2017-12-31', currentYear: '2016-17' },
      after: { dataAsAt: '2018-03-31', currentYear: '2017-18' },
    });
    const { dataAsAt, currentYear } = await readBoard();
    expect([dataAsAt, currentYear]).toEqual(['2018-03-31', '2017-18']);
  });
});
