import { CLIENT_ID, CLIENT_SECRET, TestProvider } from '../../server/test/oidc-provider';
import { ADMIN, removeDataDir, startDataService, type DataService } from './data-service';
import { expect, test } from './fixtures';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider on a loopback port, with
 * its own login page): an invited contributor signs in there and submits their agency's return.
 */
let provider: TestProvider;
let service: DataService;

test.beforeAll(async ({ request }) => {
  provider = await TestProvider.start();
  service = await startDataService({
    env: {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_LABEL: 'West Midlands Police',
      OIDC_EMAIL_DOMAINS: 'example.police.uk',
    },
  });
  await provider.attach(service.url, {
    'pat.police': { email: 'pat.police@example.police.uk', email_verified: true, name: 'Pat Police' },
  });
  // The business unit invites Pat (no password) and opens the round.
  const headers = { Origin: service.url, 'Content-Type': 'application/json' };
  expect((await request.post(`${service.url}/api/v1/session`, { headers, data: ADMIN })).ok()).toBe(true);
  const invited = await request.post(`${service.url}/api/v1/users`, {
    headers,
    data: {
      email: 'pat.police@example.police.uk',
      name: 'Pat Police',
      role: 'contributor',
      agencyIds: ['west-midlands-police'],
      actionOwner: null,
    },
  });
  expect(invited.status()).toBe(201);
  const opened = await request.post(`${service.url}/api/v1/returns`, {
    headers,
    data: { quarter: 'Q4 2017-18', dueDate: '2099-04-30' },
  });
  expect(opened.ok()).toBe(true);
});

test.afterAll(async () => {
  await service?.stop();
  if (service) removeDataDir(service.dataDir);
  await provider?.close();
});

test('an invited contributor signs in with their organisation and submits their return', async ({ page }) => {
  test.slow();
  // The provider's development login page asks for web fonts (no internet here) and a favicon it
  // does not have: answered empty so that the page's console stays clean.
  await page.route('https://fonts.googleapis.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/css', body: '' }),
  );
  await page.route(`${provider.issuer}/favicon.ico`, (route) => route.fulfill({ status: 204 }));
  await page.goto(`${service.url}/returns`);
  await page.getByRole('link', { name: 'Sign in with West Midlands Police' }).click();
  // The provider's own login page.
  await page.locator('input[name="login"]').fill('pat.police');
  await page.locator('input[name="password"]').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Quarterly returns' })).toBeVisible();
  const round = page.getByRole('region', { name: 'Q4 2017-18 returns' });
  await round.getByRole('link', { name: /Fill in West Midlands Police’s Q4 2017-18 return/ }).click();
  await page
    .getByLabel('Children identified at risk of child sexual exploitation, Q4 2017-18: value')
    .fill('151');
  await page.getByRole('button', { name: 'Submit to the business unit' }).click();
  await expect(
    page.getByText('Submitted: the business unit will check the Q4 2017-18 return and publish it.'),
  ).toBeVisible();
});
