import { act, screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_SESSION } from '../../mocks/demo-api';
import { server } from '../../mocks/node';
import { renderApp } from '../../test/render';
import { byText } from '../../test/text';
import { apiBaseUrl, REQUEST_TIMEOUT_MS } from '../api/client';
import { resetMeetingPack, useMeetingPackStore } from '../stores/meeting-pack-store';

const url = (path: string) => `${apiBaseUrl()}${path}`;

/** The ways `GET /board` fails: an error status, a dropped connection, a body cut short, a body without a name. */
const boardFailures = {
  'a 500': () => HttpResponse.json({ message: 'Database down' }, { status: 500 }),
  'a dropped connection': () => HttpResponse.error(),
  'a body cut short': () =>
    new HttpResponse('{"id": "wolverh', { headers: { 'Content-Type': 'application/json' } }),
  'a body without a name': async () => {
    const board = (await (await fetch(url('/board'), { headers: { 'x-pass': '1' } })).json()) as Record<
      string,
      unknown
    >;
    const { name: _name, ...rest } = board;
    return HttpResponse.json(rest);
  },
};

function failBoard(how: keyof typeof boardFailures) {
  server.use(
    http.get(url('/board'), ({ request }) =>
      request.headers.get('x-pass') ? undefined : boardFailures[how](),
    ),
  );
}

describe('when the board’s details cannot be loaded', () => {
  it.each(Object.keys(boardFailures) as (keyof typeof boardFailures)[])(
    'says so once, under the header, with the reason and Try again (%s)',
    async (how) => {
      failBoard(how);
      renderApp('/indicators?year=2017-18');
      const banner = await screen.findByText('The board’s details could not be loaded');
      const box = banner.closest('.banner') as HTMLElement;
      expect(within(box).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
      expect(screen.getAllByText('The board’s details could not be loaded')).toHaveLength(1);
      // The header names no made-up board, and the period select shows the address's year.
      expect(screen.getByText('The board’s name could not be loaded')).toBeInTheDocument();
      expect(screen.getByRole('combobox', { name: 'Reporting period' })).toHaveValue('2017-18');
    },
  );

  it('recovers when Try again succeeds', async () => {
    let fail = true;
    server.use(http.get(url('/board'), () => (fail ? HttpResponse.error() : undefined)));
    const { user } = renderApp('/');
    const banner = (await screen.findByText('The board’s details could not be loaded')).closest('.banner')!;
    fail = false;
    await user.click(within(banner as HTMLElement).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Wolverhampton Safeguarding Children Board')).toBeInTheDocument();
    expect(screen.queryByText('The board’s details could not be loaded')).not.toBeInTheDocument();
  });

  it('the quality assurance page without a year says why it cannot show a year, instead of loading for ever', async () => {
    failBoard('a 500');
    renderApp('/quality-assurance');
    expect(
      await screen.findByText(/The reporting period is not known, so nothing for a year can be shown/),
    ).toBeInTheDocument();
    expect(screen.queryByText('Loading the reporting period')).not.toBeInTheDocument();
  });

  it('the quality assurance page with a year shows its audits but marks nothing overdue, and says why', async () => {
    failBoard('a 500');
    renderApp('/quality-assurance?year=2017-18');
    expect(
      await screen.findByText(
        byText(
          /^2 of the 6 audits planned for 2017-18 \(multi-agency and single-agency\) are complete; which are overdue is not known until the board’s details load\.$/,
        ),
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Nothing is marked overdue: the board’s details could not be loaded/),
    ).toBeInTheDocument();
    const schedule = screen.getByRole('table', { name: /Audit schedule/ });
    expect(within(schedule).queryByText('Overdue')).not.toBeInTheDocument();
  });

  it('the action plan judges nothing overdue against today’s date', async () => {
    failBoard('a dropped connection');
    renderApp('/action-plan?year=2017-18');
    await screen.findByRole('heading', {
      level: 4,
      name: 'Agree a multi-agency performance framework and dashboard',
    });
    expect(screen.queryAllByText('Overdue')).toHaveLength(0);
    expect(screen.queryByText(/due before 27 November 2026/)).not.toBeInTheDocument();
    expect(screen.getByText(/Nothing is marked overdue/)).toBeInTheDocument();
  });

  it('the meeting pack’s audit chart counts no audit overdue against today’s date, and says why', async () => {
    useMeetingPackStore.getState().toggle({ type: 'audit-progress', year: '2017-18' });
    failBoard('a 500');
    renderApp('/meeting-pack?year=2017-18');
    expect(
      await screen.findAllByText(byText(/which are overdue is not known until the board’s details load\.$/)),
    ).not.toHaveLength(0);
    expect(screen.queryByText(/3 audits are overdue/)).not.toBeInTheDocument();
    resetMeetingPack();
  });

  it('a 401 for the board shows the one sign-in banner on any page, not only the overview', async () => {
    server.use(http.get(url('/board'), () => HttpResponse.json({ message: 'Sign in' }, { status: 401 })));
    renderApp('/partnership?year=2016-17');
    expect(await screen.findByText('You need to sign in')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/sign-in?next=%2Fpartnership%3Fyear%3D2016-17',
    );
    expect(screen.queryByText('The board’s details could not be loaded')).not.toBeInTheDocument();
  });
});

describe('a stalled data service', () => {
  afterEach(() => vi.useRealTimers());

  it('says it is still waiting after 5 seconds, and that it is not answering, with Try again, by 20', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    server.use(
      http.get(url('/indicators/summary'), async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    renderApp('/indicators?year=2017-18');
    expect(await screen.findByText('Loading indicators')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(5_100));
    expect(screen.getByText('Still waiting for indicators…')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 5_000));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The data service is not answering');
    expect(alert).toHaveTextContent('It did not answer within 19 seconds.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(20_000);
  });
});

describe('the events marked on a chart', () => {
  it('say they could not be loaded, with Try again, while the chart still draws', async () => {
    let fail = true;
    server.use(
      http.get(url('/annotations'), () =>
        fail ? HttpResponse.json({ message: 'x' }, { status: 503 }) : undefined,
      ),
    );
    const { user } = renderApp('/indicators/cse-children-at-risk?year=2017-18');
    const events = await screen.findByRole('region', { name: 'Events marked on the chart' });
    expect(
      await within(events).findByText('The events could not be loaded, so the chart shows none.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: /Children identified at risk/ })).toBeInTheDocument();
    fail = false;
    await user.click(within(events).getByRole('button', { name: 'Try again' }));
    expect(await within(events).findByText(byText(/: CSE screening tool introduced\./))).toBeInTheDocument();
  });
});

describe('the overview’s CSE chart when its events fail', () => {
  it('still draws, and its narrative says no events are marked', async () => {
    server.use(http.get(url('/annotations'), () => HttpResponse.error()));
    renderApp('/');
    const cse = await screen.findByRole('region', {
      name: 'Children identified at risk of child sexual exploitation',
    });
    expect(
      await within(cse).findByText(
        /The events for this chart could not be loaded, so none are marked on it\./,
      ),
    ).toBeInTheDocument();
  });
});

describe('bad links', () => {
  /** Returns and Section 11 are the data service's: someone is signed in to see them. */
  const signedInAdministrator = () =>
    http.get(url('/session'), () =>
      HttpResponse.json({ ...DEMO_SESSION, user: { ...DEMO_SESSION.user, role: 'administrator' } }),
    );

  it.each([
    ['2030-31', '2030-31 is not a year this board reports; showing 2016-17.'],
    ['banana', 'banana is not a year this board reports; showing 2016-17.'],
  ])('?year=%s says which year is shown instead, and corrects the address', async (year, notice) => {
    const { router } = renderApp(`/?year=${year}`);
    expect(await screen.findByText(notice)).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toBe('?year=2016-17'));
    expect(screen.getByRole('combobox', { name: 'Reporting period' })).toHaveValue('2016-17');
  });

  it('an unknown return is a not-found page with a link to the returns', async () => {
    server.use(
      signedInAdministrator(),
      http.get(url('/returns/:round/:agency'), () =>
        HttpResponse.json({ message: 'Not found' }, { status: 404 }),
      ),
    );
    renderApp('/returns/q9-2017-18/nobody');
    expect(await screen.findByRole('heading', { level: 1, name: 'Return not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See every quarterly return' })).toHaveAttribute(
      'href',
      '/returns',
    );
  });

  it('an unknown self-assessment is a not-found page with a link to Section 11', async () => {
    server.use(signedInAdministrator());
    // The demo answers 404 for a cycle it does not have, as the data service does.
    renderApp('/section11/no-such-cycle/nobody');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Self-assessment not found' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'See every agency’s Section 11 self-assessment' }),
    ).toHaveAttribute('href', '/section11');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});

describe('one bad record in a list', () => {
  it('shows the rest, and says once how many could not be shown, with the details behind a disclosure', async () => {
    server.use(
      http.get(url('/indicators/summary'), async ({ request }) => {
        if (request.headers.get('x-pass')) return undefined;
        const list = (await (
          await fetch(url('/indicators/summary'), { headers: { 'x-pass': '1' } })
        ).json()) as {
          indicators: Record<string, unknown>[];
        };
        return HttpResponse.json({
          indicators: list.indicators.map((i) => (i.id === 'referrals' ? { ...i, decimalPlaces: 9 } : i)),
        });
      }),
    );
    renderApp('/indicators?year=2016-17');
    const notice = await screen.findByText(
      /^1 indicator could not be shown: its data did not arrive in the form the dashboard expects\./,
    );
    const box = notice.closest('.skipped-notice') as HTMLElement;
    expect(within(box).getByText('Details for the data team').closest('details')).toHaveTextContent(
      'indicators[3].decimalPlaces',
    );
    expect(notice.textContent).not.toMatch(/decimalPlaces/);
    expect(screen.getByRole('link', { name: /Re-referrals within 12 months/ })).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Referrals to children’s social care' }),
    ).not.toBeInTheDocument();
  });
});
