import type { APIRequestContext, Page } from '@playwright/test';
import {
  addPerson,
  ADMIN,
  removeDataDir,
  SERVICE_SETUP_BUDGET,
  startDataService,
  type DataService,
} from './data-service';
import { expect, test } from './fixtures';

interface Person {
  email: string;
  name: string;
  role: string;
  /** A contributor's agencies. */
  agencyIds?: readonly string[];
}

/**
 * The built data service for a spec's serial tests, with the people it names added with one
 * password; `prepare` sets the board up further through the API, signed in as the administrator.
 * `as` signs one of them in straight to a page.
 */
function boardWith<P extends Record<string, Person>>(
  people: P,
  password: string,
  options: {
    env?: Record<string, string>;
    prepare?: (api: (method: 'POST' | 'PUT', path: string, data: unknown) => Promise<void>) => Promise<void>;
  } = {},
) {
  let service: DataService;
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async ({ playwright }) => {
    // A new database and the people's passwords hashed: slow on a busy machine.
    test.setTimeout(SERVICE_SETUP_BUDGET);
    service = await startDataService(options.env ? { env: options.env } : undefined);
    const request: APIRequestContext = await playwright.request.newContext();
    for (const person of Object.values(people))
      await addPerson(request, service, { ...person, agencyIds: [...(person.agencyIds ?? [])] }, password);
    if (options.prepare) {
      const headers = { Origin: service.url, 'Content-Type': 'application/json' };
      const session = await request.post(`${service.url}/api/v1/session`, { headers, data: ADMIN });
      expect(session.ok()).toBe(true);
      await options.prepare(async (method, path, data) => {
        const reply = await request.fetch(`${service.url}/api/v1${path}`, { method, headers, data });
        expect(reply.ok(), `${method} ${path}: ${await reply.text()}`).toBe(true);
      });
    }
    await request.dispose();
  });

  test.afterAll(async () => {
    if (!service) return;
    await service.stop();
    removeDataDir(service.dataDir);
  });

  return {
    /**
     * Stops the data service and starts it again on the same database, with more environment
     * (such as a clock moved on): what the service then judges, it judges on its own.
     */
    async restart(env: Record<string, string>) {
      await service.stop();
      service = await startDataService({ dataDir: service.dataDir, env: { ...options.env, ...env } });
    },
    /** The service's address for a path. */
    url: (path: string) => `${service.url}${path}`,
    /**
     * Signs in straight to a page (on an empty board the overview would ask for indicators that
     * are not there yet, a 404 in the console, so it is not passed through).
     */
    async as(page: Page, who: keyof P, path: string) {
      await page.goto(`${service.url}/sign-in?next=${encodeURIComponent(path)}`);
      await page.getByLabel('Email address').fill(people[who]!.email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === path.split('?')[0]);
    },
  };
}

/** The demo board, with the people named. */
export function demoBoardWith<P extends Record<string, Person>>(people: P, password: string) {
  return boardWith(people, password);
}

/**
 * An empty database (SEED=none) with a board set up for 2018-19 (Sandwell) and the agencies
 * named, as the administrator's own pages (tested elsewhere) would set it up.
 */
export function newBoardWith<P extends Record<string, Person>>(
  people: P,
  password: string,
  agencies: { name: string; kind: string }[] = [],
) {
  return boardWith(people, password, {
    env: { SEED: 'none' },
    prepare: async (api) => {
      await api('PUT', '/board', {
        name: 'Sandwell Safeguarding Children Partnership',
        shortName: 'SSCP',
        area: { name: 'Sandwell', laCode: 'E08000028', oldLaCode: '333', region: 'West Midlands' },
        reportingYears: ['2018-19'],
        currentYear: '2018-19',
        dataAsAt: '2018-06-30',
        ofsted: null,
        illustrativeNotice: null,
        version: null,
      });
      for (const agency of agencies) await api('POST', '/agencies', agency);
    },
  });
}
