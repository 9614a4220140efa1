// The data service under load: a board with 200 indicators, each with 20 years of quarterly
// figures and 3 comparators, and 50 signed-in people loading the overview at once (autocannon on
// loopback). Run on the embedded database and, with TEST_DATABASE_URL, on PostgreSQL.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

export const ADMIN = { email: 'bench.admin@example.gov.uk', password: 'bench password long enough' };
const VIEWER_PASSWORD = 'bench viewer password';
export const INDICATORS = 200;
const QUARTERS = 80;
export const CONNECTIONS = 50;

/** Starts the built data service; resolves when it prints its address. */
export async function startService(root, env) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-service-'));
  const child = spawn(process.execPath, ['dist-server/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const read = (chunk) => (output += chunk);
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  const url = await new Promise((done, fail) => {
    const started = () => {
      const match = /Dashboard: (http:\/\/[^\s"]+)/.exec(output);
      if (match) done(match[1]);
    };
    child.stdout.on('data', started);
    child.stderr.on('data', started);
    child.once('exit', (code) => fail(new Error(`the data service stopped (${code}): ${output}`)));
  });
  // From here on its log is read and let go: kept, and searched again at every line, it grew by a
  // line per request, and the bench spent more and more of the machine on it (each read of issue
  // 22's bars measured slower than the one before).
  for (const stream of [child.stdout, child.stderr]) {
    stream.removeAllListeners('data');
    stream.resume();
  }
  return {
    url,
    pid: child.pid,
    async stop() {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function signIn(url, credentials) {
  const reply = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { Origin: url, 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (reply.status !== 200) throw new Error(`sign-in failed: ${reply.status} ${await reply.text()}`);
  return reply.headers.getSetCookie()[0].split(';')[0];
}

const quarter = (i) => {
  const start = 2005 + Math.floor(i / 4);
  return `Q${(i % 4) + 1} ${start}-${String((start + 1) % 100).padStart(2, '0')}`;
};

function indicator(n) {
  const series = (base) =>
    Array.from({ length: QUARTERS }, (_, i) => ({
      period: quarter(i),
      value: Math.round((base + 20 * Math.sin((i + n) / 5) + i / 2) * 10) / 10,
    }));
  return {
    id: `bench-indicator-${n}`,
    title: `Benchmark indicator ${n}`,
    shortTitle: `benchmark indicator ${n}`,
    theme: 'child-protection',
    definition: 'A synthetic indicator for the load benchmark.',
    unit: 'percent',
    decimalPlaces: 1,
    polarity: 'up-is-good',
    frequency: 'quarterly',
    target: { value: 60, tolerance: 0.1 },
    headline: n % 40 === 0,
    illustrative: true,
    source: { name: 'Benchmark', publisher: 'Benchmark' },
    series: series(50),
    comparators: [
      { id: 'england', label: 'England', series: series(55) },
      { id: 'region', label: 'Region', series: series(52) },
      { id: 'statistical-neighbours', label: 'Statistical neighbours', series: series(53) },
    ],
  };
}

/** A board member's account, signed in `count` times (a session cookie each). */
export async function signedInViewers(url, count) {
  const admin = await signIn(url, ADMIN);
  const headers = { Origin: url, 'Content-Type': 'application/json', Cookie: admin };
  const viewer = await fetch(`${url}/api/v1/users`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      email: 'bench.viewer@example.gov.uk',
      name: 'Bench Viewer',
      role: 'viewer',
      agencyIds: [],
      actionOwner: null,
    }),
  });
  const { link } = await viewer.json();
  await fetch(`${url}/api/v1/invitations/accept`, {
    method: 'POST',
    headers: { Origin: url, 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: new URL(link).hash.slice(1), password: VIEWER_PASSWORD }),
  });
  const cookies = [];
  for (let i = 0; i < count; i += 1) {
    cookies.push(await signIn(url, { email: 'bench.viewer@example.gov.uk', password: VIEWER_PASSWORD }));
  }
  return cookies;
}

/** The big board: 200 indicators published through the API; 50 signed-in viewers' cookies. */
export async function prepareBoard(url) {
  const admin = await signIn(url, ADMIN);
  const headers = { Origin: url, 'Content-Type': 'application/json', Cookie: admin };
  for (let n = 1; n <= INDICATORS; n += 1) {
    const reply = await fetch(`${url}/api/v1/indicators/bench-indicator-${n}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ indicator: indicator(n), version: null, reason: 'benchmark' }),
    });
    if (reply.status !== 201) throw new Error(`publishing indicator ${n} failed: ${await reply.text()}`);
  }
  return signedInViewers(url, CONNECTIONS);
}

/**
 * What loading the overview asks of the service, read off real page loads: the page itself (drawn
 * by the service, with its data in it) when it is opened, and the API reads the browser makes when
 * the overview is reached from another page.
 */
export async function overviewRequests(browser, url, cookie) {
  const context = await browser.newContext();
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name, value, url }]);
  const page = await context.newPage();
  let into = null;
  page.on('request', (request) => {
    if (!into) return;
    const { pathname, search } = new URL(request.url());
    if (request.resourceType() === 'document') into.page.push(pathname + search);
    else if (pathname.startsWith('/api/v1/')) into.api.push(pathname + search);
  });
  const opened = { page: [], api: [] };
  into = opened;
  await page.goto(`${url}/`);
  await page.waitForSelector('path.trend-chart__line');
  await page.waitForLoadState('networkidle');
  into = null;
  await page.goto(`${url}/partnership`);
  await page.waitForLoadState('networkidle');
  const reached = { page: [], api: [] };
  into = reached;
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await page.waitForSelector('path.trend-chart__line');
  await page.waitForLoadState('networkidle');
  into = null;
  await context.close();
  return {
    opened: [...new Set([...opened.page, ...opened.api])],
    reached: [...new Set(reached.api)],
  };
}

export const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * autocannon keeps each answer's body as a string for `onResponse` and `expectBody` (`body +=
 * chunk`), decoding every chunk as UTF-8. A gzipped answer is not text, and decoding it is slow: at
 * 40 kB an answer (the indicators' summary on the large board) it took nine tenths of one of this
 * machine's two cores, taken from the service being measured (issue 22, stop 46). A read's client
 * uses no body, so it keeps none. This reaches into autocannon's client; one that no longer keeps
 * bodies there stops the bench here, rather than measuring with the cost put back unseen.
 */
function keepNoBodies(client) {
  const queue = client.pipelinedRequests;
  if (typeof queue?.addBody !== 'function')
    throw new Error(
      'autocannon no longer keeps bodies in client.pipelinedRequests.addBody: see keepNoBodies',
    );
  queue.addBody = () => {};
}

/**
 * 50 connections, each a signed-in viewer, requesting the overview's API calls in turn.
 * `requestsFor(i, cookie)`, when given, is connection i's own list of autocannon requests (a save,
 * say, which reads its return's version off the answer before); `connections` how many there are.
 */
export async function load(
  url,
  paths,
  cookies,
  seconds = 10,
  { drawAnew = false, requestsFor = null, connections = CONNECTIONS } = {},
) {
  let next = 0;
  let drawn = 0;
  // Each page at an address of its own, so none is served from the pages the service kept.
  const anew = (request) => ({ ...request, path: `${request.path}?draw=${(drawn += 1)}` });
  const times = [];
  const errors = { non2xx: 0 };
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    setupClient(client) {
      const index = next++;
      const cookie = cookies[index % cookies.length];
      if (requestsFor) return client.setRequests(requestsFor(index, cookie));
      keepNoBodies(client);
      client.setRequests(
        paths.map((path) => ({
          method: 'GET',
          path,
          headers: { cookie, 'accept-encoding': 'gzip' },
          ...(drawAnew ? { setupRequest: anew } : {}),
        })),
      );
    },
  });
  instance.on('response', (_client, status, _bytes, time) => {
    times.push(time);
    if (status < 200 || status >= 300) errors.non2xx += 1;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    requests: times.length,
    non2xx: errors.non2xx,
    throughputMBs: result.throughput.average / 1e6,
  };
}

/** A fresh PostgreSQL database on TEST_DATABASE_URL's server, for one run. */
export async function postgresDatabase(suffix = '') {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return null;
  const name = `sbd_bench_${process.pid}${suffix}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** The resident memory of a process (VmRSS), in MB; null once it has gone. */
export function residentMB(pid) {
  try {
    const kB = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kB ? Number(kB) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's resident memory every 100 ms until stopped; `stop()` gives the most seen. */
export function watchMemory(pid) {
  let most = residentMB(pid) ?? 0;
  const timer = setInterval(() => (most = Math.max(most, residentMB(pid) ?? 0)), 100);
  return {
    stop() {
      clearInterval(timer);
      return most;
    },
  };
}

/**
 * The API reads a set of pages make in the browser, read off real page loads: each page opened
 * (after its first paint the browser may ask for more) and each reached from another page by a
 * link, `{ from, href }`, as a reader moves around the dashboard.
 */
export async function pageReads(browser, url, cookie, { opened, reached }) {
  const context = await browser.newContext();
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name, value, url }]);
  const page = await context.newPage();
  const reads = new Set();
  page.on('request', (request) => {
    const { pathname, search } = new URL(request.url());
    if (request.method() === 'GET' && pathname.startsWith('/api/v1/')) reads.add(pathname + search);
  });
  for (const path of opened) {
    await page.goto(`${url}${path}`);
    await page.waitForLoadState('networkidle');
  }
  for (const { from, href } of reached) {
    await page.goto(`${url}${from}`);
    await page.waitForLoadState('networkidle');
    await page.locator(`a[href="${href}"]`).first().click();
    await page.waitForURL(`${url}${href}`);
    await page.waitForLoadState('networkidle');
  }
  await context.close();
  return [...reads].sort();
}
