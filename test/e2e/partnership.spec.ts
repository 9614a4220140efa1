import type { Page } from '@playwright/test';
import { demoBoardWith } from './board-people';
import { expect, test } from './fixtures';

/**
 * Issue 18, partnership: an editor adds, changes and retires links and engagement activities,
 * and changes the board's spending as a table on the Partnership page, against the built data
 * service with the demo board; a board member sees all of it with nothing to change.
 */
const PASSWORD = 'kettle orchard lantern';
const people = {
  editor: { email: 'eddie.editor@example.gov.uk', name: 'Eddie Editor', role: 'editor' },
  member: { email: 'morgan.member@example.gov.uk', name: 'Morgan Member', role: 'viewer' },
} as const;
const PAGE = '/partnership?year=2017-18';
const TAKEOVER = '<b>Takeover day</b>';
const BALANCE =
  'In 2017-18 partners contributed £326,500 and the board spent £329,000: it overspent by £2,500.';

const board = demoBoardWith(people, PASSWORD);
const as = (page: Page, who: keyof typeof people) => board.as(page, who, PAGE);

test('an editor adds an engagement activity, changes a link and retires another', async ({ page }) => {
  await as(page, 'editor');
  await page.getByRole('button', { name: 'Add a link or engagement activity' }).click();
  const add = page.getByRole('form', { name: 'Add a link or engagement activity' });
  await add.getByRole('combobox', { name: 'Kind of link' }).selectOption('engagement');
  await add.getByRole('textbox', { name: /^Name/ }).fill(TAKEOVER);
  await add.getByLabel(/^Since/).fill('2018-11-23');
  await add.getByRole('textbox', { name: 'What it does' }).fill('=HYPERLINK("http://evil.example","click")');
  await add.getByRole('button', { name: 'Add the link' }).click();
  await expect(page.getByText(`Added “${TAKEOVER}”.`)).toBeVisible();
  const engagement = page.getByRole('region', { name: 'Children, young people and schools' });
  await expect(engagement.getByText(TAKEOVER, { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Change the link Bullying Charter' }).click();
  const change = page.getByRole('form', { name: 'Change the link: Bullying Charter' });
  await change.getByRole('textbox', { name: /^Name/ }).fill('Bullying Charter for all schools');
  await change.getByRole('button', { name: 'Save the link' }).click();
  await expect(page.getByText('Saved “Bullying Charter for all schools”.')).toBeVisible();

  await page.getByRole('button', { name: 'Retire the link Black Country chairs forum' }).click();
  await page
    .getByRole('form', { name: 'Retire the link: Black Country chairs forum' })
    .getByRole('button', { name: 'Retire the link' })
    .click();
  await expect(
    page.getByText('Retired “Black Country chairs forum”. It is no longer shown, from 2017-18 on.'),
  ).toBeVisible();
  await expect(page.getByText('Black Country chairs forum', { exact: true })).toHaveCount(0);
  // Issue 18: retired in 2017-18, it is kept in the years before, marked, with nothing to change.
  await page.getByRole('combobox', { name: 'Reporting period' }).selectOption('2016-17');
  const kept = page.getByRole('listitem').filter({ hasText: 'Black Country chairs forum' });
  await expect(kept.getByText('Retired in 2017-18')).toBeVisible();
  await expect(kept.getByRole('button')).toHaveCount(0);
});

test('an editor changes the year’s spending as a table; income against spending follows in words', async ({
  page,
}) => {
  await as(page, 'editor');
  await page.getByRole('button', { name: 'Change 2017-18’s spending' }).click();
  const form = page.getByRole('form', { name: 'Change 2017-18’s spending' });
  const training = form.getByRole('spinbutton', { name: 'Multi-agency training (£)' });
  await expect(training).toHaveValue('50000');
  await training.fill('60000');
  await form.getByRole('button', { name: 'Save the spending' }).click();
  await expect(page.getByText('Saved 2017-18’s spending: £329,000 on 5 lines.')).toBeVisible();
  await expect(page.getByText(BALANCE)).toBeVisible();
});

test('a board member sees the links and the spending, with nothing to change', async ({ page }) => {
  await as(page, 'member');
  await expect(page.getByText(BALANCE)).toBeVisible();
  await expect(page.getByText(TAKEOVER, { exact: true })).toBeVisible();
  await expect(page.getByText('Bullying Charter for all schools')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a link or engagement activity' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Change|Retire) the link/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Change 2017-18’s spending' })).toHaveCount(0);
});
