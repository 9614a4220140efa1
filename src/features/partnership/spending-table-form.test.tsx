import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoApi } from '../../../mocks/handlers';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { signedInAs } from '../../../test/session';
import { byText } from '../../../test/text';
import { apiBaseUrl } from '../../api/client';
import type { Funding } from '../../api/contract';

const url = (path: string) => `${apiBaseUrl()}${path}`;
const PAGE = '/partnership?year=2017-18';
const STAFF = 'Business unit staff';
const stored = () => demoApi.handle('GET', '/funding').body as Funding;
const inYear = (year: string) =>
  stored()
    .spending.filter((l) => l.year === year)
    .map(({ item, amount }) => [item, amount]);

async function openTable(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Change 2017-18’s spending' }));
  return screen.getByRole('form', { name: 'Change 2017-18’s spending' });
}
const amount = (form: HTMLElement, item: string) =>
  within(form).getByRole('spinbutton', { name: `${item} (£)` });
const save = (form: HTMLElement) => within(form).getByRole('button', { name: 'Save the spending' });

describe('the board’s spending edited as a table on the Partnership page', () => {
  it('shows income against spending in words: what is left, or the overspend', async () => {
    renderApp(PAGE);
    expect(
      await screen.findByText(
        byText('In 2017-18 partners contributed £326,500 and the board spent £319,000: £7,500 was left.'),
      ),
    ).toBeInTheDocument();
  });

  it('says a year overspent', async () => {
    renderApp('/partnership?year=2016-17');
    expect(
      await screen.findByText(
        byText(
          'In 2016-17 partners contributed £318,000 and the board spent £327,500: it overspent by £9,500.',
        ),
      ),
    ).toBeInTheDocument();
  });

  it('an editor changes a line and adds one of their own, markup as text; the chart and its words follow', async () => {
    const { user } = renderApp(PAGE);
    const form = await openTable(user);
    expect(amount(form, STAFF)).toHaveValue(190000);
    await user.clear(amount(form, STAFF));
    await user.type(amount(form, STAFF), '200000');
    const item = '<b>Website</b>';
    await user.type(within(form).getByRole('textbox', { name: /^Another line/ }), item);
    await user.type(within(form).getByRole('spinbutton', { name: 'Its amount (£)' }), '500');
    await user.click(save(form));

    expect(await screen.findByText('Saved 2017-18’s spending: £329,500 on 6 lines.')).toBeInTheDocument();
    expect(
      await screen.findByText(
        byText(
          'In 2017-18 partners contributed £326,500 and the board spent £329,500: it overspent by £3,000.',
        ),
      ),
    ).toBeInTheDocument();
    expect(inYear('2017-18')).toContainEqual([STAFF, 200000]);
    expect(inYear('2017-18')).toContainEqual([item, 500]);
    // Drawn as text on the chart: no element made from the markup.
    expect((await screen.findAllByText(item)).length).toBeGreaterThan(0);
    expect([...document.querySelectorAll('b')].map((b) => b.textContent)).not.toContain('Website');
  });

  it('lists what is wrong next to each amount and in the summary, and sends nothing', async () => {
    const { user } = renderApp(PAGE);
    const form = await openTable(user);
    const before = stored();
    await user.clear(amount(form, STAFF));
    await user.type(amount(form, STAFF), '-5');
    await user.type(within(form).getByRole('spinbutton', { name: 'Its amount (£)' }), '100');
    await user.click(save(form));
    const summary = await within(form).findByRole('alert', { name: 'There is a problem' });
    expect(within(summary).getByRole('link', { name: `${STAFF}: Enter 0 or more` })).toBeInTheDocument();
    expect(
      within(summary).getByRole('link', { name: 'Another line: Enter what the money is spent on' }),
    ).toBeInTheDocument();
    expect(amount(form, STAFF)).toHaveAccessibleDescription(
      expect.stringContaining('Error: Enter 0 or more'),
    );
    expect(stored()).toEqual(before);
  });

  it('keeps what was typed when the save fails, and says why', async () => {
    server.use(
      http.put(url('/spending/2017-18'), () => HttpResponse.json({ message: 'Down' }, { status: 500 })),
    );
    const { user } = renderApp(PAGE);
    const form = await openTable(user);
    await user.clear(amount(form, STAFF));
    await user.type(amount(form, STAFF), '201000');
    await user.click(save(form));
    expect(await within(form).findByText(/^Your changes were not saved\./)).toBeInTheDocument();
    expect(amount(form, STAFF)).toHaveValue(201000);
  });

  it('shows the other person’s saved table after a 409 and keeps the typing', async () => {
    const { user } = renderApp(PAGE);
    const form = await openTable(user);
    await user.clear(amount(form, STAFF));
    await user.type(amount(form, STAFF), '199000');
    const version = stored().spendingYears.find((y) => y.year === '2017-18')!.version;
    const theirs = stored()
      .spending.filter((l) => l.year === '2017-18')
      .map(({ item, amount: pounds }) => ({ item, amount: item === STAFF ? 198000 : pounds }));
    expect(demoApi.handle('PUT', '/spending/2017-18', { version, lines: theirs }).status).toBe(200);
    await user.click(save(form));
    expect(
      await within(form).findByText(
        'Someone else saved a change to 2017-18’s spending while you were editing',
      ),
    ).toBeInTheDocument();
    expect(
      within(within(form).getByRole('table')).getByRole('row', { name: new RegExp(STAFF) }),
    ).toHaveTextContent('£198,000£199,000');
    expect(amount(form, STAFF)).toHaveValue(199000);
  });

  it('with no spending recorded, says so and offers the usual lines, saved from nothing', async () => {
    const funding = stored();
    server.use(
      http.get(url('/funding'), () => HttpResponse.json({ ...funding, spending: [], spendingYears: [] })),
    );
    const sent: unknown[] = [];
    server.use(
      http.put(url('/spending/2017-18'), async ({ request }) => {
        const body = (await request.json()) as { lines: object[] };
        sent.push(body);
        return HttpResponse.json({
          year: '2017-18',
          version: 1,
          lines: body.lines.map((l) => ({ ...l, year: '2017-18' })),
        });
      }),
    );
    const { user } = renderApp(PAGE);
    expect(await screen.findByText(/^No spending is recorded\./)).toBeInTheDocument();
    const form = await openTable(user);
    expect(amount(form, 'Independent chair')).toHaveValue(null);
    await user.type(amount(form, 'Independent chair'), '30000');
    await user.click(save(form));
    expect(await screen.findByText('Saved 2017-18’s spending: £30,000 on 1 line.')).toBeInTheDocument();
    expect(sent).toEqual([{ version: 0, lines: [{ item: 'Independent chair', amount: 30000 }] }]);
  });

  it('a board member sees the spending but no Change button', async () => {
    server.use(signedInAs('viewer'));
    renderApp(PAGE);
    expect(
      await screen.findByText(byText(/^In 2017-18 partners contributed £326,500 and the board spent/)),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change 2017-18’s spending' })).toBeNull();
  });
});
