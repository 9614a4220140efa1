import {
  ADMIN,
  removeDataDir,
  SERVICE_SETUP_BUDGET,
  signIn,
  startDataService,
  type DataService,
} from './data-service';
import { expect, test } from './fixtures';

/**
 * Against the built data service on the demo board (reporting 2015-16 to 2017-18): the
 * administrator adds an action arising from an open audit, starts 2018-19 after being told what
 * carries over, and the quality assurance page then shows the new year first with the open work
 * carried into it, while 2017-18 still shows what it showed.
 */
const OPEN_AUDIT = 'Adolescents at risk: exploitation and gangs';
const CLOSED_AUDIT = 'Early help assessments and step-down';
const ACTION = 'Map the county lines routes into the city';

let service: DataService;

test.beforeAll(async () => {
  test.setTimeout(SERVICE_SETUP_BUDGET);
  service = await startDataService();
});

test.afterAll(async () => {
  if (!service) return;
  await service.stop();
  removeDataDir(service.dataDir);
});

test('the administrator starts a new reporting year and the open audits and actions carry over', async ({
  page,
}) => {
  await signIn(page, service, ADMIN.email, ADMIN.password);

  await page.goto(`${service.url}/quality-assurance?year=2017-18`);
  const schedule = page.getByRole('table', { name: 'Audit schedule, 2017-18' });
  await schedule
    .getByRole('row', { name: new RegExp(`^${OPEN_AUDIT}`) })
    .getByRole('button', { name: `Add an action arising for ${OPEN_AUDIT}` })
    .click();
  const form = page.getByRole('form', { name: `Add an action arising: ${OPEN_AUDIT}` });
  await form.getByRole('textbox', { name: 'What the action is' }).fill(ACTION);
  await form.getByRole('textbox', { name: 'Owner' }).fill('Exploitation lead');
  await form.getByLabel('Due').fill('2018-09-30');
  await form.getByRole('button', { name: 'Add the action' }).click();
  await expect(page.getByText(`Added the action “${ACTION}” arising from “${OPEN_AUDIT}”.`)).toBeVisible();

  await page.goto(`${service.url}/admin/board`);
  await page.getByRole('button', { name: 'Start the reporting year 2018-19' }).click();
  const confirm = page.getByRole('form', { name: 'Start the reporting year 2018-19?' });
  await expect(confirm.getByRole('list', { name: 'Audits carried over into 2018-19' })).toContainText(
    OPEN_AUDIT,
  );
  await expect(confirm.getByRole('list', { name: 'Audits carried over into 2018-19' })).not.toContainText(
    CLOSED_AUDIT,
  );
  await expect(confirm.getByRole('list', { name: 'Actions carried over into 2018-19' })).toContainText(
    ACTION,
  );
  await confirm.getByRole('button', { name: 'Start 2018-19' }).click();
  await expect(
    page.getByText('Started 2018-19: every page now shows it first, with the open work carried over.'),
  ).toBeVisible();

  await page.goto(`${service.url}/quality-assurance`);
  await expect(page.getByRole('combobox', { name: 'Reporting period' })).toHaveValue('2018-19');
  const next = page.getByRole('table', { name: 'Audit schedule, 2018-19' });
  await expect(next.getByRole('row', { name: new RegExp(`^${OPEN_AUDIT}`) })).toContainText(
    'Carried over from 2017-18',
  );
  await expect(next.getByRole('row', { name: new RegExp(`^${CLOSED_AUDIT}`) })).toHaveCount(0);
  const actions = page.getByRole('table', { name: 'Actions arising from audits, 2018-19' });
  await expect(actions.getByRole('row', { name: new RegExp(`^${ACTION}`) })).toContainText(
    'Carried over from 2017-18',
  );

  // The year before still shows what it showed: the completed audit is there, nothing is copied.
  await page.goto(`${service.url}/quality-assurance?year=2017-18`);
  const before = page.getByRole('table', { name: 'Audit schedule, 2017-18' });
  await expect(before.getByRole('row', { name: new RegExp(`^${CLOSED_AUDIT}`) })).toContainText('Completed');
  await expect(before.getByRole('row', { name: new RegExp(`^${OPEN_AUDIT}`) })).not.toContainText(
    'Carried over',
  );

  // The action plan follows: its open actions go on into 2018-19, and an action closed in 2017-18
  // stays in 2017-18's plan.
  const CLOSED_ACTION = 'Bullying Charter adopted by every school';
  await page.goto(`${service.url}/action-plan`);
  await expect(page.getByRole('combobox', { name: 'Reporting period' })).toHaveValue('2018-19');
  await expect(
    page.getByRole('heading', {
      level: 4,
      name: 'Offer every child a return home interview within 72 hours',
    }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 4, name: CLOSED_ACTION })).toHaveCount(0);
  await expect(
    page.getByText('5 actions closed before 2018-19 are in the plan of the year they closed in.'),
  ).toBeVisible();
  await page.goto(`${service.url}/action-plan?year=2017-18`);
  await expect(page.getByRole('heading', { level: 4, name: CLOSED_ACTION })).toBeVisible();
});
