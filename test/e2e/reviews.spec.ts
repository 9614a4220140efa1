import type { Page } from '@playwright/test';
import { demoBoardWith } from './board-people';
import { expect, test } from './fixtures';

/**
 * Issue 18, reviews: an editor adds a review with a recommendation, its action and owner on the
 * Quality assurance page, changes it and retires another, against the built data service with
 * the demo board; a board member sees the review with nothing to change.
 */
const PASSWORD = 'kettle orchard lantern';
const people = {
  editor: { email: 'eddie.editor@example.gov.uk', name: 'Eddie Editor', role: 'editor' },
  member: { email: 'morgan.member@example.gov.uk', name: 'Morgan Member', role: 'viewer' },
} as const;
const PAGE = '/quality-assurance?year=2017-18';
const TITLE = '<b>Rapid review: Child E</b>';
const CHILD_B = 'Serious case review: Child B';

const board = demoBoardWith(people, PASSWORD);
const as = (page: Page, who: keyof typeof people) => board.as(page, who, PAGE);
const reviews = (page: Page) => page.getByRole('region', { name: 'Serious case reviews' });

test('an editor adds a review with a recommendation, its action and owner, changes it, and retires another', async ({
  page,
}) => {
  await as(page, 'editor');
  await reviews(page).getByRole('button', { name: 'Add a review' }).click();
  const form = page.getByRole('form', { name: 'Add a review' });
  await form.getByRole('textbox', { name: 'Title' }).fill(TITLE);
  await form.getByRole('combobox', { name: 'Kind of review' }).selectOption('rapid-review');
  await form.getByLabel('Date of the review').fill('2020-11-02');
  await form.getByLabel('Published').fill('2021-01-15');
  await form.getByRole('textbox', { name: /Themes and learning points/ }).fill('Safe sleeping advice');
  await form.getByRole('button', { name: 'Add a recommendation' }).click();
  await form
    .getByRole('textbox', { name: 'What it recommends' })
    .fill('Health visitors ask about every adult');
  const action = form.getByRole('group', { name: 'Recommendation 1, action 1' });
  await action.getByRole('textbox', { name: 'Action' }).fill('Change the template');
  await action.getByRole('textbox', { name: 'Owner' }).fill('Designated Nurse');
  await action.getByLabel('Due').fill('2021-06-30');
  await form.getByRole('button', { name: 'Add the review' }).click();

  await expect(page.getByText(`Added the review “${TITLE}”.`)).toBeVisible();
  const article = reviews(page).getByRole('article', { name: TITLE });
  await expect(article.getByText('Rapid review, published 15 January 2021')).toBeVisible();
  await expect(article).toContainText('Change the template (Designated Nurse, due 30 June 2021)');
  await expect(page.locator('.review b')).toHaveCount(0);

  await article.getByRole('button', { name: `Change the review ${TITLE}` }).click();
  const change = page.getByRole('form', { name: `Change the review: ${TITLE}` });
  await change.getByLabel('Published').fill('2021-02-01');
  await change
    .getByRole('group', { name: 'Recommendation 1, action 1' })
    .getByLabel('Status')
    .selectOption('complete');
  await change.getByRole('button', { name: 'Save the review' }).click();
  await expect(page.getByText(`Saved “${TITLE}”.`)).toBeVisible();
  await expect(article.getByText('Rapid review, published 1 February 2021')).toBeVisible();
  await expect(article).toContainText('1 of 1 actions complete');

  await reviews(page)
    .getByRole('button', { name: `Retire the review ${CHILD_B}` })
    .click();
  const retire = page.getByRole('form', { name: `Retire the review: ${CHILD_B}` });
  await retire.getByRole('textbox', { name: 'Why it is retired' }).fill('Entered twice');
  await retire.getByRole('button', { name: 'Retire the review' }).click();
  await expect(
    page.getByText(
      `Retired “${CHILD_B}”. It is no longer shown from 2017-18 on, and is kept in the audit trail.`,
    ),
  ).toBeVisible();
  await expect(reviews(page).getByRole('article', { name: CHILD_B })).toHaveCount(0);
  // Issue 18: retired in 2017-18, it is kept in the years before, marked, with nothing to change.
  await page.getByRole('combobox', { name: 'Reporting period' }).selectOption('2016-17');
  const kept = reviews(page).getByRole('article', { name: CHILD_B });
  await expect(kept.getByText('Retired in 2017-18')).toBeVisible();
  await expect(kept.getByRole('button')).toHaveCount(0);
});

test('a board member sees the review, with nothing to change', async ({ page }) => {
  await as(page, 'member');
  const article = reviews(page).getByRole('article', { name: TITLE });
  await expect(article.getByText('Rapid review, published 1 February 2021')).toBeVisible();
  await expect(reviews(page).getByRole('button')).toHaveCount(0);
});
