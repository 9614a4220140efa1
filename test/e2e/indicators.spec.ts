import { readFile } from 'node:fs/promises';
import { axeViolations, chartsDrawnForTheirRoom, expect, test, waitForPanels } from './fixtures';

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
    // Issue 11: the low inside the range is named, not hidden by the two ends.
    await expect(
      page.getByText(
        /stood at 32\.6% in 2012-13, fell to a low of 20\.7% in 2015-16, then rose to 24\.3% in 2016-17, an improvement over the period/,
      ),
    ).toBeVisible();

    await page.getByRole('checkbox', { name: 'West Midlands' }).uncheck();
    await expect(page).toHaveURL(/hide=region/);
    await expect(page.locator('.trend-chart__series')).toHaveCount(3);

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

  // Issue 11: the PNG stands alone: title, board, period and source, at 2x, nothing cut off.
  test('downloads a chart as a PNG image that says what it shows, at twice its size, nothing cut off', async ({
    page,
  }) => {
    await page.goto('/indicators/rereferrals-within-12-months?from=2015-16&to=2017-18');
    const chart = page.locator('.chart-figure__chart svg');
    await expect(page.locator('path.trend-chart__line').first()).toHaveAttribute('d', /M.+L/);
    await chartsDrawnForTheirRoom(page);
    // Nothing drawn outside the chart's own box, where an export (or the page) would cut it off.
    const outside = await chart.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')]
        .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
        .filter(
          ({ r }) =>
            r.left < box.left - 0.5 ||
            r.right > box.right + 0.5 ||
            r.top < box.top - 0.5 ||
            r.bottom > box.bottom + 0.5,
        )
        .map(({ text }) => text);
    });
    expect(outside).toEqual([]);
    const chartWidth = (await chart.boundingBox())!.width;

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download PNG/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('rereferrals-within-12-months-2015-16-to-2017-18.png');
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    // At twice the size drawn: the chart's width plus the image's margins, doubled.
    const width = bytes.readUInt32BE(16);
    expect(width).toBe(2 * Math.ceil(Math.max(chartWidth, 480) + 32));

    // The file's own text: title, board, period and source.
    const text: Record<string, string> = {};
    for (let at = 8; at < bytes.length;) {
      const length = bytes.readUInt32BE(at);
      if (bytes.subarray(at + 4, at + 8).toString('latin1') === 'tEXt') {
        const data = bytes.subarray(at + 8, at + 8 + length).toString('latin1');
        const [key, value] = data.split('\0') as [string, string];
        text[key] = value;
      }
      at += 12 + length;
    }
    expect(text).toEqual({
      Title: 'Re-referrals within 12 months of a previous referral',
      Author: 'Wolverhampton Safeguarding Children Board',
      Description: 'Re-referrals within 12 months of a previous referral, 2015-16 to 2017-18',
      Source: 'Children in need: referrals and re-referrals, 2013 to 2025',
    });

    // Its pixels: a clear margin all round (nothing touches an edge, so nothing is cut off), the
    // title drawn across the top and the source line across the bottom.
    const ink = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
      const dark = (x: number, y: number) => {
        const i = (y * width + x) * 4;
        return data[i]! + data[i + 1]! + data[i + 2]! < 384;
      };
      const count = (x0: number, y0: number, x1: number, y1: number) => {
        let n = 0;
        for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (dark(x, y)) n++;
        return n;
      };
      return {
        edges:
          count(0, 0, width, 12) +
          count(0, height - 12, width, height) +
          count(0, 0, 12, height) +
          count(width - 12, 0, width, height),
        title: count(32, 32, width / 2, 80),
        source: count(32, height - 70, width / 2, height - 30),
      };
    }, bytes.toString('base64'));
    expect(ink.edges).toBe(0);
    expect(ink.title).toBeGreaterThan(500);
    expect(ink.source).toBeGreaterThan(200);
  });

  test('filters the list by status, and the filter survives a reload', async ({ page }) => {
    await page.goto('/indicators');
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Off target' });
    await expect(page).toHaveURL(/rag=red/);
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('red');
    await expect(page.getByText(/^Showing \d+ of 19 indicators$/)).toBeVisible();
  });

  test('a group of indicators out of sight is drawn as it comes near, at about the height it was kept for, and every row is there for the keyboard meanwhile', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 412, height: 700 });
    await page.goto('/indicators');
    await waitForPanels(page);
    const groups = page.locator('.indicator-group');
    const lastRow = groups.last().locator('tbody tr').last();
    const drawn = (row: typeof lastRow) =>
      row.evaluate((element) => element.checkVisibility({ contentVisibilityAuto: true }));
    expect(await drawn(groups.first().locator('tbody tr').first())).toBe(true);
    expect(await drawn(lastRow), 'the last group is drawn before it is near').toBe(false);
    const length = () => page.evaluate(() => document.documentElement.scrollHeight);
    const kept = await length();

    // Its link is in the page: the keyboard reaches it, and the group is drawn as it comes into sight.
    const link = lastRow.getByRole('link');
    await link.focus();
    await expect(link).toBeFocused();
    await expect.poll(() => drawn(lastRow)).toBe(true);

    // Every group drawn: the page is about as long as it was kept (its scroll bar hardly jumps).
    // Each group drawn in turn (a group out of sight again keeps the height it was drawn at).
    for (const group of await groups.all()) {
      const row = group.locator('tbody tr').last();
      await row.scrollIntoViewIfNeeded();
      await expect.poll(() => drawn(row)).toBe(true);
    }
    const whole = await length();
    expect(Math.abs(whole - kept) / whole, `${kept} px kept, ${whole} px drawn`).toBeLessThan(0.1);
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
