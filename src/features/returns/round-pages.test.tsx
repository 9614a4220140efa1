import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import type { ReturnRound } from '../../api/contract';
import { roundsPage } from '../../lib/returns-due';
import { policeContributor } from '../../../test/sessions';

const url = (path: string) => `${apiBaseUrl()}${path}`;

/** Six rounds, newest first, each with 30 agencies' returns: more than a page and a screenful. */
const QUARTERS = ['Q2 2017-18', 'Q1 2017-18', 'Q4 2016-17', 'Q3 2016-17', 'Q2 2016-17', 'Q1 2016-17'];
const round = (quarter: string): ReturnRound => ({
  id: quarter.toLowerCase().replace(' ', '-'),
  quarter,
  dueDate: '2018-01-31',
  opened: { name: 'Board Manager', at: '2017-01-02T09:00:00.000Z' },
  agencies: Array.from({ length: 30 }, (_, i) => ({
    agencyId: `agency-${i + 1}`,
    agencyName: `Agency ${i + 1}`,
    status: 'published',
    late: false,
    itemCount: 3,
    filledCount: 3,
    submitted: { name: 'Contact', at: '2018-01-10T09:00:00.000Z' },
    published: { name: 'Board Manager', at: '2018-01-11T09:00:00.000Z' },
  })),
});
const rounds = QUARTERS.map(round);

/** Every read of the rounds, by its query; the whole list is refused. */
let asked: string[];
beforeEach(() => {
  asked = [];
  server.use(
    http.get(url('/returns'), ({ request }) => {
      const query = Object.fromEntries(new URL(request.url).searchParams);
      asked.push(new URL(request.url).search || 'every round');
      if (query.page === undefined) {
        return HttpResponse.json({ message: 'The page asked for every round' }, { status: 500 });
      }
      return HttpResponse.json(roundsPage(rounds, query));
    }),
  );
});

/** A round's panel, under its heading (its table's scrolling box has the same name). */
const panel = (quarter: string) =>
  screen.getByRole('heading', { level: 2, name: `${quarter} returns` }).closest('section')!;
const roundTables = () => screen.getAllByRole('table', { name: /returns, due/ });

describe('the quarterly returns page shows the rounds a page at a time', () => {
  it('shows the newest rounds, says how many there are, and reads the older ones when asked', async () => {
    const { user } = renderApp('/returns');
    expect(await screen.findByText('Showing 1–4 of 6 return rounds')).toBeInTheDocument();
    expect(roundTables()).toHaveLength(4);
    expect(screen.queryByRole('table', { name: /Q2 2016-17 returns/ })).not.toBeInTheDocument();
    expect(asked).toEqual(['?page=1']);

    await user.click(screen.getByRole('button', { name: 'Show 2 older return rounds' }));
    expect(await screen.findByText('Showing all 6 return rounds')).toHaveFocus();
    expect(roundTables()).toHaveLength(6);
    expect(asked).toEqual(['?page=1', '?page=2']);
  });

  it('shows a screenful of a round’s 30 returns, says so, and the rest when asked', async () => {
    const { user } = renderApp('/returns');
    await screen.findByText('Showing 1–4 of 6 return rounds');
    const newest = panel('Q2 2017-18');
    expect(within(newest).getAllByRole('row')).toHaveLength(26);
    expect(within(newest).getByText('Showing 1–25 of 30 returns')).toBeInTheDocument();
    await user.click(within(newest).getByRole('button', { name: 'Show 5 more returns' }));
    expect(within(newest).getAllByRole('row')).toHaveLength(31);
    expect(within(newest).getByRole('rowheader', { name: 'Agency 30' })).toBeInTheDocument();
  });

  it('tells a contributor of a return still due in a round older than the page shows', async () => {
    const police = QUARTERS.map((quarter, i): ReturnRound => {
      const r = round(quarter);
      const oldest = i === QUARTERS.length - 1;
      return {
        ...r,
        agencies: [
          {
            ...r.agencies[0]!,
            agencyId: 'west-midlands-police',
            agencyName: 'West Midlands Police',
            ...(oldest ? { status: 'not-started', late: true, submitted: null, published: null } : {}),
          },
        ],
      };
    });
    server.use(
      http.get(url('/session'), () => HttpResponse.json(policeContributor)),
      http.get(url('/returns'), ({ request }) =>
        HttpResponse.json(roundsPage(police, Object.fromEntries(new URL(request.url).searchParams))),
      ),
    );
    renderApp('/returns');
    const yours = await screen.findByRole('region', { name: 'Your returns' });
    expect(
      within(yours).getByRole('link', { name: 'West Midlands Police’s Q1 2016-17 return' }),
    ).toBeInTheDocument();
    expect(within(yours).getByText('Late')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /Q1 2016-17 returns/ })).not.toBeInTheDocument();
  });
});
