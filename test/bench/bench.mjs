// npm run bench: builds everything, then measures in headless Chromium, on 127.0.0.1:
//   load:   the overview, route changes and a 10,000-point series through the data service, each
//           build in turn in one run (this checkout, and --baseline <checkout> to pair before and
//           after), median [min-max] of --runs (default 7), and Lighthouse when it is installed;
//   import: the Import page on 20 MB files (preview time, tick cost);
//   server: the data service under 50 signed-in people, on PGlite and (TEST_DATABASE_URL)
//           PostgreSQL, and its first chart beside the MSW demo's.
//   large:  what the indicators list, the overview, quality assurance, the action plan and the
//           quarterly returns hand over on the large board (npm run board:large), through the old
//           whole reads and the summary, one reporting year, or one page.
//   bars:   the bars of issue 22 on the large board, on PostgreSQL (TEST_DATABASE_URL, or
//           --database-url URL of an empty database) and PGlite: every API read, a page kept, a page
//           drawn anew and saving a return under 50 people, memory, first paint against static,
//           Lighthouse mobile on five pages; each figure beside its bar (test/bench/bars.mjs). With
//           --baseline, the earlier build is measured too, each figure interleaved with this one's.
//   entry:  the blocking time after the first paint, and its longest task, cold, at 412 px, with
//           the CPU slowed four times (the browser's own long tasks, not Lighthouse's simulation),
//           on the large board's five pages of issue 22 (PGlite), paired with --baseline; median
//           [min-max] of --runs.
//   cpu:    the data service's own CPU (its utime and stime) per page drawn anew on the large board
//           (PGlite), the five pages of issue 22 each drawn again and again by one person, gzipped,
//           a round of --draws pages (default 100) for each build in turn, paired with --baseline:
//           the machine's load moves this less than it moves time; median [min-max] of --runs.
//   node test/bench/bench.mjs [--no-build] [--runs N] [--only load|import|server|large|bars|entry|cpu]
//     [--baseline DIR] [--database-url URL] [--no-lighthouse] [--draws N]
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { createServer as createViteServer } from 'vite';
import { STRICT_CSP, startStaticServer } from '../tools/static-server.mjs';
import { BAR_PAGES, measureBars } from './bars.mjs';
import { lighthouseAvailable, runLighthouse } from './lighthouse.mjs';
import {
  blockingAfterPaint,
  coldLoad,
  firstPageJs,
  machineLoad,
  measurePages,
  ROUTES,
  startTarget,
  WIDTHS,
} from './page-bench.mjs';
import {
  CONNECTIONS,
  INDICATORS,
  load,
  median,
  overviewRequests,
  postgresDatabase,
  prepareBoard,
  signedInViewers,
  signIn,
  startService,
} from './server-bench.mjs';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
// Pages drawn anew in a round of the cpu measure.
const draws = Number(args[args.indexOf('--draws') + 1]) || 100;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const baseline = args.includes('--baseline') ? resolve(args[args.indexOf('--baseline') + 1]) : null;
const databaseUrl = args.includes('--database-url') ? args[args.indexOf('--database-url') + 1] : null;
const measures = (name) => only === null || only === name;
const LARGE_PASSWORD = 'large board bench password';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

if (!args.includes('--no-build')) {
  console.error('Building the production and demo apps and the data service…');
  execSync('npx vite build && npx vite build --mode demo && npx vite build --ssr', {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** `612 [540–790]`: the median and the range of a list of numbers. */
const spread = (all, digits = 0, unit = ' ms') => {
  // A run that failed (Lighthouse's NO_NAVSTART, say) has no figure: left out, and said.
  const values = all.filter((v) => Number.isFinite(v));
  const failed = all.length - values.length;
  if (values.length === 0) return 'n/a';
  return `${median(values).toFixed(digits)}${unit} [${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}]${failed ? ` (${failed} failed)` : ''}`;
};

const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
const loadsBefore = machineLoad();
const output = [];

// ---- load: the page measures of issue 13, paired -------------------------------------------
if (measures('load')) {
  const targets = [];
  if (baseline) targets.push(await startTarget('before', baseline));
  targets.push(await startTarget(baseline ? 'after' : 'this build', root));
  console.error(`Measuring ${targets.map((t) => t.name).join(' and ')}, ${runs} runs…`);
  const results = await measurePages(browser, targets, runs);
  const cell = (fn) => targets.map((t) => fn(t, results.get(t.name)));
  const rows = [
    [
      'First-page JS, gzip (kB = 1000 bytes)',
      cell((t) => `${t.js.gzip.toFixed(1)} kB (${t.js.files} files)`),
      'at most 225 kB',
    ],
    [
      'First contentful paint, overview, 1280 px',
      cell((_t, r) => spread(r.loads.map((l) => l.fcp))),
      'before any JavaScript has run',
    ],
    ['First chart visible, overview, 1280 px', cell((_t, r) => spread(r.loads.map((l) => l.firstChart))), ''],
    [
      'Longest main-thread task, overview',
      cell((_t, r) => spread(r.loads.map((l) => l.longest))),
      'under 200 ms',
    ],
    ...WIDTHS.map(({ width }) => [
      `Cumulative layout shift, overview, ${width} px`,
      cell((_t, r) => spread(r.cls[width], 3, '')),
      '0',
    ]),
    ...ROUTES.map((route) => [
      `Route change, click to chart: ${route.label}`,
      cell((_t, r) => spread(r.routes[route.label])),
      'under 250 ms',
    ]),
    ['10,000-point series: chart visible', cell((_t, r) => spread(r.long.map((l) => l.firstChart))), ''],
    ['… its longest main-thread task', cell((_t, r) => spread(r.long.map((l) => l.longest))), 'under 200 ms'],
    [
      '… points drawn in its line',
      cell((_t, r) => `${r.long[0]?.points ?? 'n/a'} of 10,000`),
      'table and CSV keep all',
    ],
  ];
  if (await lighthouseAvailable()) {
    console.error('Lighthouse…');
    for (const form of ['mobile', 'desktop']) {
      const scores = new Map();
      for (const t of targets) {
        const list = [];
        for (let i = 0; i < (form === 'mobile' ? 3 : 1); i++)
          list.push(await runLighthouse(`${t.service.url}/`, t.cookie, form));
        scores.set(t.name, list);
      }
      const pick = (t, fn) => scores.get(t.name).map(fn);
      rows.push(
        [
          `Lighthouse ${form}: performance score (median of ${form === 'mobile' ? 3 : 1})`,
          cell((t) =>
            spread(
              pick(t, (x) => x.score),
              0,
              '',
            ),
          ),
          form === 'mobile' ? 'at least 90' : '',
        ],
        [`… total blocking time`, cell((t) => spread(pick(t, (x) => x.tbt))), 'under 200 ms'],
        [
          `… cumulative layout shift`,
          cell((t) =>
            spread(
              pick(t, (x) => x.cls),
              3,
              '',
            ),
          ),
          '0',
        ],
        [
          `… first / largest contentful paint`,
          cell(
            (t) =>
              `${median(pick(t, (x) => x.fcp).filter(Number.isFinite)).toFixed(0)} / ${median(pick(t, (x) => x.lcp).filter(Number.isFinite)).toFixed(0)} ms`,
          ),
          '',
        ],
        [
          `… unused JavaScript`,
          cell((t) => `${median(pick(t, (x) => x.unusedJsKiB).filter(Number.isFinite))} KiB`),
          '',
        ],
      );
      // A run that gave no score is left out of the figures above ("1 failed"), and here is why.
      for (const t of targets)
        for (const run of scores.get(t.name))
          if (run.failed) console.error(`Lighthouse ${form} on ${t.name} gave no score: ${run.failed}`);
    }
  }
  output.push(
    `\n| Measure (median [min–max] of ${runs} runs) | ${targets.map((t) => t.name).join(' | ')} | Goal |\n| --- | ${targets.map(() => '---').join(' | ')} | --- |`,
    ...rows.map(([name, values, goal]) => `| ${name} | ${values.join(' | ')} | ${goal} |`),
  );
  for (const t of targets) await t.service.stop();
}

// ---- import ----------------------------------------------------------------------------------
const { createDemoApi } = measures('import')
  ? await (async () => {
      const vite = await createViteServer({
        root,
        server: { middlewareMode: true },
        appType: 'custom',
        logLevel: 'error',
      });
      const module = await vite.ssrLoadModule('/mocks/demo-api.ts');
      await vite.close();
      return module;
    })()
  : { createDemoApi: null };
const importServer = measures('import')
  ? await startStaticServer({
      root: resolve(root, 'dist'),
      headers: { 'Content-Security-Policy': STRICT_CSP },
      api: {
        prefix: '/api/v1',
        handle: (
          (api) => (method, path, body) =>
            api.handle(method, path, body)
        )(createDemoApi()),
      },
    })
  : null;

// The import case: two 20 MB EES tidy CSVs, made at run time from committed cuts of real DfE
// files by repeating their local authority rows under invented codes, and chosen through the
// Import page's file input. One is the referrals file (a row per area and year); the other the
// children looked after file, a breakdown in rows (three rows per area and year, one for each
// population_type). Timed in the page from the input's change event to the preview (its list of
// indicator columns); then, with a breakdown value chosen where the page offers one, the cost of
// ticking a column, from the click until the page is updated and until the next frame is drawn.
const IMPORT_BYTES = 20 * 1024 * 1024;
const importDir = mkdtempSync(join(tmpdir(), 'bench-import-'));

/** Repeats a cut's local authority rows under invented codes until the file is 20 MB. */
function bigFile(fixture, name) {
  const [header, ...rows] = readFileSync(resolve(root, 'test/fixtures/import', fixture), 'utf8')
    .trim()
    .split('\n');
  const columns = header.replace(/^\uFEFF/, '').split(',');
  const [oldCode, newCode, laName] = ['old_la_code', 'new_la_code', 'la_name'].map((c) => columns.indexOf(c));
  const local = rows.filter((line) => line.includes(',Local authority,') && !line.includes('"'));
  const lines = [header, ...rows];
  let size = lines.join('\n').length;
  for (let copy = 1; size < IMPORT_BYTES; copy++) {
    for (const line of local) {
      const cells = line.split(',');
      cells[oldCode] = String(900 + copy);
      cells[newCode] = `E99${String(copy).padStart(6, '0')}`;
      cells[laName] = `${cells[laName]} copy ${copy}`;
      const next = cells.join(',');
      lines.push(next);
      size += next.length + 1;
    }
  }
  const path = join(importDir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, name, bytes: size, rows: lines.length - 1 };
}

const COLUMN_BOX = '.import-columns input[type="checkbox"]';
const TICKS = 10;

async function importRun(file, breakdown) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${importServer.url}/import`);
  await page.getByLabel('Choose a CSV or Excel file').waitFor();
  await page.evaluate((box) => {
    window.__import = { longest: 0 };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__import.longest = Math.max(window.__import.longest, entry.duration);
      }
    }).observe({ type: 'longtask' });
    document.addEventListener('change', () => (window.__import.start ??= performance.now()), {
      capture: true,
    });
    new MutationObserver(() => {
      if (!window.__import.end && document.querySelector(box)) window.__import.end = performance.now();
    }).observe(document.body, { subtree: true, childList: true });
  }, COLUMN_BOX);
  await page.getByLabel('Choose a CSV or Excel file').setInputFiles(file.path);
  await page.waitForFunction(() => window.__import.end !== undefined, null, { timeout: 120_000 });
  const ms = await page.evaluate(() => window.__import.end - window.__import.start);
  const longest = await page.evaluate(() => window.__import.longest);
  if (breakdown) {
    const choice = page.getByRole('combobox', { name: new RegExp(`^${breakdown.filter}`) });
    if ((await choice.count()) > 0) await choice.selectOption({ label: breakdown.value });
  }
  // Each tick: click a column's box, then wait for the page to update and the next frame.
  const ticks = await page.evaluate(
    async ({ box, count }) => {
      const input = document.querySelector(box);
      const times = [];
      for (let i = 0; i < count; i++) {
        const start = performance.now();
        input.click();
        // React commits a click's update in a microtask queued during the click, before this one.
        await Promise.resolve();
        const committed = performance.now();
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        times.push({ committed: committed - start, drawn: performance.now() - start });
      }
      return times;
    },
    { box: COLUMN_BOX, count: TICKS },
  );
  await context.close();
  return { ms, longest, ticks };
}

const importCases = [];
if (measures('import')) {
  const cases = [
    {
      file: bigFile('dfe-referrals-cut.csv', 'referrals-20mb.csv'),
      label: 'referrals, a row per area and year',
    },
    {
      file: bigFile('dfe-cla-rates-cut.csv', 'looked-after-20mb.csv'),
      label: 'children looked after, a breakdown in rows',
      breakdown: { filter: 'population_type', value: 'Children looked after on 31 March each year' },
    },
  ];
  for (const { file, label, breakdown } of cases) {
    const runsOf = [];
    for (let i = 0; i < Math.min(runs, 3); i++) runsOf.push(await importRun(file, breakdown));
    importCases.push({ file, label, runs: runsOf });
  }
}
rmSync(importDir, { recursive: true, force: true });
await importServer?.close();
const importRows = [];
for (const { file, label, runs: importRuns } of importCases) {
  const ticks = importRuns.flatMap((r) => r.ticks);
  importRows.push(
    [
      `Import page: a ${(file.bytes / 1024 / 1024).toFixed(1)} MB EES CSV (${label}; ${file.rows.toLocaleString('en-GB')} rows), file chosen to preview shown (median of ${importRuns.length})`,
      `**${median(importRuns.map((r) => r.ms)).toFixed(0)} ms**`,
      'a few seconds',
    ],
    [
      '… its longest main-thread task (the file is read in a worker)',
      `${median(importRuns.map((r) => r.longest)).toFixed(0)} ms`,
      'page stays responsive',
    ],
    [
      `… ticking an indicator column: click to next frame drawn (median / slowest of ${ticks.length})`,
      `**${median(ticks.map((t) => t.drawn)).toFixed(0)} ms** / ${Math.max(...ticks.map((t) => t.drawn)).toFixed(0)} ms`,
      'under 50 ms',
    ],
    [
      '… of which the page’s own work: click to the page updated (median / slowest)',
      `${median(ticks.map((t) => t.committed)).toFixed(1)} ms / ${Math.max(...ticks.map((t) => t.committed)).toFixed(1)} ms`,
      '',
    ],
  );
}

if (importRows.length > 0) {
  output.push(
    '\n| Import | Result | Bar |\n| --- | --- | --- |',
    ...importRows.map((row) => `| ${row.join(' | ')} |`),
  );
}

// ---- server ----------------------------------------------------------------------------------
if (measures('server')) {
  const demoServer = await startStaticServer({ root: resolve(root, 'dist-demo') });
  const demoBoard = await startService(root, {});
  const [viewer] = await signedInViewers(demoBoard.url, 1);
  const targets = {
    demo: { name: 'demo', service: { url: demoServer.url }, cookie: 'none=1' },
    service: { name: 'service', service: demoBoard, cookie: viewer },
  };
  const firstCharts = { demo: [], service: [] };
  for (let i = 0; i < runs; i++) {
    for (const key of ['demo', 'service']) {
      const result = await coldLoad(browser, targets[key], '/', { width: 1280, height: 900 });
      firstCharts[key].push(result.firstChart);
    }
  }
  await demoBoard.stop();
  await demoServer.close();
  output.push(
    '\n| Data service | Result | Bar |\n| --- | --- | --- |',
    `| First chart line drawn on the overview, signed in, through the data service / through the MSW demo, same run (median [min–max] of ${runs}) | **${spread(firstCharts.service)}** / ${spread(firstCharts.demo)} | no slower than the demo |`,
  );
  const engines = [{ name: 'PGlite (embedded)', env: {} }];
  const postgres = await postgresDatabase();
  if (postgres) engines.push({ name: 'PostgreSQL 15', env: { DATABASE_URL: postgres.url } });
  for (const engine of engines) {
    console.error(`Loading the big board on ${engine.name}…`);
    const service = await startService(root, engine.env);
    const cookies = await prepareBoard(service.url);
    const requests = await overviewRequests(browser, service.url, cookies[0]);
    const scenarios = [
      [
        'the overview opened, each time drawn anew (the page drawn by the service, and any API reads)',
        requests.opened,
        { drawAnew: true },
      ],
      ['the overview opened again by the same people (the page the service kept)', requests.opened, {}],
      ['the overview reached from another page (its API reads)', requests.reached, {}],
    ];
    for (const [what, paths, options] of scenarios) {
      await load(service.url, paths, cookies, 3, options); // warm up
      const r = await load(service.url, paths, cookies, 10, options);
      output.push(
        `| ${engine.name}: ${what}: ${paths.join(', ')}; ${CONNECTIONS} signed-in people at once, ${INDICATORS} indicators × 80 quarters × 3 comparators | **${r.requestsPerSecond.toFixed(0)} requests/s**, p50 ${r.p50.toFixed(1)} ms, **p95 ${r.p95.toFixed(1)} ms**, p99 ${r.p99.toFixed(1)} ms (${r.requests.toLocaleString('en-GB')} requests, ${r.non2xx} not 2xx) | p95 under 50 ms on PostgreSQL |`,
      );
    }
    await service.stop();
  }
  await postgres?.drop();
}

// ---- large: what the lists hand over on the large board (issue 22) -----------------------------
if (measures('large')) {
  const largeDir = mkdtempSync(join(tmpdir(), 'bench-large-'));
  console.error('Loading the large board (npm run board:large)…');
  execSync(`node test/tools/large-board.mjs --data-dir ${largeDir} --password "${LARGE_PASSWORD}"`, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const service = await startService(root, { DATA_DIR: largeDir, SEED: 'none' });
  const cookie = await signIn(service.url, { email: 'person001@large-board.test', password: LARGE_PASSWORD });
  const size = async (path, session = cookie) => {
    const reply = await fetch(`${service.url}${path}`, { headers: { Cookie: session } });
    if (reply.status !== 200) throw new Error(`${path} answered ${reply.status}`);
    const body = Buffer.from(await reply.arrayBuffer());
    return { raw: body.length, gzip: gzipSync(body).length };
  };
  const kB = ({ raw, gzip }) => `${(raw / 1000).toFixed(1)} kB (${(gzip / 1000).toFixed(1)} kB gzip)`;
  const sum = (sizes) =>
    sizes.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  const featured = '/api/v1/indicators/large-indicator-001';
  const rows = [
    [
      'Indicators list: its data',
      [await size('/api/v1/indicators')],
      [await size('/api/v1/indicators/summary')],
    ],
    [
      'Overview: its tiles’ data, and the featured chart’s indicator',
      [await size('/api/v1/indicators?headline=true'), await size(featured)],
      [await size('/api/v1/indicators/summary?headline=true'), await size(featured)],
    ],
  ];
  // The board's lists (issue 22, part two): the quality assurance page, the action plan and the
  // quarterly returns, read by an editor (who may read every agency's return), whole and as the page
  // now reads them (one reporting year; the returns a page of rounds at a time).
  const editor = await signIn(service.url, { email: 'person007@large-board.test', password: LARGE_PASSWORD });
  const { currentYear } = await (
    await fetch(`${service.url}/api/v1/board`, { headers: { Cookie: cookie } })
  ).json();
  const asEditor = (path) => size(path, editor);
  const listRows = [
    [
      'Quality assurance: audits (schedule, actions arising) and reviews',
      [await asEditor('/api/v1/audits'), await asEditor('/api/v1/serious-case-reviews')],
      [await asEditor(`/api/v1/audits?year=${currentYear}`), await asEditor('/api/v1/serious-case-reviews')],
    ],
    [
      'Action plan: the plan and the Ofsted recommendations',
      [await asEditor('/api/v1/action-plan'), await asEditor('/api/v1/ofsted-recommendations')],
      [
        await asEditor(`/api/v1/action-plan?year=${currentYear}`),
        await asEditor('/api/v1/ofsted-recommendations'),
      ],
    ],
    [
      'Quarterly returns: the rounds and the late agencies',
      [await asEditor('/api/v1/returns'), await asEditor('/api/v1/returns/late-by-agency')],
      [await asEditor('/api/v1/returns?page=1'), await asEditor('/api/v1/returns/late-by-agency')],
    ],
  ];
  const pageRows = [];
  for (const page of ['/quality-assurance', '/action-plan', '/returns']) {
    pageRows.push(
      `| The page drawn by the service, data inside: ${page} | | ${kB(await asEditor(page))} | |`,
    );
  }
  const overBar = [...rows, ...listRows].filter(([, , after]) => sum(after).gzip > 100_000);
  output.push(
    '',
    '| Large board (200 indicators × 40 quarters × 3 comparators): what a page hands over | before (GET /indicators) | after (GET /indicators/summary) | Bar |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      ([what, before, after]) =>
        `| ${what} | ${kB(sum(before))} | **${kB(sum(after))}** | at most 100 kB gzip |`,
    ),
    `| The page drawn by the service, data inside: /indicators | | ${kB(await size('/indicators'))} | |`,
    `| The page drawn by the service, data inside: / | | ${kB(await size('/'))} | |`,
    '',
    `| Large board (5 years of audits and actions, 40 agencies × 40 rounds of returns): what a list hands over | before (the whole list) | after (${currentYear}; returns page 1) | Bar |`,
    '| --- | --- | --- | --- |',
    ...listRows.map(
      ([what, before, after]) =>
        `| ${what} | ${kB(sum(before))} | **${kB(sum(after))}** | at most 100 kB gzip |`,
    ),
    ...pageRows,
    '',
    overBar.length === 0
      ? 'Every list and the overview hand over at most 100 kB gzip (the bar).'
      : `Over the bar (100 kB gzip): ${overBar.map(([what]) => what).join('; ')}.`,
  );
  if (overBar.length > 0) process.exitCode = 1;
  await service.stop();
  rmSync(largeDir, { recursive: true, force: true });
}

// ---- entry: the blocking time after the first paint on the large board's five pages, paired --
/**
 * This build (and --baseline's, before it), each started on a large board of its own (PGlite) with
 * person001 signed in; `stop()` stops them all.
 */
async function largeBoardTargets() {
  const targets = [];
  for (const [name, build] of baseline
    ? [
        ['before', baseline],
        ['after', root],
      ]
    : [['this build', root]]) {
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-large-'));
    console.error(`Loading the large board for ${name}…`);
    execSync(`node test/tools/large-board.mjs --data-dir ${dataDir} --password "${LARGE_PASSWORD}"`, {
      cwd: build,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const service = await startService(build, { DATA_DIR: dataDir, SEED: 'none' });
    const cookie = await signIn(service.url, {
      email: 'person001@large-board.test',
      password: LARGE_PASSWORD,
    });
    targets.push({ name, service, cookie, dataDir });
  }
  return {
    targets,
    async stop() {
      for (const t of targets) {
        await t.service.stop();
        rmSync(t.dataDir, { recursive: true, force: true });
      }
    },
  };
}

if (measures('entry')) {
  const large = await largeBoardTargets();
  // What the start costs is the blocking time after the first paint, and its longest task: the
  // entry runs React's renderer in a task of its own (src/main.tsx), so no one script's evaluation
  // says it (the entry's own was measured until stop 42).
  const targets = large.targets.map((t) => ({ ...t, blocking: new Map() }));
  for (const { path } of BAR_PAGES) {
    console.error(`Blocking time after the first paint on ${path} at 4x CPU, ${runs} cold loads each…`);
    for (let i = 0; i < runs; i += 1)
      for (const t of targets) {
        const seen = t.blocking.get(path) ?? [];
        seen.push(await blockingAfterPaint(browser, `${t.service.url}${path}`, t.cookie));
        t.blocking.set(path, seen);
      }
  }
  output.push(
    '',
    `| Blocking time after the first paint (its longest task), cold, 4x CPU, 412 px, large board (median [min–max] of ${runs}) | ${targets.map((t) => t.name).join(' | ')} |`,
    `| --- | ${targets.map(() => '---').join(' | ')} |`,
    ...BAR_PAGES.map(({ path, name }) => {
      const cell = (t) => {
        const seen = t.blocking.get(path);
        return `${spread(seen.map((s) => s.blocking))} (${spread(seen.map((s) => s.longest))})`;
      };
      return `| ${name} (${path}) | ${targets.map(cell).join(' | ')} |`;
    }),
  );
  await large.stop();
}

// ---- cpu: the service's own CPU per page drawn anew, paired ----------------------------------
if (measures('cpu')) {
  const ticks = Number(execSync('getconf CLK_TCK').toString().trim());
  /** The service's CPU so far, user and system, in ms. */
  const cpuOf = (pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
  };
  const large = await largeBoardTargets();
  const targets = large.targets.map((t) => ({ ...t, perPage: new Map() }));
  let drawn = 0;
  const drawAnew = async (t, path, count) => {
    for (let i = 0; i < count; i += 1) {
      // An address of its own each time: never a page the service kept.
      const reply = await fetch(`${t.service.url}${path}?draw=${(drawn += 1)}`, {
        headers: { Cookie: t.cookie, 'Accept-Encoding': 'gzip' },
      });
      await reply.arrayBuffer();
      if (reply.status !== 200) throw new Error(`${path} answered ${reply.status}`);
    }
  };
  for (const { path } of BAR_PAGES) {
    console.error(`The service's CPU per page drawn anew on ${path}, ${runs} rounds of ${draws}…`);
    for (const t of targets) await drawAnew(t, path, 20); // warm
    for (let i = 0; i < runs; i += 1)
      for (const t of targets) {
        const before = cpuOf(t.service.pid);
        await drawAnew(t, path, draws);
        const each = t.perPage.get(path) ?? [];
        each.push((cpuOf(t.service.pid) - before) / draws);
        t.perPage.set(path, each);
      }
  }
  output.push(
    '',
    `| The service's CPU per page drawn anew, large board, PGlite (median [min–max] of ${runs} rounds of ${draws}) | ${targets.map((t) => t.name).join(' | ')} |`,
    `| --- | ${targets.map(() => '---').join(' | ')} |`,
    ...BAR_PAGES.map(
      ({ path, name }) =>
        `| ${name} (${path}) | ${targets.map((t) => spread(t.perPage.get(path), 2)).join(' | ')} |`,
    ),
  );
  await large.stop();
}

// ---- bars: issue 22's bars on the large board ------------------------------------------------
if (measures('bars')) {
  const { lines } = await measureBars(root, browser, {
    runs,
    databaseUrl,
    lighthouse: !args.includes('--no-lighthouse'),
    baseline,
  });
  output.push(...lines);
}

await browser.close();
const machine = `${process.platform} ${process.arch}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; load average ${loadsBefore} at the start, ${machineLoad()} at the end`;
console.log(output.join('\n'));
console.log(`\nMachine: ${machine}.`);

const after = firstPageJs(root);
if (after.gzip > 225) {
  console.error(`\nOver budget: first-page JS is ${after.gzip.toFixed(1)} kB gzip (at most 225 kB)`);
  process.exitCode = 1;
}
