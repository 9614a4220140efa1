import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
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

await startMockApi();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
