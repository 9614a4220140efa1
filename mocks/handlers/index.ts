import { http, HttpResponse } from 'msw';
import { apiBaseUrl } from '../../src/api/client';
import { demoDataset, type DemoDataset } from '../data';
import { createDemoApi, type DemoApiStorage } from '../demo-api';

const STORAGE_KEY = 'lscb-dashboard:demo-api';

/**
 * In the browser, what the user records is kept for the rest of the browser session (a reload
 * keeps it; a new session starts from the demo dataset again). Tests keep it in memory only.
 */
const sessionStore: DemoApiStorage | undefined =
  typeof window !== 'undefined' && typeof sessionStorage !== 'undefined' && !import.meta.env.VITEST
    ? {
        load: () => {
          const saved = sessionStorage.getItem(STORAGE_KEY);
          return saved ? (JSON.parse(saved) as DemoDataset) : null;
        },
        save: (data) => sessionStorage.setItem(STORAGE_KEY, JSON.stringify(data)),
        clear: () => sessionStorage.removeItem(STORAGE_KEY),
      }
    : undefined;

/** One demo API per browser session (or test run); `demoApi.reset()` restores the dataset. */
export const demoApi = createDemoApi(demoDataset, sessionStore);

/**
 * The success-case handlers for every endpoint: one catch-all under the API base URL that defers
 * to the demo API, so every resource in the contract is served the same way. Tests add failures
 * per test with `server.use(...)`.
 */
export const handlers = [
  http.all(`${apiBaseUrl()}/*`, async ({ request }) => {
    const url = new URL(request.url);
    const base = new URL(apiBaseUrl(), url).pathname;
    const path = url.pathname.slice(base.length) + url.search;
    const body = request.method === 'GET' ? undefined : await request.json().catch(() => undefined);
    const reply = demoApi.handle(request.method, path, body);
    if (reply.status === 204) return new HttpResponse(null, { status: 204 });
    return HttpResponse.json(reply.body as Record<string, unknown>, { status: reply.status });
  }),
];
