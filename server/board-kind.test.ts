import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrailSchema, boardSchema, seriousCaseReviewListSchema, type Board } from '../src/api/contract';
import { prepareDatabase } from './bootstrap';
import { readConfig } from './config';
import { migrate, migrations, splitStatements } from './db/migrate';
import { PgliteDatabase } from './db/pglite';
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
    const [first, ...rest] = reviews.reviews;
    const recorded = { reviews: [{ ...first!, type: 'serious-case-review' as const }, ...rest] };
    await service.db.query("update document set body = $1 where key = 'serious-case-reviews'", [
      JSON.stringify(recorded),
    ]);
    // As every write does, so that answers cached for the earlier data are not served.
    await service.db.query('update service_state set data_version = data_version + 1');
    const served = seriousCaseReviewListSchema.parse((await admin.get('/serious-case-reviews')).body);
    expect(served.reviews[0]).toMatchObject({ id: first!.id, type: 'serious-case-review' });
    expect(served.reviews[1]).not.toHaveProperty('type');
  });
});

describe('issue 23 case 6: a new board is a partnership, an existing one stays a board', () => {
  it('a board set up on a service started with SEED=none is a partnership unless its administrator says', async () => {
    const db = await PgliteDatabase.open();
    await prepareDatabase(
      db,
      readConfig({
        STATIC_DIR: '',
        SEED: 'none',
        ADMIN_EMAIL: 'head@example.gov.uk',
        ADMIN_PASSWORD: 'a very long password',
      }),
    );
    const fresh = await startService({ db });
    try {
      const client = fresh.anonymous();
      await client.request('POST', '/session', {
        email: 'head@example.gov.uk',
        password: 'a very long password',
      });
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
    const db = await PgliteDatabase.open();
    try {
      await db.query(
        'create table schema_migration (version integer primary key, name text not null, applied_at timestamptz not null default now())',
      );
      for (const migration of migrations.filter((m) => m.version < 9)) {
        for (const statement of splitStatements(migration.sql)) await db.query(statement);
        await db.query('insert into schema_migration (version, name) values ($1, $2)', [
          migration.version,
          migration.name,
        ]);
      }
      await db.query(
        `insert into board (id, name, short_name, area, reporting_years, current_year, data_as_at)
         values ('old', 'Sandwell Safeguarding Children Board', 'SSCB', '{}', '["2017-18"]', '2017-18', '2018-03-31')`,
      );
      expect(await migrate(db)).toContain(9);
      const [row] = await db.query<{ kind: string }>("select kind from board where id = 'old'");
      expect(row!.kind).toBe('board');
    } finally {
      await db.close();
    }
  });
});
