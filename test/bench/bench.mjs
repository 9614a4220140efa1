// npm run bench: builds the app, serves the demo build on 127.0.0.1 and measures it in headless
// Chromium (median of 5 cold loads). Prints a Markdown table; the README quotes the latest one.
//   node test/bench/bench.mjs [--no-build] [--runs N] [--only load|import|server]
// `--only import` measures only the Import page (preview time and tick cost on a 20 MB file).
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { createServer as createViteServer } from 'vite';
import { STRICT_CSP, startStaticServer } from '../tools/static-server.mjs';
import {
  CONNECTIONS,
  INDICATORS,
  load,
  overviewRequests,
  postgresDatabase,
  prepareBoard,
  signedInViewers,
  startService,
} from './server-bench.mjs';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const measures = (name) => only === null || only === name;
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
  console.error('Building the production and demo apps…');
  execSync('npx vite build && npx vite build --mode demo && npx vite build --ssr', {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The JavaScript a build's index.html loads up front: its entry script and modulepreloads. */
function firstPageJs(dir) {
  const html = readFileSync(resolve(root, dir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  let raw = 0;
  let gzip = 0;
  for (const file of new Set(files)) {
    const bytes = readFileSync(resolve(root, dir, `.${file}`));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, raw, gzip };
}

const production = firstPageJs('dist');

// The production build is measured against a real HTTP API on 127.0.0.1 serving the same demo
// dataset (loaded through Vite's module runner, since the dataset is TypeScript).
const vite = await createViteServer({
  root,
  server: { middlewareMode: true },
  appType: 'custom',
  logLevel: 'error',
});
const { createDemoApi } = await vite.ssrLoadModule('/mocks/demo-api.ts');
const { demoDataset } = await vite.ssrLoadModule('/mocks/data/index.ts');
await vite.close();

// The large-dataset case: one indicator with a 10,000-point monthly series (with some suppressed
// values), drawn on its indicator page over its whole range.
const LONG = 10_000;
const FIRST_YEAR = 1190;
const longSeries = Array.from({ length: LONG }, (_, i) => {
  const month = 3 + i; // from April of FIRST_YEAR
  const year = FIRST_YEAR + Math.floor(month / 12);
  const period = `${year}-${String((month % 12) + 1).padStart(2, '0')}`;
  if (i % 997 === 500) return { period, value: null, symbol: 'c' };
  return { period, value: Math.round((200 + 80 * Math.sin(i / 60) + (i % 17) * 3 + i / 100) * 10) / 10 };
});
const longIndicator = {
  ...demoDataset.indicators.find((i) => i.id === 'training-attendees'),
  id: 'synthetic-long-series',
  title: 'Synthetic long series (10,000 monthly points)',
  shortTitle: 'synthetic long series',
  frequency: 'monthly',
  headline: false,
  target: null,
  series: longSeries,
  comparators: [],
};
const lastYear = longSeries.at(-1).period.slice(0, 4);
const longPath = `/indicators/synthetic-long-series?from=${FIRST_YEAR}-${String((FIRST_YEAR + 1) % 100).padStart(2, '0')}&to=${Number(lastYear) - 1}-${lastYear.slice(2)}`;
const api = createDemoApi();
const longApi = createDemoApi({ ...demoDataset, indicators: [...demoDataset.indicators, longIndicator] });

const demoServer = await startStaticServer({ root: resolve(root, 'dist-demo') });
const productionServer = await startStaticServer({
  root: resolve(root, 'dist'),
  headers: { 'Content-Security-Policy': STRICT_CSP },
  api: { prefix: '/api/v1', handle: (method, path, body) => api.handle(method, path, body) },
});
const longServer = await startStaticServer({
  root: resolve(root, 'dist'),
  api: { prefix: '/api/v1', handle: (method, path, body) => longApi.handle(method, path, body) },
});
const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });

/** One cold load: a fresh context (empty cache, no service worker), timed from navigation start. */
async function coldLoad(server, path, selector, { countJs = false, cookie = null } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (cookie) {
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: server.url }]);
  }
  const page = await context.newPage();
  // Counting bytes reads every script body in this process, which competes with the browser for
  // the CPU, so it happens only on an extra, untimed load.
  const jsBytes = { raw: 0, gzip: 0 };
  const pending = [];
  if (countJs) {
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(
        response
          .body()
          .then((body) => {
            jsBytes.raw += body.length;
            jsBytes.gzip += gzipSync(body, { level: 9 }).length;
          })
          .catch(() => {}),
      );
    });
  }
  await page.addInitScript((sel) => {
    window.__longTasks = { total: 0, max: 0 };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__longTasks.total += entry.duration;
        window.__longTasks.max = Math.max(window.__longTasks.max, entry.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
    const record = () => {
      if (window.__firstChart) return true;
      const line = document.querySelector(sel);
      if (line && /L/.test(line.getAttribute('d') ?? '')) {
        window.__firstChart = performance.now();
        return true;
      }
      return false;
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true });
  }, selector);
  await page.goto(`${server.url}${path}`);
  await page.waitForFunction(() => window.__firstChart !== undefined, null, { timeout: 30_000 });
  const firstChart = await page.evaluate(() => window.__firstChart);
  const points = await page.evaluate(
    (sel) => (document.querySelector(sel)?.getAttribute('d') ?? '').split('L').length,
    selector,
  );
  await page.waitForLoadState('networkidle');
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  const longTasks = await page.evaluate(() => window.__longTasks);
  await Promise.all(pending);
  await context.close();
  return { firstChart, heap, jsBytes, points, longTasks };
}

const loads = [];
const productionLoads = [];
const longLoads = [];
let demoJs = null;
if (measures('load')) {
  demoJs = (await coldLoad(demoServer, '/', 'path.recharts-line-curve', { countJs: true })).jsBytes;
  for (let i = 0; i < runs; i++) {
    loads.push(await coldLoad(demoServer, '/', 'path.recharts-line-curve'));
    productionLoads.push(await coldLoad(productionServer, '/', 'path.recharts-line-curve'));
  }
  for (let i = 0; i < runs; i++)
    longLoads.push(await coldLoad(longServer, longPath, 'path.recharts-line-curve'));
}

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
  await page.goto(`${productionServer.url}/import`);
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

// The data service: the overview through it (the demo board, a signed-in viewer) against the MSW
// demo in the same run; then the big board under 50 signed-in people at once, on each engine.
const serviceLoads = [];
const demoLoadsBeside = [];
const serverLoads = [];
if (measures('server')) {
  const demoBoard = await startService(root, {});
  const [viewer] = await signedInViewers(demoBoard.url, 1);
  for (let i = 0; i < runs; i++) {
    demoLoadsBeside.push(await coldLoad(demoServer, '/', 'path.recharts-line-curve'));
    serviceLoads.push(await coldLoad(demoBoard, '/', 'path.recharts-line-curve', { cookie: viewer }));
  }
  await demoBoard.stop();

  const engines = [{ name: 'PGlite (embedded)', env: {} }];
  const postgres = await postgresDatabase();
  if (postgres) engines.push({ name: 'PostgreSQL 15', env: { DATABASE_URL: postgres.url } });
  for (const engine of engines) {
    console.error(`Loading the big board on ${engine.name}…`);
    const service = await startService(root, engine.env);
    const cookies = await prepareBoard(service.url);
    const paths = await overviewRequests(browser, service.url, cookies[0]);
    await load(service.url, paths, cookies, 3); // warm up
    const result = await load(service.url, paths, cookies, 10);
    serverLoads.push({ engine: engine.name, paths, ...result });
    await service.stop();
  }
  await postgres?.drop();
}

await browser.close();
await demoServer.close();
await productionServer.close();
await longServer.close();

const rows = [
  [
    'First-page JS, production build (entry + preloads)',
    `${kB(production.raw)} raw, **${kB(production.gzip)} gzip**`,
    'at most 250 kB gzip',
  ],
];
if (measures('load')) {
  rows.push(
    [
      'First-page JS, demo build (adds MSW and the demo dataset)',
      `${kB(demoJs.raw)} raw, ${kB(demoJs.gzip)} gzip`,
      'not shipped to boards',
    ],
    [
      `Navigation to first chart line drawn, demo build with MSW (median of ${runs} cold loads)`,
      `**${median(loads.map((l) => l.firstChart)).toFixed(0)} ms**`,
      'well under 1,000 ms',
    ],
    [
      `Navigation to first chart line drawn, production build + HTTP API (median of ${runs})`,
      `**${median(productionLoads.map((l) => l.firstChart)).toFixed(0)} ms**`,
      'well under 1,000 ms',
    ],
    [
      'JS heap after load, after GC, demo build (median)',
      `${(median(loads.map((l) => l.heap)) / 1024 / 1024).toFixed(1)} MB`,
      '',
    ],
    [
      'JS heap after load, after GC, production build (median)',
      `${(median(productionLoads.map((l) => l.heap)) / 1024 / 1024).toFixed(1)} MB`,
      '',
    ],
    [
      `Indicator page with a ${LONG.toLocaleString('en-GB')}-point series: navigation to line drawn (median)`,
      `**${median(longLoads.map((l) => l.firstChart)).toFixed(0)} ms**`,
      'no freeze',
    ],
    [
      '… its longest main-thread task / all long tasks (median)',
      `${median(longLoads.map((l) => l.longTasks.max)).toFixed(0)} ms / ${median(longLoads.map((l) => l.longTasks.total)).toFixed(0)} ms`,
      '',
    ],
    [
      '… points drawn in its line (thinned, keeping every peak, trough and gap)',
      `${longLoads[0].points.toLocaleString('en-GB')} of ${LONG.toLocaleString('en-GB')}`,
      'table and CSV keep all',
    ],
    [
      '… its JS heap after load, after GC (median)',
      `${(median(longLoads.map((l) => l.heap)) / 1024 / 1024).toFixed(1)} MB`,
      '',
    ],
  );
}
for (const { file, label, runs: importRuns } of importCases) {
  const ticks = importRuns.flatMap((r) => r.ticks);
  rows.push(
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

const machine = `${process.platform} ${process.arch}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
console.log(`\n| Measure | Result | Bar |\n| --- | --- | --- |`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
const each = (list) => list.map((l) => `${l.firstChart.toFixed(0)} ms`).join(', ');
if (measures('load')) {
  console.log(
    `\nEach load to first chart: demo ${each(loads)}; production ${each(productionLoads)}. Machine: ${machine}.`,
  );
} else {
  console.log(`\nMachine: ${machine}.`);
}

if (serverLoads.length > 0) {
  const service = median(serviceLoads.map((l) => l.firstChart));
  const demo = median(demoLoadsBeside.map((l) => l.firstChart));
  console.log(
    `\n| Data service | Result | Bar |\n| --- | --- | --- |\n| First chart line drawn on the overview, signed in, through the data service / through the MSW demo, same run (median of ${runs}) | **${service.toFixed(0)} ms** / ${demo.toFixed(0)} ms | no slower than the demo |`,
  );
  for (const r of serverLoads) {
    console.log(
      `| ${r.engine}: the overview's ${r.paths.length} API reads (${r.paths.join(', ')}), ${CONNECTIONS} signed-in people at once, ${INDICATORS} indicators × 80 quarters × 3 comparators | **${r.requestsPerSecond.toFixed(0)} requests/s**, p50 ${r.p50} ms, **p95 ${r.p95} ms**, p99 ${r.p99} ms (${r.requests.toLocaleString('en-GB')} requests, ${r.non2xx} not 2xx, ${r.throughputMBs.toFixed(1)} MB/s) | p95 under 50 ms on PostgreSQL |`,
    );
  }
  console.log(
    `\nEach load to first chart: data service ${each(serviceLoads)}; demo ${each(demoLoadsBeside)}.`,
  );
}

const failures = [];
if (production.gzip > 250 * 1024) failures.push('first-page JS is over 250 kB gzip');
if (failures.length) {
  console.error(`\nOver budget: ${failures.join('; ')}`);
  process.exitCode = 1;
}
