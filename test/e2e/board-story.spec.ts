import { addPerson, ADMIN, signIn } from './data-service';
import { expect, test } from './fixtures';
import { serviceForTests } from './service-for-tests';

/** Issue 23, figures and words: against the built data service. */
test.describe.configure({ mode: 'serial' });

test.describe('case 5: a new board (SEED=none) opens on a set-up checklist', () => {
  const service = serviceForTests({ env: { SEED: 'none' } });

  test('the first administrator sees the steps, not an error, and field errors that name the field', async ({
    page,
    allowConsole,
  }) => {
    // The API answers GET /board with 404 until the board is set up; the browser logs each one.
    allowConsole(/status of 404 \(Not Found\)/);
    await signIn(page, service.current, ADMIN.email, ADMIN.password);
    await page.goto(`${service.current.url}/`);
    const checklist = page.getByRole('region', { name: 'Set up the board' });
    await expect(checklist.getByRole('link', { name: 'Board settings' })).toBeVisible();
    await expect(page.getByText('This board has not been set up yet').first()).toBeVisible();
    await expect(page.getByText(/could not be loaded|removed or renamed/)).toHaveCount(0);

    await checklist.getByRole('link', { name: 'Board settings' }).click();
    await page.getByRole('button', { name: 'Set up the board' }).click();
    await expect(page.getByText('Board name is needed').first()).toBeVisible();
    await expect(
      page.getByText('Figures as at needs a real date, such as 31 March 2018').first(),
    ).toBeVisible();
    await expect(page.getByText(/Invalid input/)).toHaveCount(0);
  });
});

test.describe('case 1: publishing one agency’s return does not move the board’s dates', () => {
  const service = serviceForTests();

  test('after the police’s Q4 2017-18 return is published, the overview still runs to 31 December 2017', async ({
    page,
    playwright,
  }) => {
    const request = await playwright.request.newContext();
    const police = {
      email: 'pat.police@example.police.uk',
      name: 'Pat Police',
      role: 'contributor',
      agencyIds: ['west-midlands-police'],
    };
    await addPerson(request, service.current, police, 'kettle orchard lantern');
    const headers = { Origin: service.current.url, 'Content-Type': 'application/json' };
    const api = (path: string) => `${service.current.url}/api/v1${path}`;
    const path = '/returns/q4-2017-18/west-midlands-police';
    expect((await request.post(api('/session'), { headers, data: ADMIN })).ok()).toBe(true);
    const opened = await request.post(api('/returns'), {
      headers,
      data: { quarter: 'Q4 2017-18', dueDate: '2099-04-30' },
    });
    expect(opened.status()).toBe(201);
    await request.delete(api('/session'), { headers: { Origin: service.current.url } });
    await request.post(api('/session'), {
      headers,
      data: { email: police.email, password: 'kettle orchard lantern' },
    });
    type Return = { version: number; items: { indicatorId: string; period: string }[] };
    let mine = (await (await request.get(api(path))).json()) as Return;
    const saved = await request.put(api(path), {
      headers,
      data: {
        version: mine.version,
        values: mine.items.map((i) => ({ ...i, value: 151, symbol: null, note: null })),
      },
    });
    expect(saved.ok()).toBe(true);
    mine = (await saved.json()) as Return;
    expect(
      (await request.post(api(`${path}/submit`), { headers, data: { version: mine.version } })).ok(),
    ).toBe(true);
    await request.delete(api('/session'), { headers: { Origin: service.current.url } });
    await request.post(api('/session'), { headers, data: ADMIN });
    const review = (await (await request.get(api(path))).json()) as Return;
    expect(
      (await request.post(api(`${path}/publish`), { headers, data: { version: review.version } })).ok(),
    ).toBe(true);
    await request.dispose();

    await signIn(page, service.current, ADMIN.email, ADMIN.password);
    await page.goto(`${service.current.url}/?year=2017-18`);
    await expect(
      page
        .getByRole('region', { name: 'Headline indicators' })
        .getByText(/up to 31 December 2017: 2017-18 is a part year/),
    ).toBeVisible();
    await page.goto(`${service.current.url}/admin/board`);
    await expect(page.getByLabel('Figures as at')).toHaveValue('2017-12-31');
    await expect(page.getByLabel('Year shown first')).toHaveValue('2016-17');
  });
});
