import { linksIn, startSmtpServer } from '../../server/test/smtp';
import { ADMIN, removeDataDir, signIn, startDataService, type DataService } from './data-service';
import { expect, test } from './fixtures';

/**
 * Email from the built data service to a real SMTP server (smtp-server on a loopback port, which
 * records what it accepts): what the administrator does in the browser arrives as mail whose
 * link works.
 */
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let service: DataService;

test.beforeAll(async () => {
  smtp = await startSmtpServer();
  service = await startDataService({
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'board@example.gov.uk', MAIL_POLL_SECONDS: '1' },
  });
});

test.afterAll(async () => {
  await service?.stop();
  if (service) removeDataDir(service.dataDir);
  await smtp?.close();
});

test('an invitation the administrator makes arrives by email, and its link lets the person choose a password and sign in', async ({
  page,
  newPage,
}) => {
  test.slow();
  const email = 'sam.health@example.nhs.uk';
  await signIn(page, service, ADMIN.email, ADMIN.password);
  await page.goto(`${service.url}/admin/people`);
  const form = page.getByRole('form', { name: 'Add a person' });
  await form.getByLabel('Name').fill('Sam Health');
  await form.getByLabel('Email address').fill(email);
  await form.getByRole('button', { name: 'Add and make their sign-in link' }).click();
  await expect(page.getByText('Give Sam Health this sign-in link')).toBeVisible();

  // The sender polls the outbox every second: wait for the message, not for a time.
  await expect.poll(() => smtp.to(email).length, { timeout: 60_000 }).toBe(1);
  const invitation = smtp.to(email)[0]!;
  expect(invitation.from).toBe('board@example.gov.uk');
  expect(invitation.subject).toBe('You are invited to the safeguarding board’s dashboard');
  const link = linksIn(invitation).find((href) => href.startsWith(`${service.url}/set-password#`));
  expect(link).toBeDefined();

  // The administrator's outbox shows it sent, with the same link.
  await page.goto(`${service.url}/admin/outbox`);
  const row = page.getByRole('row', { name: /You are invited/ });
  await expect(row).toContainText(email);
  await expect(row).toContainText('Sent');
  await expect(row.getByRole('link', { name: link! })).toBeVisible();
  await expect(page.getByText('No email is sent: SMTP is not set up')).toHaveCount(0);

  // Sam opens the link from their mail in a browser of their own.
  const sam = await newPage();
  await sam.goto(link!);
  await sam.getByLabel('New password', { exact: true }).fill('a long new password 2018');
  await sam.getByLabel('Type the password again').fill('a long new password 2018');
  await sam.getByRole('button', { name: 'Save password and sign in' }).click();
  await expect(sam.getByText('Sam Health', { exact: true })).toBeVisible();
  await expect(sam.getByRole('heading', { level: 1 })).toBeVisible();
  expect(new URL(sam.url()).pathname).not.toBe('/set-password');
});
