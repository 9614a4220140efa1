import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
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
    await expect(figure.locator('path.recharts-line-curve').first()).toHaveAttribute('d', /M.+L/);
    await expect(figure).toContainText('Children screened for CSE risk');

    await page.reload();
    await waitForPanels(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Children screened for CSE risk');
    await expect(page.getByRole('figure').locator('path.recharts-line-curve').first()).toHaveAttribute(
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
    await expect(alert.getByRole('row')).toHaveCount(5);
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

  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds no WCAG A/AA violation on the Import page (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('/import');
      await waitForPanels(page);
      await page.getByText('The dashboard’s template: columns and an example').click();
      expect(await axeViolations(page)).toEqual([]);
      await page
        .getByLabel('Choose a CSV or Excel file')
        .setInputFiles([
          resolve(fixtures, 'dfe-referrals-cut.csv'),
          resolve(fixtures, 'dfe-referrals-cut.meta.csv'),
        ]);
      await expect(page.getByRole('combobox', { name: 'Local authority' })).toHaveValue('E08000031');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Choose a CSV or Excel file').setInputFiles(resolve(fixtures, 'errors.csv'));
      await expect(page.getByRole('alert')).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
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
    for (const box of await page.getByRole('checkbox').all()) {
      if (!/^Referral count/.test((await box.locator('..').textContent()) ?? '')) await box.uncheck();
    }
    await page.getByRole('button', { name: 'Import 1 indicator' }).click();
    await page.getByRole('link', { name: 'Referral count' }).click();
    await page.getByRole('combobox', { name: 'From' }).selectOption('2012-13');
    await page.getByRole('combobox', { name: 'To' }).selectOption('2024-25');
    await page.getByRole('button', { name: 'Show data table' }).click();
    await expect(page.getByRole('row', { name: /^2013-14/ })).toContainText('6,998');
    await expect(page.getByRole('row', { name: /^2024-25/ })).toContainText('4,451');
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
  });
});
