import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createDemoApi } from '../../mocks/demo-api';
import { STRICT_CSP, startStaticServer } from '../tools/static-server.mjs';
import { expect, test, waitForPanels } from './fixtures';

/**
 * The dashboard when its data service or its own code fails: bad links (the demo build), and, on
 * the production build against an HTTP API (no service worker between the page and the network),
 * a page chunk that cannot load and the board's details failing on every page.
 */
test.describe('Bad links', () => {
  test('a year the board does not report says which year is shown instead, and corrects the address', async ({
    page,
  }) => {
    await page.goto('/?year=2030-31');
    await expect(page.getByText('2030-31 is not a year this board reports; showing 2016-17.')).toBeVisible();
    await expect(page).toHaveURL(/\/\?year=2016-17$/);
    await expect(page.getByRole('combobox', { name: 'Reporting period' })).toHaveValue('2016-17');
  });

  test('an unknown indicator is a not-found page that links to the list', async ({ page, allowConsole }) => {
    allowConsole(/Failed to load resource: the server responded with a status of 404/);
    await page.goto('/indicators/does-not-exist');
    await expect(page.getByRole('heading', { level: 1, name: 'Indicator not found' })).toBeVisible();
    await page.getByRole('link', { name: 'See every indicator' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Indicators/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  });
});

test.describe('The production build when things fail', () => {
  const dist = resolve(import.meta.dirname, '../../dist');
  let server: Awaited<ReturnType<typeof startStaticServer>>;
  let boardAnswer: 'fail' | 'redirect' | 'ok' = 'fail';

  test.beforeAll(async () => {
    const api = createDemoApi();
    server = await startStaticServer({
      root: dist,
      headers: { 'Content-Security-Policy': STRICT_CSP },
      api: {
        prefix: '/api/v1',
        handle: (method, path, body) => {
          if (path === '/board' && boardAnswer === 'fail')
            return { status: 503, body: { message: 'Database down' } };
          return api.handle(method, path, body);
        },
      },
    });
  });
  test.afterAll(() => server.close());

  const routes = [
    ['/', 'Overview'],
    ['/indicators', 'Indicators'],
    ['/indicators/rereferrals-within-12-months', 'Re-referrals within 12 months of a previous referral'],
    ['/quality-assurance', 'Quality assurance'],
    ['/action-plan', 'Action plan'],
    ['/partnership', 'Partnership'],
    ['/section11', 'Section 11 self-assessment'],
    ['/meeting-pack', 'Meeting pack'],
    ['/import', 'Import your own data'],
  ] as const;

  for (const [path, heading] of routes) {
    test(`${path} says once that the board could not be loaded, and never waits for ever`, async ({
      page,
      allowConsole,
    }) => {
      allowConsole(/Failed to load resource: the server responded with a status of 503/);
      boardAnswer = 'fail';
      await page.goto(`${server.url}${path}?year=2017-18`);
      await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${heading}`) })).toBeVisible();
      await expect(
        page.getByRole('alert').filter({ hasText: 'The board’s details could not be loaded' }),
      ).toHaveCount(1);
      await waitForPanels(page);
      await expect(page.getByText('Safeguarding children board', { exact: true })).toHaveCount(0);
      await expect(page.getByText('Loading…')).toHaveCount(0);
      await expect(page.getByText(/due before \d+ \w+ 2026/)).toHaveCount(0);
    });
  }

  test('an API that redirects elsewhere is not followed with the person’s cookies, and is treated as a sign-in page', async ({
    page,
    allowConsole,
  }) => {
    allowConsole(/Failed to load resource/);
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) elsewhere.push(request.url());
    });
    await page.route('**/api/v1/board', (route) =>
      route.fulfill({ status: 302, headers: { Location: 'http://elsewhere.invalid/board' } }),
    );
    await page.goto(`${server.url}/`);
    await expect(page.getByText('You need to sign in')).toBeVisible();
    expect(elsewhere).toEqual([]);
  });

  test('a chunk that fails (a new deployment, a dropped connection) says so, keeps the header, and reloads once by itself', async ({
    page,
    allowConsole,
  }) => {
    allowConsole(/Failed to fetch dynamically imported module|net::ERR_FAILED|Failed to load resource/);
    boardAnswer = 'ok';
    await page.goto(`${server.url}/`);
    await waitForPanels(page);
    let loads = 0;
    page.on('load', () => (loads += 1));
    await page.route('**/assets/indicators-page-*.js', (route) => route.abort('failed'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indicators' }).click();

    const message = page
      .getByRole('alert')
      .filter({ hasText: 'A new version of the dashboard may be available' });
    await expect(message).toBeVisible();
    await expect(message).toContainText('Reload to get the latest version; nothing you have saved is lost.');
    // It reloaded once by itself, and not again.
    expect(loads).toBe(1);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByText('Wolverhampton Safeguarding Children Board')).toBeVisible();

    await page.unroute('**/assets/indicators-page-*.js');
    await message.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Indicators/ })).toBeVisible();
  });

  test('a meeting pack kept in the browser whose reading code fails to load is said so, left as it was, and read on Try again', async ({
    page,
    allowConsole,
  }) => {
    allowConsole(/Failed to fetch dynamically imported module|net::ERR_FAILED|Failed to load resource/);
    boardAnswer = 'ok';
    const kept = {
      state: {
        items: [{ id: 'a', type: 'audit-progress', year: '2016-17', note: 'Say this first' }],
        printNotes: false,
      },
      version: 1,
    };
    await page.addInitScript((value) => {
      if (!sessionStorage.getItem('pack-given')) {
        localStorage.setItem('lscb-dashboard:meeting-pack', value);
        sessionStorage.setItem('pack-given', 'yes');
      }
    }, JSON.stringify(kept));
    await page.route('**/assets/kept-pack-*.js', (route) => route.abort('failed'));
    await page.goto(`${server.url}/meeting-pack`);
    const banner = page
      .getByRole('alert')
      .filter({ hasText: 'The meeting pack kept in this browser could not be read' });
    await expect(banner).toBeVisible();
    // A chart pinned meanwhile is not written over the pack kept.
    await page.goto(`${server.url}/quality-assurance?year=2017-18`);
    await expect(banner).toBeVisible();
    await page
      .getByRole('button', { name: /^Pin to meeting pack/ })
      .first()
      .click();
    await expect(page.getByText(/^Pinned: added to the meeting pack\.$/)).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('lscb-dashboard:meeting-pack'))).toBe(
      JSON.stringify(kept),
    );

    await page.unroute('**/assets/kept-pack-*.js');
    await banner.getByRole('button', { name: 'Try again' }).click();
    await expect(banner).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Meeting pack, 2 charts' })).toBeVisible();
    await page.getByRole('link', { name: 'Meeting pack, 2 charts' }).click();
    await expect(page.getByRole('list', { name: 'Charts in the pack' }).getByRole('listitem')).toHaveCount(2);
    await expect(page.locator('textarea').first()).toHaveValue('Say this first');
  });

  /** A chunk and every chunk it imports statically: the code that runs before it can do anything. */
  async function staticClosure(file: string, into = new Map<string, string>()) {
    if (into.has(file)) return into;
    const code = await readFile(resolve(dist, 'assets', file), 'utf8');
    into.set(file, code);
    for (const [, next] of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g))
      await staticClosure(next!, into);
    return into;
  }

  /** Text only the contract's endpoint table, its returns schemas and zod itself hold. */
  const SCHEMA_TEXTS = ['/board/years', 'Choose a quarter such as Q1 2017-18', '$ZodType'];

  /** Which of `code`'s chunks hold each text; fails if no chunk of the build holds it at all. */
  async function schemasIn(code: Map<string, string>) {
    const assets = resolve(dist, 'assets');
    const files = (await readdir(assets)).filter((f) => f.endsWith('.js'));
    const found: Record<string, string[]> = {};
    for (const text of SCHEMA_TEXTS) {
      const holders = [];
      for (const file of files)
        if ((await readFile(resolve(assets, file), 'utf8')).includes(text)) holders.push(file);
      expect(holders, text).not.toEqual([]);
      found[text] = holders.filter((file) => code.has(file));
    }
    return found;
  }

  test('the first page’s code builds none of the contract’s schemas, nor zod: they load with the first API call', async () => {
    const html = await readFile(resolve(dist, 'index.html'), 'utf8');
    // The entry is named by boot.js's script, which runs it once the page is painted, and the
    // chunks it runs as it starts (React's renderer) by the page's app-chunks, asked for with it.
    const entry = /<script type="module" src="\/boot\.js" data-app="\/assets\/([^"]+)"/.exec(html)?.[1];
    expect(entry).toBeTruthy();
    const started = [...html.matchAll(/<meta name="app-chunks" content="([^"]+)">/g)].flatMap((m) =>
      m[1]!.split(' ').map((href) => href.replace(/^\/assets\//, '')),
    );
    expect(started.some((file) => file.startsWith('react-dom-'))).toBe(true);
    const code = new Map<string, string>();
    for (const file of [entry!, ...started]) await staticClosure(file, code);
    // In chunks of their own (the meeting pack kept in the browser is checked with them, when there is one).
    expect(await schemasIn(code)).toEqual(Object.fromEntries(SCHEMA_TEXTS.map((text) => [text, []])));
  });

  test('the pages of records load no schema until a form is opened: the indicator page, quality assurance and the action plan', async () => {
    const files = (await readdir(resolve(dist, 'assets'))).filter((f) => f.endsWith('.js'));
    for (const page of ['indicator-page', 'quality-assurance-page', 'action-plan-page']) {
      const chunk = files.find((f) => new RegExp(`^${page}-[\\w-]+\\.js$`).test(f));
      expect(chunk, page).toBeTruthy();
      const code = await staticClosure(chunk!);
      // Its forms are chunks it loads when one opens (lazyForm), and they hold the schemas.
      expect(await schemasIn(code), page).toEqual(Object.fromEntries(SCHEMA_TEXTS.map((text) => [text, []])));
      expect(code.get(chunk!), page).toMatch(/import\([`"']\.\/[\w-]*-forms?-[\w-]+\.js[`"']\)/);
    }
  });

  test('the page and the data service run React Router’s production build, not its development build', async () => {
    // Its package names the development build for every build (remix-run/react-router#14102): its
    // warnings and checks, run on every render, are in the code unless the build picks the other.
    for (const folder of [resolve(dist, 'assets'), resolve(dist, '../dist-server/assets')]) {
      const files = (await readdir(folder)).filter((f) => f.endsWith('.js'));
      expect(files).not.toEqual([]);
      for (const file of files)
        expect(await readFile(resolve(folder, file), 'utf8'), file).not.toContain(
          'You rendered descendant <Routes>',
        );
    }
  });

  test('publishes no source maps: none in the build folder, no reference in the code', async () => {
    const assets = await readdir(resolve(dist, 'assets'));
    expect(assets.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const file of assets.filter((f) => f.endsWith('.js'))) {
      expect(await readFile(resolve(dist, 'assets', file), 'utf8'), file).not.toContain('sourceMappingURL');
    }
  });
});
