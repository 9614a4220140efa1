import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { clear } from 'idb-keyval';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { demoApi } from '../mocks/handlers';
import { server } from '../mocks/node';

// A page's first render in jsdom on a busy machine takes longer than the default 1 s. (Its code is
// loaded before the file's first test: see test/render.tsx.)
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  cleanup();
  await clear();
  server.resetHandlers();
  demoApi.reset();
  localStorage.clear();
  sessionStorage.clear();
});
afterAll(() => server.close());

// A console error or warning in a test is a bug in the app or the test: fail on it.
beforeEach(() => {
  for (const method of ['error', 'warn'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      throw new Error(`console.${method} called: ${args.map(String).join(' ')}`);
    });
  }
});

// jsdom has no layout engine; recharts' ResponsiveContainer listens for resizes.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  }) as MediaQueryList;
