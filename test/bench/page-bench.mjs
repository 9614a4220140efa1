// The page measures of issue 13, each build measured in turn in one run (before and after an
// change, paired): first-page JS, first contentful paint, first chart visible, longest main-thread
// task, layout shift at four widths, route change click to chart, and a 10,000-point series, all
// through the data service (the built app and its API on one origin, a signed-in board member).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { signedInViewers, signIn, ADMIN, startService } from './server-bench.mjs';

export const WIDTHS = [
  { width: 360, height: 780 },
  { width: 412, height: 915 },
  { width: 1280, height: 900 },
  { width: 1920, height: 1080 },
];

/**
 * The JavaScript a build's index.html loads up front: its scripts and modulepreloads, and the entry
 * and chunks boot.js asks for once the page is shown (gzip, kB = 1000 bytes).
 */
export function firstPageJs(root) {
  const html = readFileSync(resolve(root, 'dist/index.html'), 'utf8');
  const files = [
    ...[...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map(
      (m) => m[1],
    ),
    ...[...html.matchAll(/\bdata-app="([^"]+\.js)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<meta name="app-chunks" content="([^"]+)">/g)].flatMap((m) => m[1].split(' ')),
  ];
  let raw = 0;
  let gzip = 0;
  for (const file of new Set(files)) {
    const bytes = readFileSync(resolve(root, 'dist', `.${file}`));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: new Set(files).size, raw: raw / 1000, gzip: gzip / 1000 };
}

const LONG = 10_000;
const FIRST_YEAR = 1190;

function longIndicator() {
  const series = Array.from({ length: LONG }, (_, i) => {
    const month = 3 + i;
    const year = FIRST_YEAR + Math.floor(month / 12);
    const period = `${year}-${String((month % 12) + 1).padStart(2, '0')}`;
    if (i % 997 === 500) return { period, value: null, symbol: 'c' };
    return { period, value: Math.round((200 + 80 * Math.sin(i / 60) + (i % 17) * 3 + i / 100) * 10) / 10 };
  });
  return {
    id: 'synthetic-long-series',
    title: 'Synthetic long series (10,000 monthly points)',
    shortTitle: 'synthetic long series',
    theme: 'partnership',
    definition: 'A synthetic series for the benchmark.',
    unit: 'count',
    decimalPlaces: 0,
    polarity: 'neutral',
    frequency: 'monthly',
    target: null,
    headline: false,
    illustrative: true,
    source: { name: 'Benchmark', publisher: 'Benchmark' },
    series,
    comparators: [],
  };
}

const lastYear = (() => {
  const month = 3 + LONG - 1;
  const year = FIRST_YEAR + Math.floor(month / 12);
  return (month % 12) + 1 >= 4 ? year : year - 1;
})();
export const LONG_PATH = `/indicators/synthetic-long-series?from=${FIRST_YEAR}-${String((FIRST_YEAR + 1) % 100).padStart(2, '0')}&to=${lastYear}-${String((lastYear + 1) % 100).padStart(2, '0')}`;

/** A build's data service with the demo board, the long series published, and a signed-in viewer. */
export async function startTarget(name, root) {
  const service = await startService(root, {});
  const admin = await signIn(service.url, ADMIN);
  const reply = await fetch(`${service.url}/api/v1/indicators/synthetic-long-series`, {
    method: 'PUT',
    headers: { Origin: service.url, 'Content-Type': 'application/json', Cookie: admin },
    body: JSON.stringify({ indicator: longIndicator(), version: null, reason: 'benchmark' }),
  });
  if (reply.status !== 201) throw new Error(`publishing the long series failed: ${await reply.text()}`);
  const [cookie] = await signedInViewers(service.url, 1);
  return { name, root, service, cookie, js: firstPageJs(root) };
}

/** Installed before any page script: paints, the first chart, long tasks and layout shifts. */
function observe(selector) {
  const m = (window.__bench = { longest: 0, cls: 0, firstChart: null, fcp: null });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) m.longest = Math.max(m.longest, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) m.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === 'first-contentful-paint') m.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  const check = () => {
    if (m.firstChart !== null) return;
    for (const mark of document.querySelectorAll(selector)) {
      if (mark.closest('[data-bench-old]')) continue;
      // A line counts once it is drawn (a path with segments); a bar chart once it has a bar.
      const d = mark.getAttribute('d');
      if (mark.matches('path') && !mark.closest('svg.bar-chart__svg') && !/L/.test(d ?? '')) continue;
      m.firstChart = performance.now();
      m.points = (d ?? '').split('L').length;
      return;
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
}

// recharts' line, or the same line drawn as plain SVG by the server before recharts has loaded.
const LINE = 'path.recharts-line-curve, path.trend-chart__line';
const BARS = 'svg.bar-chart__svg rect, svg.bar-chart__svg path';

async function page(browser, target, viewport, selector) {
  const context = await browser.newContext({ viewport });
  const [cookieName, cookieValue] = target.cookie.split('=');
  await context.addCookies([{ name: cookieName, value: cookieValue, url: target.service.url }]);
  const p = await context.newPage();
  await p.addInitScript(observe, selector);
  return { context, page: p };
}

/** One cold load: fresh context, empty cache; the overview (or a path) until the network is idle. */
export async function coldLoad(browser, target, path, viewport, selector = LINE) {
  const { context, page: p } = await page(browser, target, viewport, selector);
  await p.goto(`${target.service.url}${path}`);
  await p.waitForFunction(() => window.__bench.firstChart !== null, null, { timeout: 60_000 });
  await p.waitForLoadState('networkidle');
  await p.waitForTimeout(500);
  const result = await p.evaluate(() => ({ ...window.__bench }));
  // A chart that came in the served HTML is seen at the first paint, not when it was parsed.
  if (result.fcp !== null) result.firstChart = Math.max(result.firstChart, result.fcp);
  await context.close();
  return result;
}

/** From the overview, a click on a link to the first chart drawn on the page it opens (a first visit). */
export async function routeChange(browser, target, link, selector) {
  const { context, page: p } = await page(browser, target, { width: 1280, height: 900 }, selector);
  await p.goto(`${target.service.url}/`);
  await p.waitForSelector(LINE, { timeout: 60_000 });
  await p.waitForLoadState('networkidle');
  await p.evaluate(() => {
    for (const svg of document.querySelectorAll('svg')) svg.setAttribute('data-bench-old', '');
    window.__bench.firstChart = null;
    document.addEventListener('click', () => (window.__bench.clicked = performance.now()), { capture: true });
  });
  const target_ = p.getByRole('link', { name: link.name, exact: true }).first();
  // A person's pointer reaches the link a moment before they click it.
  await target_.hover();
  await p.waitForTimeout(80);
  await target_.click();
  await p.waitForFunction(() => window.__bench.firstChart !== null, null, { timeout: 60_000 });
  const ms = await p.evaluate(() => window.__bench.firstChart - window.__bench.clicked);
  await context.close();
  return ms;
}

export const ROUTES = [
  {
    label: 'Overview → an indicator (a tile’s link)',
    name: 'Re-referrals within 12 months of a previous referral',
    selector: LINE,
  },
  { label: 'Overview → Quality assurance', name: 'Quality assurance', selector: BARS },
  { label: 'Overview → Partnership', name: 'Partnership', selector: BARS },
];

/** Every measure, `runs` times, the targets taken in turn within each run. */
export async function measurePages(browser, targets, runs) {
  const results = new Map(targets.map((t) => [t.name, { loads: [], cls: {}, routes: {}, long: [] }]));
  for (let run = 0; run < runs; run++) {
    for (const target of targets) {
      const r = results.get(target.name);
      for (const viewport of WIDTHS) {
        const load = await coldLoad(browser, target, '/', viewport);
        (r.cls[viewport.width] ??= []).push(load.cls);
        if (viewport.width === 1280) r.loads.push(load);
      }
      for (const route of ROUTES) {
        (r.routes[route.label] ??= []).push(await routeChange(browser, target, route, route.selector));
      }
      r.long.push(await coldLoad(browser, target, LONG_PATH, { width: 1280, height: 900 }));
    }
  }
  return results;
}

export const machineLoad = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

/** A page in a new browser context (nothing cached), signed in as `cookie`, closed after `measure`. */
async function withColdPage(browser, url, cookie, viewport, measure) {
  const [name, value] = cookie.split(/=(.*)/s);
  const context = await browser.newContext({ viewport, isMobile: viewport.width < 600 });
  try {
    await context.addCookies([{ name, value, url }]);
    return await measure(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/**
 * The main thread's blocking time after the first paint, cold, with the CPU slowed four times by
 * Chromium itself (not simulated, as Lighthouse does): each long task after the first contentful
 * paint counts beyond its first 50 ms, up to two seconds after the page has been taken over. Also
 * its longest task.
 */
export async function blockingAfterPaint(browser, url, cookie, viewport = { width: 412, height: 915 }) {
  return withColdPage(browser, url, cookie, viewport, async (page, context) => {
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    // Whatever the page does once taken over (a group taken over in a pass of its own) is counted.
    await page.waitForTimeout(2000);
    return await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      const after = window.__longTasks.filter(([start]) => start >= paint);
      return {
        blocking: after.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
        longest: Math.max(0, ...after.map(([, duration]) => duration)),
      };
    });
  });
}
