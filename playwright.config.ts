import { defineConfig } from '@playwright/test';

// E2E_PORT lets two checkouts run their end-to-end tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * End-to-end tests run in Debian's Chromium (`apt-get install chromium`); Playwright never
 * downloads a browser here. `npm run test:e2e` builds the demo and production apps first.
 */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  // Budgets, not waits (every test waits for a condition): a 2-core machine running two workers
  // and the data service, with other work beside it, takes up to three times a quiet machine's time.
  // With a second suite beside it (test/tools/busy-suite.sh), tests on this budget took up to 49 s,
  // too near 60 s to hold ten runs in ten.
  timeout: 90_000,
  // How long a condition may take to become true, not a claim about speed: a test that promises
  // speed says so itself (the fault matrix gives a page a few seconds, scaled to its own first load).
  // At a load average of 20, a page the production build draws in 1.5 s took more than 15 s.
  expect: { timeout: 30_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --outDir dist-demo --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
