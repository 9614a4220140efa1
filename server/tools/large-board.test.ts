import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/api/contract';
import { hashPassword } from '../auth/passwords';
import { PgliteDatabase } from '../db/pglite';
import type { Client } from '../test/service';
import { startService, type TestService } from '../test/service';
import { largeBoardDataset, loadLargeBoard, parseLargeBoardArgs, type LoadedLargeBoard } from './large-board';

const PASSWORD = 'large board password 1234';
// The large board at a reduced size: what the generator writes, read back through the API.
const size = parseLargeBoardArgs([
  '--indicators',
  '5',
  '--quarters',
  '8',
  '--agencies',
  '3',
  '--people',
  '8',
  '--years',
  '2',
]).size;

let service: TestService;
let loaded: LoadedLargeBoard;
let viewer: Client;

beforeAll(async () => {
  const db = await PgliteDatabase.open();
  loaded = await loadLargeBoard(db, size, await hashPassword(PASSWORD));
  service = await startService({ db });
  viewer = service.anonymous();
  const signedIn = await viewer.request('POST', '/session', {
    email: 'person001@large-board.test',
    password: PASSWORD,
  });
  expect(signedIn.status).toBe(200);
});
afterAll(() => service.close());

const read = async <Name extends keyof typeof endpoints>(name: Name, path: string) => {
  const reply = await viewer.get(path);
  expect(reply.status).toBe(200);
  const parsed = endpoints[name].response.safeParse(reply.body);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  return reply.body as { [key: string]: unknown };
};

describe('the large board generator', () => {
  it('is the same board every time from the same seed, and another with another seed', () => {
    expect(largeBoardDataset(size)).toEqual(largeBoardDataset(size));
    expect(largeBoardDataset({ ...size, seed: size.seed + 1 }).indicators).not.toEqual(
      largeBoardDataset(size).indicators,
    );
  });

  it('at full size makes 200 indicators of 40 quarters with 3 comparators, 40 agencies and 300 people', () => {
    const board = largeBoardDataset();
    expect(board.indicators).toHaveLength(200);
    expect(board.indicators.every((i) => i.series.length === 40 && i.comparators.length === 3)).toBe(true);
    expect(board.indicators.every((i) => i.comparators.every((c) => c.series.length === 40))).toBe(true);
    expect(board.agencies).toHaveLength(40);
    expect(board.people).toHaveLength(300);
    expect(board.quarters[0]).toBe('Q1 2008-09');
    expect(board.quarters.at(-1)).toBe('Q4 2017-18');
    expect(new Set(board.audits.map((a) => a.plannedDate.slice(0, 4))).size).toBeGreaterThanOrEqual(5);
  });

  it('writes what it says, and the service reads it back through the contract', async () => {
    expect(loaded).toEqual({
      indicators: 5,
      observations: 5 * 8 * 4,
      agencies: 3,
      returns: 8 * 3,
      // Indicators 1, 3 and 5 come from returns: 3 figures a quarter.
      returnValues: 3 * 8,
      people: 8,
      audits: 2 * 12,
      reviews: 2 * 3,
      actions: 2 * 10,
    });
    const board = await read('board', '/board');
    expect(board).toMatchObject({
      name: 'Large Safeguarding Children Partnership',
      reportingYears: ['2016-17', '2017-18'],
    });
    const { indicators } = (await read('indicators', '/indicators')) as {
      indicators: { id: string; series: unknown[]; comparators: unknown[] }[];
    };
    expect(indicators.map((i) => i.id)).toEqual([1, 2, 3, 4, 5].map((n) => `large-indicator-00${n}`));
    expect(indicators.map((i) => [i.series.length, i.comparators.length])).toEqual(Array(5).fill([8, 3]));
    const indicator = (await read('indicator', '/indicators/large-indicator-002')) as { series: unknown[] };
    expect(indicator.series).toEqual(largeBoardDataset(size).indicators[1]!.series);
    expect(((await read('agencies', '/agencies')) as { agencies: unknown[] }).agencies).toHaveLength(3);
    expect(((await read('audits', '/audits')) as { audits: unknown[] }).audits).toHaveLength(24);
    expect(
      ((await read('seriousCaseReviews', '/serious-case-reviews')) as { reviews: unknown[] }).reviews,
    ).toHaveLength(6);
    const plan = (await read('actionPlan', '/action-plan')) as { priorities: { actions: unknown[] }[] };
    expect(plan.priorities.flatMap((p) => p.actions)).toHaveLength(20);
  });

  it('leaves the last quarter’s round open: a contributor saves their agency’s draft return', async () => {
    // person004 is the first contributor (the roles go viewer, viewer, viewer, contributor, …).
    const contributor = service.anonymous();
    const signedIn = await contributor.request<{ user: { role: string; agencyIds: string[] } }>(
      'POST',
      '/session',
      { email: 'person004@large-board.test', password: PASSWORD },
    );
    expect(signedIn.body.user.role).toBe('contributor');
    const [agency] = signedIn.body.user.agencyIds;
    const draft = await contributor.get<{
      status: string;
      version: number;
      items: { indicatorId: string; period: string }[];
    }>(`/returns/q4-2017-18/${agency}`);
    expect(draft.status).toBe(200);
    expect(draft.body.status).toBe('draft');
    const saved = await contributor.request<{ status: string; version: number }>(
      'PUT',
      `/returns/q4-2017-18/${agency}`,
      {
        version: draft.body.version,
        values: draft.body.items.map((item) => ({
          indicatorId: item.indicatorId,
          period: item.period,
          value: 12,
          symbol: null,
          note: null,
        })),
      },
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ status: 'draft', version: draft.body.version + 1 });
  });

  it('refuses a database that already holds a board', async () => {
    await expect(loadLargeBoard(service.db, size)).rejects.toThrow('already holds a board');
  });
});
