import { http, HttpResponse } from 'msw';
import { apiBaseUrl } from '../../src/api/client';
import { createDemoApi } from '../demo-api';

/** One demo API per browser session (or test run); `resetDemoApi()` restores the dataset. */
export const demoApi = createDemoApi();

/**
 * The success-case handlers for every endpoint: one catch-all under the API base URL that defers
 * to the demo API, so every resource in the contract is served the same way. Tests add failures
 * per test with `server.use(...)`.
 */
export const handlers = [
  http.all(`${apiBaseUrl()}/*`, async ({ request }) => {
    const url = new URL(request.url);
    const base = new URL(apiBaseUrl(), url).pathname;
    const path = url.pathname.slice(base.length);
    const body = request.method === 'GET' ? undefined : await request.json().catch(() => undefined);
    const reply = demoApi.handle(request.method, path, body);
    return HttpResponse.json(reply.body as Record<string, unknown>, { status: reply.status });
  }),
];
