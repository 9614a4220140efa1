import { readFile } from 'node:fs/promises';
import { axeViolations, expect, test, waitForPanels } from './fixtures';

test.describe('Indicators', () => {
  test('open an indicator from the list, change the range, toggle a comparator and download its CSV', async ({
    page,
  }) => {
    await page.goto('/indicators');
    await page.getByRole('link', { name: 'Re-referrals within 12 months of a previous referral' }).click();
    await expect(page).toHaveURL(/\/indicators\/rereferrals-within-12-months$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Re-referrals within 12 months of a previous referral',
    );

    await page.getByRole('combobox', { name: 'From' }).selectOption('2012-13');
    await page.getByRole('combobox', { name: 'To' }).selectOption('2016-17');
    await expect(page).toHaveURL(/from=2012-13/);
    await expect(
      page.getByText(/fell from 32\.6% in 2012-13 to 24\.3% in 2016-17, an improvement/),
    ).toBeVisible();

    await page.getByRole('checkbox', { name: 'West Midlands' }).uncheck();
    await expect(page).toHaveURL(/hide=region/);
    await expect(page.locator('.recharts-line')).toHaveCount(3);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('rereferrals-within-12-months-2012-13-to-2016-17.csv');
    const text = await readFile((await download.path())!, 'utf8');
    const rows = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('Chart,Period,Wolverhampton,England,Statistical neighbours (average of 10)');
    expect(rows).toHaveLength(6);
    expect(rows[1]).toMatch(/^Re-referrals within 12 months of a previous referral,2012-13,32\.6,/);
    expect(rows[5]).toMatch(/,2016-17,24\.3,21\.9,/);
  });

  test('downloads a chart as a PNG image', async ({ page }) => {
    await page.goto('/indicators/cse-children-at-risk');
    await expect(page.locator('path.recharts-line-curve')).toHaveAttribute('d', /M.+L/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download PNG/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('cse-children-at-risk-2015-16-to-2017-18.png');
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  test('filters the list by status, and the filter survives a reload', async ({ page }) => {
    await page.goto('/indicators');
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Off target' });
    await expect(page).toHaveURL(/rag=red/);
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('red');
    await expect(page.getByText(/^Showing \d+ of 19 indicators$/)).toBeVisible();
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds no WCAG A/AA violation on the list and an indicator page (${theme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('/indicators');
      await waitForPanels(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto('/indicators/rereferrals-within-12-months');
      await waitForPanels(page);
      await page.getByRole('button', { name: 'Show data table' }).click();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
