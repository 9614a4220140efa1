import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrailSchema, boardSchema, type Board } from '../src/api/contract';
import { startService, type Client, type TestService } from './test/service';

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
const lastEntry = async () =>
  auditTrailSchema.parse((await admin.get('/audit-trail?limit=1')).body).entries[0]!;

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
