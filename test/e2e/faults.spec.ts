import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Response, Route } from '@playwright/test';
import { createDemoApi } from '../../mocks/demo-api';
import { demoDataset } from '../../mocks/data';
import { endpoints } from '../../src/api/contract';
import { STRICT_CSP, startStaticServer } from '../tools/static-server.mjs';
import { expect, test } from './fixtures';

/**
 * Every page, every request it makes, every way that request can fail: the page says at once what
 * could not be loaded, offers Try again, and is whole again once the request succeeds.
 *
 * Nothing here is listed by hand. The routes are read from the router (`src/app/routes.tsx`); the
 * requests are the ones each route really makes, recorded on a first load, and each must be an
 * endpoint of the contract (`endpoints` in `src/api/contract`). A new page or endpoint is covered
 * the day it is added.
 *
 * Run on the production build served with the demo API over HTTP (as failures.spec.ts does), so
 * that `page.route` sees every request (no service worker in between). The demo has no
 * administration data (it answers 501) and no return rounds (an empty list, and 404 for a return),
 * so only the requests that succeed on a first load are failed; those pages' own requests are
 * covered by src/app/never-silent.test.tsx.
 *
 * Every run fails each request of each route once, the kinds of failure taken in turn along the
 * table (so every kind meets many routes): every route and every request is covered the day it is
 * added. With FAULTS=1 (FAULTS=1 npx playwright test faults) every request meets a dropped connection
 * and a body that breaks the contract, and each route every kind: some ten minutes with two
 * workers, which a run's budget does not have. On 4 December 2026 (after the gaps it found were
 * fixed: administration pages fetching before the person was known, the sign-in page's ways to
 * sign in, the overview's audit programme, a presentation's title slide) every route passed every
 * pair.
 */

const API = '/api/v1';
const root = resolve(import.meta.dirname, '../..');

/** The app's addresses, read from the router: nested paths joined to their parent's. */
function routesFromRouter(): string[] {
  const text = readFileSync(resolve(root, 'src/app/routes.tsx'), 'utf8');
  const paths: string[] = [];
  for (const match of text.matchAll(/\{\s*(index: true|path: '([^']+)')[^\n]*/g)) {
    const line = match[0];
    if (line.includes('<Navigate')) continue; // a redirect draws nothing of its own
    const path = match[2];
    if (path === undefined) {
      paths.push('/');
      continue;
    }
    if (path === '/' || path === '*') continue;
    paths.push(path.startsWith('/') ? path : `/${path}`);
  }
  return paths;
}

/** Parameters filled from the demo's data (a route whose data the demo does not have is kept, and says so). */
const params: Record<string, string> = {
  id: demoDataset.indicators[0]!.id,
  round: 'demo-round',
  agency: 'demo-agency',
};
const fill = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? name);

const contract = Object.entries(endpoints)
  .filter(([, e]) => e.method === 'GET')
  .map(([name, e]) => ({
    name,
    pattern: new RegExp(`^${e.path.replace(/\{\w+\}/g, '[^/]+')}/?$`),
  }));

/** The contract's name for a request the page made (a path and query), or null if the contract has no such endpoint. */
const endpointOf = (request: string) =>
  contract.find((e) => e.pattern.test(new URL(request, 'http://x').pathname))?.name ?? null;

const kinds = ['drop', 'contract', '401', '403', '404', 'html 500', 'malformed'] as const;
type Kind = (typeof kinds)[number];

function answer(route: Route, kind: Kind) {
  switch (kind) {
    case 'drop':
      return route.abort('failed');
    case '401':
    case '403':
    case '404':
      return route.fulfill({ status: Number(kind), json: { message: `Refused (${kind})` } });
    case 'html 500':
      return route.fulfill({
        status: 500,
        contentType: 'text/html',
        body: '<html><body><h1>Internal Server Error</h1></body></html>',
      });
    case 'malformed':
      return route.fulfill({ status: 200, contentType: 'application/json', body: '{"id": "wolverh' });
    case 'contract':
      return route.fulfill({ status: 200, json: { unexpected: true } });
  }
}

/**
 * With FAULTS=1, each request gets a dropped connection and a body that breaks the contract, and
 * the other five kinds are shared out among the route's requests in turn, so each route meets every
 * kind. Otherwise each request meets one kind, in turn from `start` (the route's place in the table).
 */
function plan(requests: string[], start: number): [string, Kind][] {
  if (!process.env.FAULTS) return requests.map((request, i) => [request, kinds[(start + i) % kinds.length]!]);
  const pairs: [string, Kind][] = [];
  requests.forEach((request) => pairs.push([request, 'drop'], [request, 'contract']));
  const rest = kinds.slice(2);
  if (requests.length > 0) rest.forEach((kind, i) => pairs.push([requests[i % requests.length]!, kind]));
  return pairs;
}

/**
 * What a person reads in the page's main area (and the header's board name), once the browser has
 * drawn what the page last added: `innerText` leaves out a part laid out only when in sight
 * (`content-visibility: auto`: each group of the indicators list) until a frame has been drawn
 * since it was added, and on a busy machine a first reading taken in between missed every group.
 */
const pageText = (page: Page) =>
  page.evaluate(async () => {
    await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
    return (
      [document.querySelector('header'), document.querySelector('main')]
        .map((e) => (e as HTMLElement | null)?.innerText ?? '')
        .join(' ')
        .split(/\s+/)
        .filter(Boolean)
        // Word by word: a chart drawn again may lay its labels out in another order.
        .sort()
        .join(' ')
    );
  });

const settled = async (page: Page) => {
  await expect(page.locator('main').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ has: page.locator('.spinner') })).toHaveCount(0);
};

test.describe('Every route, every request, every failure', () => {
  test.describe.configure({ timeout: 300_000 });
  const dist = resolve(root, 'dist');
  let server: Awaited<ReturnType<typeof startStaticServer>>;

  test.beforeAll(async () => {
    const api = createDemoApi();
    server = await startStaticServer({
      root: dist,
      headers: { 'Content-Security-Policy': STRICT_CSP },
      api: { prefix: API, handle: (method, path, body) => api.handle(method, path, body) },
    });
  });
  test.afterAll(() => server.close());

  const routes = routesFromRouter();

  test('the table is built from the router', () => {
    expect(routes).toEqual(expect.arrayContaining(['/', '/indicators', '/indicators/:id', '/returns']));
    expect(routes.length).toBeGreaterThan(15);
  });

  // Where each route starts in the kinds of failure: three on from the route before (three and the
  // seven kinds have no common factor, so the routes' first requests meet every kind in turn).
  let start = 0;
  for (const route of routes) {
    const first = start;
    start += 3;
    test(`${route}: each request failing in each way is said, and Try again recovers`, async ({
      page,
      allowConsole,
    }) => {
      allowConsole(/Failed to load resource|net::ERR_FAILED/);
      const address = `${server.url}${fill(route)}`;

      // A first load, untouched: which requests the route makes, and what it shows.
      // A request the demo cannot answer (administration: 501; a return: 404) never succeeds here, so
      // there is no recovery to see; the component tests cover those pages.
      const requests = new Set<string>();
      const onResponse = (response: Response) => {
        const url = new URL(response.url());
        if (response.request().method() === 'GET' && url.pathname.startsWith(API) && response.ok()) {
          requests.add(url.pathname.slice(API.length) + url.search);
        }
      };
      page.on('response', onResponse);
      const loading = Date.now();
      await page.goto(address);
      await settled(page);
      page.off('response', onResponse);
      // "Within a few seconds" on this machine as it is now: 8 s, or three times what the page took
      // to load untouched if that is longer (a busy machine is slower at everything). A page that
      // waits on a timer (a retry, a timeout) before saying so still fails on a quiet machine.
      const sayWithin = Math.max(8_000, 3 * (Date.now() - loading));
      const baseline = await pageText(page);
      // What the demo cannot answer (501) already offers Try again on a first load.
      const baselineRetries = await page.getByRole('button', { name: 'Try again' }).count();
      const baselineHeading = (await page.getByRole('heading', { level: 1 }).allTextContents()).join();
      // A route whose record the demo does not have shows the not-found page from the start: there,
      // only a message about the failed request counts as saying it.
      const baselineNotFound =
        (await page.getByRole('heading', { level: 1, name: /not found/i }).count()) > 0;
      for (const request of requests) {
        expect(endpointOf(request), `${request} is in the contract`).not.toBeNull();
      }

      let failing: { request: string; kind: Kind } | null = null;
      await page.route(`**${API}/**`, (r) => {
        const url = new URL(r.request().url());
        const request = url.pathname.slice(API.length) + url.search;
        if (failing && request === failing.request && r.request().method() === 'GET') {
          return answer(r, failing.kind);
        }
        return r.fallback();
      });

      for (const [request, kind] of plan([...requests], first)) {
        await test.step(`${request} answers ${kind}`, async () => {
          failing = { request, kind };
          await page.goto(address);
          // Said within a few seconds, never a wait for ever: a message with Try again (the sign-in
          // banner for a 401, the not-found page for a record that is not there).
          const notFound = page.getByRole('heading', { level: 1, name: /not found/i });
          // The board answering 404 is a board not set up yet (issue 23, case 5): the banner says so.
          const notSetUp = page.getByText('This board has not been set up yet');
          const retryable = page
            .getByRole('alert')
            .filter({ has: page.getByRole('button', { name: 'Try again' }) });
          if (endpointOf(request) === 'session' && kind === '404') {
            // Not a failure: a 404 for who is signed in is an API with no sign-in of its own (one
            // behind the council's), by design (sessionQueries in src/api/queries.ts). Nothing is
            // said of it; the page is the same page, with everything such an API offers, and what
            // of that the demo cannot answer (administration) says so, with Try again.
            await settled(page);
            await expect(page.getByRole('heading', { level: 1 })).toHaveText(baselineHeading);
            await expect(page.getByText('Who is signed in could not be checked')).toHaveCount(0);
            await expect(retryable).toHaveCount(
              await page.getByRole('button', { name: 'Try again' }).count(),
            );
            return;
          }
          // A 401 is said by the sign-in banner, or by the sign-in page the app goes to when who is
          // signed in is refused (and on the sign-in page itself, where the request failed, by a
          // message with Try again). An alert with Try again counts only if it is a new one: a route
          // whose record the demo does not have has one from the start.
          const signInSaid = page
            .getByText(/^(You need to sign in|Your session has ended)$/)
            .or(page.getByRole('heading', { level: 1, name: 'Sign in' }));
          const saidOtherwise =
            kind === '401' ? signInSaid : baselineNotFound ? notSetUp : notFound.or(notSetUp);
          await expect
            .poll(
              async () => (await retryable.count()) > baselineRetries || (await saidOtherwise.count()) > 0,
              { message: `${request} ${kind}: a message`, timeout: sayWithin },
            )
            .toBe(true);
          await settled(page);

          failing = null;
          if (kind === '401' && (await signInSaid.count())) {
            // Signing in brings the person back to the page: the sign-in page knows where to.
            const next = new URL(page.url()).searchParams.get('next');
            if (next !== null) expect(`${server.url}${next}`).toBe(address);
            await page.goto(address);
          } else if (kind === '404' && (await notSetUp.count())) {
            // Once the board is set up, the next visit shows it.
            await page.reload();
          } else if (
            kind === '404' &&
            !baselineNotFound &&
            (await page.getByRole('heading', { level: 1, name: /not found/i }).count())
          ) {
            // A record that is not there: the not-found page is the answer, with its way back.
            await expect(page.getByRole('main').getByRole('link').first()).toBeVisible();
            return;
          } else {
            const retry = page.getByRole('button', { name: 'Try again' });
            await expect(retry.first(), `${request} ${kind}: Try again`).toBeVisible();
            for (let i = 0; i < 5 && (await retry.count()) > baselineRetries; i++) {
              // A button may go as another's retry succeeds first: then there is one fewer to press.
              await retry
                .first()
                .click({ timeout: 5_000 })
                .catch(() => undefined);
              await settled(page);
            }
          }
          await settled(page);
          await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(baselineRetries);
          await expect
            .poll(() => pageText(page), { message: `${request} ${kind}: recovered` })
            .toBe(baseline);
        });
      }
    });
  }
});
