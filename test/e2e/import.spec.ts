import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDemoApi } from '../../mocks/demo-api';
import { STRICT_CSP, startStaticServer } from '../tools/static-server.mjs';
import { axeViolations, expect, test, waitForPanels } from './fixtures';

const fixtures = resolve(import.meta.dirname, '../fixtures/import');

test.describe('Import', () => {
  test('imports a file through the page, charts its indicator, and keeps it after a reload', async ({
    page,
  }) => {
    const bodies: string[] = [];
    page.on('request', (request) =>
      bodies.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`),
    );

    await page.goto('/import');
    await expect(page.getByText('Your file stays on this computer: nothing is uploaded.')).toBeVisible();
    await page
      .getByLabel('Choose a CSV or Excel file')
      .setInputFiles(resolve(fixtures, 'template-valid.csv'));
    await expect(page.getByText(/^2 indicators and 6 values will be added/)).toBeVisible();
    await page.getByRole('button', { name: 'Import 2 indicators' }).click();
    await expect(
      page.getByText('2 indicators imported. They now appear on the Indicators page.'),
    ).toBeVisible();

    await page.getByRole('link', { name: 'Indicators', exact: true }).click();
    await page.getByRole('link', { name: 'Children screened for CSE risk' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Children screened for CSE risk');
    const figure = page.getByRole('figure');
    await expect(figure.locator('path.trend-chart__line').first()).toHaveAttribute('d', /M.+L/);
    await expect(figure).toContainText('Children screened for CSE risk');

    await page.reload();
    await waitForPanels(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Children screened for CSE risk');
    await expect(page.getByRole('figure').locator('path.trend-chart__line').first()).toHaveAttribute(
      'd',
      /M.+L/,
    );
    await expect(
      page.getByText(/Imported from template-valid\.csv on .*; kept only in this browser/),
    ).toBeVisible();

    // No request carried anything from the file. (The page's own address names the indicator
    // id, so a reload sends that; titles and figures never leave the browser.)
    const fileText = await readFile(resolve(fixtures, 'template-valid.csv'), 'utf8');
    const distinctive = ['Children screened', 'Audited cases graded', '64.25', '61.5', 'CSE tool'];
    expect(distinctive.every((text) => fileText.includes(text))).toBe(true);
    for (const line of bodies) {
      for (const text of distinctive) expect(line).not.toContain(text);
    }
  });

  test('lists every problem in a file with errors and imports nothing', async ({ page }) => {
    await page.goto('/import');
    await page.getByLabel('Choose a CSV or Excel file').setInputFiles(resolve(fixtures, 'errors.csv'));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('errors.csv was not imported: 4 problems to fix');
    // Four kinds of problem, one of each: four tables of a header row and one problem.
    await expect(alert.getByRole('table')).toHaveCount(4);
    await expect(alert.getByRole('row')).toHaveCount(8);
    await expect(page.getByRole('button', { name: /^Import \d+ indicator/ })).toHaveCount(0);
    await expect(page.getByText('Nothing imported yet.')).toBeVisible();
  });

  test('fits a 360 px phone, with a file’s problems shown, without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('/import');
    await page.getByLabel('Choose a CSV or Excel file').setInputFiles(resolve(fixtures, 'errors.csv'));
    await expect(page.getByRole('alert')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test('fits a 360 px phone with a DfE file’s breakdowns, columns and preview', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('/import');
    await page
      .getByLabel('Choose a CSV or Excel file')
      .setInputFiles(resolve(fixtures, 'dfe-cla-rates-cut.csv'));
    await page
      .getByRole('combobox', { name: 'population_type (Population type)' })
      .selectOption({ label: 'Children looked after on 31 March each year' });
    await page.getByRole('checkbox', { name: /^Children count/ }).check();
    await expect(page.getByRole('button', { name: 'Import Rate per 10,000 too' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test('draws a council’s count and England’s apart, each on its own scale', async ({ page }) => {
    await page.goto('/import');
    await page
      .getByLabel('Choose a CSV or Excel file')
      .setInputFiles(resolve(fixtures, 'dfe-cla-rates-cut.csv'));
    await page
      .getByRole('combobox', { name: 'population_type (Population type)' })
      .selectOption({ label: 'Children looked after on 31 March each year' });
    await page.getByRole('checkbox', { name: /^Children count/ }).check();
    await page.getByRole('button', { name: 'Import 1 indicator' }).click();
    await page
      .getByRole('link', {
        name: 'Children looked after on 31 March each year: Children count, Wolverhampton',
      })
      .click();
    const figures = page.getByRole('figure');
    await expect(figures).toHaveCount(3);
    await expect(figures.nth(1).getByRole('heading', { name: 'England' })).toBeVisible();
    for (let i = 0; i < 3; i++) {
      await expect(figures.nth(i).locator('path.trend-chart__line')).toHaveCount(1);
      await expect(figures.nth(i).locator('path.trend-chart__line')).toHaveAttribute('d', /M.+L/);
    }
  });

  test('labels academic years and calendar quarters in their own words on the chart’s axis', async ({
    page,
  }) => {
    for (const [file, title, labels] of [
      ['ees-academic-year.csv', 'Exclusion count, Wolverhampton', ['2021/22', '2022/23', '2023/24']],
      ['ees-calendar-quarters.csv', 'Missing count, Wolverhampton', ['Jan to Mar 2024', 'Oct to Dec 2024']],
    ] as const) {
      await page.goto('/import');
      await page.getByLabel('Choose a CSV or Excel file').setInputFiles(resolve(fixtures, file));
      await page.getByRole('button', { name: 'Select the only column' }).click();
      await page.getByRole('button', { name: 'Import 1 indicator' }).click();
      await page.getByRole('link', { name: title }).click();
      const axis = page.getByRole('figure').locator('svg text');
      for (const label of labels) await expect(axis.filter({ hasText: label })).toHaveCount(1);
    }
  });

  test('keeps the file chosen last when a 20 MB file chosen just before it is still being read', async ({
    page,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'import-e2e-'));
    try {
      const big = join(dir, 'big-20mb.csv');
      const [header, ...rows] = readFileSync(resolve(fixtures, 'dfe-referrals-cut.csv'), 'utf8')
        .trim()
        .split('\n');
      const local = rows.filter((line) => line.includes(',Local authority,'));
      const lines = [header, ...rows];
      let size = lines.join('\n').length;
      for (let copy = 1; size < 20 * 1024 * 1024; copy++) {
        for (const line of local) {
          const cells = line.split(',');
          cells[8] = `E99${String(copy).padStart(6, '0')}`;
          cells[9] = `${cells[9]} copy ${copy}`;
          const next = cells.join(',');
          lines.push(next);
          size += next.length + 1;
        }
      }
      writeFileSync(big, `${lines.join('\n')}\n`);
      await page.goto('/import');
      const input = page.getByLabel('Choose a CSV or Excel file');
      await input.setInputFiles(big);
      await expect(page.getByText('Reading big-20mb.csv')).toBeVisible();
      await input.setInputFiles(resolve(fixtures, 'ees-recent-years.csv'));
      await expect(page.getByRole('heading', { name: 'Preview of ees-recent-years.csv' })).toBeVisible();
      await expect(
        page.getByText('Stopped reading big-20mb.csv: the file chosen last is read instead.'),
      ).toBeVisible();
      // Long enough for the big file's read to have finished, had it not been stopped.
      await page.waitForTimeout(4000);
      await expect(page.getByRole('heading', { name: 'Preview of ees-recent-years.csv' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Preview of big-20mb.csv' })).toHaveCount(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    test.describe(`axe finds no WCAG A/AA violation on the Import page (${theme})`, () => {
      test.beforeEach(async ({ page }) => {
        await page.emulateMedia({ colorScheme: theme });
        await page.goto('/import');
        await waitForPanels(page);
      });

      test('the template help and a DfE file’s columns, all ticked', async ({ page }) => {
        await page.getByText('The dashboard’s template: columns and an example').click();
        expect(await axeViolations(page)).toEqual([]);
        await page
          .getByLabel('Choose a CSV or Excel file')
          .setInputFiles([
            resolve(fixtures, 'dfe-referrals-cut.csv'),
            resolve(fixtures, 'dfe-referrals-cut.meta.csv'),
          ]);
        await expect(page.getByRole('combobox', { name: 'Local authority' })).toHaveValue('E08000031');
        await page.getByRole('button', { name: 'Select all 10 columns' }).click();
        expect(await axeViolations(page)).toEqual([]);
      });

      test('a breakdown to choose, a fairer rate offered, and what a re-import changes', async ({ page }) => {
        const input = page.getByLabel('Choose a CSV or Excel file');
        const breakdown = page.getByRole('combobox', { name: 'population_type (Population type)' });
        await input.setInputFiles(resolve(fixtures, 'dfe-cla-rates-cut.csv'));
        await page.getByRole('checkbox', { name: /^Children count/ }).check();
        await expect(page.getByText(/^Choose a value of population_type/)).toBeVisible();
        expect(await axeViolations(page)).toEqual([]);
        await breakdown.selectOption({ label: 'Children looked after on 31 March each year' });
        await page.getByRole('button', { name: 'Import Rate per 10,000 too' }).click();
        await page.getByRole('button', { name: 'Import 2 indicators' }).click();
        await input.setInputFiles(resolve(fixtures, 'dfe-cla-rates-cut.csv'));
        await breakdown.selectOption({ label: 'Children looked after on 31 March each year' });
        await page.getByRole('checkbox', { name: /^Children count/ }).check();
        await expect(page.getByText(/Replaces the one imported from dfe-cla-rates-cut\.csv/)).toBeVisible();
        expect(await axeViolations(page)).toEqual([]);
      });

      test('a council whose code changed, and problems grouped by kind', async ({ page }) => {
        const input = page.getByLabel('Choose a CSV or Excel file');
        await input.setInputFiles(resolve(fixtures, 'ees-changed-code.csv'));
        await page.getByRole('checkbox', { name: /^Join North Yorkshire/ }).check();
        expect(await axeViolations(page)).toEqual([]);
        await input.setInputFiles(resolve(fixtures, 'ees-many-problems.csv'));
        await page.getByRole('checkbox', { name: /^Referral count/ }).check();
        await page.getByRole('button', { name: 'Show all 6 problems of this kind' }).first().click();
        expect(await axeViolations(page)).toEqual([]);
        await input.setInputFiles(resolve(fixtures, 'errors.csv'));
        await expect(page.getByRole('alert')).toBeVisible();
        expect(await axeViolations(page)).toEqual([]);
      });
    });
  }
});

test.describe('Import under a strict Content-Security-Policy', () => {
  let server: Awaited<ReturnType<typeof startStaticServer>>;

  test.beforeAll(async () => {
    const api = createDemoApi();
    server = await startStaticServer({
      root: resolve(import.meta.dirname, '../../dist'),
      headers: { 'Content-Security-Policy': STRICT_CSP, 'X-Content-Type-Options': 'nosniff' },
      api: { prefix: '/api/v1', handle: (method, path, body) => api.handle(method, path, body) },
    });
  });

  test.afterAll(async () => {
    await server.close();
  });

  test('reads the real DfE file in a worker and shows Wolverhampton’s referrals', async ({ page }) => {
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = violations;
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    });
    await page.goto(`${server.url}/import`);
    await page
      .getByLabel('Choose a CSV or Excel file')
      .setInputFiles(resolve(fixtures, 'dfe-referrals-cut.csv'));
    await expect(page.getByRole('combobox', { name: 'Local authority' })).toHaveValue('E08000031');
    await page.getByRole('checkbox', { name: /^Referral count/ }).check();
    await page.getByRole('button', { name: 'Import 1 indicator' }).click();
    await page
      .getByRole('link', { name: 'Referrals and Re-referrals: Referral count, Wolverhampton' })
      .click();
    // The whole series, as the file's reporting years, without choosing a range.
    await expect(page.getByRole('combobox', { name: 'From' })).toHaveValue('2012-13');
    await expect(page.getByRole('combobox', { name: 'To' })).toHaveValue('2024-25');
    const main = page.getByRole('figure').first();
    await main.getByRole('button', { name: 'Show data table' }).click();
    await expect(main.getByRole('row', { name: /^2014/ })).toContainText('6,998');
    await expect(main.getByRole('row', { name: /^2025/ })).toContainText('4,451');
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
  });
});
