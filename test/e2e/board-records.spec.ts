import type { Page } from '@playwright/test';
import { addPerson, ADMIN, removeDataDir, startDataService, type DataService } from './data-service';
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

test.describe.configure({ mode: 'serial' });

let service: DataService;

test.beforeAll(async ({ playwright }) => {
  // A new embedded database and four passwords hashed: slow on a busy machine.
  test.setTimeout(120_000);
  service = await startDataService({ env: { SEED: 'none' } });
  const request = await playwright.request.newContext();
  for (const person of Object.values(people)) await addPerson(request, service, person, PASSWORD);
  const headers = { Origin: service.url, 'Content-Type': 'application/json' };
  expect((await request.post(`${service.url}/api/v1/session`, { headers, data: ADMIN })).ok()).toBe(true);
  const board = await request.put(`${service.url}/api/v1/board`, {
    headers,
    data: {
      name: 'Sandwell Safeguarding Children Partnership',
      shortName: 'SSCP',
      area: { name: 'Sandwell', laCode: 'E08000028', oldLaCode: '333', region: 'West Midlands' },
      reportingYears: ['2018-19'],
      currentYear: '2018-19',
      dataAsAt: '2018-06-30',
      ofsted: null,
      illustrativeNotice: null,
      version: null,
    },
  });
  expect(board.ok(), await board.text()).toBe(true);
  for (const agency of [
    { name: 'Sandwell children’s services', kind: 'local-authority' },
    { name: 'West Midlands Police', kind: 'police' },
  ]) {
    const reply = await request.post(`${service.url}/api/v1/agencies`, { headers, data: agency });
    expect(reply.status(), await reply.text()).toBe(201);
  }
  await request.dispose();
});

test.afterAll(async () => {
  if (!service) return;
  await service.stop();
  removeDataDir(service.dataDir);
});

/**
 * Signs in straight to a page: on an empty board the overview asks for the CSE indicator, which
 * is not there yet (a 404 in the console, the overview's to handle), so it is not visited here.
 */
async function as(page: Page, who: keyof typeof people, path: string) {
  await page.goto(`${service.url}/sign-in?next=${encodeURIComponent(path)}`);
  await page.getByLabel('Email address').fill(people[who].email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === path.split('?')[0]);
}

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

  await page.goto(`${service.url}/action-plan`);
  const priority = page.getByRole('region', { name: 'Priority 1: Neglect' });
  await expect(priority.getByRole('heading', { level: 4, name: ACTION })).toBeVisible();
  await expect(priority).toContainText('Owner: Named nurse');
  await expect(page.getByRole('button', { name: 'Add a priority' })).toHaveCount(0);
  const answering = page.getByRole('list', { name: 'Actions answering recommendation 1' });
  await expect(answering.getByRole('link', { name: ACTION })).toBeVisible();
});
