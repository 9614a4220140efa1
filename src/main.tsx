import { hydrate, type DehydratedState } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { loadContract } from './api/client';
import { App } from './app/app';
import { loadPages } from './app/lazy-page';
import { loadTrendSvg } from './components/charts/trend-chart';
import { asReceivedNow } from './lib/handed-over';
import { createQueryClient } from './lib/query-client';
import { readKeptPack } from './stores/meeting-pack-store';
import { initialTheme } from './stores/theme-store';
import './styles/index.css';
import './styles/service.css';

async function startMockApi() {
  // Compiled out of the production build: `__MOCKS_ENABLED__` is false there, so neither MSW nor
  // the demo dataset is bundled.
  if (!__MOCKS_ENABLED__) return;
  const { worker } = await import('../mocks/browser');
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}

document.documentElement.dataset.theme = initialTheme();
// The charts' tooltips (recharts) load once someone points at the page, ahead of their reaching a
// chart; the charts themselves are drawn without them. Nothing is lost if this fails.
addEventListener('pointermove', () => void loadTrendSvg().catch(() => undefined), {
  once: true,
  passive: true,
});

// No top-level await: a chunk loaded while this module was still being evaluated (the demo's mock
// API, which imports from this chunk) would wait for it for ever.
async function start() {
  await startMockApi();

  const root = document.getElementById('root')!;
  const queryClient = createQueryClient();
  // The data service drew this page on the server and sent the data it drew it from: start from
  // that data (no second fetch) and take over the page it drew, rather than drawing it again.
  const handedOver = document.getElementById('app-state');
  if (handedOver?.textContent)
    hydrate(queryClient, asReceivedNow(JSON.parse(handedOver.textContent) as DehydratedState));
  // The width the server drew the charts for: hydration starts from the same layout.
  const widthGuess = Number(root.dataset.widthGuess) || undefined;
  const hydrating = Boolean(handedOver && root.hasChildNodes());
  const app = (
    <StrictMode>
      <App queryClient={queryClient} widthGuess={widthGuess} hydrating={hydrating} />
    </StrictMode>
  );
  // A page the browser draws itself asks the API at once: fetch the contract with its own code.
  // (A page the data service drew needs it only for what it asks later.)
  if (!hydrating) void loadContract().catch(() => undefined);
  const nextTask = () => new Promise((resolve) => setTimeout(resolve));
  // React's renderer for the browser, in a task of its own: run with the rest of the code, it was
  // one task of 230 to 340 ms on a phone (Lighthouse's 4x slowdown), the longest after the page's
  // first paint. It is asked for with the entry (boot.js), so it is not waited for here.
  await nextTask();
  const { createRoot, hydrateRoot } = await import('react-dom/client');
  // The meeting pack this browser kept, read before the first drawing (at once when there is none;
  // with the code that checks it when there is), so that no page shows it empty first.
  await readKeptPack();
  if (hydrating) {
    // The code of the page drawn (asked for beside the entry), loaded before the page is taken
    // over: otherwise the page would wait on it untaken, and a press on it would be lost.
    await loadPages(root.dataset.pages?.split(' ').filter(Boolean) ?? []);
    // Let the browser paint and answer input between running the code and taking over the page.
    await nextTask();
    // React Router's history marks the entry it starts on (`idx` in history.state, as it would
    // itself) with a replaceState, which the browser makes wait on its own process: done in a
    // task of its own here, not in the one that takes the page over.
    if (history.state?.idx == null) history.replaceState({ ...history.state, idx: 0 }, '');
    await nextTask();
    hydrateRoot(root, app);
  } else createRoot(root).render(app);
}

// Code the start needs that cannot be loaded (React's renderer) is told to boot.js,
// which says so on the page, as it does when the entry itself cannot be loaded.
start().catch((error: unknown) => dispatchEvent(new CustomEvent('dashboard:code-failed', { detail: error })));
