import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeAll } from 'vitest';
import * as pages from '../src/app/pages';
import { routes } from '../src/app/routes';
import { createQueryClient } from '../src/lib/query-client';

/**
 * Loads the code of every page the app loads on demand. A page's first import in a test file is
 * transformed and evaluated then, which on a busy 2-core machine took longer than the seconds a
 * test gives a page to say something: the test then failed on the machine, not on the app.
 */
export const preloadPages = () => Promise.all(Object.values(pages).map((page) => page.preload()));

// Every file that renders the app has its pages' code loaded before its first test, so that a
// test's waits measure the app. A budget, not a wait: a quiet machine takes about a second.
beforeAll(preloadPages, 120_000);

/**
 * The app's own query client (its 401 handling and its other defaults included, such as not asking
 * again for a failed query because another part of the page starts reading it), without retries or
 * refetching.
 */
export function createTestQueryClient() {
  const client = createQueryClient();
  const defaults = client.getDefaultOptions();
  client.setDefaultOptions({
    ...defaults,
    queries: { ...defaults.queries, retry: false, staleTime: Infinity, refetchOnWindowFocus: false },
    mutations: { ...defaults.mutations, retry: false },
  });
  return client;
}

/**
 * Renders the whole app at a URL, as a user would arrive at it, with a fresh cache: the tests'
 * query client unless given another (the browser's own, `createQueryClient()`, where the waits a
 * person meets, retries included, are what is tested).
 */
export function renderApp(url = '/', queryClient = createTestQueryClient()) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const user = userEvent.setup();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, router, queryClient, user };
}

/** Renders one component with a query client and a router around it. */
export function renderWithProviders(ui: ReactElement, url = '/') {
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [url] });
  const queryClient = createTestQueryClient();
  const user = userEvent.setup();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, router, queryClient, user };
}
