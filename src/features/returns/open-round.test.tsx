import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SESSION } from '../../../mocks/demo-api';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import type { ReturnRound, Session } from '../../api/contract';
import { defaultDueDate } from './open-round-form';

const url = (path: string) => `${apiBaseUrl()}${path}`;

const administrator: Session = {
  ...DEMO_SESSION,
  method: 'password',
  user: { ...DEMO_SESSION.user, name: 'Alex Administrator', role: 'administrator' },
};

/** The data service's round list, answering like it does (the demo board: 2015-16 to 2017-18). */
function fakeRounds(existing: string[] = []) {
  const sent: unknown[] = [];
  const round = (quarter: string, dueDate: string): ReturnRound => ({
    id: quarter.toLowerCase().replace(' ', '-'),
    quarter,
    dueDate,
    opened: { name: 'Alex Administrator', at: '2018-04-01T09:00:00.000Z' },
    agencies: [],
  });
  server.use(
    http.get(url('/session'), () => HttpResponse.json(administrator)),
    http.get(url('/returns'), () =>
      HttpResponse.json({ rounds: existing.map((q) => round(q, '2018-04-30')) }),
    ),
    http.post(url('/returns'), async ({ request }) => {
      const body = (await request.json()) as { quarter: string; dueDate: string };
      sent.push(body);
      return HttpResponse.json(round(body.quarter, body.dueDate), { status: 201 });
    }),
  );
  return { sent };
}

const today = () => new Date().toISOString().slice(0, 10);

let service: ReturnType<typeof fakeRounds>;
beforeEach(() => {
  service = fakeRounds();
});

describe('opening a return round', () => {
  it('case 9: offers only the quarters of the board’s reporting years, in order, without those that have a round', async () => {
    service = fakeRounds(['Q3 2017-18']);
    renderApp('/returns');
    const quarter = await screen.findByRole('combobox', { name: 'Quarter' });
    const offered = within(quarter)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(offered).toEqual([
      ...['2015-16', '2016-17'].flatMap((year) => [1, 2, 3, 4].map((n) => `Q${n} ${year}`)),
      'Q1 2017-18',
      'Q2 2017-18',
      'Q4 2017-18',
    ]);
    // The usual next quarter: the first after the board's figures (to 31 December 2017).
    expect(quarter).toHaveValue('Q4 2017-18');
  });

  it('case 8: the due date offered is never in the past, and a past one is refused unless confirmed', async () => {
    const { user } = renderApp('/returns');
    const due = await screen.findByLabelText('Returns due by');
    // Q4 2017-18's usual due date (30 April 2018) has passed: a month from today instead.
    expect((due as HTMLInputElement).value > today()).toBe(true);
    expect(screen.queryByRole('checkbox', { name: 'Open with a due date that has passed' })).toBeNull();

    await user.clear(due);
    await user.type(due, '2018-04-30');
    await user.click(screen.getByRole('button', { name: 'Open the round' }));
    const problem =
      'That date has passed, so every return would be late at once: choose a later date, or confirm that the round opens with a due date that has passed';
    expect(await screen.findByRole('link', { name: `Returns due by: ${problem}` })).toBeInTheDocument();
    expect(service.sent).toEqual([]);

    await user.click(screen.getByRole('checkbox', { name: 'Open with a due date that has passed' }));
    await user.click(screen.getByRole('button', { name: 'Open the round' }));
    expect(
      await screen.findByText('Opened the Q4 2017-18 round: 0 agencies have a return due by 30 April 2018.'),
    ).toBeInTheDocument();
    expect(service.sent).toEqual([
      { quarter: 'Q4 2017-18', dueDate: '2018-04-30', confirmPastDueDate: true },
    ]);
  });

  it('case 8: a due date still to come is sent without a confirmation', async () => {
    const { user } = renderApp('/returns');
    const due = await screen.findByLabelText('Returns due by');
    const offered = (due as HTMLInputElement).value;
    await user.click(screen.getByRole('button', { name: 'Open the round' }));
    expect(await screen.findByText(/^Opened the Q4 2017-18 round/)).toBeInTheDocument();
    expect(service.sent).toEqual([{ quarter: 'Q4 2017-18', dueDate: offered }]);
  });
});

describe('the due date offered', () => {
  it('case 8: is a month after the quarter ends, or a month from today once that has passed', () => {
    expect(defaultDueDate('Q4 2017-18', '2018-02-14')).toBe('2018-04-30');
    expect(defaultDueDate('Q3 2017-18', '2018-01-05')).toBe('2018-01-31');
    expect(defaultDueDate('Q4 2017-18', '2018-04-30')).toBe('2018-05-30');
    expect(defaultDueDate('Q4 2017-18', '2026-12-04')).toBe('2027-01-04');
    expect(defaultDueDate('Q3 2018-19', '2019-01-31')).toBe('2019-02-28');
  });
});
