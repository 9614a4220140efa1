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
import { lighthouseAvailable, measuredLighthouse } from './lighthouse.mjs';
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
  // Before a measured run: a save the warm-up's end cut off was made but not heard, and would make
  // each connection's first save of the run a 409 (not a figure of saving, but of how the bench
  // stops). Each return's version is read again, as its page would, until two readings agree.
  const settle = async () => {
    const read = () =>
      Promise.all(
        clients.map(async (client) => {
          const reply = await fetch(`${url}${client.path}`, { headers: { Cookie: client.cookie } });
          return (await reply.json()).version;
        }),
      );
    let now = await read();
    let was;
    do {
      now.forEach((version, i) => (clients[i].version = version));
      [was, now] = [now, await read()];
    } while (String(was) !== String(now));
  };
  return { requestsFor, connections: clients.length, round: round.id, settle };
}

const p95 = (r) =>
  !r || r.p95 === undefined
    ? 'n/a'
    : `p95 **${r.p95.toFixed(1)} ms** (p50 ${r.p50.toFixed(1)}, ${r.requestsPerSecond.toFixed(0)}/s${r.non2xx ? `, ${r.non2xx} not 2xx` : ''})`;

/**
 * One build of the service on one engine, loaded with the large board (by that build's own
 * generator, into a database of its own), started, and its people signed in: what it is measured
 * with. Its resident memory is watched from here on.
 */
async function prepare(browser, build, engine) {
  const where = await engine.open(build);
  console.error(`Loading the large board into ${engine.name} for ${build.label}…`);
  loadLargeBoard(build.root, where.args);
  const service = await startService(build.root, { ...where.env, SEED: 'none' });
  const memory = watchMemory(service.pid);
  try {
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
    const save = await savers(service.url);
    return { build, engine, where, service, memory, viewers, reads, save };
  } catch (error) {
    memory.stop();
    await service.stop();
    await where.drop();
    throw error;
  }
}

/**
 * The figures under 50 people, for each build on one engine, each measure taken for every build in
 * turn before the next (before and after interleaved, so that both meet the machine as it is).
 */
async function underLoad(targets) {
  const figures = new Map(targets.map((t) => [t, { reads: new Map() }]));
  const run = async (target, paths, cookies, options) => {
    await load(target.service.url, paths, cookies, 2, options); // warm up
    await options.settle?.();
    return load(target.service.url, paths, cookies, SECONDS, options);
  };
  const said = (target, what, r) => {
    console.error(`  ${target.engine.name}, ${target.build.label}: ${what}: ${p95(r)}`);
    return r;
  };
  const reads = [...new Set(targets.flatMap((t) => t.reads))].sort();
  for (const read of reads)
    for (const t of targets)
      if (t.reads.includes(read))
        figures.get(t).reads.set(read, said(t, read, await run(t, [read], t.viewers, {})));
  for (const t of targets) figures.get(t).kept = said(t, 'page kept', await run(t, ['/'], t.viewers, {}));
  for (const t of targets)
    figures.get(t).drawn = said(t, 'page drawn anew', await run(t, ['/'], t.viewers, { drawAnew: true }));
  for (const t of targets) {
    figures.get(t).saving = t.save.connections;
    figures.get(t).save = said(t, 'saving a return', await run(t, [], [], t.save));
  }
  for (const t of targets) {
    figures.get(t).memoryMB = t.memory.stop();
    console.error(
      `  ${t.engine.name}, ${t.build.label}: resident memory ${figures.get(t).memoryMB.toFixed(0)} MB`,
    );
  }
  return figures;
}

/**
 * Headers the service sends with a page that a static host of the dashboard would send too: its
 * security policy. They cost the browser time of their own (the opener policy moves a page opened
 * from a blank tab into a process of its own: about a tenth of a second of first paint on this
 * machine), which no server could spare the page; the static copy is not flattered by their absence.
 */
const POLICY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'permissions-policy',
  'referrer-policy',
  'x-content-type-options',
  'x-frame-options',
];

/** The server's overview as a static file: the same HTML with its CSS inlined and no script, sent with the same policy headers. */
async function staticCopy(root, url, cookie) {
  const served = await fetch(`${url}/`, { headers: { Cookie: cookie } });
  const headers = Object.fromEntries(
    POLICY_HEADERS.flatMap((name) => {
      const value = served.headers.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
  const html = await served.text();
  const dir = mkdtempSync(join(tmpdir(), 'bench-static-'));
  const page = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/g, '')
    .replace(
      /<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g,
      (_tag, href) => `<style>${readFileSync(resolve(root, 'dist', `.${href}`), 'utf8')}</style>`,
    );
  writeFileSync(join(dir, 'index.html'), page);
  symlinkSync(resolve(root, 'dist/assets'), join(dir, 'assets'));
  symlinkSync(resolve(root, 'dist/favicon.svg'), join(dir, 'favicon.svg'));
  const server = await startStaticServer({ root: dir, headers });
  return {
    target: { name: 'static', service: server, cookie: 'none=1' },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Everything, as Markdown lines; `missed` the bars not met (by this build). With `baseline` (a built
 * checkout of an earlier commit), each figure is measured for it too, interleaved with this
 * build's, in the same run: before and after.
 */
export async function measureBars(
  root,
  browser,
  { runs, databaseUrl = null, lighthouse = true, baseline = null },
) {
  const lines = [];
  const missed = [];
  const bar = (ok, what) => {
    if (!ok) missed.push(what);
    return ok ? 'met' : '**missed**';
  };
  const builds = baseline
    ? [
        { label: 'before', root: baseline },
        { label: 'after', root },
      ]
    : [{ label: 'this build', root }];
  const now = builds.at(-1);
  if (baseline && databaseUrl)
    throw new Error(
      '--baseline needs a database of its own for each build: set TEST_DATABASE_URL, not --database-url.',
    );
  const engines = [];
  if (databaseUrl || process.env.TEST_DATABASE_URL)
    engines.push({
      name: 'PostgreSQL',
      async open(build) {
        const db = databaseUrl
          ? { url: databaseUrl, drop: async () => {} }
          : await postgresDatabase(`_${build.label.replace(/\W/g, '')}`);
        return { args: `--database-url ${db.url}`, env: { DATABASE_URL: db.url }, drop: () => db.drop() };
      },
    });
  else console.error('No PostgreSQL (TEST_DATABASE_URL or --database-url): PGlite only.');
  engines.push({
    name: 'PGlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'bench-bars-'));
      return {
        args: `--data-dir ${dir}`,
        env: { DATA_DIR: dir },
        drop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  });
  const stop = async (t) => {
    await t.service.stop();
    await t.where.drop();
  };
  const results = new Map();
  let kept = [];
  try {
    for (const engine of engines) {
      const targets = [];
      try {
        for (const build of builds) targets.push(await prepare(browser, build, engine));
        console.error(`50 people at once on ${engine.name}…`);
        const figures = await underLoad(targets);
        for (const t of targets) results.set(`${engine.name}\u0000${t.build.label}`, figures.get(t));
      } catch (error) {
        for (const t of targets) await stop(t);
        throw error;
      }
      // The browser measures on the first engine (PostgreSQL when there is one).
      if (kept.length) for (const t of targets) await stop(t);
      else kept = targets;
    }
    const columns = engines.flatMap((e) => builds.map((b) => ({ engine: e, build: b })));
    const of = (engine, build) => results.get(`${engine.name}\u0000${build.label}`);
    const heading = (c) => (baseline ? `${c.engine.name}, ${c.build.label}` : c.engine.name);
    const first = of(engines[0], now);
    const second = engines[1] ? of(engines[1], now) : null;
    // The embedded database's figure (a p95, or the memory) against PostgreSQL's.
    const within = (figure, what) => {
      if (!second || engines[0].name !== 'PostgreSQL') return '';
      const ratio = figure(second) / figure(first);
      if (!Number.isFinite(ratio)) return 'n/a';
      return `${ratio.toFixed(1)}x, ${bar(ratio <= BAR.embedded, `${what}: PGlite within 3x of PostgreSQL`)}`;
    };
    const judged = baseline ? ' (after)' : '';
    lines.push(
      '',
      `| Large board, ${CONNECTIONS} signed-in people at once (${SECONDS} s each) | ${columns.map(heading).join(' | ')} | Bar${judged} | PGlite / PostgreSQL${judged} (bar: within 3x) |`,
      `| --- | ${columns.map(() => '---').join(' | ')} | --- | --- |`,
    );
    const cells = (pick) => columns.map((c) => p95(pick(of(c.engine, c.build)))).join(' | ');
    const row = (what, pick, limit) => {
      const ok = pick(first)?.p95 < limit && pick(first)?.non2xx === 0;
      lines.push(
        `| ${what} | ${cells(pick)} | p95 under ${limit} ms: ${bar(ok, `${what}: p95 under ${limit} ms`)} | ${within((f) => pick(f)?.p95, what)} |`,
      );
    };
    const reads = [...new Set([...results.values()].flatMap((f) => [...f.reads.keys()]))].sort();
    for (const read of reads) row(`API read: GET ${read}`, (f) => f.reads.get(read), BAR.read);
    row('The overview opened again (the page kept)', (f) => f.kept, BAR.kept);
    row('The overview drawn anew (`/?draw=N`)', (f) => f.drawn, BAR.drawn);
    row(`Saving a return (${first.saving} contributors, one per agency)`, (f) => f.save, BAR.save);
    const memoryOk = engines.every((e) => of(e, now).memoryMB <= BAR.memoryMB);
    lines.push(
      `| The service's resident memory, most seen under that load | ${columns.map((c) => `**${of(c.engine, c.build).memoryMB.toFixed(0)} MB**`).join(' | ')} | at most ${BAR.memoryMB} MB: ${bar(memoryOk, 'resident memory at most 300 MB')} | ${within((f) => f.memoryMB, 'resident memory')} |`,
    );

    // First paint: the page each build's service drew against the same HTML served static, all
    // interleaved.
    console.error('First paint against the static copy…');
    const engineName = kept[0].engine.name;
    const pairs = [];
    for (const t of kept) {
      const cookie = t.viewers[0];
      pairs.push({
        label: t.build.label,
        served: { name: `service ${t.build.label}`, service: t.service, cookie },
        copy: await staticCopy(t.build.root, t.service.url, cookie),
      });
    }
    lines.push(
      '',
      `| First contentful paint of the overview (${engineName}), median [min–max] of ${runs}, interleaved |${baseline ? ' build |' : ''} drawn by the service | the same HTML, static (CSS inlined, no script) | ratio | Bar |`,
      `| --- |${baseline ? ' --- |' : ''} --- | --- | --- | --- |`,
    );
    for (const viewport of [
      { width: 412, height: 915 },
      { width: 1280, height: 900 },
    ]) {
      const fcp = new Map(pairs.map((p) => [p, { service: [], static: [] }]));
      for (let i = 0; i < runs; i++)
        for (const p of pairs) {
          fcp.get(p).service.push((await coldLoad(browser, p.served, '/', viewport)).fcp);
          fcp.get(p).static.push((await coldLoad(browser, p.copy.target, '/', viewport)).fcp);
        }
      const show = (v) =>
        `${median(v).toFixed(0)} ms [${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)}]`;
      for (const p of pairs) {
        const f = fcp.get(p);
        const ratio = median(f.service) / median(f.static);
        const judge = p.label === now.label;
        lines.push(
          `| ${viewport.width} px |${baseline ? ` ${p.label} |` : ''} ${show(f.service)} | ${show(f.static)} | **${ratio.toFixed(2)}x** | ${judge ? `at most 1.3x: ${bar(ratio <= BAR.paint, `first paint at ${viewport.width} px within 1.3x of static`)}` : ''} |`,
        );
      }
    }
    for (const p of pairs) await p.copy.close();

    if (!lighthouse) lines.push('', 'Lighthouse not run (--no-lighthouse).');
    else if (await lighthouseAvailable()) {
      console.error('Lighthouse on five pages…');
      lines.push(
        '',
        `| Lighthouse mobile, median of 3 (${engineName}) |${baseline ? ' build |' : ''} score | total blocking time | layout shift | first / largest contentful paint | Bar: at least 95, TBT under 200 ms, CLS 0 |`,
        `| --- |${baseline ? ' --- |' : ''} --- | --- | --- | --- | --- |`,
      );
      const failures = [];
      for (const { path, name } of BAR_PAGES) {
        const scores = new Map(kept.map((t) => [t, []]));
        for (let i = 0; i < 3; i++)
          for (const t of kept) {
            const failed = [];
            scores
              .get(t)
              .push(await measuredLighthouse(`${t.service.url}${path}`, t.viewers[0], 'mobile', failed));
            for (const reason of failed) failures.push(`${name}, ${t.build.label}: ${reason}`);
          }
        for (const t of kept) {
          const all = scores.get(t);
          const m = (pick) => median(all.filter(Boolean).map(pick).filter(Number.isFinite));
          const shown = (pick, digits) => (Number.isFinite(m(pick)) ? m(pick).toFixed(digits) : 'n/a');
          // Judged on three runs that each gave a score: a run Lighthouse could not score in three
          // tries leaves the page unmeasured, and a page not measured has not met the bar.
          const ok =
            all.every(Boolean) && m((s) => s.score) >= 95 && m((s) => s.tbt) < 200 && m((s) => s.cls) === 0;
          const judge = t.build.label === now.label;
          lines.push(
            `| ${name} (${path}) |${baseline ? ` ${t.build.label} |` : ''} **${shown((s) => s.score, 0)}** [${all.map((s) => (s ? s.score : 'no score')).join(', ')}] | ${shown((s) => s.tbt, 0)} ms | ${shown((s) => s.cls, 3)} | ${shown((s) => s.fcp, 0)} / ${shown((s) => s.lcp, 0)} ms | ${judge ? bar(ok, `Lighthouse mobile on ${name}`) : ''} |`,
          );
        }
      }
      if (failures.length)
        lines.push(
          '',
          `Lighthouse runs that gave no score, each tried again (at most three tries for each of the three runs): ${failures.join('; ')}.`,
        );
    } else {
      lines.push('', 'Lighthouse is not installed: its bars are not measured.');
      missed.push('Lighthouse (not installed)');
    }
  } finally {
    for (const t of kept) await stop(t);
  }
  lines.push(
    '',
    missed.length ? `Missed${baseline ? ' (after)' : ''}: ${missed.join('; ')}.` : 'Every bar met.',
  );
  return { lines, missed };
}
