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

/** The browser has taken the page over (see App): its controls answer from now on. */
export async function waitForApp(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

/**
 * What in the page's header is drawn over something else: each line of text and each control of
 * one part (the name, the controls, the navigation) against those of the others. Empty when
 * nothing is.
 */
export async function headerOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const header = document.querySelector('.app-header');
    if (!header) return ['the page has no header'];
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 1 && box.height > 1;
    };
    const boxes: { part: number; what: string; box: DOMRect }[] = [];
    [...header.children].forEach((part, index) => {
      const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const parent = node.parentElement;
        // A select's options are drawn by the select; text hidden for screen readers is not drawn.
        if (!text || !parent || parent.closest('select') || !shown(parent)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const box of range.getClientRects()) boxes.push({ part: index, what: text, box });
      }
      for (const control of part.querySelectorAll('select, input, button')) {
        if (!shown(control)) continue;
        const label = control.getAttribute('aria-label') ?? control.id;
        boxes.push({
          part: index,
          what: `${control.tagName.toLowerCase()} ${label}`,
          box: control.getBoundingClientRect(),
        });
      }
    });
    const found: string[] = [];
    for (const a of boxes) {
      for (const b of boxes) {
        if (a.part >= b.part) continue;
        const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (across > 1 && down > 1) found.push(`“${a.what}” and “${b.what}”`);
      }
    }
    return found;
  });
}

/** Waits until the app has rendered and every panel has finished loading. */
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

/** A table's own scrolling frame, by its name (the panel around it may be a region of the same name). */
export const tableFrame = (page: Page, frame: string) => page.locator(`.table-scroll[aria-label="${frame}"]`);

/** How far a table's own scrolling frame runs past its width at each screen width: 0 when it fits. */
export async function overflowAt(page: Page, frame: string, widths: readonly number[]) {
  const table = tableFrame(page, frame);
  const over: Record<string, number> = {};
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    over[`${width} px`] = Math.max(0, await table.evaluate((r) => r.scrollWidth - r.clientWidth));
  }
  return over;
}

/** What `overflowAt` gives for a table that fits at each of `widths`. */
export const fits = (widths: readonly number[]) => Object.fromEntries(widths.map((w) => [`${w} px`, 0]));
