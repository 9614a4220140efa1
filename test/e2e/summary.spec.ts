import { ADMIN, removeDataDir, signIn, startDataService, type DataService } from './data-service';
import { expect, test } from './fixtures';

/**
 * Issue 22: the overview and the indicators list read the indicators' summary (no comparators);
 * an indicator's whole series is read only when it is opened, or drawn as the overview's featured
 * chart. Recorded on the real data service, drawn by it and reached by a link.
 */
test.describe.configure({ mode: 'serial' });

let service: DataService;

test.beforeAll(async () => {
  service = await startDataService();
});

test.afterAll(async () => {
  await service.stop();
  removeDataDir(service.dataDir);
});

test('the overview and the indicators list never ask for every whole series', async ({ page }) => {
  await signIn(page, service, ADMIN.email, ADMIN.password);
  const reads: string[] = [];
  page.on('request', (request) => {
    const { pathname, search } = new URL(request.url());
    if (pathname.startsWith('/api/v1/indicators')) reads.push(pathname + search);
  });

  // Drawn by the service: the list's data handed over beside it has no comparators.
  const list = await page.goto(`${service.url}/indicators`);
  const html = await list!.text();
  expect(html).toContain('Re-referrals within 12 months of a previous referral');
  expect(html).not.toContain('"comparators"');
  await expect(page.getByRole('heading', { level: 1, name: /^Indicators/ })).toBeVisible();

  // Reached by a link: each reads the summary, and the overview the featured chart's indicator.
  await page.goto(`${service.url}/partnership`);
  await page.waitForLoadState('networkidle');
  reads.length = 0;
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(page.locator('path.trend-chart__line').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.getByRole('link', { name: 'Indicators', exact: true }).click();
  await expect(page.getByText(/^Showing \d+ of \d+ indicators$/)).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(reads.filter((r) => r === '/api/v1/indicators' || r.startsWith('/api/v1/indicators?'))).toEqual([]);
  expect(reads).toContain('/api/v1/indicators/summary?headline=true');
  expect(reads).toContain('/api/v1/indicators/summary');
  expect(reads.filter((r) => !r.startsWith('/api/v1/indicators/summary'))).toEqual([
    '/api/v1/indicators/cse-children-at-risk',
  ]);
});
