import type { Page } from '@playwright/test';
import { demoBoardWith } from './board-people';
import { expect, test } from './fixtures';

/**
 * Issue 18, funding: an editor changes a year's contributions as a table on the Partnership page,
 * against the built data service with the demo board; the chart and its narrative follow, and a
 * board member sees the new figures with nothing to change.
 */
const PASSWORD = 'kettle orchard lantern';
const people = {
  editor: { email: 'eddie.editor@example.gov.uk', name: 'Eddie Editor', role: 'editor' },
  member: { email: 'morgan.member@example.gov.uk', name: 'Morgan Member', role: 'viewer' },
} as const;
const PAGE = '/partnership?year=2017-18';
const COUNCIL = 'City of Wolverhampton Council';
const NARRATIVE = `In 2017-18 partners contributed £331,500. ${COUNCIL} was the largest contributor, with £200,000 (60%).`;

const board = demoBoardWith(people, PASSWORD);
const as = (page: Page, who: keyof typeof people) => board.as(page, who, PAGE);

test('an editor changes a year’s funding as a table; the Partnership chart follows', async ({ page }) => {
  await as(page, 'editor');
  await page.getByRole('button', { name: 'Change 2017-18’s funding' }).click();
  const form = page.getByRole('form', { name: 'Change 2017-18’s funding' });
  const council = form.getByRole('spinbutton', { name: `${COUNCIL} (£)` });
  await expect(council).toHaveValue('195000');
  await council.fill('200000');
  await form.getByRole('button', { name: 'Save the funding' }).click();

  await expect(page.getByText('Saved 2017-18’s funding: £331,500 from 5 partners.')).toBeVisible();
  await expect(page.getByText(NARRATIVE)).toBeVisible();
});

test('a board member sees the new figures, with nothing to change', async ({ page }) => {
  await as(page, 'member');
  await expect(page.getByText(NARRATIVE)).toBeVisible();
  await expect(page.getByRole('button', { name: /funding$/ })).toHaveCount(0);
});
