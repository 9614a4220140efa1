import { randomBytes } from 'node:crypto';
import { request as httpRequest, createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { startSmtpServer } from '../../server/test/smtp';
import {
  ADMIN,
  removeDataDir,
  SERVICE_SETUP_BUDGET,
  startDataService,
  type DataService,
} from './data-service';
import { expect, test } from './fixtures';

/**
 * Several instances of the built data service on one PostgreSQL, as a council's IT runs it behind
 * a load balancer: both serve one board, and stopping one loses nothing.
 */
test.skip(!process.env.TEST_DATABASE_URL, 'needs TEST_DATABASE_URL (CI starts a PostgreSQL cluster)');
test.describe.configure({ mode: 'serial' });

/** The address people use; both instances are told it, as they would be behind one balancer. */
const PUBLIC_URL = 'http://board.test';

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const name = `sbd_instances_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url.href });
  await admin.connect();
  await admin.query(`create database ${name}`);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const writeHeaders = { Origin: PUBLIC_URL, 'Content-Type': 'application/json' };

async function signIn(service: DataService, credentials: { email: string; password: string }) {
  return fetch(`${service.url}/api/v1/session`, {
    method: 'POST',
    headers: writeHeaders,
    body: JSON.stringify(credentials),
  });
}

async function adminCookie(service: DataService): Promise<string> {
  const reply = await signIn(service, ADMIN);
  expect(reply.status).toBe(200);
  return reply.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** A one-figure indicator for the tests to publish. */
const testIndicator = (id: string, title: string, value: number) => ({
  id,
  title,
  shortTitle: title.toLowerCase(),
  theme: 'partnership',
  definition: 'Made by the several-instances test.',
  unit: 'count',
  decimalPlaces: 0,
  polarity: 'neutral',
  frequency: 'annual',
  target: null,
  headline: false,
  illustrative: true,
  source: { name: 'Instances test', publisher: 'Test' },
  series: [{ period: '2016-17', value }],
  comparators: [],
});

let db: { url: string; drop: () => Promise<void> };
let a: DataService;
let b: DataService;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

test.beforeAll(async () => {
  // Two services seeding a new PostgreSQL database: about 20 s on a quiet machine.
  test.setTimeout(SERVICE_SETUP_BUDGET);
  db = await freshDatabase();
  // Both send the outbox's mail to one real SMTP server, each looking every second.
  smtp = await startSmtpServer();
  const env = {
    DATABASE_URL: db.url,
    PUBLIC_URL,
    DATABASE_POOL_SIZE: '4',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'board@example.gov.uk',
    MAIL_POLL_SECONDS: '1',
  };
  // Started at the same moment on an empty database: one migrates and seeds, the other waits.
  [a, b] = await Promise.all([startDataService({ env }), startDataService({ env })]);
});

test.afterAll(async () => {
  for (const service of [a, b]) {
    await service?.stop();
    if (service) removeDataDir(service.dataDir);
  }
  await db?.drop();
  await smtp?.close();
});

test('two instances started at once on a new database migrate it once, and both are ready', async () => {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: number; n: string }>(
      'select version, count(*) as n from schema_migration group by version order by version',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.n, `migration ${row.version}`).toBe('1');
    // One demo board, loaded once.
    const boards = await client.query<{ n: string }>('select count(*) as n from board');
    expect(boards.rows[0]!.n).toBe('1');
  } finally {
    await client.end();
  }
  // Exactly one of them says it applied the migrations.
  const applied = [a, b].filter((s) => s.output().includes('Applied database migrations'));
  const said = [a, b].map((s) =>
    s
      .output()
      .split('\n')
      .filter((l) => l.includes('migrations')),
  );
  expect(applied, JSON.stringify(said)).toHaveLength(1);
  for (const service of [a, b]) {
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
  }
});

test('signed in on one instance, the same session acts on the other; a change through one is served by the other at once', async () => {
  const cookie = await adminCookie(a);
  const onB = await fetch(`${b.url}/api/v1/session`, { headers: { Cookie: cookie } });
  expect(onB.status).toBe(200);
  expect(((await onB.json()) as { user: { email: string } }).user.email).toBe(ADMIN.email);

  // Read on A first, so that A has the answer in its cache...
  const before = await fetch(`${a.url}/api/v1/board`, { headers: { Cookie: cookie } });
  const board = (await before.json()) as { name: string };
  expect(board.name).toBeTruthy();
  // ... then publish an indicator through B ...
  const indicator = testIndicator('instances-test', 'Published through the second instance', 42);
  const put = await fetch(`${b.url}/api/v1/indicators/instances-test`, {
    method: 'PUT',
    headers: { ...writeHeaders, Cookie: cookie },
    body: JSON.stringify({ indicator, version: null, reason: 'several instances' }),
  });
  expect(put.status, await put.text()).toBe(201);
  // ... and A serves it on its very next read, the API and the page it draws alike.
  const list = await fetch(`${a.url}/api/v1/indicators`, { headers: { Cookie: cookie } });
  const ids = ((await list.json()) as { indicators: { id: string }[] }).indicators.map((i) => i.id);
  expect(ids).toContain('instances-test');
  const page = await fetch(`${a.url}/indicators`, { headers: { Cookie: cookie } });
  expect(await page.text()).toContain('Published through the second instance');

  // Signing out on A ends the session on B too.
  const out = await fetch(`${a.url}/api/v1/session`, {
    method: 'DELETE',
    headers: { Origin: PUBLIC_URL, Cookie: cookie },
  });
  expect(out.status).toBe(204);
  expect((await fetch(`${b.url}/api/v1/board`, { headers: { Cookie: cookie } })).status).toBe(401);
});

test('with both instances sending the outbox, each message arrives exactly once', async () => {
  const cookie = await adminCookie(a);
  // Twenty invitations made through either instance, as two administrators at once would.
  const people = Array.from({ length: 20 }, (_, i) => `invited-${i}@instances.test`);
  const made = await Promise.all(
    people.map((email, i) =>
      fetch(`${(i % 2 ? b : a).url}/api/v1/users`, {
        method: 'POST',
        headers: { ...writeHeaders, Cookie: cookie },
        body: JSON.stringify({
          name: `Invited ${i}`,
          email,
          role: 'viewer',
          agencyIds: [],
          actionOwner: null,
        }),
      }),
    ),
  );
  for (const reply of made) expect(reply.status, await reply.text()).toBe(201);

  // Wait until the outbox (read through either instance) has sent every one of them...
  await expect
    .poll(
      async () => {
        const outbox = (await (
          await fetch(`${b.url}/api/v1/admin/outbox`, { headers: { Cookie: cookie } })
        ).json()) as { messages: { to: string; sentAt: string | null }[] };
        return outbox.messages.filter((m) => people.includes(m.to) && m.sentAt !== null).length;
      },
      { timeout: 60_000, message: 'every invitation sent' },
    )
    .toBe(people.length);
  // ... then each person has had exactly one, never two.
  for (const email of people) expect(smtp.to(email), email).toHaveLength(1);
});

test('failed sign-ins on either instance count together, so the lock holds across both', async () => {
  const guess = { email: 'someone.else@board.test', password: 'a guess that is wrong' };
  const answers: number[] = [];
  // Five wrong passwords for one address, taking turns between the instances: the fifth locks it
  // (429) ...
  for (const service of [a, b, a, b, a]) answers.push((await signIn(service, guess)).status);
  expect(answers).toEqual([401, 401, 401, 401, 429]);
  // ... on the other instance as well, before any password is checked.
  expect((await signIn(b, guess)).status).toBe(429);
  expect((await signIn(a, guess)).status).toBe(429);
});

/**
 * A load balancer in front of both, as nginx or a cloud balancer runs: it asks each instance's
 * `/readyz` every 50 ms and sends requests only to those ready, each on a new connection; a
 * request whose connection is refused before it was sent goes to another instance.
 */
async function loadBalancer(instances: DataService[]): Promise<{ url: string; close: () => Promise<void> }> {
  let next = 0;
  const down = new Set<string>();
  const check = async () => {
    for (const { url } of instances) {
      const ready = await fetch(`${url}/readyz`).then(
        (reply) => reply.ok,
        () => false,
      );
      if (ready) down.delete(url);
      else down.add(url);
    }
  };
  await check();
  const checks = setInterval(() => void check(), 50);
  const pick = () => {
    const up = instances.filter((i) => !down.has(i.url));
    return up[next++ % up.length]?.url;
  };
  const forward = (incoming: IncomingMessage, body: Buffer, tries: number): Promise<IncomingMessage> =>
    new Promise((done, fail) => {
      const picked = pick();
      if (!picked) return fail(new Error('no instance is ready'));
      const target = new URL(picked);
      let connected = false;
      const outgoing = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
          agent: false,
        },
        done,
      );
      outgoing.on('socket', (socket) => socket.once('connect', () => (connected = true)));
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        // Only a request that never reached the instance is safe to send again.
        if (!connected && tries > 1) {
          down.add(picked);
          done(forward(incoming, body, tries - 1));
        } else fail(error);
      });
      outgoing.end(body);
    });
  const server: Server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      forward(incoming, Buffer.concat(chunks), instances.length * 2).then(
        (upstream) => {
          response.writeHead(upstream.statusCode ?? 502, upstream.headers);
          upstream.pipe(response);
        },
        (error: Error) => {
          response.writeHead(502, { 'Content-Type': 'text/plain' });
          response.end(`The balancer could not reach an instance: ${error.message}`);
        },
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        clearInterval(checks);
        server.close(() => done());
      }),
  };
}

test('SIGTERM on one instance during a burst of reads and writes loses none of them', async () => {
  const balancer = await loadBalancer([a, b]);
  try {
    const cookie = await adminCookie(a);
    const headers = { Cookie: cookie, Accept: 'application/json' };
    const sent: Promise<{ status: number; text: string }>[] = [];
    const send = (path: string, init: RequestInit = {}) =>
      fetch(`${balancer.url}${path}`, { ...init, headers: { ...headers, ...init.headers } }).then(
        async (reply) => ({ status: reply.status, text: await reply.text() }),
        (error: Error) => ({ status: 0, text: error.message }),
      );
    const writes: string[] = [];
    const write = (i: number) => {
      const id = `burst-${i}`;
      writes.push(id);
      return send(`/api/v1/indicators/${id}`, {
        method: 'PUT',
        headers: writeHeaders,
        body: JSON.stringify({
          indicator: testIndicator(id, `Written during the burst ${i}`, i),
          version: null,
          reason: 'burst',
        }),
      });
    };
    // Requests keep coming; once 30 have been answered (so both instances are busy), the first
    // instance is told to stop, and they keep coming until it has stopped: through its draining,
    // the closing of its listener and the end of what it had in flight.
    let answered = 0;
    let stopped: Promise<void> | null = null;
    let exited = false;
    await new Promise<void>((done) => {
      let i = 0;
      const timer = setInterval(() => {
        for (let k = 0; k < 2; k += 1, i += 1) {
          const reply = i % 4 === 0 ? write(i) : send('/api/v1/indicators');
          sent.push(
            reply.then((r) => {
              answered += 1;
              if (answered === 30) stopped = a.stop('SIGTERM').then(() => void (exited = true));
              return r;
            }),
          );
        }
        if (exited) {
          clearInterval(timer);
          done();
        }
      }, 20);
    });
    const replies = await Promise.all(sent);
    await stopped;
    // Some were in flight on the first instance when it was told to stop, and it answered them.
    const log = a.output();
    const afterSignal = log.slice(log.indexOf('SIGTERM: draining'));
    expect(afterSignal.match(/"msg":"request"/g)?.length ?? 0).toBeGreaterThan(0);
    const failed = replies.filter((r) => r.status !== 200 && r.status !== 201);
    expect(failed, 'requests lost or failed while an instance stopped').toEqual([]);
    // Every write is there, read through the instance still running.
    const list = await fetch(`${b.url}/api/v1/indicators`, { headers });
    const ids = new Set(
      ((await list.json()) as { indicators: { id: string }[] }).indicators.map((i) => i.id),
    );
    for (const id of writes) expect(ids.has(id), id).toBe(true);
    // It stopped cleanly, having said so.
    expect(a.output()).toContain(
      'SIGTERM: draining for 5 s, then finishing requests in flight and stopping.',
    );
    expect(a.output()).toContain('"msg":"Stopped."');
    expect(a.output()).not.toContain('were cut off');
  } finally {
    await balancer.close();
  }
});

test('every log line is JSON, each line a request causes carries its id, and no secret reaches the log', async () => {
  const reply = await signIn(b, { email: ADMIN.email, password: 'not the password at all' });
  expect(reply.status).toBe(401);
  const reference = reply.headers.get('x-request-id');
  expect(reference).toMatch(/^[0-9a-f-]{36}$/);
  expect(((await reply.json()) as { reference: string }).reference).toBe(reference);
  const ok = await signIn(b, ADMIN);
  const cookie = ok.headers.getSetCookie()[0]!.split(';')[0]!.split('=')[1]!;

  const lines = b
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'));
  expect(lines.length).toBeGreaterThan(0);
  const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const forRequest = entries.filter((entry) => entry.requestId === reference);
  expect(forRequest.map((e) => e.msg)).toContain('request');
  for (const secret of [ADMIN.password, 'not the password at all', cookie]) {
    expect(b.output().includes(secret), 'a secret in the log').toBe(false);
  }
});
