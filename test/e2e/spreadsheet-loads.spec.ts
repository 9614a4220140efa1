import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { newBoardWith } from './board-people';
import { expect, test } from './fixtures';

/**
 * An empty board (SEED=none) loads its audit programme and its action plan from its own
 * spreadsheets: the quality assurance member and an editor each download the template, fill it in
 * (written here as a spreadsheet would save it), load it, check the preview and add the rows; a
 * board member sees them on the pages.
 */
const PASSWORD = 'kettle orchard lantern';
const people = {
  qa: { email: 'quinn.qa@example.gov.uk', name: 'Quinn QA', role: 'quality-assurance' },
  editor: { email: 'eddie.editor@example.gov.uk', name: 'Eddie Editor', role: 'editor' },
  member: { email: 'morgan.member@example.gov.uk', name: 'Morgan Member', role: 'viewer' },
} as const;
const FIRST = 'Neglect in under-fives';
const FORMULA = '=HYPERLINK("http://evil.example","click")';

const board = newBoardWith(people, PASSWORD);
const as = (page: Page, who: keyof typeof people, path: string) => board.as(page, who, path);

test('a QA member downloads the template, fills it in, loads it and adds the audits', async ({
  page,
}, info) => {
  await as(page, 'qa', '/quality-assurance?year=2018-19');
  const schedule = page.getByRole('region', { name: 'Audit schedule' });
  await expect(schedule.getByText('No audits yet: add the first.')).toBeVisible();
  await schedule.getByRole('button', { name: 'Load from a spreadsheet' }).click();
  const loader = page.getByRole('region', { name: 'Load audits from a spreadsheet' });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    loader.getByRole('button', { name: 'Download the template (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('audit-programme-template.csv');
  const [header, example] = (await readFile((await download.path())!, 'utf8')).trim().split(/\r?\n/);
  expect(header).toBe(
    'Title,Theme or priority,Kind of audit,Lead,Agencies taking part,Planned date,Or a quarter,Cases to sample',
  );
  expect(example).toContain('Neglect in under-fives');

  // The template filled in: its example row kept, one more audit, and one a spreadsheet formula.
  const filled = info.outputPath('audit-programme.csv');
  await writeFile(
    filled,
    [
      header,
      example,
      'Exploitation and missing children,Priority 3,Single agency,West Midlands Police,West Midlands Police; Health,15/11/2018,,12',
      `"${FORMULA.replace(/"/g, '""')}",Priority 1,,Health,Health,,Q4 2018-19,`,
    ].join('\r\n'),
  );
  await loader.getByLabel('Choose the filled-in spreadsheet').setInputFiles(filled);
  const preview = loader.getByRole('table', { name: 'audit-programme.csv: 3 audits to add' });
  await expect(preview.getByRole('row')).toHaveCount(4);
  await expect(preview.getByRole('cell', { name: FORMULA, exact: true })).toBeVisible();
  await expect(schedule.getByText('No audits yet: add the first.')).toBeVisible();

  await loader.getByRole('button', { name: 'Add 3 audits' }).click();
  await expect(page.getByText('Added 3 audits from audit-programme.csv.')).toBeVisible();
  await expect(schedule.getByRole('row', { name: new RegExp(`^${FIRST}`) })).toContainText('Q3 2018-19');
  await expect(schedule.getByRole('row', { name: /^Exploitation and missing children/ })).toContainText(
    '12 cases to sample',
  );
  await expect(
    schedule.getByRole('rowheader', { name: `${FORMULA} Priority 1 · Multi-agency case file audit` }),
  ).toBeVisible();

  // Loading the same file again adds nothing twice: every row is already in the programme.
  await schedule.getByRole('button', { name: 'Load from a spreadsheet' }).click();
  await loader.getByLabel('Choose the filled-in spreadsheet').setInputFiles(filled);
  await expect(
    loader.getByText('Every row of audit-programme.csv is already there: there is nothing to add.'),
  ).toBeVisible();
  await expect(loader.getByRole('button', { name: /^Add \d/ })).toHaveCount(0);
});

test('an editor downloads the action plan template, fills it in, loads it and adds the actions', async ({
  page,
}, info) => {
  await as(page, 'editor', '/action-plan');
  await expect(page.getByText('The action plan has no priorities yet: add the first.')).toBeVisible();
  await page.getByRole('button', { name: 'Load from a spreadsheet' }).click();
  const loader = page.getByRole('region', { name: 'Load actions from a spreadsheet' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    loader.getByRole('button', { name: 'Download the template (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('action-plan-template.csv');
  const [header, example] = (await readFile((await download.path())!, 'utf8')).trim().split(/\r?\n/);
  expect(header).toBe('Priority,What the action is,Owner,Due date,Ofsted recommendations it answers');

  const filled = info.outputPath('action-plan.csv');
  await writeFile(
    filled,
    [
      header,
      example,
      'Neglect,Train school safeguarding leads in the neglect toolkit,Education safeguarding lead,28/02/2019,',
      'Exploitation,Map the children missing from home and school,West Midlands Police,2019-01-31,',
    ].join('\r\n'),
  );
  await loader.getByLabel('Choose the filled-in spreadsheet').setInputFiles(filled);
  await expect(loader.getByRole('table', { name: 'action-plan.csv: 3 actions to add' })).toBeVisible();
  await loader.getByRole('button', { name: 'Add 3 actions' }).click();
  await expect(page.getByText('Added 3 actions from action-plan.csv.')).toBeVisible();
  const neglect = page.getByRole('region', { name: 'Priority 1: Neglect' });
  // The plan lists a priority's actions by due date.
  await expect(neglect.getByRole('heading', { level: 4 })).toHaveText([
    'Train school safeguarding leads in the neglect toolkit',
    'Brief every health visitor on the neglect toolkit',
  ]);
  await expect(
    page
      .getByRole('region', { name: 'Priority 2: Exploitation' })
      .getByRole('heading', { level: 4, name: 'Map the children missing from home and school' }),
  ).toBeVisible();
});

test('a board member sees the loaded audits and actions and cannot load a spreadsheet', async ({ page }) => {
  await as(page, 'member', '/quality-assurance?year=2018-19');
  const schedule = page.getByRole('region', { name: 'Audit schedule' });
  await expect(schedule.getByRole('row', { name: new RegExp(`^${FIRST}`) })).toBeVisible();
  await expect(schedule.getByRole('row', { name: /^Exploitation and missing children/ })).toBeVisible();
  await expect(
    schedule.getByRole('rowheader', { name: `${FORMULA} Priority 1 · Multi-agency case file audit` }),
  ).toBeVisible();
  await expect(schedule.getByRole('button', { name: 'Load from a spreadsheet' })).toHaveCount(0);
  await page.goto(board.url('/action-plan'));
  await expect(
    page.getByRole('region', { name: 'Priority 2: Exploitation' }).getByRole('heading', { level: 4 }),
  ).toHaveText(['Map the children missing from home and school']);
  await expect(page.getByRole('button', { name: 'Load from a spreadsheet' })).toHaveCount(0);
});
