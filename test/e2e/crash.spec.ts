import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  ADMIN,
  removeDataDir,
  SERVICE_SETUP_BUDGET,
  startDataService,
  type DataService,
} from './data-service';
import { expect, test } from './fixtures';

/**
 * Killing the data service (SIGKILL: no chance to close anything) in the middle of a stream of
 * writes leaves a database that opens and is consistent: every write is there whole, or not at all.
 */
const FIGURES = 400;

async function session(service: DataService) {
  const headers = { Origin: service.url, 'Content-Type': 'application/json' };
  const reply = await fetch(`${service.url}/api/v1/session`, {
    method: 'POST',
    headers,
    body: JSON.stringify(ADMIN),
  });
  expect(reply.status).toBe(200);
  const cookie = reply.headers.getSetCookie()[0]!.split(';')[0]!;
  return { ...headers, Cookie: cookie };
}

function indicator(n: number) {
  return {
    id: `crash-test-${n}`,
    title: `Crash test indicator ${n}`,
    shortTitle: `crash test ${n}`,
    theme: 'partnership',
    definition: 'Written while the service is killed.',
    unit: 'count',
    decimalPlaces: 0,
    polarity: 'neutral',
    frequency: 'monthly',
    target: null,
    headline: false,
    illustrative: true,
    source: { name: 'Crash test', publisher: 'Test' },
    series: Array.from({ length: FIGURES }, (_, i) => ({
      period: `${1990 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      value: n * 1000 + i,
    })),
    comparators: [],
  };
}

async function killDuringWrites(service: DataService) {
  const headers = await session(service);
  let sent = 0;
  const writes: Promise<unknown>[] = [];
  let finished = 0;
  let someFinished: () => void = () => undefined;
  const enoughFinished = new Promise<void>((done) => (someFinished = done));
  const timer = setInterval(() => {
    for (let i = 0; i < 3; i += 1) {
      const n = (sent += 1);
      writes.push(
        fetch(`${service.url}/api/v1/indicators/crash-test-${n}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ indicator: indicator(n), version: null, reason: 'crash test' }),
        })
          .then(() => {
            finished += 1;
            if (finished === 10) someFinished();
          })
          .catch(() => undefined),
      );
    }
  }, 15);
  // Once some writes have finished (others still in flight), pull the plug: a condition, not a
  // time, so a slow machine still kills mid-write.
  await enoughFinished;
  await service.stop('SIGKILL');
  clearInterval(timer);
  await Promise.allSettled(writes);
  return sent;
}

async function checkConsistent(service: DataService, sent: number) {
  const headers = await session(service);
  const indicators = (await (await fetch(`${service.url}/api/v1/indicators`, { headers })).json()) as {
    indicators: { id: string; series: unknown[] }[];
  };
  const written = indicators.indicators.filter((i) => i.id.startsWith('crash-test-'));
  expect(written.length).toBeGreaterThan(0);
  // Some writes were still on their way when the process was killed.
  expect(written.length).toBeLessThan(sent);
  // Every indicator that is there is there whole ...
  for (const i of written) expect(i.series, i.id).toHaveLength(FIGURES);
  // ... and the audit trail has exactly one entry for each, written in the same transaction.
  const trail = (await (
    await fetch(`${service.url}/api/v1/audit-trail?entityType=indicator&limit=1000`, { headers })
  ).json()) as { entries: { action: string; entityId: string }[] };
  const logged = trail.entries.filter((e) => e.action === 'indicator.publish').map((e) => e.entityId);
  expect(logged.sort()).toEqual(written.map((i) => i.id).sort());
  // And it takes new writes.
  const after = await fetch(`${service.url}/api/v1/indicators/crash-test-after`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({
      indicator: { ...indicator(0), id: 'crash-test-after' },
      version: null,
      reason: 'after',
    }),
  });
  expect(after.status).toBe(201);
}

test('killed during writes, the embedded database reopens consistent', async () => {
  test.setTimeout(SERVICE_SETUP_BUDGET);
  let service = await startDataService();
  try {
    const sent = await killDuringWrites(service);
    service = await startDataService({ dataDir: service.dataDir });
    await checkConsistent(service, sent);
  } finally {
    await service.stop();
    removeDataDir(service.dataDir);
  }
});

test('killed during writes, PostgreSQL is consistent', async () => {
  test.skip(!process.env.TEST_DATABASE_URL, 'needs TEST_DATABASE_URL (CI starts a PostgreSQL cluster)');
  test.setTimeout(SERVICE_SETUP_BUDGET);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const name = `sbd_crash_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url.href });
  await admin.connect();
  await admin.query(`create database ${name}`);
  url.pathname = `/${name}`;
  let service = await startDataService({ env: { DATABASE_URL: url.href } });
  try {
    const sent = await killDuringWrites(service);
    service = await startDataService({ env: { DATABASE_URL: url.href } });
    await checkConsistent(service, sent);
  } finally {
    await service.stop();
    removeDataDir(service.dataDir);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});
