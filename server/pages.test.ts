import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardSchema } from '../src/api/contract/board';
import type { Indicator } from '../src/api/contract';
import { boardQueries, indicatorQueries, sessionQueries } from '../src/api/queries';
import type { Database } from './db/database';
import type { DehydratedState } from '@tanstack/react-query';
import { KeptText, PageMarks } from './http/page-cache';
import { scriptJson, stateJson } from './http/server-render';
import { inlineStylesheets } from './http/static-files';
import { people, type TestPerson } from './test/fixtures';
import { startService, type Client, type TestService } from './test/service';

// Issue 13: the data service draws the page it serves (React's server rendering) and hands the
// browser the data it drew it from, in a JSON block the strict CSP needs no inline script for.

const INDEX = `<!doctype html>
<html lang="en-GB">
  <head><meta charset="UTF-8" /><title>Safeguarding dashboard</title>
  <link rel="stylesheet" crossorigin href="/assets/index-test.css">
  <script type="module" src="/boot.js" data-app="/assets/index-test.js"></script></head>
  <body><div id="root"></div></body>
</html>`;

const CSS = 'body{color:#0b0c0c}.tile>a[href]::after{content:"\\2192"}';
/** How a policy names the stylesheet above. */
const CSS_HASH = `'sha256-${createHash('sha256').update(CSS).digest('base64')}'`;

/** The build's manifest: which chunks each lazily loaded page needs. */
const MANIFEST = {
  'index.html': { file: 'assets/index-test.js', isEntry: true },
  'src/features/indicators/indicators-page.tsx': {
    file: 'assets/indicators-page-test.js',
    isDynamicEntry: true,
    imports: ['index.html', '_labels-test.js'],
  },
  '_labels-test.js': { file: 'assets/labels-test.js', imports: ['index.html'] },
};

let service: TestService;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sbd-pages-'));
  await writeFile(join(dir, 'index.html'), INDEX);
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'assets', 'index-test.css'), CSS);
  await mkdir(join(dir, '.vite'));
  await writeFile(join(dir, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
  service = await startService({ env: { STATIC_DIR: dir } });
});
afterAll(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

async function page(client: Client | null, path: string, headers: Record<string, string> = {}) {
  return pageAt(service.url, client, path, headers);
}

/** A page as one instance of the service serves it. */
async function pageAt(
  base: string,
  client: Client | null,
  path: string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${base}${path}`, {
    redirect: 'manual',
    headers: { Accept: 'text/html', ...(client?.cookie ? { Cookie: client.cookie } : {}), ...headers },
  });
  const html = await response.text();
  const state = /<script type="application\/json" id="app-state">([^<]*)<\/script>/.exec(html)?.[1];
  return {
    status: response.status,
    headers: response.headers,
    html,
    /** The query cache handed over: each query's key and data. */
    queries: state
      ? (JSON.parse(state) as { queries: { queryKey: unknown[]; state: { data: unknown } }[] }).queries
      : null,
  };
}

/** What the page handed over for one of the dashboard's queries. */
function handedOver(
  queries: { queryKey: unknown[]; state: { data: unknown } }[] | null,
  key: readonly unknown[],
) {
  return queries?.find((q) => JSON.stringify(q.queryKey) === JSON.stringify(key))?.state.data;
}

/** A change made in the database as the service's own writes make it: readers' data version moves on. */
async function writeAsTheServiceDoes(sql: string, params: unknown[]) {
  await service.db.query(sql, params);
  await service.db.query('update service_state set data_version = data_version + 1');
}

const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, '’')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('a board not set up yet (SEED=none)', () => {
  it('has its pages drawn by the browser, which learns the board is not there, and they answer 200', async () => {
    const fresh = await startService({ env: { STATIC_DIR: dir } });
    try {
      await fresh.db.query('delete from board');
      const admin = await fresh.as('administrator');
      for (const path of ['/', '/admin/board', '/partnership']) {
        const reply = await fetch(`${fresh.url}${path}`, {
          redirect: 'manual',
          headers: { Accept: 'text/html', Cookie: admin.cookie! },
        });
        // Drawn here with the board "loading", a part of the page hydrated after the browser had
        // heard "not there" would not match what was sent (React error 418 in the CI of stop 25).
        expect(reply.status, path).toBe(200);
        const html = await reply.text();
        expect(html, path).toContain('<div id="root"></div>');
        expect(html, path).not.toContain('app-state');
      }
    } finally {
      await fresh.close();
    }
  });
});

describe('a page drawn on the server', () => {
  it('shows the overview’s board, figures, narrative and chart before any JavaScript runs', async () => {
    const reply = await page(await service.as('viewer'), '/');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(reply.headers.get('cache-control')).toBe('private, no-store');
    const seen = text(reply.html);
    expect(seen).toContain('Wolverhampton Safeguarding Children Board');
    expect(seen).toContain('Overview');
    // The CSE story's latest figure, and the chart of it drawn as SVG with its line.
    expect(seen).toMatch(/\b130\b/);
    expect(reply.html).toMatch(/<svg[^>]*class="trend-chart__svg"/);
    expect(reply.html).toMatch(/<path[^>]*class="trend-chart__line"[^>]*d="M[\d.]+,[\d.]+L/);
    // Signed in as who, in the header.
    expect(seen).toContain(people.viewer.name);
  });

  it('hands over the data it was drawn from, so the browser fetches none of it again', async () => {
    const reply = await page(await service.as('viewer'), '/');
    const keys = reply.queries!.map((q) => JSON.stringify(q.queryKey));
    expect(keys).toEqual(
      expect.arrayContaining(
        [
          sessionQueries.current().queryKey,
          boardQueries.detail().queryKey,
          indicatorQueries.headline().queryKey,
          indicatorQueries.detail('cse-children-at-risk').queryKey,
          indicatorQueries.annotations().queryKey,
        ].map((key) => JSON.stringify(key)),
      ),
    );
    const board = handedOver(reply.queries, boardQueries.detail().queryKey);
    expect(board).toEqual((await (await service.as('viewer')).get('/board')).body);
  });

  it('has the build’s stylesheet written in, allowed by its hash and nothing else: the first paint waits for no second request', async () => {
    for (const client of [await service.as('viewer'), null]) {
      const reply = await page(client, client ? '/' : '/sign-in');
      expect(reply.status).toBe(200);
      expect(reply.html).toContain(`<style>${CSS}</style>`);
      expect(reply.html).not.toContain('index-test.css');
      expect(reply.html.match(/<style\b/g)).toHaveLength(1);
      const policy = reply.headers.get('content-security-policy')!;
      expect(policy).toContain(`style-src 'self' ${CSS_HASH};`);
      expect(policy).toContain("script-src 'self';");
    }
    // The API and the files keep the strict policy, which allows no inline style at all.
    for (const reply of [
      await (await service.as('viewer')).get('/board'),
      await fetch(`${service.url}/assets/index-test.css`),
    ]) {
      expect(reply.headers.get('content-security-policy')).toContain("style-src 'self';");
    }
    // A stylesheet that could close the element early, or that the build does not have, stays linked.
    const linked =
      '<link rel="stylesheet" href="/assets/a.css"><link rel="stylesheet" href="/assets/gone.css">';
    const files = new Map([['/assets/a.css', Buffer.from('a::after{content:"</style><script>"}')]]);
    expect(inlineStylesheets(linked, (path) => files.get(path))).toEqual({
      html: linked,
      policy: expect.stringContaining("style-src 'self';"),
    });
  });

  it('carries no inline script, no inline style but the build’s, and no event handler: the strict CSP stands', async () => {
    for (const path of [
      '/',
      '/indicators',
      '/indicators/cse-children-at-risk',
      '/quality-assurance',
      '/action-plan',
      '/partnership',
    ]) {
      const reply = await page(await service.as('viewer'), path);
      expect(reply.queries, path).not.toBeNull();
      for (const tag of reply.html.match(/<script\b[^>]*>/g) ?? []) {
        expect(tag, path).toMatch(/\bsrc="|type="application\/json"/);
      }
      expect(reply.html, path).not.toMatch(/\sstyle="/);
      expect(reply.html.match(/<style>[^<]*<\/style>/g), path).toEqual([`<style>${CSS}</style>`]);
      expect(reply.html, path).not.toMatch(/\son[a-z]+="/);
    }
  });

  it('keeps text from the data inside its JSON block, and as text on the page', async () => {
    const hostile = 'Board </script><script>alert(1)</script> & <b>co</b>';
    await writeAsTheServiceDoes('update board set name = $1', [hostile]);
    try {
      const reply = await page(await service.as('viewer'), '/');
      expect(reply.html).not.toContain('<script>alert(1)');
      expect(reply.html).not.toContain('<b>co</b>');
      const board = handedOver(reply.queries, boardQueries.detail().queryKey) as { name: string };
      expect(board.name).toBe(hostile);
    } finally {
      await writeAsTheServiceDoes('update board set name = $1', [
        'Wolverhampton Safeguarding Children Board',
      ]);
    }
    expect(JSON.parse(scriptJson({ a: '</script>\u2028<!--&' }))).toEqual({ a: '</script>\u2028<!--&' });
    expect(scriptJson({ a: '</script>\u2028<!--&' })).not.toMatch(/[<>&\u2028]/);
  });

  it('hands over the same data whether written for the page or kept for every page drawn from it', () => {
    const figures = Object.freeze({
      values: Object.freeze(Array.from({ length: 300 }, (_, i) => i)),
      note: '</script>\u2028 & ‘quoted’',
    });
    const board = Object.freeze({ name: 'Wolverhampton <Board>' });
    const query = (key: string, data: unknown, status = 'success') => ({
      queryKey: [key],
      queryHash: JSON.stringify([key]),
      dehydratedAt: 1,
      state: { data, dataUpdatedAt: 2, status },
    });
    const state = {
      mutations: [],
      queries: [
        query('figures', figures),
        query('board', board),
        query('session', { user: 'drawn for this page' }),
        query('pending', undefined, 'pending'),
      ],
    } as unknown as DehydratedState;
    const marks = new PageMarks();
    const json = stateJson(state, marks);
    // The figures (read once per data version, frozen, over 1 kB) are put in by their mark.
    expect(json).toContain('<!--kept 0-->');
    const whole = marks.resolve(json);
    expect(JSON.parse(whole)).toEqual(JSON.parse(scriptJson(state)));
    expect(whole).not.toMatch(/[<>&\u2028]/);
    // Another page drawn from the same data puts in the same kept text: written and compressed once.
    const kept = (m: PageMarks, text: string) =>
      m.page(text).pieces.filter((piece): piece is KeptText => piece instanceof KeptText);
    const again = new PageMarks();
    const [first] = kept(marks, json);
    expect(first).toBeDefined();
    expect(kept(again, stateJson(state, again))).toEqual([first]);
    expect(kept(again, stateJson(state, again))[0]).toBe(first);
  });

  it('draws charts for a phone’s column when the browser says it is a phone', async () => {
    const viewer = await service.as('viewer');
    const laptop = await page(viewer, '/', { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0' });
    expect(laptop.html).toContain('<div id="root" data-width-guess="640">');
    const phone = await page(viewer, '/', {
      'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148',
    });
    expect(phone.html).toContain('<div id="root" data-width-guess="320">');
    const hinted = await page(viewer, '/', { 'Sec-CH-UA-Mobile': '?1' });
    expect(hinted.html).toContain('<div id="root" data-width-guess="320">');
  });

  it.each(Object.keys(people) as TestPerson[])('is drawn for %s, as that person', async (person) => {
    const reply = await page(await service.as(person), '/');
    expect(reply.status).toBe(200);
    const session = handedOver(reply.queries, sessionQueries.current().queryKey) as {
      user: { email: string };
    };
    expect(session.user.email).toBe(people[person].email);
    expect(text(reply.html)).toContain(people[person].name);
  });

  it('leaves the meeting pack to the browser, which keeps it, with the header drawn', async () => {
    const reply = await page(await service.as('viewer'), '/meeting-pack');
    const seen = text(reply.html);
    expect(seen).toContain('Wolverhampton Safeguarding Children Board');
    expect(seen).toContain('Loading the page');
  });

  it('names the code of the page drawn, for boot.js to ask for with the entry, not after the entry has run', async () => {
    const viewer = await service.as('viewer');
    const head = (html: string) => html.slice(0, html.indexOf('</head>'));
    // Named, not fetched: nothing in the page asks for code before boot.js, once it is painted.
    const preloads = (html: string) => {
      expect(head(html)).not.toContain('modulepreload');
      return [...head(html).matchAll(/<meta name="app-chunks" content="([^"]+)">/g)].flatMap((m) =>
        m[1]!.split(' '),
      );
    };
    const indicators = (await page(viewer, '/indicators')).html;
    expect(preloads(indicators)).toEqual(['/assets/indicators-page-test.js', '/assets/labels-test.js']);
    // And the page drawn, by source, for the entry to load before it takes the page over.
    expect(indicators).toContain('data-pages="src/features/indicators/indicators-page.tsx">');
    // The overview is in the entry's own chunk: nothing more to ask for.
    expect(preloads((await page(viewer, '/')).html)).toEqual([]);
    // The manifest is read by the service, not served.
    expect((await fetch(`${service.url}/.vite/manifest.json`)).status).toBe(404);
  });

  it('case 6: an indicator that does not exist answers 404, with the page, which then says so', async () => {
    const viewer = await service.as('viewer');
    const reply = await page(viewer, '/indicators/does-not-exist');
    expect(reply.status).toBe(404);
    expect(reply.queries).not.toBeNull();
    expect(handedOver(reply.queries, indicatorQueries.detail('does-not-exist').queryKey)).toBeUndefined();
    // Kept, and answered 404 again; an indicator that is there answers 200.
    expect((await page(viewer, '/indicators/does-not-exist')).status).toBe(404);
    expect((await page(viewer, '/indicators/rereferrals-within-12-months')).status).toBe(200);
  });

  it('case 6: an address the app has no page for answers 404 with the not-found page', async () => {
    const viewer = await service.as('viewer');
    for (const path of ['/no-such-page', '/indicators/a/b', '/admin/nothing']) {
      const reply = await page(viewer, path);
      expect(reply.status, path).toBe(404);
      expect(text(reply.html), path).toContain('Page not found');
      expect(reply.html, path).toMatch(/<a[^>]*href="\/"/);
    }
    for (const path of ['/', '/indicators', '/returns', '/admin/people', '/meeting-pack']) {
      expect((await page(viewer, path)).status, path).toBe(200);
    }
  });
});

describe('a page the data service keeps, to serve again', () => {
  it('is served again to the same person, the same, with the data dated when it is received', async () => {
    const viewer = await service.as('viewer');
    const first = await page(viewer, '/partnership');
    const again = await page(viewer, '/partnership');
    expect(again.html).toBe(first.html);
    expect(again.headers.get('cache-control')).toBe('private, no-store');
    const zipped = await fetch(`${service.url}/partnership`, {
      headers: { Cookie: viewer.cookie!, 'Accept-Encoding': 'gzip' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(await zipped.text()).toBe(first.html);
  });

  it('is the same page drawn anew, plain or gzipped, with the parts and data it keeps put in', async () => {
    const viewer = await service.as('viewer');
    // Drawn once, so that the overview's parts and data are kept; then drawn anew (each address is
    // a page of its own), sent as it is and gzipped.
    await page(viewer, '/?draw=0');
    const plain = await page(viewer, '/?draw=1', { 'Accept-Encoding': 'identity' });
    const zipped = await page(viewer, '/?draw=2', { 'Accept-Encoding': 'gzip' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    for (const reply of [plain, zipped]) expect(reply.html).not.toContain('<!--kept');
    const drawn = (html: string) =>
      html.replace(/<script type="application\/json" id="app-state">[^<]*<\/script>/, '');
    expect(drawn(zipped.html)).toBe(drawn(plain.html));
    expect(text(plain.html)).toContain('Wolverhampton Safeguarding Children Board');
    expect(zipped.queries!.map((q) => q.queryKey)).toEqual(plain.queries!.map((q) => q.queryKey));
    for (const { queryKey, state } of plain.queries!) {
      expect(handedOver(zipped.queries, queryKey)).toEqual(state.data);
    }
  });

  it('is drawn anew once the board’s data has changed, with the new figures', async () => {
    const viewer = await service.as('viewer');
    const admin = await service.as('administrator');
    expect(text((await page(viewer, '/')).html)).toContain('Wolverhampton Safeguarding Children Board');
    const board = boardSchema.parse((await admin.get('/board')).body);
    const { id: _id, version, ...settings } = board;
    const renamed = await admin.request('PUT', '/board', { ...settings, name: 'Renamed Board', version });
    expect(renamed.status).toBe(200);
    try {
      const reply = await page(viewer, '/');
      expect(text(reply.html)).toContain('Renamed Board');
      expect(handedOver(reply.queries, boardQueries.detail().queryKey)).toMatchObject({
        name: 'Renamed Board',
      });
    } finally {
      const now = boardSchema.parse((await admin.get('/board')).body);
      await admin.request('PUT', '/board', { ...settings, version: now.version });
    }
  });

  it('is never served to anyone else: each person gets the page drawn for them, with their own rights', async () => {
    for (const person of ['viewer', 'administrator', 'viewer', 'police'] as TestPerson[]) {
      const reply = await page(await service.as(person), '/');
      const session = handedOver(reply.queries, sessionQueries.current().queryKey) as {
        user: { email: string };
      };
      expect(session.user.email, person).toBe(people[person].email);
      const seen = text(reply.html);
      expect(seen, person).toContain(people[person].name);
      for (const other of Object.keys(people) as TestPerson[]) {
        if (people[other].name !== people[person].name)
          expect(seen, person).not.toContain(people[other].name);
      }
    }
  });

  it('is drawn anew for a session whose role has changed', async () => {
    const editor = await service.as('editor');
    const before = text((await page(editor, '/')).html);
    expect(before).toContain(people.editor.name);
    // Not a change to the board's data: the data version stays where it is.
    await service.db.query("update app_user set role = 'viewer' where email = $1", [people.editor.email]);
    try {
      const reply = await page(editor, '/');
      const session = handedOver(reply.queries, sessionQueries.current().queryKey) as {
        user: { role: string };
      };
      expect(session.user.role).toBe('viewer');
    } finally {
      await service.db.query("update app_user set role = 'editor' where email = $1", [people.editor.email]);
    }
  });
});

/** A second instance of the service over the same database: it shares nothing else with the first. */
const sharedDb = (db: Database): Database =>
  Object.create(db, { close: { value: async () => undefined } }) as Database;

describe('the parts of a page drawn from the board’s data alone, kept to draw the next page', () => {
  it('shows a saved figure on the next page, in this instance and another', async () => {
    const second = await startService({ db: sharedDb(service.db), env: { STATIC_DIR: dir } });
    const admin = await service.as('administrator');
    const tiles = (await admin.get<{ indicators: Indicator[] }>('/indicators/summary?headline=true')).body;
    // A tile's figure for the year the overview shows (referrals to children's social care).
    const { currentYear } = boardSchema.parse((await admin.get('/board')).body);
    const tile = tiles.indicators.find(
      (i) => i.unit === 'count' && i.series.some((p) => p.period === currentYear && p.value !== null),
    )!;
    const before = (await admin.get<Indicator>(`/indicators/${tile.id}`)).body;
    try {
      // Each instance draws the overview, and keeps its parts, for two sessions.
      const viewers = [await service.as('viewer'), await service.as('viewer')];
      const elsewhere = [await second.as('viewer'), await second.as('viewer')];
      const drawn = [];
      for (const viewer of viewers) drawn.push((await page(viewer, '/')).html);
      for (const html of drawn) expect(text(html)).not.toContain('98,765');
      // The second page's panels are the first's, kept: the same HTML the browser takes over.
      const root = (html: string) => /<div id="root"[^>]*>([\s\S]*)<\/div><script/.exec(html)?.[1];
      expect(root(drawn[0]!)).toContain('data-part=');
      expect(root(drawn[1]!)).toBe(root(drawn[0]!));
      for (const viewer of elsewhere)
        expect(text((await pageAt(second.url, viewer, '/')).html)).not.toContain('98,765');

      const series = before.series.map((p) => (p.period === currentYear ? { ...p, value: 98765 } : p));
      const saved = await admin.request('PUT', `/indicators/${tile.id}`, {
        indicator: { ...before, series },
        version: before.version,
        reason: 'A corrected figure',
      });
      expect(saved.status).toBe(200);

      // A session already open and a new one, on both instances: the next page shows the new figure.
      expect(text((await page(viewers[0]!, '/')).html)).toContain('98,765');
      expect(text((await page(await service.as('viewer'), '/')).html)).toContain('98,765');
      expect(text((await pageAt(second.url, elsewhere[0]!, '/')).html)).toContain('98,765');
      expect(text((await pageAt(second.url, await second.as('viewer'), '/')).html)).toContain('98,765');
    } finally {
      const now = (await admin.get<Indicator>(`/indicators/${tile.id}`)).body;
      await admin.request('PUT', `/indicators/${tile.id}`, {
        indicator: { ...before, version: undefined },
        version: now.version,
        reason: 'Back as it was',
      });
      await second.close();
    }
  });
});

describe('a page for someone not signed in', () => {
  it('sends them to sign in, and back after', async () => {
    const reply = await page(null, '/action-plan?year=2016-17');
    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toBe('/sign-in?next=%2Faction-plan%3Fyear%3D2016-17');
  });

  it('is the page as built, with no data in it', async () => {
    const reply = await page(null, '/sign-in');
    expect(reply.status).toBe(200);
    expect(reply.html).toContain('<div id="root"></div>');
    expect(reply.queries).toBeNull();
  });

  it('after signing out, is no longer drawn with the board’s data', async () => {
    const viewer = await service.as('viewer');
    const cookie = viewer.cookie;
    await viewer.request('DELETE', '/session');
    const reply = await fetch(`${service.url}/`, { redirect: 'manual', headers: { Cookie: cookie! } });
    expect(reply.status).toBe(302);
    expect(await reply.text()).not.toContain('app-state');
  });
});
