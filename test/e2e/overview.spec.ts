import { axeViolations, expect, test, waitForPanels } from './fixtures';

test.describe('Overview on the demo data', () => {
  test('shows the board, the Ofsted judgement and the CSE chart with 10, 50 and 130', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText('Wolverhampton Safeguarding Children Board')).toBeVisible();
    await expect(page.getByText('Requires improvement', { exact: true })).toBeVisible();

    const cse = page.getByRole('region', { name: 'Child sexual exploitation' });
    await expect(
      cse.getByText(/rose from 10 in Q1 2015-16 to 130 in Q3 2017-18, an improvement/),
    ).toBeVisible();
    // The chart has drawn its line.
    await expect(cse.locator('path.recharts-line-curve')).toHaveAttribute('d', /M.+L/);

    await cse.getByRole('button', { name: 'Show data table' }).click();
    const table = cse.getByRole('table');
    await expect(table.getByRole('row', { name: /^Q4 2015-16/ })).toContainText('10');
    await expect(table.getByRole('row', { name: /^Q4 2016-17/ })).toContainText('50');
    await expect(table.getByRole('row', { name: /^Q3 2017-18/ })).toContainText('130');
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

  test('the period selector changes the URL and the tiles', async ({ page }) => {
    await page.goto('/');
    const tile = page.getByRole('article', {
      name: 'Children identified at risk of child sexual exploitation',
    });
    await expect(tile.getByText('130', { exact: true })).toBeVisible();

    await page.getByRole('combobox', { name: 'Reporting period' }).selectOption('2016-17');
    await expect(page).toHaveURL(/\?year=2016-17$/);
    await expect(tile.getByText('50', { exact: true })).toBeVisible();
    await expect(tile.getByText('Q4 2016-17')).toBeVisible();

    // The period survives a reload, because it lives in the URL.
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Reporting period' })).toHaveValue('2016-17');
  });

  test('the theme switch persists across a reload', async ({ page }) => {
    await page.goto('/');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
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
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Show data table' })).toBeFocused();
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
});
