import type { Page } from '@playwright/test';
import { newBoardWith } from './board-people';
import { expect, test } from './fixtures';

/**
 * An empty board (SEED=none) keeps its own audit programme and action plan in the browser: the
 * quality assurance member adds an audit and records its progress, an editor adds a priority and
 * an action answering that audit, and a board member sees them. The board and its agencies are
 * set up through the API first, as the administrator's own pages (tested elsewhere) would.
 */
const PASSWORD = 'kettle orchard lantern';
const people = {
  qa: { email: 'quinn.qa@example.gov.uk', name: 'Quinn QA', role: 'quality-assurance' },
  editor: { email: 'eddie.editor@example.gov.uk', name: 'Eddie Editor', role: 'editor' },
  member: { email: 'morgan.member@example.gov.uk', name: 'Morgan Member', role: 'viewer' },
} as const;
const AUDIT = 'Neglect in under-fives';
const ACTION = 'Brief every health visitor on neglect';
const RECOMMENDATION = 'Make sure neglect is recognised early by every agency.';

const board = newBoardWith(people, PASSWORD, [
  { name: 'Sandwell children’s services', kind: 'local-authority' },
  { name: 'West Midlands Police', kind: 'police' },
]);
const as = (page: Page, who: keyof typeof people, path: string) => board.as(page, who, path);

test('a QA member adds the first audit and records its progress', async ({ page }) => {
  await as(page, 'qa', '/quality-assurance?year=2018-19');
  const schedule = page.getByRole('region', { name: 'Audit schedule' });
  await expect(schedule.getByText('No audits yet: add the first.')).toBeVisible();

  await schedule.getByRole('button', { name: 'Add an audit' }).click();
  const form = page.getByRole('form', { name: 'Add an audit' });
  await form.getByRole('textbox', { name: 'Title' }).fill(AUDIT);
  await form.getByRole('textbox', { name: /Theme or priority/ }).fill('Neglect');
  await form.getByRole('textbox', { name: /Lead/ }).fill('Sandwell children’s services');
  await form.getByRole('combobox', { name: 'Or a quarter' }).selectOption('Q2 2018-19');
  await form.getByRole('spinbutton', { name: 'Cases to sample' }).fill('8');
  await form.getByRole('checkbox', { name: 'Sandwell children’s services' }).check();
  await form.getByRole('checkbox', { name: 'West Midlands Police' }).check();
  await form.getByRole('button', { name: 'Add the audit' }).click();
  await expect(page.getByText(`Added “${AUDIT}” to the audit programme.`)).toBeVisible();

  const row = schedule.getByRole('row', { name: new RegExp(AUDIT) });
  await expect(row).toContainText('Q2 2018-19');
  await expect(row).toContainText('8 cases to sample');
  await row.getByRole('button', { name: `Record progress for ${AUDIT}` }).click();
  const progress = page.getByRole('form', { name: `Record progress: ${AUDIT}` });
  await progress.getByRole('combobox', { name: 'Status' }).selectOption('in-progress');
  await progress.getByRole('button', { name: 'Save progress' }).click();
  await expect(page.getByText(`Saved: “${AUDIT}” is now in progress.`)).toBeVisible();
  await expect(row).toContainText('In progress');
});

test('an editor adds an inspection’s recommendation, the first priority and an action answering both', async ({
  page,
}) => {
  await as(page, 'editor', '/action-plan');
  const ofsted = page.getByRole('region', { name: 'Ofsted recommendations' });
  await expect(
    ofsted.getByText('There are no Ofsted recommendations to track: add an inspection’s.'),
  ).toBeVisible();
  await ofsted.getByRole('button', { name: 'Add an inspection’s recommendations' }).click();
  const inspection = ofsted.getByRole('form', { name: 'Add an inspection’s recommendations' });
  await inspection.getByRole('textbox', { name: 'Inspection report' }).fill('Sandwell JTAI 2018');
  await inspection.getByLabel('Date of the inspection').fill('2018-05-10');
  await inspection.getByRole('textbox', { name: /^Recommendations/ }).fill(RECOMMENDATION);
  await inspection.getByRole('button', { name: 'Add the recommendations' }).click();
  await expect(ofsted.getByText('Added 1 recommendations from “Sandwell JTAI 2018”.')).toBeVisible();
  await expect(ofsted.getByText(RECOMMENDATION)).toBeVisible();

  await expect(page.getByText('The action plan has no priorities yet: add the first.')).toBeVisible();
  await page.getByRole('button', { name: 'Add a priority' }).click();
  const form = page.getByRole('form', { name: 'Add a priority' });
  await form.getByRole('textbox', { name: 'Title' }).fill('Neglect');
  await form.getByRole('textbox', { name: /What it aims at/ }).fill('Earlier help for neglected children');
  await form.getByRole('button', { name: 'Add the priority' }).click();
  await expect(page.getByText('Added priority 1: “Neglect”.')).toBeVisible();

  const priority = page.getByRole('region', { name: 'Priority 1: Neglect' });
  await priority.getByRole('button', { name: 'Add an action to priority 1' }).click();
  const action = page.getByRole('form', { name: 'Add an action' });
  await action.getByRole('textbox', { name: 'What the action is' }).fill(ACTION);
  await action.getByRole('textbox', { name: 'Owner' }).fill('Named nurse');
  await action.getByLabel('Due date').fill('2019-03-31');
  await action.getByRole('checkbox', { name: `1. ${RECOMMENDATION}` }).check();
  await action.getByRole('checkbox', { name: AUDIT }).check();
  await action.getByRole('button', { name: 'Add the action' }).click();
  await expect(page.getByText(`Added the action “${ACTION}”, owned by Named nurse.`)).toBeVisible();
  await expect(priority.getByRole('heading', { level: 4, name: ACTION })).toBeVisible();
});

test('a board member sees the audit, the priority and its action, with no controls to change them', async ({
  page,
}) => {
  await as(page, 'member', '/quality-assurance?year=2018-19');
  const row = page
    .getByRole('region', { name: 'Audit schedule' })
    .getByRole('row', { name: new RegExp(AUDIT) });
  await expect(row).toContainText('In progress');
  await expect(row.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add an audit' })).toHaveCount(0);

  await page.goto(board.url('/action-plan'));
  const priority = page.getByRole('region', { name: 'Priority 1: Neglect' });
  await expect(priority.getByRole('heading', { level: 4, name: ACTION })).toBeVisible();
  await expect(priority).toContainText('Owner: Named nurse');
  await expect(page.getByRole('button', { name: 'Add a priority' })).toHaveCount(0);
  const answering = page.getByRole('list', { name: 'Actions answering recommendation 1' });
  await expect(answering.getByRole('link', { name: ACTION })).toBeVisible();
});
