import type { Page } from '@playwright/test';
import { demoBoardWith } from './board-people';
import { expect, test } from './fixtures';

/**
 * Issue 18, chart events: an editor marks an event on an indicator from its page, against the
 * built data service with the demo board; it is drawn on the chart and listed under it, and a
 * board member sees it there with nothing to change.
 */
const PASSWORD = 'kettle orchard lantern';
const people = {
  editor: { email: 'eddie.editor@example.gov.uk', name: 'Eddie Editor', role: 'editor' },
  member: { email: 'morgan.member@example.gov.uk', name: 'Morgan Member', role: 'viewer' },
} as const;
const PAGE = '/indicators/cse-children-at-risk?year=2017-18';
const LABEL = '<b>New CSE team</b>';

const board = demoBoardWith(people, PASSWORD);
const as = (page: Page, who: keyof typeof people) => board.as(page, who, PAGE);

test('an editor adds a chart event on an indicator; it shows on its chart and in the events under it', async ({
  page,
}) => {
  await as(page, 'editor');
  const events = page.getByRole('region', { name: 'Events marked on the chart' });
  await events.getByRole('button', { name: 'Add a chart event' }).click();
  const form = page.getByRole('form', { name: 'Add a chart event' });
  await form.getByLabel('Date').fill('2016-10-01');
  await form.getByRole('textbox', { name: /What happened/ }).fill(LABEL);
  await form.getByRole('textbox', { name: 'More about it' }).fill('A dedicated multi-agency CSE team.');
  await form.getByRole('button', { name: 'Add the event' }).click();

  await expect(page.getByText(`Marked “${LABEL}” on the chart.`)).toBeVisible();
  await expect(events.getByText(`1 October 2016: ${LABEL}.`)).toBeVisible();
  // Drawn on the chart as a labelled event, third in date order as in the list, its markup as text
  // (the label wraps onto two lines).
  await expect(page.locator('.trend-chart__event').nth(2)).toHaveText(/^3<b>New CSE\s*team<\/b>$/);
  await expect(page.locator('.trend-chart b')).toHaveCount(0);
});

test('a board member sees the event on the chart and under it, with nothing to change', async ({ page }) => {
  await as(page, 'member');
  const events = page.getByRole('region', { name: 'Events marked on the chart' });
  await expect(events.getByText(`1 October 2016: ${LABEL}.`)).toBeVisible();
  await expect(page.locator('.trend-chart__event').nth(2)).toHaveText(/^3<b>New CSE\s*team<\/b>$/);
  await expect(events.getByRole('button')).toHaveCount(0);
});
