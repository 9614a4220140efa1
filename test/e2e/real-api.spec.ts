import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createDemoApi } from '../../mocks/demo-api';
import { STRICT_CSP, startStaticServer } from '../tools/static-server.mjs';
import { expect, test, waitForPanels } from './fixtures';

const dist = resolve(import.meta.dirname, '../../dist');

/**
 * The production build (mocks off) against a real HTTP server on 127.0.0.1 that serves the demo
 * dataset over the contract, under a strict Content-Security-Policy.
 */
test.describe('Production build against a real API', () => {
  let server: Awaited<ReturnType<typeof startStaticServer>>;

  test.beforeAll(async () => {
    const api = createDemoApi();
    server = await startStaticServer({
      root: dist,
      headers: { 'Content-Security-Policy': STRICT_CSP, 'X-Content-Type-Options': 'nosniff' },
      api: { prefix: '/api/v1', handle: (method, path, body) => api.handle(method, path, body) },
    });
  });

  test.afterAll(async () => {
    await server.close();
  });

  test('renders the overview from the API with no CSP violation', async ({ page }) => {
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = violations;
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/')) apiRequests.push(new URL(request.url()).pathname);
    });

    // 2017-18, a part year since the default became the latest complete year (issue 11), has 130.
    await page.goto(`${server.url}/?year=2017-18`);
    await expect(page.getByText('Wolverhampton Safeguarding Children Board')).toBeVisible();
    await waitForPanels(page);
    const cse = page.getByRole('region', { name: 'Child sexual exploitation' });
    await expect(cse.locator('path.trend-chart__line')).toHaveAttribute('d', /M.+L/);
    await cse.getByRole('button', { name: 'Show data table' }).click();
    await expect(cse.getByRole('row', { name: /^Q3 2017-18/ })).toContainText('130');

    expect(apiRequests).toEqual(expect.arrayContaining(['/api/v1/board', '/api/v1/indicators/summary']));

    // Exporting a chart as a picture works under the policy too.
    await page.getByRole('link', { name: 'Indicators' }).click();
    await page.getByRole('link', { name: 'Re-referrals within 12 months of a previous referral' }).click();
    await expect(page.locator('path.trend-chart__line').first()).toHaveAttribute('d', /M.+L/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download PNG/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(
      0,
    );
  });

  test('the production build ships no MSW code and no worker file', async ({ request }) => {
    expect((await request.get(`${server.url}/mockServiceWorker.js`)).status()).toBe(404);
    const assets = await readdir(resolve(dist, 'assets'));
    for (const file of assets.filter((f) => f.endsWith('.js'))) {
      const code = await readFile(resolve(dist, 'assets', file), 'utf8');
      expect(code, file).not.toMatch(/mockServiceWorker|setupWorker|\[MSW\]/);
    }
  });
});
