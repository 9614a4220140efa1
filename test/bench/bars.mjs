// The bars of issue 22, measured on the large board (npm run board:large) loaded into PostgreSQL
// (a throwaway database on TEST_DATABASE_URL's server, or --database-url, which must be empty) and
// into PGlite, the built data service started on each, 50 signed-in people at once:
//   every API read the pages make, a page kept, a page drawn anew and saving a return (p95), the
//   embedded database's figures beside PostgreSQL's (within 3x), the service's resident memory
//   under that load; first paint of the server-rendered overview against the same HTML served
//   static (CSS inlined, no script), interleaved at 412 and 1280 px; Lighthouse mobile on five pages.
// Each figure is printed beside its bar, and what missed its bar is said.
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startStaticServer } from '../tools/static-server.mjs';
import { lighthouseAvailable, runLighthouse } from './lighthouse.mjs';
import { coldLoad } from './page-bench.mjs';
import {
  CONNECTIONS,
  load,
  median,
  pageReads,
  postgresDatabase,
  signIn,
  startService,
  watchMemory,
} from './server-bench.mjs';

const PASSWORD = 'large board bench password';
const INDICATOR = '/indicators/large-indicator-001';
/** The pages the bars are about. */
export const BAR_PAGES = [
  { path: '/', name: 'the overview' },
  { path: '/indicators', name: 'the indicators list' },
  { path: INDICATOR, name: 'an indicator page' },
  { path: '/quality-assurance', name: 'quality assurance' },
  { path: '/action-plan', name: 'the action plan' },
];
const SECONDS = 8;
const BAR = { read: 50, kept: 50, drawn: 150, save: 100, embedded: 3, memoryMB: 300, paint: 1.3 };

/** The large board's people, as the generator makes them: person001… in turn of these roles. */
const ROLES = ['viewer', 'viewer', 'viewer', 'contributor', 'contributor', 'quality-assurance', 'editor'];
const person = (i) => `person${String(i + 1).padStart(3, '0')}@large-board.test`;
const peopleOf = (role, count) =>
  Array.from({ length: 300 }, (_, i) => i)
    .filter((i) => ROLES[i % ROLES.length] === role)
    .slice(0, count)
    .map(person);

function loadLargeBoard(root, where) {
  execSync(`node test/tools/large-board.mjs ${where} --password "${PASSWORD}"`, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * Contributors saving their agency's draft return in the open round, one connection each (one per
 * agency, so no two save over each other): each save carries the version the last one answered.
 */
async function savers(url) {
  const byAgency = new Map();
  for (const email of peopleOf('contributor', 300)) {
    if (byAgency.size >= CONNECTIONS) break;
    const cookie = await signIn(url, { email, password: PASSWORD });
    const session = await (await fetch(`${url}/api/v1/session`, { headers: { Cookie: cookie } })).json();
    const [agency] = session.user.agencyIds;
    if (agency && !byAgency.has(agency)) byAgency.set(agency, cookie);
  }
  const { rounds } = await (
    await fetch(`${url}/api/v1/returns`, { headers: { Cookie: [...byAgency.values()][0] } })
  ).json();
  const round = rounds.find((r) => r.agencies.some((a) => a.status === 'draft'));
  if (!round) throw new Error('The large board has no open round with a draft return to save.');
  const clients = [];
  for (const [agency, cookie] of byAgency) {
    const path = `/api/v1/returns/${round.id}/${agency}`;
    const draft = await (await fetch(`${url}${path}`, { headers: { Cookie: cookie } })).json();
    clients.push({ path, cookie, version: draft.version, items: draft.items });
  }
  let n = 0;
  const requestsFor = (i) => {
    const client = clients[i % clients.length];
    return [
      {
        method: 'PUT',
        path: client.path,
        headers: { cookie: client.cookie, origin: url, 'content-type': 'application/json' },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            version: client.version,
            values: client.items.map((item) => ({
              indicatorId: item.indicatorId,
              period: item.period,
              value: (n += 1) % 1000,
              symbol: null,
              note: null,
            })),
          }),
        }),
        // A save cut off at the end of a run (the warm-up's last) was made but not heard: its 409
        // names the version now, as the page would show it.
        onResponse: (status, body) => {
          if (status === 200) client.version = JSON.parse(body).version;
          if (status === 409) client.version = JSON.parse(body).current.version;
        },
      },
    ];
  };
  return { requestsFor, connections: clients.length, round: round.id };
}

const p95 = (r) =>
  !r || r.p95 === undefined
    ? 'n/a'
    : `p95 **${r.p95.toFixed(1)} ms** (p50 ${r.p50.toFixed(1)}, ${r.requestsPerSecond.toFixed(0)}/s${r.non2xx ? `, ${r.non2xx} not 2xx` : ''})`;

/** The service on one engine, loaded with the large board: the figures under 50 people. */
async function underLoad(root, browser, engine) {
  const service = await startService(root, { ...engine.env, SEED: 'none' });
  const memory = watchMemory(service.pid);
  const viewers = [];
  for (const email of peopleOf('viewer', CONNECTIONS))
    viewers.push(await signIn(service.url, { email, password: PASSWORD }));
  const reads = await pageReads(browser, service.url, viewers[0], {
    opened: BAR_PAGES.map((p) => p.path),
    reached: [
      ...['/', '/indicators', '/quality-assurance', '/action-plan'].map((href) => ({
        from: '/partnership',
        href,
      })),
      { from: '/indicators', href: INDICATOR },
    ],
  });
  const figures = { reads: new Map() };
  const run = async (paths, cookies, options) => {
    await load(service.url, paths, cookies, 2, options); // warm up
    return load(service.url, paths, cookies, SECONDS, options);
  };
  const said = (what, r) => {
    console.error(`  ${engine.name}: ${what}: ${p95(r)}`);
    return r;
  };
  try {
    for (const read of reads) figures.reads.set(read, said(read, await run([read], viewers, {})));
    figures.kept = said('page kept', await run(['/'], viewers, {}));
    figures.drawn = said('page drawn anew', await run(['/'], viewers, { drawAnew: true }));
    const save = await savers(service.url);
    figures.saving = save.connections;
    figures.save = said('saving a return', await run([], [], save));
    figures.memoryMB = memory.stop();
    console.error(`  ${engine.name}: resident memory ${figures.memoryMB.toFixed(0)} MB`);
  } catch (error) {
    memory.stop();
    await service.stop();
    throw error;
  }
  return { service, viewers, figures };
}

/** The server's overview as a static file: the same HTML with its CSS inlined and no script. */
async function staticCopy(root, url, cookie) {
  const html = await (await fetch(`${url}/`, { headers: { Cookie: cookie } })).text();
  const dir = mkdtempSync(join(tmpdir(), 'bench-static-'));
  const page = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '')
    .replace(
      /<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g,
      (_tag, href) => `<style>${readFileSync(resolve(root, 'dist', `.${href}`), 'utf8')}</style>`,
    );
  writeFileSync(join(dir, 'index.html'), page);
  symlinkSync(resolve(root, 'dist/assets'), join(dir, 'assets'));
  symlinkSync(resolve(root, 'dist/favicon.svg'), join(dir, 'favicon.svg'));
  const server = await startStaticServer({ root: dir });
  return {
    target: { name: 'static', service: server, cookie: 'none=1' },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Everything, as Markdown lines; `missed` the bars not met. */
export async function measureBars(root, browser, { runs, databaseUrl = null, lighthouse = true }) {
  const lines = [];
  const missed = [];
  const bar = (ok, what) => {
    if (!ok) missed.push(what);
    return ok ? 'met' : '**missed**';
  };
  const engines = [];
  const postgres = databaseUrl ? { url: databaseUrl, drop: async () => {} } : await postgresDatabase();
  if (postgres)
    engines.push({
      name: 'PostgreSQL',
      where: `--database-url ${postgres.url}`,
      env: { DATABASE_URL: postgres.url },
    });
  else console.error('No PostgreSQL (TEST_DATABASE_URL or --database-url): PGlite only.');
  const largeDir = mkdtempSync(join(tmpdir(), 'bench-bars-'));
  engines.push({ name: 'PGlite', where: `--data-dir ${largeDir}`, env: { DATA_DIR: largeDir } });
  const results = new Map();
  let kept = null;
  try {
    for (const engine of engines) {
      console.error(`Loading the large board into ${engine.name}…`);
      loadLargeBoard(root, engine.where);
      console.error(`50 people at once on ${engine.name}…`);
      const result = await underLoad(root, browser, engine);
      results.set(engine.name, result.figures);
      // The browser measures on the first engine (PostgreSQL when there is one).
      if (kept) await result.service.stop();
      else kept = { engine, ...result };
    }
    const [first, second] = engines.map((e) => results.get(e.name));
    const cell = (pick) => engines.map((e) => pick(results.get(e.name)));
    const within = (pick, what) => {
      if (!second || engines[0].name !== 'PostgreSQL') return '';
      const ratio = pick(second)?.p95 / pick(first)?.p95;
      if (!Number.isFinite(ratio)) return 'n/a';
      return `${ratio.toFixed(1)}x, ${bar(ratio <= BAR.embedded, `${what}: PGlite within 3x of PostgreSQL`)}`;
    };
    lines.push(
      '',
      `| Large board, ${CONNECTIONS} signed-in people at once (${SECONDS} s each) | ${engines.map((e) => e.name).join(' | ')} | Bar | PGlite / PostgreSQL (bar: within 3x) |`,
      `| --- | ${engines.map(() => '---').join(' | ')} | --- | --- |`,
    );
    const row = (what, pick, limit) => {
      const ok = pick(first)?.p95 < limit && pick(first)?.non2xx === 0;
      lines.push(
        `| ${what} | ${cell((f) => p95(pick(f))).join(' | ')} | p95 under ${limit} ms: ${bar(ok, `${what}: p95 under ${limit} ms`)} | ${within(pick, what)} |`,
      );
    };
    const reads = [...new Set(engines.flatMap((e) => [...results.get(e.name).reads.keys()]))].sort();
    for (const read of reads) row(`API read: GET ${read}`, (f) => f.reads.get(read), BAR.read);
    row('The overview opened again (the page kept)', (f) => f.kept, BAR.kept);
    row('The overview drawn anew (`/?draw=N`)', (f) => f.drawn, BAR.drawn);
    row(`Saving a return (${first.saving} contributors, one per agency)`, (f) => f.save, BAR.save);
    const memoryOk = engines.every((e) => results.get(e.name).memoryMB <= BAR.memoryMB);
    lines.push(
      `| The service's resident memory, most seen under that load | ${cell((f) => `**${f.memoryMB.toFixed(0)} MB**`).join(' | ')} | at most ${BAR.memoryMB} MB: ${bar(memoryOk, 'resident memory at most 300 MB')} | |`,
    );

    // First paint: the page the service drew against the same HTML served static, interleaved.
    console.error('First paint against the static copy…');
    const cookie = kept.viewers[0];
    const served = { name: 'service', service: kept.service, cookie };
    const copy = await staticCopy(root, kept.service.url, cookie);
    lines.push(
      '',
      `| First contentful paint of the overview (${kept.engine.name}), median [min–max] of ${runs}, interleaved | drawn by the service | the same HTML, static (CSS inlined, no script) | ratio | Bar |`,
      '| --- | --- | --- | --- | --- |',
    );
    for (const viewport of [
      { width: 412, height: 915 },
      { width: 1280, height: 900 },
    ]) {
      const fcp = { service: [], static: [] };
      for (let i = 0; i < runs; i++) {
        fcp.service.push((await coldLoad(browser, served, '/', viewport)).fcp);
        fcp.static.push((await coldLoad(browser, copy.target, '/', viewport)).fcp);
      }
      const show = (v) =>
        `${median(v).toFixed(0)} ms [${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)}]`;
      const ratio = median(fcp.service) / median(fcp.static);
      lines.push(
        `| ${viewport.width} px | ${show(fcp.service)} | ${show(fcp.static)} | **${ratio.toFixed(2)}x** | at most 1.3x: ${bar(ratio <= BAR.paint, `first paint at ${viewport.width} px within 1.3x of static`)} |`,
      );
    }
    await copy.close();

    if (!lighthouse) lines.push('', 'Lighthouse not run (--no-lighthouse).');
    else if (await lighthouseAvailable()) {
      console.error('Lighthouse on five pages…');
      lines.push(
        '',
        `| Lighthouse mobile, median of 3 (${kept.engine.name}) | score | total blocking time | layout shift | first / largest contentful paint | Bar: at least 95, TBT under 200 ms, CLS 0 |`,
        '| --- | --- | --- | --- | --- | --- |',
      );
      for (const { path, name } of BAR_PAGES) {
        const scores = [];
        for (let i = 0; i < 3; i++)
          scores.push(await runLighthouse(`${kept.service.url}${path}`, cookie, 'mobile'));
        const m = (pick) => median(scores.map(pick).filter(Number.isFinite));
        const ok = m((s) => s.score) >= 95 && m((s) => s.tbt) < 200 && m((s) => s.cls) === 0;
        lines.push(
          `| ${name} (${path}) | **${m((s) => s.score)}** [${scores.map((s) => s.score).join(', ')}] | ${m((s) => s.tbt).toFixed(0)} ms | ${m((s) => s.cls).toFixed(3)} | ${m((s) => s.fcp).toFixed(0)} / ${m((s) => s.lcp).toFixed(0)} ms | ${bar(ok, `Lighthouse mobile on ${name}`)} |`,
        );
      }
    } else {
      lines.push('', 'Lighthouse is not installed: its bars are not measured.');
      missed.push('Lighthouse (not installed)');
    }
  } finally {
    await kept?.service.stop();
    await postgres?.drop();
    rmSync(largeDir, { recursive: true, force: true });
  }
  lines.push('', missed.length ? `Missed: ${missed.join('; ')}.` : 'Every bar met.');
  return { lines, missed };
}
