import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyReturnSchema, endpoints } from '../src/api/contract';
import { safeNextPath } from '../src/lib/next-path';
import type { Database } from './db/database';
import { PASSWORD, people } from './test/fixtures';
import type { Client } from './test/service';
import { startService, type Reply, type TestService } from './test/service';

// Issue 23, "Security": what a probe of the running service found, case by case. Each test runs
// the real service over HTTP on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.

type Problem = { message: string; fieldErrors?: Record<string, string[]> };

const signIn = (client: Client, email: string, password: string, headers: Record<string, string> = {}) =>
  client.request<Problem>('POST', '/session', { email, password }, headers);

const count = (replies: Reply<Problem>[], status: number) =>
  replies.filter((r) => r.status === status).length;

/** A second instance of the service over the same database: it shares nothing else with the first. */
const sharedDb = (db: Database): Database =>
  Object.create(db, { close: { value: async () => undefined } }) as Database;

describe('case 13: the sign-in limits hold against a burst', () => {
  it('case 13: 40 wrong passwords at once for one account, across two instances, check at most 5; the right one is then refused', async () => {
    const first = await startService({ env: { TRUST_PROXY: '1' } });
    const second = await startService({ db: sharedDb(first.db), env: { TRUST_PROXY: '1' } });
    try {
      const email = people.editor.email;
      const replies = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          signIn((i % 2 ? first : second).anonymous(), email, `wrong ${i}`, {
            'X-Forwarded-For': `198.51.100.${i}`,
          }),
        ),
      );
      // Four wrong answers, the fifth locks the account, and nothing more was checked.
      expect(count(replies, 401)).toBe(4);
      expect(count(replies, 429)).toBe(36);
      for (const reply of replies.filter((r) => r.status === 429)) {
        expect(reply.body.message).toMatch(/^Too many failed sign-ins for this email address\./);
      }
      const right = await signIn(first.anonymous(), email, PASSWORD, { 'X-Forwarded-For': '198.51.100.99' });
      expect(right.status).toBe(429);
      const [row] = await first.db.query<{ entries: number }>(
        "select count(*)::int as entries from audit_entry where action = 'session.locked'",
      );
      expect(row!.entries).toBe(1);
    } finally {
      await second.close();
      await first.close();
    }
  }, 120_000);

  it('case 13: 60 failed sign-ins at once from one address, across two instances, check at most 30', async () => {
    const first = await startService({ env: { TRUST_PROXY: '1' } });
    const second = await startService({ db: sharedDb(first.db), env: { TRUST_PROXY: '1' } });
    try {
      const from = { 'X-Forwarded-For': '203.0.113.7' };
      const replies = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          signIn((i % 2 ? first : second).anonymous(), `nobody-${i}@board.test`, 'guess', from),
        ),
      );
      expect(count(replies, 401)).toBe(30);
      expect(count(replies, 429)).toBe(30);
      for (const reply of replies.filter((r) => r.status === 429)) {
        expect(reply.body.message).toBe(
          'Too many failed sign-ins from your network. Try again in 10 minutes.',
        );
      }
      // The right password from that address waits too; from another address it is let in.
      expect((await signIn(first.anonymous(), people.viewer.email, PASSWORD, from)).status).toBe(429);
      const elsewhere = await signIn(second.anonymous(), people.viewer.email, PASSWORD, {
        'X-Forwarded-For': '203.0.113.8',
      });
      expect(elsewhere.status).toBe(200);
    } finally {
      await second.close();
      await first.close();
    }
  }, 120_000);
});

describe('case 14: after signing in, only a path of the app', () => {
  let service: TestService;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sbd-next-'));
    await writeFile(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en-GB"><head><title>Safeguarding dashboard</title></head><body><div id="root"></div></body></html>',
    );
    service = await startService({ env: { STATIC_DIR: dir } });
  });
  afterAll(async () => {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  });

  const hostile = [
    '/%09/evil.example/',
    '/%09%5Cevil.example/',
    '/%0a/evil.example/',
    '/%0d%0aSet-Cookie:%20x=1',
    '//evil.example',
    '/%5Cevil.example',
    '/\\evil.example',
    'https://evil.example/',
    'https:evil.example',
    '%2F%2Fevil.example',
    '/%00/evil.example',
  ];

  it('case 14: GET /sign-in?next=… signed in sends a hostile next to /, never a 500', async () => {
    const viewer = await service.as('viewer');
    for (const next of hostile) {
      const response = await fetch(`${service.url}/sign-in?next=${next}`, {
        redirect: 'manual',
        headers: { Accept: 'text/html', Cookie: viewer.cookie! },
      });
      expect({ next, status: response.status, location: response.headers.get('location') }).toEqual({
        next,
        status: 302,
        location: '/',
      });
    }
    const good = await fetch(
      `${service.url}/sign-in?next=${encodeURIComponent('/action-plan?year=2016-17#a')}`,
      {
        redirect: 'manual',
        headers: { Accept: 'text/html', Cookie: viewer.cookie! },
      },
    );
    expect(good.headers.get('location')).toBe('/action-plan?year=2016-17#a');
  });

  it('case 14: the sign-in page’s own reading of next (src/lib/next-path.ts) agrees', () => {
    for (const next of hostile) expect(safeNextPath(decodeURIComponent(next))).toBe('/');
    for (const next of ['/\t/evil.example/', '/\n/evil.example', 'javascript:alert(1)', '/sign-in?next=/x'])
      expect(safeNextPath(next)).toBe('/');
    expect(safeNextPath('/action-plan?owner=CSE%20Coordinator')).toBe('/action-plan?owner=CSE%20Coordinator');
    expect(safeNextPath('/partnership')).toBe('/partnership');
  });
});

describe('case 15: NUL bytes and lone surrogates are refused at the contract', () => {
  let service: TestService;
  let admin: Client;
  beforeAll(async () => {
    const errors: unknown[] = [];
    service = await startService();
    service.services.log.error = (...args: unknown[]) => errors.push(args);
    (service as TestService & { errors: unknown[] }).errors = errors;
    admin = await service.as('administrator');
  });
  afterAll(() => service.close());
  const loggedErrors = () => (service as TestService & { errors: unknown[] }).errors;

  const expectRefused = (reply: Reply<Problem>, field: string) => {
    expect(reply.status).toBe(422);
    expect(reply.body.fieldErrors?.[field]).toEqual([
      'Contains a character that cannot be stored (a NUL or a broken character)',
    ]);
  };

  it('case 15: POST /api/v1/session with a NUL in the email is 422 naming the field, nothing logged', async () => {
    const reply = await signIn(service.anonymous(), 'admin\u0000@board.test', PASSWORD);
    expectRefused(reply, 'email');
    expect(JSON.stringify(reply.body)).not.toMatch(/at \w+ \(|invalid byte/);
    expect(loggedErrors()).toEqual([]);
  });

  it('case 15: a NUL or a lone surrogate in an action note changes nothing', async () => {
    const plan = (
      await admin.get<{ priorities: { actions: { id: string; version: number }[] }[] }>('/action-plan')
    ).body;
    const action = plan.priorities[0]!.actions[0]!;
    for (const note of ['before\u0000after', 'half \uD83D of a face', 'stray \uDE00 low']) {
      const reply = await admin.request<Problem>('PATCH', `/action-plan/actions/${action.id}`, {
        status: 'on-track',
        progress: 50,
        note,
        version: action.version,
      });
      expectRefused(reply, 'note');
    }
    const after = (
      await admin.get<{ priorities: { actions: { id: string; version: number }[] }[] }>('/action-plan')
    ).body;
    expect(after).toEqual(plan);
    // A whole emoji (a proper surrogate pair) is text like any other.
    const emoji = await admin.request('PATCH', `/action-plan/actions/${action.id}`, {
      status: 'on-track',
      progress: 50,
      note: 'done \uD83D\uDE00',
      version: action.version,
    });
    expect(emoji.status).toBe(200);
  });

  it('case 15: a NUL in a return note changes nothing', async () => {
    const path = '/returns/q4-2017-18/west-midlands-police';
    expect(
      (await admin.request('POST', '/returns', { quarter: 'Q4 2017-18', dueDate: '2099-04-30' })).status,
    ).toBe(201);
    const police = await service.as('police');
    const before = agencyReturnSchema.parse((await police.get(path)).body);
    const values = before.items.map((item, i) => ({
      indicatorId: item.indicatorId,
      period: item.period,
      value: 10,
      symbol: null,
      note: i === 0 ? 'see\u0000note' : null,
    }));
    const reply = await police.request<Problem>('PUT', path, { version: before.version, values });
    expectRefused(reply, 'values[0].note');
    expect(agencyReturnSchema.parse((await police.get(path)).body)).toEqual(before);
  });

  it('case 15: a NUL or lone surrogate in an agency name, a NUL in a person’s name, change nothing', async () => {
    const agencies = (
      await admin.get<{ agencies: { id: string; version: number; kind: string }[] }>('/agencies')
    ).body;
    for (const name of ['Police\u0000', 'Police \uD800']) {
      expectRefused(await admin.request<Problem>('POST', '/agencies', { name, kind: 'police' }), 'name');
      const agency = agencies.agencies[0]!;
      expectRefused(
        await admin.request<Problem>('PATCH', `/agencies/${agency.id}`, {
          name,
          kind: agency.kind,
          version: agency.version,
        }),
        'name',
      );
    }
    expect((await admin.get('/agencies')).body).toEqual(agencies);

    const users = (await admin.get('/users')).body;
    const person = await admin.request<Problem>('POST', '/users', {
      email: 'new.person@board.test',
      name: 'New\u0000Person',
      role: 'viewer',
      agencyIds: [],
      actionOwner: null,
    });
    expectRefused(person, 'name');
    expect((await admin.get('/users')).body).toEqual(users);
  });

  it('case 15: a NUL in the board’s notice changes nothing', async () => {
    const board = (await admin.get<Record<string, unknown> & { version: number }>('/board')).body;
    const reply = await admin.request<Problem>('PUT', '/board', {
      ...board,
      illustrativeNotice: 'Illustrative\u0000',
      version: board.version,
    });
    expectRefused(reply, 'illustrativeNotice');
    expect((await admin.get('/board')).body).toEqual(board);
  });

  it('case 15: a NUL in an audit-trail filter is 422 naming it', async () => {
    const reply = await admin.get<Problem>('/audit-trail?entityType=user%00');
    expect(reply.status).toBe(422);
    expect(reply.body.fieldErrors?.entityType).toEqual([
      'Contains a character that cannot be stored (a NUL or a broken character)',
    ]);
    expect(loggedErrors()).toEqual([]);
  });
});

describe('case 16: TRUST_PROXY counts proxies from the end of X-Forwarded-For', () => {
  it('case 16: rotating the first X-Forwarded-For entry does not escape the per-address limit', async () => {
    const service = await startService({ env: { TRUST_PROXY: 'true' } });
    try {
      // The proxy appends the address it saw (203.0.113.9); the client writes whatever it likes first.
      const as = (i: number) => ({ 'X-Forwarded-For': `10.0.${i}.1, 203.0.113.9` });
      for (let i = 0; i < 30; i += 1) {
        expect((await signIn(service.anonymous(), `nobody-${i}@board.test`, 'guess', as(i))).status).toBe(
          401,
        );
      }
      const next = await signIn(service.anonymous(), people.viewer.email, PASSWORD, as(99));
      expect(next.status).toBe(429);
      expect(next.body.message).toBe('Too many failed sign-ins from your network. Try again in 10 minutes.');
      // Another client behind the same proxy is someone else.
      const other = await signIn(service.anonymous(), people.viewer.email, PASSWORD, {
        'X-Forwarded-For': '203.0.113.10',
      });
      expect(other.status).toBe(200);
    } finally {
      await service.close();
    }
  }, 120_000);

  it('case 16: with TRUST_PROXY=2, the address two from the end', async () => {
    const service = await startService({ env: { TRUST_PROXY: '2' } });
    try {
      const as = (i: number) => ({ 'X-Forwarded-For': `10.0.${i}.1, 203.0.113.9, 192.0.2.1` });
      for (let i = 0; i < 30; i += 1) {
        expect((await signIn(service.anonymous(), `nobody-${i}@board.test`, 'guess', as(i))).status).toBe(
          401,
        );
      }
      expect((await signIn(service.anonymous(), people.viewer.email, PASSWORD, as(99))).status).toBe(429);
    } finally {
      await service.close();
    }
  }, 120_000);
});

describe('case 17: malformed ids', () => {
  let service: TestService;
  let admin: Client;
  beforeAll(async () => {
    service = await startService();
    admin = await service.as('administrator');
  });
  afterAll(() => service.close());

  const routes = Object.entries(endpoints).filter(([, spec]) => spec.path.includes('{'));

  it('case 17: PATCH /api/v1/users/not-a-uuid is 404', async () => {
    const reply = await admin.request<Problem>('PATCH', '/users/not-a-uuid', {});
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({
      message: 'That record was not found.',
      reference: reply.headers.get('x-request-id'),
    });
  });

  it('case 17: every route with an id parameter answers a malformed id with 404 or 422, never 500', async () => {
    expect(routes.length).toBeGreaterThan(5);
    for (const malformed of [
      'not-a-uuid',
      'Not%20A%20Slug',
      '%00',
      '..',
      'x'.repeat(300),
      '0',
      '%E2%80%AE',
    ]) {
      for (const [name, spec] of routes) {
        const path = spec.path.replace(/\{\w+\}/g, malformed);
        const reply = await admin.request<Problem>(spec.method, path, spec.method === 'GET' ? undefined : {});
        expect({ name, malformed, status: reply.status }).toEqual({
          name,
          malformed,
          status: reply.status === 422 ? 422 : 404,
        });
      }
    }
  }, 120_000);
});
