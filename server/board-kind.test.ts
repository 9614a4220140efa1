import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrailSchema, boardSchema, seriousCaseReviewListSchema, type Board } from '../src/api/contract';
import { migrate } from './db/migrate';
import type { TestPerson } from './test/fixtures';
import { startService, type Client, type TestService } from './test/service';

/** Issue 23 case 6: names of today's partnerships. The board's kind, as its administrator sets it. */
let service: TestService;
let admin: Client;

beforeAll(async () => {
  service = await startService({ today: '2018-02-14' });
  admin = await service.as('administrator');
});
afterAll(() => service.close());

const readBoard = async (client: Client) => boardSchema.parse((await client.get('/board')).body);
const settingsOf = ({ id: _id, version, ...settings }: Board) => ({ ...settings, version });

describe('issue 23 case 6: names of today’s partnerships (the board’s kind)', () => {
  it('the demo board, set up in 2015-16, is a board', async () => {
    expect((await readBoard(admin)).kind).toBe('board');
  });

  it('the administrator makes the board a partnership: saved, and in the audit trail with before and after', async () => {
    const before = await readBoard(admin);
    const reply = await admin.request<Board>('PUT', '/board', {
      ...settingsOf(before),
      kind: 'partnership',
    });
    expect(reply.status).toBe(200);
    expect(boardSchema.parse(reply.body)).toMatchObject({
      kind: 'partnership',
      name: before.name,
      version: before.version + 1,
    });
    expect((await readBoard(await service.as('viewer'))).kind).toBe('partnership');
    const [entry] = auditTrailSchema.parse((await admin.get('/audit-trail?limit=1')).body).entries;
    expect(entry).toMatchObject({
      action: 'board.update',
      entityType: 'board',
      actor: { email: 'admin@board.test' },
      before: { kind: 'board' },
      after: { kind: 'partnership' },
    });
    expect(entry!.summary).toContain('kind Safeguarding Children Partnership');
  });

  it('a save that leaves the kind out keeps it as it is', async () => {
    const { kind: _kind, ...rest } = settingsOf(await readBoard(admin));
    const reply = await admin.request<Board>('PUT', '/board', rest);
    expect(reply.status).toBe(200);
    expect(reply.body.kind).toBe('partnership');
  });

  it('a kind that is neither board nor partnership is refused with the field named', async () => {
    const reply = await admin.request<{ fieldErrors: Record<string, string[]> }>('PUT', '/board', {
      ...settingsOf(await readBoard(admin)),
      kind: 'trust',
    });
    expect(reply.status).toBe(422);
    expect(Object.keys(reply.body.fieldErrors)).toEqual(['kind']);
  });

  it.each<TestPerson>(['viewer', 'police', 'health', 'quality-assurance', 'editor', 'action-owner'])(
    'is refused to %s, who is not an administrator, and the kind stays as it was',
    async (person) => {
      const client = await service.as(person);
      const current = await readBoard(admin);
      const reply = await client.request<Record<string, unknown>>('PUT', '/board', {
        ...settingsOf(current),
        kind: current.kind === 'board' ? 'partnership' : 'board',
      });
      expect(reply.status).toBe(403);
      expect(reply.body).not.toHaveProperty('stack');
      expect(await readBoard(admin)).toMatchObject({ kind: current.kind, version: current.version });
    },
  );

  it('a review’s recorded type is served as recorded', async () => {
    const reviews = seriousCaseReviewListSchema.parse((await admin.get('/serious-case-reviews')).body);
    const [first] = reviews.reviews;
    await service.db.query("update review set type = 'serious-case-review' where id = $1", [first!.id]);
    // As every write does, so that answers cached for the earlier data are not served.
    await service.db.query('update service_state set data_version = data_version + 1');
    const served = seriousCaseReviewListSchema.parse((await admin.get('/serious-case-reviews')).body);
    expect(served.reviews[0]).toMatchObject({ id: first!.id, type: 'serious-case-review' });
    expect(served.reviews[1]).not.toHaveProperty('type');
  });
});

describe('issue 23 case 6: a new board is a partnership, an existing one stays a board', () => {
  it('a board set up where there is none (a service started with SEED=none) is a partnership unless its administrator says', async () => {
    const fresh = await startService();
    try {
      await fresh.db.query('delete from board');
      const client = await fresh.as('administrator');
      expect((await client.get('/board')).status).toBe(404);
      const reply = await client.request<Board>('PUT', '/board', {
        name: 'Dudley Safeguarding Children Partnership',
        shortName: 'DSCP',
        area: { name: 'Dudley', laCode: 'E08000027', oldLaCode: '332', region: 'West Midlands' },
        reportingYears: ['2024-25'],
        currentYear: '2024-25',
        dataAsAt: '2025-03-31',
        ofsted: null,
        illustrativeNotice: null,
        version: null,
      });
      expect(reply.status).toBe(200);
      expect(boardSchema.parse(reply.body).kind).toBe('partnership');
    } finally {
      await fresh.close();
    }
  });

  it('migration 009 makes a board that already exists a board', async () => {
    const fresh = await startService();
    try {
      // The database as it stood before migration 009, with its board.
      await fresh.db.query('alter table board drop column kind');
      await fresh.db.query('delete from schema_migration where version = 9');
      expect(await migrate(fresh.db)).toEqual([9]);
      const [row] = await fresh.db.query<{ kind: string }>('select kind from board');
      expect(row!.kind).toBe('board');
    } finally {
      await fresh.close();
    }
  });
});
