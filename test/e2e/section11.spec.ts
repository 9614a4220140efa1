import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { demoBoardWith } from './board-people';
import { SERVICE_SETUP_BUDGET } from './data-service';
import { axeViolations, expect, test } from './fixtures';

/**
 * Issue 19: a Section 11 cycle in the browser, against the built data service with the demo board.
 * The administrator opens it; the police and health contributors fill theirs in; the quality
 * assurance committee moderates, sends one back and accepts the other; a board member sees the
 * matrix and its narrative.
 */
const PASSWORD = 'kettle orchard lantern';
const people = {
  admin: { email: 'ada.admin@example.gov.uk', name: 'Ada Admin', role: 'administrator' },
  police: {
    email: 'pat.police@example.police.uk',
    name: 'Pat Police',
    role: 'contributor',
    agencyIds: ['west-midlands-police'],
  },
  health: {
    email: 'hana.health@example.nhs.uk',
    name: 'Hana Health',
    role: 'contributor',
    agencyIds: ['health'],
  },
  qa: { email: 'quinn.qa@example.gov.uk', name: 'Quinn QA', role: 'quality-assurance' },
  member: { email: 'morgan.member@example.gov.uk', name: 'Morgan Member', role: 'viewer' },
} as const;
const CYCLE = 'Section 11 audit 2027';
const POLICE = 'West Midlands Police';
const TRAINING = 'Level 3 training for every detective sergeant';
const HEALTH = 'Wolverhampton health partners (CCG and Royal Wolverhampton NHS Trust)';

const board = demoBoardWith(people, PASSWORD);
const as = (page: Page, who: keyof typeof people, path = '/section11') => board.as(page, who, path);

/** Rates every standard met with its evidence, except `notMet`. */
async function fillIn(page: Page, notMet: string | null) {
  const form = page.getByRole('form', { name: /self-assessment$/ });
  const standards = form.locator('fieldset.section11-standard');
  // The demo board's eleven standards: the eight section 11 names and three of its own.
  await expect(standards).toHaveCount(11);
  const count = await standards.count();
  for (let i = 0; i < count; i += 1) {
    const standard = standards.nth(i);
    const legend = (await standard.locator('legend').textContent()) ?? '';
    const rating = notMet !== null && legend.startsWith(`Standard ${notMet}:`) ? 'Not met' : 'Met';
    await standard.getByRole('radio', { name: rating, exact: true }).check();
    await standard
      .getByRole('textbox', { name: 'Evidence', exact: true })
      .fill(`Our evidence: ${legend.slice(0, 30)}`);
  }
}

test('before a cycle, the administrator rewords a standard of the board’s own; the form passes axe at 360 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await as(page, 'admin');
  await page.getByRole('button', { name: 'Change the standards' }).click();
  const form = page.getByRole('form', { name: 'Change the standards' });
  await expect(form.getByText(/it can be reworded, not retired/)).toHaveCount(8);
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await form
    .getByRole('group', { name: 'Standard 11', exact: true })
    .getByRole('textbox', { name: 'Standard', exact: true })
    .fill('Escalation: staff know the board’s escalation policy and use it');
  await form.getByRole('button', { name: 'Save the standards' }).click();
  await expect(page.getByText('Saved the standards: 11 in the set.')).toBeVisible();
});

test('the administrator opens a Section 11 cycle for two agencies', async ({ page }) => {
  await as(page, 'admin');
  await page.getByRole('button', { name: 'Open a Section 11 cycle' }).click();
  const form = page.getByRole('form', { name: 'Open a Section 11 cycle' });
  await form.getByRole('textbox', { name: 'Title' }).fill(CYCLE);
  await form.getByLabel('Due date').fill('2099-01-31');
  await form.getByRole('checkbox', { name: POLICE }).check();
  await form.getByRole('checkbox', { name: HEALTH }).check();
  await form.getByRole('button', { name: 'Open the cycle' }).click();
  await expect(
    page.getByText(`Opened “${CYCLE}”: 2 agencies have a self-assessment due by 31 January 2099.`),
  ).toBeVisible();
  const table = page.getByRole('region', { name: `${CYCLE} self-assessments` });
  await expect(table.getByRole('row', { name: new RegExp(POLICE) })).toContainText('Not started');
});

test('the police fill theirs in, with a standard not met and its improvement action, and submit', async ({
  page,
}) => {
  await as(page, 'police');
  await page.getByRole('link', { name: `Fill in ${POLICE}’s self-assessment for ${CYCLE}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${POLICE}’s self-assessment`);
  // Submitting with nothing filled in names every standard still to rate.
  await page.getByRole('button', { name: 'Submit to the committee' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'Standard 1: Rate standard 1',
  );

  await fillIn(page, '5');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText(/^Draft saved at/)).toBeVisible();
  await page.getByRole('button', { name: 'Submit to the committee' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'Standard 5: Add an improvement action for standard 5',
  );

  await page.getByRole('button', { name: 'Add an improvement action' }).click();
  const action = page.getByRole('group', { name: 'Improvement action 1' });
  await action.getByLabel('Standard').selectOption({ index: 4 });
  await action.getByRole('textbox', { name: 'What will be done' }).fill(TRAINING);
  await action.getByRole('textbox', { name: 'Owner' }).fill('Head of public protection');
  await action.getByLabel('Due date').fill('2099-06-30');
  await page.getByRole('button', { name: 'Submit to the committee' }).click();
  await expect(
    page.getByText(`Submitted ${POLICE}’s self-assessment: the quality assurance committee will read it.`),
  ).toBeVisible();
});

test('health fill theirs in and submit', async ({ page }) => {
  await as(page, 'health');
  await page.getByRole('link', { name: `Fill in ${HEALTH}’s self-assessment for ${CYCLE}` }).click();
  await fillIn(page, null);
  await page.getByRole('button', { name: 'Submit to the committee' }).click();
  await expect(
    page.getByText(`Submitted ${HEALTH}’s self-assessment: the quality assurance committee will read it.`),
  ).toBeVisible();
});

test('the committee moderates a police rating with its challenge and accepts; it sends health’s back', async ({
  page,
}) => {
  await as(page, 'qa');
  await page.getByRole('link', { name: `Review ${POLICE}’s self-assessment for ${CYCLE}` }).click();
  const review = page.getByRole('group', { name: 'The committee’s review' });
  const recruitment = review.locator('fieldset', { hasText: 'Standard 6:' });
  await recruitment.getByLabel('The committee’s rating').selectOption('partly-met');
  await recruitment
    .getByRole('textbox', { name: 'Challenge asked' })
    .fill('How many posts were filled without two references?');
  await recruitment.getByRole('textbox', { name: 'The agency’s answer' }).fill('Two, both since corrected.');
  await review.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByText(`Accepted ${POLICE}’s self-assessment.`)).toBeVisible();

  await page.goto(page.url().replace('west-midlands-police', 'health'));
  await page
    .getByRole('textbox', { name: /^Comments for the agency/ })
    .fill('Give evidence of supervision for school nurses.');
  await page.getByRole('button', { name: 'Send back to the agency' }).click();
  await expect(page.getByText(`Sent ${HEALTH}’s self-assessment back with your comments.`)).toBeVisible();
});

test('the committee adds the police’s agreed improvement action to the action plan', async ({ page }) => {
  await as(page, 'qa', '/section11/section-11-audit-2027/west-midlands-police');
  const toPlan = page.getByRole('form', { name: `Add to the action plan: ${TRAINING}` });
  await toPlan.getByLabel('Priority it comes under').selectOption({ index: 0 });
  await toPlan.getByRole('button', { name: 'Add to the action plan' }).click();
  await expect(page.getByText(`Added “${TRAINING}” to the action plan.`)).toBeVisible();
  await expect(toPlan).toHaveCount(0);
});

test('health see why theirs came back', async ({ page }) => {
  await as(page, 'health');
  await page.getByRole('link', { name: `Fill in ${HEALTH}’s self-assessment for ${CYCLE}` }).click();
  await expect(page.getByRole('note')).toContainText('Give evidence of supervision for school nurses.');
});

test('a board member sees the matrix and its narrative, with nothing to fill in', async ({ page }) => {
  await as(page, 'member');
  const assurance = page.getByRole('region', { name: `${CYCLE}: agencies by standard` });
  const police = assurance.getByRole('row', { name: new RegExp(POLICE) });
  await expect(police).toContainText('Accepted');
  await expect(police).toContainText('Not met');
  await expect(police).toContainText('Committee’s rating; the agency said met');
  await expect(assurance.getByRole('row', { name: /^Wolverhampton health partners/ })).toContainText(
    'Sent back to agency',
  );
  await expect(
    page.getByText(
      `${CYCLE}: 1 of 2 agencies’ self-assessments accepted by the quality assurance committee so far.`,
    ),
  ).toBeVisible();
  await expect(
    page.getByText(/^Standard 5 \(.*\) is the one most often not fully met: not met by 1 of 1 agencies\.$/),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Self-assessments' })).toHaveCount(0);
});

test('a board member sees the agreed action in the action plan, answering the police’s standard 5', async ({
  page,
}) => {
  await as(page, 'member', '/action-plan');
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 4, name: TRAINING }) });
  await expect(card).toContainText('Owner: Head of public protection');
  await expect(card).toContainText(/Answers Section 11: West Midlands Police, standard 5 \(Staff training/);
});

test('after the due date, a board member sees the agency that has not resubmitted as late', async ({
  page,
}) => {
  // The data service judges lateness by its own clock, which a browser's clock cannot move: it is
  // restarted on the same database with its clock started after the due date (31 January 2099).
  test.setTimeout(SERVICE_SETUP_BUDGET);
  await board.restart({
    NODE_OPTIONS: `--import=${pathToFileURL(resolve('test/e2e/clock-at.mjs')).href}`,
    CLOCK_AT: '2099-02-01T09:00:00Z',
  });
  await as(page, 'member');
  const assurance = page.getByRole('region', { name: `${CYCLE}: agencies by standard` });
  const health = assurance.getByRole('row', { name: /^Wolverhampton health partners/ });
  await expect(health).toContainText('Sent back to agency');
  await expect(health).toContainText('Late');
  await expect(assurance.getByRole('row', { name: new RegExp(POLICE) })).not.toContainText('Late');
  await expect(
    page.getByText(
      `${CYCLE}: 1 of 2 agencies’ self-assessments accepted by the quality assurance committee so far. Late: ${HEALTH}.`,
    ),
  ).toBeVisible();
});

test('a board member pins the matrix to the meeting pack, presents it and prints it', async ({
  page,
}, testInfo) => {
  const title = `Section 11 assurance: agencies by standard, ${CYCLE}`;
  await as(page, 'member');
  await page.getByRole('button', { name: `Pin to meeting pack: ${title}` }).click();
  await expect(page.getByRole('button', { name: `Pinned to meeting pack: ${title}` })).toBeVisible();
  await page.getByRole('link', { name: 'Meeting pack, 1 chart' }).click();
  const item = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: title }) });
  await expect(
    item
      .getByRole('region', { name: `${CYCLE}: agencies by standard` })
      .getByRole('row', { name: /^Wolverhampton health/ }),
  ).toContainText('Late');

  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByRole('region', { name: 'Slide 1 of 2' })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Wolverhampton Safeguarding Children Board' }),
  ).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('region', { name: 'Slide 2 of 2' })).toBeVisible();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('1 of 2', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: `${CYCLE}: agencies by standard` })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Download CSV/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/meeting-pack$/);

  await page.goto(board.url('/meeting-pack/presenter'));
  await expect(page.getByRole('heading', { name: `Next: ${title}` })).toBeVisible();

  await page.goto(board.url('/meeting-pack'));
  await expect(item.getByRole('region', { name: `${CYCLE}: agencies by standard` })).toBeVisible();
  await page.emulateMedia({ media: 'print', reducedMotion: 'reduce' });
  const path = testInfo.outputPath('section11-pack.pdf');
  await page.pdf({ path, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  expect(text).toContain(title);
  expect(text).toMatch(/1 of 2 agencies’\s+self-assessments\s+accepted/);
  expect(text).toContain(POLICE);
  expect(text).toContain('Not met');
  expect(text).toContain('Late');
  expect(text).not.toContain('Download CSV');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no WCAG A/AA violation on the Section 11 pages (${theme}), and they fit 360 px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.emulateMedia({ colorScheme: theme });
    await as(page, 'qa');
    await expect(page.getByRole('region', { name: `${CYCLE}: agencies by standard` })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('link', { name: `View ${POLICE}’s self-assessment for ${CYCLE}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${POLICE}’s self-assessment`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
}
