// npm run bench: builds the app, serves the demo build on 127.0.0.1 and measures it in headless
// Chromium (median of 5 cold loads). Prints a Markdown table; the README quotes the latest one.
//   node test/bench/bench.mjs [--no-build] [--runs N]
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { createServer as createViteServer } from 'vite';
import { STRICT_CSP, startStaticServer } from '../tools/static-server.mjs';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
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
  execSync('npx vite build && npx vite build --mode demo', {
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
const api = createDemoApi();
await vite.close();

const demoServer = await startStaticServer({ root: resolve(root, 'dist-demo') });
const productionServer = await startStaticServer({
  root: resolve(root, 'dist'),
  headers: { 'Content-Security-Policy': STRICT_CSP },
  api: { prefix: '/api/v1', handle: (method, path, body) => api.handle(method, path, body) },
});
const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });

/** One cold load: a fresh context (empty cache, no service worker), timed from navigation start. */
async function coldLoad(server, path, selector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const jsBytes = { raw: 0, gzip: 0 };
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => null);
    if (!body) return;
    jsBytes.raw += body.length;
    jsBytes.gzip += gzipSync(body, { level: 9 }).length;
  });
  await page.addInitScript((sel) => {
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
  await page.waitForLoadState('networkidle');
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  await context.close();
  return { firstChart, heap, jsBytes };
}

const loads = [];
const productionLoads = [];
for (let i = 0; i < runs; i++) {
  loads.push(await coldLoad(demoServer, '/', 'path.recharts-line-curve'));
  productionLoads.push(await coldLoad(productionServer, '/', 'path.recharts-line-curve'));
}

await browser.close();
await demoServer.close();
await productionServer.close();

const demoJs = loads[0].jsBytes;
const rows = [
  [
    'First-page JS, production build (entry + preloads)',
    `${kB(production.raw)} raw, **${kB(production.gzip)} gzip**`,
    'at most 250 kB gzip',
  ],
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
];

const machine = `${process.platform} ${process.arch}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
console.log(`\n| Measure | Result | Bar |\n| --- | --- | --- |`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
const each = (list) => list.map((l) => `${l.firstChart.toFixed(0)} ms`).join(', ');
console.log(
  `\nEach load to first chart: demo ${each(loads)}; production ${each(productionLoads)}. Machine: ${machine}.`,
);

const failures = [];
if (production.gzip > 250 * 1024) failures.push('first-page JS is over 250 kB gzip');
if (failures.length) {
  console.error(`\nOver budget: ${failures.join('; ')}`);
  process.exitCode = 1;
}
