import { ADMIN, signIn } from './data-service';
import { expect, test } from './fixtures';
import { serviceForTests } from './service-for-tests';

/** Issue 23 case 6, names of today's partnerships: against the built data service. */
test.describe('case 6: a board set up today is a partnership, and every page says so', () => {
  const service = serviceForTests({ env: { SEED: 'none' } });

  test('the administrator sets up the board as a partnership; the pages then read “partnership”', async ({
    page,
    allowConsole,
  }) => {
    // The API answers GET /board with 404 until the board is set up; the browser logs each one.
    allowConsole(/status of 404 \(Not Found\)/);
    await signIn(page, service.current, ADMIN.email, ADMIN.password);
    await page.goto(`${service.current.url}/admin/board`);
    await expect(page.getByRole('combobox', { name: /^What it is/ })).toHaveValue('partnership');
    await page.getByRole('textbox', { name: /^Board name/ }).fill('Dudley Safeguarding Children Partnership');
    await page.getByRole('textbox', { name: /^Short name/ }).fill('DSCP');
    await page.getByRole('textbox', { name: /^Local authority/ }).fill('Dudley');
    await page.getByRole('textbox', { name: /^ONS code/ }).fill('E08000027');
    await page.getByRole('textbox', { name: /^DfE code/ }).fill('332');
    await page.getByRole('textbox', { name: /^Region/ }).fill('West Midlands');
    await page.getByRole('textbox', { name: /^Reporting years/ }).fill('2024-25');
    await page.getByRole('textbox', { name: /^Year shown first/ }).fill('2024-25');
    await page.getByLabel(/^Figures as at/).fill('2025-03-31');
    await page.getByRole('button', { name: 'Set up the board' }).click();
    // Once set up, the page offers the settings to change (the set-up form gives way to it).
    await expect(page.getByRole('heading', { name: 'Change the board’s settings' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: /^What it is/ })).toHaveValue('partnership');
    await expect(page.getByRole('heading', { level: 1, name: 'Partnership settings' })).toBeVisible();

    await page.goto(`${service.current.url}/partnership`);
    await expect(
      page.getByText(/^The partnership is funded by its partners and works with other partnerships/),
    ).toBeVisible();
    await page.goto(`${service.current.url}/quality-assurance`);
    await expect(page.getByRole('heading', { name: 'Safeguarding practice reviews' })).toBeVisible();
    // The administrator may add one, so the page offers it.
    await expect(
      page.getByText('The partnership has published no safeguarding practice reviews: add the first.'),
    ).toBeVisible();
  });
});
