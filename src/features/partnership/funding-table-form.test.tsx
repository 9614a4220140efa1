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
const COUNCIL = 'City of Wolverhampton Council';
const POLICE = 'West Midlands Police';
const stored = () => demoApi.handle('GET', '/funding').body as Funding;
const inYear = (year: string) =>
  stored()
    .contributions.filter((c) => c.year === year)
    .map(({ partner, amount }) => [partner, amount]);

async function openTable(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Change 2017-18’s funding' }));
  return screen.getByRole('form', { name: 'Change 2017-18’s funding' });
}
const amount = (form: HTMLElement, partner: string) =>
  within(form).getByRole('spinbutton', { name: `${partner} (£)` });

describe('funding edited as a table on the Partnership page', () => {
  it('an editor changes a year’s contributions, one amount per partner, and the chart’s narrative follows', async () => {
    const { user } = renderApp(PAGE);
    const form = await openTable(user);
    expect(amount(form, COUNCIL)).toHaveValue(195000);
    await user.clear(amount(form, COUNCIL));
    await user.type(amount(form, COUNCIL), '200000');
    await user.click(within(form).getByRole('button', { name: 'Save the funding' }));

    expect(await screen.findByText('Saved 2017-18’s funding: £331,500 from 5 partners.')).toBeInTheDocument();
    expect(
      await screen.findByText(
        byText(
          `In 2017-18 partners contributed £331,500. ${COUNCIL} was the largest contributor, with £200,000 (60%).`,
        ),
      ),
    ).toBeInTheDocument();
    expect(inYear('2017-18')[0]).toEqual([COUNCIL, 200000]);
  });

  it('a partner left blank no longer contributes that year; earlier years keep their figure', async () => {
    const { user } = renderApp(PAGE);
    const form = await openTable(user);
    await user.clear(amount(form, POLICE));
    await user.click(within(form).getByRole('button', { name: 'Save the funding' }));
    expect(await screen.findByText(/^Saved 2017-18’s funding: .* from 4 partners\.$/)).toBeInTheDocument();
    expect(inYear('2017-18').map(([partner]) => partner)).not.toContain(POLICE);
    expect(inYear('2016-17')).toContainEqual([POLICE, 54000]);
  });

  it('lists what is wrong next to each amount and in the summary, and sends nothing', async () => {
    const { user } = renderApp(PAGE);
    const form = await openTable(user);
    const before = stored();
    await user.clear(amount(form, COUNCIL));
    await user.type(amount(form, COUNCIL), '-5');
    await user.clear(amount(form, POLICE));
    await user.type(amount(form, POLICE), '10.5');
    await user.click(within(form).getByRole('button', { name: 'Save the funding' }));
    const summary = await within(form).findByRole('alert', { name: 'There is a problem' });
    expect(within(summary).getByRole('link', { name: `${COUNCIL}: Enter 0 or more` })).toBeInTheDocument();
    expect(
      within(summary).getByRole('link', {
        name: `${POLICE}: Enter the amount in whole pounds, for example 52000`,
      }),
    ).toBeInTheDocument();
    expect(amount(form, COUNCIL)).toHaveAccessibleDescription(
      expect.stringContaining('Error: Enter 0 or more'),
    );
    expect(stored()).toEqual(before);
  });

  it('keeps what was typed when the save fails, and says why', async () => {
    server.use(
      http.put(url('/funding/2017-18'), () => HttpResponse.json({ message: 'Down' }, { status: 500 })),
    );
    const { user } = renderApp(PAGE);
    const form = await openTable(user);
    await user.clear(amount(form, COUNCIL));
    await user.type(amount(form, COUNCIL), '201000');
    await user.click(within(form).getByRole('button', { name: 'Save the funding' }));
    expect(await within(form).findByText(/^Your changes were not saved\./)).toBeInTheDocument();
    expect(amount(form, COUNCIL)).toHaveValue(201000);
  });

  it('shows the other person’s saved table after a 409 and keeps the typing', async () => {
    const { user } = renderApp(PAGE);
    const form = await openTable(user);
    await user.clear(amount(form, COUNCIL));
    await user.type(amount(form, COUNCIL), '199000');
    const version = stored().years.find((y) => y.year === '2017-18')!.version;
    const theirs = stored()
      .contributions.filter((c) => c.year === '2017-18')
      .map(({ partner, partnerType, amount: pounds }) => ({
        partner,
        partnerType,
        amount: partner === COUNCIL ? 198000 : pounds,
      }));
    expect(demoApi.handle('PUT', '/funding/2017-18', { version, contributions: theirs }).status).toBe(200);
    await user.click(within(form).getByRole('button', { name: 'Save the funding' }));
    expect(
      await within(form).findByText(
        'Someone else saved a change to 2017-18’s funding while you were editing',
      ),
    ).toBeInTheDocument();
    expect(
      within(within(form).getByRole('table')).getByRole('row', { name: new RegExp(COUNCIL) }),
    ).toHaveTextContent('£198,000£199,000');
    expect(amount(form, COUNCIL)).toHaveValue(199000);
  });

  it('with no funding recorded, the table has a row for each of the board’s agencies, saved from nothing', async () => {
    server.use(
      http.get(url('/funding'), () =>
        HttpResponse.json({ currency: 'GBP', contributions: [], years: [], spending: [], spendingYears: [] }),
      ),
    );
    const sent: unknown[] = [];
    server.use(
      http.put(url('/funding/2017-18'), async ({ request }) => {
        const body = (await request.json()) as { contributions: object[] };
        sent.push(body);
        return HttpResponse.json({
          year: '2017-18',
          version: 1,
          contributions: body.contributions.map((c) => ({ ...c, year: '2017-18' })),
        });
      }),
    );
    const { user } = renderApp(PAGE);
    expect(await screen.findByText('No contributions are recorded.')).toBeInTheDocument();
    const form = await openTable(user);
    const police = within(form).getByRole('spinbutton', { name: `${POLICE} (£)` });
    expect(within(form).getAllByRole('spinbutton')).toHaveLength(5);
    expect(police).toHaveValue(null);
    await user.type(police, '60000');
    await user.click(within(form).getByRole('button', { name: 'Save the funding' }));
    expect(await screen.findByText('Saved 2017-18’s funding: £60,000 from 1 partner.')).toBeInTheDocument();
    expect(sent).toEqual([
      { version: 0, contributions: [{ partner: POLICE, partnerType: 'police', amount: 60000 }] },
    ]);
  });

  it('a board member sees the chart but no Change button', async () => {
    server.use(signedInAs('viewer'));
    renderApp(PAGE);
    expect(
      await screen.findByText(
        byText(
          `In 2017-18 partners contributed £326,500. ${COUNCIL} was the largest contributor, with £195,000 (60%).`,
        ),
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /funding$/ })).toBeNull();
  });
});
