import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

interface Fixtures {
  consoleProblems: string[];
  /** Console messages this test expects (a 401 in the browser's log when a session ends, say). */
  allowConsole: (pattern: RegExp) => void;
  /** A page in a browser context of its own (another person), watched like `page`. */
  newPage: () => Promise<Page>;
}

/**
 * Every end-to-end test fails if a page logs a console error or warning, or throws, unless the
 * test says it expects that message with `allowConsole`.
 */
export const test = base.extend<Fixtures & { allowed: RegExp[] }>({
  // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  allowed: async ({}, provide) => provide([]),
  allowConsole: async ({ allowed }, provide) => provide((pattern) => allowed.push(pattern)),
  consoleProblems: [
    async ({ page, allowed }, use) => {
      const problems: string[] = [];
      watch(page, problems);
      await use(problems);
      const unexpected = problems.filter((p) => !allowed.some((pattern) => pattern.test(p)));
      expect(unexpected, 'console errors or warnings in the page').toEqual([]);
    },
    { auto: true },
  ],
  newPage: async ({ browser, consoleProblems }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async () => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      watch(page, consoleProblems);
      return page;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

function watch(page: Page, problems: string[]) {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

export { expect };

/** WCAG 2.2 A and AA violations axe finds on the page, as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Waits until the app has rendered and every panel has finished loading. */
/** The browser has taken the page over (see App): its controls answer from now on. */
export async function waitForApp(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

export async function waitForPanels(page: Page) {
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
}

/**
 * Waits until every chart matching `selector` has been drawn for the room it now has (its
 * `data-room`, see use-width): a chart is measured and drawn again once its box is known, which on
 * a busy machine can come several frames after it first appears.
 */
export async function chartsDrawnForTheirRoom(page: Page, selector = '.trend-chart'): Promise<void> {
  await page.waitForFunction(
    (selector) =>
      [...document.querySelectorAll<HTMLElement>(selector)].every((chart) => {
        const box = chart.getBoundingClientRect();
        return box.width === 0 || chart.dataset.room === `${Math.floor(box.width)}x${Math.floor(box.height)}`;
      }),
    selector,
  );
}
