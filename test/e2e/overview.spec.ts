import type { Page } from '@playwright/test';
import { axeViolations, expect, fits, headerOverlaps, overflowAt, test, waitForPanels } from './fixtures';

test.describe('Overview on the demo data', () => {
  // Issue 11: 2017-18 is a part year; the CSE story is told without a verdict, as the minutes tell it.
  test('shows the board, the Ofsted judgement and the CSE chart with 10, 50 and 130', async ({ page }) => {
    await page.goto('/?year=2017-18');
    await expect(page.getByText('Wolverhampton Safeguarding Children Board')).toBeVisible();
    await expect(page.getByText('Requires improvement', { exact: true })).toBeVisible();

    const cse = page.getByRole('region', { name: 'Child sexual exploitation' });
    await expect(
      cse.getByText(
        'Children identified at risk of CSE rose from 10 in Q4 2015-16 to 50 in Q4 2016-17 and 130 in Q3 2017-18.',
      ),
    ).toBeVisible();
    // The chart has drawn its line.
    await expect(cse.locator('path.trend-chart__line')).toHaveAttribute('d', /M.+L/);

    await cse.getByRole('button', { name: 'Show data table' }).click();
    const table = cse.getByRole('table');
    await expect(table.getByRole('row', { name: /^Q4 2015-16/ })).toContainText('10');
    await expect(table.getByRole('row', { name: /^Q4 2016-17/ })).toContainText('50');
    await expect(table.getByRole('row', { name: /^Q3 2017-18/ })).toContainText('130');
  });

  test('gives a point’s figure in a tooltip when the pointer reaches it', async ({ page }) => {
    await page.goto('/');
    const cse = page.getByRole('region', { name: 'Child sexual exploitation' });
    // The chart is drawn without recharts (issue 13); pointing at it brings recharts' tooltips.
    const first = cse.locator('.trend-chart__series circle').first();
    const box = (await first.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2 - 3, box.y + box.height / 2);
    await expect(cse.locator('path.recharts-line-curve')).toHaveAttribute('d', /M.+L/);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tooltip = cse.locator('.recharts-tooltip-wrapper');
    await expect(tooltip).toContainText('Q4 2015-16');
    await expect(tooltip).toContainText('Wolverhampton : 10');
  });

  test('toggles the data table', async ({ page }) => {
    await page.goto('/');
    const cse = page.getByRole('region', { name: 'Child sexual exploitation' });
    const toggle = cse.getByRole('button', { name: 'Show data table' });
    await toggle.click();
    await expect(cse.getByRole('table')).toBeVisible();
    await expect(cse.getByRole('button', { name: 'Hide data table' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await cse.getByRole('button', { name: 'Hide data table' }).click();
    await expect(cse.getByRole('table')).toHaveCount(0);
  });

  // Issue 11: the default year is the latest complete year, 2016-17, where "50" is the CSE figure.
  test('the period selector changes the URL and the tiles', async ({ page }) => {
    await page.goto('/');
    const tile = page.getByRole('article', {
      name: 'Children identified at risk of child sexual exploitation',
    });
    await expect(tile.getByText('50', { exact: true })).toBeVisible();
    await expect(tile.getByText('Q4 2016-17', { exact: true })).toHaveCount(2); // the latest, and in the trend

    await page.getByRole('combobox', { name: 'Reporting period' }).selectOption('2017-18');
    await expect(page).toHaveURL(/\?year=2017-18$/);
    await expect(tile.getByText('130', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview 2017-18 (part year)');

    // The period survives a reload, because it lives in the URL.
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Reporting period' })).toHaveValue('2017-18');
  });

  test('the theme switch persists across a reload', async ({ page }) => {
    // Issue 11: the button names the theme it switches to (it read "Dark theme" in both states).
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds no WCAG A/AA violation in the ${theme} theme, with the data table open`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('/');
      await waitForPanels(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.getByRole('button', { name: 'Show data table' }).click();
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test('the keyboard reaches the skip link first, and it moves focus to the main content', async ({
    page,
  }) => {
    await page.goto('/');
    await waitForPanels(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    // Issue 11: no focus frame on <main> after the skip link (it is not a control).
    const frame = await page
      .locator('main')
      .evaluate((main) => [getComputedStyle(main).outlineStyle, getComputedStyle(main).boxShadow]);
    expect(frame).toEqual(['none', 'none']);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Show data table' })).toBeFocused();
  });

  test('the header’s tab order follows what is shown: name, year, theme and account, then the navigation', async ({
    page,
  }) => {
    await page.goto('/');
    await waitForPanels(page);
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: 'Reporting period' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Your account' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }),
    ).toBeFocused();
    // Each comes after the one before it on screen: left to right, then top to bottom.
    const boxes = await Promise.all(
      [
        page.getByRole('combobox', { name: 'Reporting period' }),
        page.getByRole('button', { name: 'Switch to dark theme' }),
        page.getByRole('link', { name: 'Your account' }),
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }),
      ].map(async (l) => (await l.boundingBox())!),
    );
    expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
    expect(boxes[1]!.x).toBeLessThan(boxes[2]!.x);
    expect(boxes[2]!.y + boxes[2]!.height).toBeLessThanOrEqual(boxes[3]!.y);
  });

  test('after following a link, focus is on the new page’s heading and the title has changed', async ({
    page,
  }) => {
    await page.goto('/');
    await waitForPanels(page);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Quality assurance' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Quality assurance');
    await expect(page).toHaveTitle('Quality assurance – Safeguarding board dashboard');
    const frame = await page
      .getByRole('heading', { level: 1 })
      .evaluate((h) => [getComputedStyle(h).outlineStyle, getComputedStyle(h).boxShadow]);
    expect(frame).toEqual(['none', 'none']);
    // The next Tab goes on from the heading, into the page.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    expect(focused).toBe(true);
  });

  test('financial years never break across lines, and chart text is at least 14 px, at 360 px', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.addInitScript(() =>
      localStorage.setItem(
        'lscb-dashboard:meeting-pack',
        JSON.stringify({
          state: {
            items: [
              {
                id: 'a',
                type: 'indicator',
                indicatorId: 'referrals',
                from: '2015-16',
                to: '2017-18',
                hidden: [],
                note: '',
              },
              { id: 'b', type: 'audit-progress', year: '2017-18', note: '' },
            ],
            printNotes: false,
          },
          version: 1,
        }),
      ),
    );
    for (const path of [
      '/?year=2017-18',
      '/?year=2015-16',
      '/meeting-pack',
      '/indicators?year=2017-18',
      '/indicators/rereferrals-within-12-months?from=2012-13&to=2017-18',
      '/quality-assurance?year=2017-18',
      '/action-plan',
      '/partnership',
    ]) {
      await page.goto(path);
      await waitForPanels(page);
      await checkTypeAndYears(page, path);
    }
  });

  test('the header’s name, controls and navigation never run over each other, from a phone to a wide screen', async ({
    page,
  }) => {
    await page.goto('/');
    await waitForPanels(page);
    for (let width = 320; width <= 1920; width += 20) {
      await page.setViewportSize({ width, height: 800 });
      expect(await headerOverlaps(page), `${width} px`).toEqual([]);
    }
  });

  for (const width of [360, 768]) {
    test(`every page fits a ${width} px screen without sideways scrolling`, async ({ page }) => {
      await page.setViewportSize({ width, height: 740 });
      for (const path of [
        '/',
        '/indicators',
        '/indicators/rereferrals-within-12-months',
        '/quality-assurance',
        '/action-plan',
        '/partnership',
      ]) {
        await page.goto(path);
        await waitForPanels(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
    });
  }

  test('on a laptop’s screen the audit schedule and the actions arising from audits fit their frames: a long title wraps', async ({
    page,
  }) => {
    // An audit's title was held on one line (550 px for "Domestic abuse: information sharing after
    // police call-outs"), and the table's last columns were out of view at 1280 px.
    await page.goto('/quality-assurance');
    await waitForPanels(page);
    // The tables' own scrolling frames (each section around them is a region of the same name).
    const tables = page.locator('.table-scroll').filter({ has: page.locator('table.schedule-table') });
    await expect(tables).toHaveCount(2);
    const widths = [1024, 1280, 1920];
    for (const frame of await tables.evaluateAll((all) => all.map((t) => t.getAttribute('aria-label')!)))
      expect(await overflowAt(page, frame, widths), frame).toEqual(fits(widths));
  });
});

/** Every financial year in the page's text sits on one line, and all chart text is 14 px or more. */
async function checkTypeAndYears(page: Page, path: string) {
  const broken = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\d{4}-\d{2}/g)) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) found.push(`${match[0]} in "${text.slice(0, 60)}"`);
      }
    }
    return found;
  });
  expect(broken, path).toEqual([]);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('main .trend-chart svg text')]
      .map((t) => `${t.textContent}: ${getComputedStyle(t).fontSize}`)
      .filter((t) => parseFloat(t.split(': ')[1]!) < 14),
  );
  expect(small, path).toEqual([]);
  // The indicators list has no charts; every other page checked has at least one.
  if (!path.startsWith('/indicators?')) {
    expect(await page.locator('main .trend-chart svg').count(), path).toBeGreaterThan(0);
  }
}
