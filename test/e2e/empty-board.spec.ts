import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, signIn } from './data-service';
import { expect, test } from './fixtures';
import { serviceForTests } from './service-for-tests';

/**
 * Issue 18, done when: on an empty database (SEED=none), the business unit sets the whole board up
 * through the browser alone, from nothing to a full overview; then a board member sees all of it.
 * The README's walk-through follows these steps.
 */
test.describe.configure({ mode: 'serial' });

const service = serviceForTests({ env: { SEED: 'none' } });
const url = (path: string) => `${service.current.url}${path}`;

const INDICATOR = 'Children screened for CSE risk';
const AUDIT = 'Neglect in under-fives';
const RECOMMENDATION = 'Make sure neglect is recognised early by every agency.';
const ACTION = 'Brief every health visitor on neglect';
const EVENT = 'New multi-agency CSE team';
const LINK = 'West Midlands safeguarding partnerships network';
const REVIEW = 'Serious case review: Child D';
const MEMBER = {
  name: 'Morgan Member',
  email: 'morgan.member@example.gov.uk',
  password: 'a long new password 2018',
};

test('the business unit sets up a board from nothing, in the browser alone', async ({
  page,
  newPage,
  allowConsole,
}) => {
  test.setTimeout(180_000);
  // Until the board is set up, the API answers GET /board with 404; the browser logs each one.
  allowConsole(/status of 404 \(Not Found\)/);
  await signIn(page, service.current, ADMIN.email, ADMIN.password);

  await test.step('the board and its years', async () => {
    await page.goto(url('/'));
    await page
      .getByRole('region', { name: 'Set up the board' })
      .getByRole('link', { name: 'Board settings' })
      .click();
    await page.getByRole('textbox', { name: /^Board name/ }).fill('Dudley Safeguarding Children Partnership');
    await page.getByRole('textbox', { name: /^Short name/ }).fill('DSCP');
    await page.getByRole('textbox', { name: /^Local authority/ }).fill('Dudley');
    await page.getByRole('textbox', { name: /^ONS code/ }).fill('E08000027');
    await page.getByRole('textbox', { name: /^DfE code/ }).fill('332');
    await page.getByRole('textbox', { name: /^Region/ }).fill('West Midlands');
    await page.getByRole('textbox', { name: /^Reporting years/ }).fill('2016-17, 2017-18');
    await page.getByRole('textbox', { name: /^Year shown first/ }).fill('2017-18');
    await page.getByLabel(/^Figures as at/).fill('2018-03-31');
    await page.getByRole('button', { name: 'Set up the board' }).click();
    await expect(page.getByRole('heading', { name: 'Change the board’s settings' })).toBeVisible();
  });

  await test.step('two agencies', async () => {
    await page.goto(url('/admin/agencies'));
    for (const [name, kind] of [
      ['Dudley children’s services', 'Local authority'],
      ['West Midlands Police', 'Police'],
    ] as const) {
      await page.getByRole('button', { name: 'Add an agency' }).click();
      const form = page.getByRole('form', { name: 'Add an agency' });
      await form.getByRole('textbox', { name: 'Name' }).fill(name);
      await form.getByRole('combobox', { name: 'Kind of agency' }).selectOption({ label: kind });
      await form.getByRole('button', { name: 'Add the agency' }).click();
      await expect(page.getByText(`Added ${name}.`)).toBeVisible();
    }
  });

  await test.step('an indicator with its figures, from a file, published to the board', async () => {
    await page.goto(url('/import'));
    await page
      .getByLabel('Choose a CSV or Excel file')
      .setInputFiles(resolve(import.meta.dirname, '../fixtures/import/template-valid.csv'));
    await page.getByRole('button', { name: 'Import 2 indicators' }).click();
    await page
      .getByRole('button', { name: new RegExp(`^Publish to the partnership\\s*: ${INDICATOR}$`) })
      .click();
    await page.getByRole('textbox', { name: /Where the figures come from/ }).fill('Dudley CSE tool returns');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.getByText(/Published/).first()).toBeVisible();
  });

  await test.step('an event on its chart', async () => {
    await page.goto(url('/indicators/cse-screenings'));
    const events = page.getByRole('region', { name: 'Events marked on the chart' });
    await events.getByRole('button', { name: 'Add a chart event' }).click();
    const form = page.getByRole('form', { name: 'Add a chart event' });
    await form.getByLabel('Date').fill('2016-10-01');
    await form.getByRole('textbox', { name: /What happened/ }).fill(EVENT);
    await form.getByRole('button', { name: 'Add the event' }).click();
    await expect(page.getByText(`Marked “${EVENT}” on the chart.`)).toBeVisible();
  });

  await test.step('an audit, and its progress', async () => {
    await page.goto(url('/quality-assurance?year=2017-18'));
    const schedule = page.getByRole('region', { name: 'Audit schedule' });
    await schedule.getByRole('button', { name: 'Add an audit' }).click();
    const form = page.getByRole('form', { name: 'Add an audit' });
    await form.getByRole('textbox', { name: 'Title' }).fill(AUDIT);
    await form.getByRole('textbox', { name: /Theme or priority/ }).fill('Neglect');
    await form.getByRole('textbox', { name: /Lead/ }).fill('Dudley children’s services');
    await form.getByRole('combobox', { name: 'Or a quarter' }).selectOption('Q3 2017-18');
    await form.getByRole('spinbutton', { name: 'Cases to sample' }).fill('8');
    await form.getByRole('checkbox', { name: 'Dudley children’s services' }).check();
    await form.getByRole('checkbox', { name: 'West Midlands Police' }).check();
    await form.getByRole('button', { name: 'Add the audit' }).click();
    await expect(page.getByText(`Added “${AUDIT}” to the audit programme.`)).toBeVisible();
    const row = schedule.getByRole('row', { name: new RegExp(AUDIT) });
    await row.getByRole('button', { name: `Record progress for ${AUDIT}` }).click();
    const progress = page.getByRole('form', { name: `Record progress: ${AUDIT}` });
    await progress.getByRole('combobox', { name: 'Status' }).selectOption('in-progress');
    await progress.getByRole('button', { name: 'Save progress' }).click();
    await expect(row).toContainText('In progress');
  });

  await test.step('a review, with its recommendation and action', async () => {
    const reviews = page.getByRole('region', { name: 'Safeguarding practice reviews' });
    await reviews.getByRole('button', { name: 'Add a review' }).click();
    const form = page.getByRole('form', { name: 'Add a review' });
    await form.getByRole('textbox', { name: 'Title' }).fill(REVIEW);
    await form.getByRole('combobox', { name: 'Kind of review' }).selectOption('serious-case-review');
    await form.getByLabel('Date of the review').fill('2017-05-10');
    await form.getByLabel('Published').fill('2017-11-20');
    await form.getByRole('textbox', { name: /Themes and learning points/ }).fill('Neglect');
    await form.getByRole('button', { name: 'Add a recommendation' }).click();
    await form
      .getByRole('textbox', { name: 'What it recommends' })
      .fill('Every agency uses the neglect toolkit');
    const action = form.getByRole('group', { name: 'Recommendation 1, action 1' });
    await action.getByRole('textbox', { name: 'Action' }).fill('Train health visitors in the toolkit');
    await action.getByRole('textbox', { name: 'Owner' }).fill('Designated nurse');
    await action.getByLabel('Due').fill('2018-03-31');
    await form.getByRole('button', { name: 'Add the review' }).click();
    await expect(page.getByText(`Added the review “${REVIEW}”.`)).toBeVisible();
  });

  await test.step('an Ofsted recommendation, a priority and an action answering it', async () => {
    await page.goto(url('/action-plan'));
    const ofsted = page.getByRole('region', { name: 'Ofsted recommendations' });
    await ofsted.getByRole('button', { name: 'Add an inspection’s recommendations' }).click();
    const inspection = ofsted.getByRole('form', { name: 'Add an inspection’s recommendations' });
    await inspection.getByRole('textbox', { name: 'Inspection report' }).fill('Dudley SIF 2017');
    await inspection.getByLabel('Date of the inspection').fill('2017-06-10');
    await inspection.getByRole('textbox', { name: /^Recommendations/ }).fill(RECOMMENDATION);
    await inspection.getByRole('button', { name: 'Add the recommendations' }).click();
    await expect(ofsted.getByText(RECOMMENDATION)).toBeVisible();

    await page.getByRole('button', { name: 'Add a priority' }).click();
    const form = page.getByRole('form', { name: 'Add a priority' });
    await form.getByRole('textbox', { name: 'Title' }).fill('Neglect');
    await form.getByRole('textbox', { name: /What it aims at/ }).fill('Earlier help for neglected children');
    await form.getByRole('button', { name: 'Add the priority' }).click();
    const priority = page.getByRole('region', { name: 'Priority 1: Neglect' });
    await priority.getByRole('button', { name: 'Add an action to priority 1' }).click();
    const action = page.getByRole('form', { name: 'Add an action' });
    await action.getByRole('textbox', { name: 'What the action is' }).fill(ACTION);
    await action.getByRole('textbox', { name: 'Owner' }).fill('Named nurse');
    await action.getByLabel('Due date').fill('2018-03-31');
    await action.getByRole('checkbox', { name: `1. ${RECOMMENDATION}` }).check();
    await action.getByRole('button', { name: 'Add the action' }).click();
    await expect(priority.getByRole('heading', { level: 4, name: ACTION })).toBeVisible();
  });

  await test.step('the year’s funding', async () => {
    await page.goto(url('/partnership?year=2017-18'));
    await page.getByRole('button', { name: 'Change 2017-18’s funding' }).click();
    const form = page.getByRole('form', { name: 'Change 2017-18’s funding' });
    await form.getByRole('spinbutton', { name: 'Dudley children’s services (£)' }).fill('150000');
    await form.getByRole('spinbutton', { name: 'West Midlands Police (£)' }).fill('40000');
    await form.getByRole('button', { name: 'Save the funding' }).click();
    await expect(page.getByText('Saved 2017-18’s funding: £190,000 from 2 partners.')).toBeVisible();
  });

  await test.step('a link with another partnership', async () => {
    await page.getByRole('button', { name: 'Add a link or engagement activity' }).click();
    const add = page.getByRole('form', { name: 'Add a link or engagement activity' });
    await add.getByRole('combobox', { name: 'Kind of link' }).selectOption('board-network');
    await add.getByRole('textbox', { name: /^Name/ }).fill(LINK);
    await add.getByLabel(/^Since/).fill('2017-09-01');
    await add.getByRole('textbox', { name: 'What it does' }).fill('Shared procedures and joint training.');
    await add.getByRole('button', { name: 'Add the link' }).click();
    await expect(page.getByText(`Added “${LINK}”.`)).toBeVisible();
    // The figure a link may stand for: how many other boards or partnerships share with this one.
    await page.getByRole('button', { name: /^Record the number of linked / }).click();
    const count = page.getByRole('form', { name: /^Change the number of linked / });
    await count.getByRole('spinbutton', { name: /^Other safeguarding .* shared with/ }).fill('6');
    await count.getByRole('button', { name: 'Save the number' }).click();
    await expect(page.getByText(/^Saved: 6 other .* shared with\.$/)).toBeVisible();
  });

  await test.step('a board member, invited', async () => {
    await page.goto(url('/admin/people'));
    const form = page.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Name').fill(MEMBER.name);
    await form.getByLabel('Email address').fill(MEMBER.email);
    await form.getByRole('button', { name: 'Add and make their sign-in link' }).click();
    const link = await page.locator('.link-notice__link code').textContent();
    const member = await newPage();
    await member.goto(link!);
    await member.getByLabel('New password', { exact: true }).fill(MEMBER.password);
    await member.getByLabel('Type the password again').fill(MEMBER.password);
    await member.getByRole('button', { name: 'Save password and sign in' }).click();
    await expect(member.getByText(MEMBER.name, { exact: true })).toBeVisible();
  });
});

async function asMember(page: Page, path: string) {
  await signIn(page, service.current, MEMBER.email, MEMBER.password);
  await page.goto(url(path));
}

test('a board member then sees all of it: on the overview and on each page', async ({ page }) => {
  await asMember(page, '/');
  await expect(page.getByText('Dudley Safeguarding Children Partnership').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Set up the board' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Headline indicators' }).getByText(INDICATOR)).toBeVisible();

  await page.goto(url('/indicators/cse-screenings'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(INDICATOR);
  await expect(page.getByRole('region', { name: 'Events marked on the chart' })).toContainText(EVENT);

  await page.goto(url('/quality-assurance?year=2017-18'));
  await expect(
    page.getByRole('region', { name: 'Audit schedule' }).getByRole('row', { name: new RegExp(AUDIT) }),
  ).toContainText('In progress');

  await expect(
    page
      .getByRole('region', { name: 'Safeguarding practice reviews' })
      .getByRole('article', { name: REVIEW }),
  ).toContainText('Train health visitors in the toolkit (Designated nurse, due 31 March 2018)');

  await page.goto(url('/action-plan'));
  await expect(
    page
      .getByRole('region', { name: 'Priority 1: Neglect' })
      .getByRole('heading', { level: 4, name: ACTION }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Ofsted recommendations' })).toContainText(RECOMMENDATION);

  await page.goto(url('/partnership?year=2017-18'));
  await expect(page.getByText(/In 2017-18 partners contributed £190,000\./)).toBeVisible();
  await expect(page.getByText(LINK, { exact: true })).toBeVisible();
  await expect(
    page.getByText(/^6 other safeguarding .* share information, policies and procedures/),
  ).toBeVisible();
});
