import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';

const url = (path: string) => `${apiBaseUrl()}${path}`;

async function tile(name: string) {
  return screen.findByRole('article', { name });
}

describe('Overview', () => {
  it('shows the board’s name from the API and the Ofsted judgement', async () => {
    renderApp('/');
    expect(await screen.findByText('Wolverhampton Safeguarding Children Board')).toBeInTheDocument();
    const ofsted = screen.getByRole('region', { name: 'Ofsted judgement' });
    expect(await within(ofsted).findByText('Requires improvement')).toBeInTheDocument();
  });

  it('shows a headline tile with the latest value, the change in polarity-aware words, the target and RAG as text', async () => {
    renderApp('/?year=2016-17');
    const rereferrals = await tile('Re-referrals within 12 months of a previous referral');
    expect(within(rereferrals).getByText('24.3%')).toBeInTheDocument();
    expect(
      within(rereferrals).getByText('Up 3.6 percentage points since 2015-16, a deterioration'),
    ).toBeInTheDocument();
    expect(within(rereferrals).getByText('Target 22.0%')).toBeInTheDocument();
    expect(within(rereferrals).getByText('Off target')).toBeInTheDocument();
  });

  it('calls the rise in CSE identification an improvement', async () => {
    renderApp('/');
    const cse = await tile('Children identified at risk of child sexual exploitation');
    expect(within(cse).getByText('130')).toBeInTheDocument();
    expect(within(cse).getByText('Up 26 since Q2 2017-18, an improvement')).toBeInTheDocument();
    expect(within(cse).getByText('On target')).toBeInTheDocument();
  });

  it('charts CSE with a narrative, and shows 10, 50 and 130 in the data table on request', async () => {
    const { user } = renderApp('/');
    const panel = screen.getByRole('region', { name: 'Child sexual exploitation' });
    expect(
      await within(panel).findByText(
        'Children identified at risk of CSE rose from 10 in Q1 2015-16 to 130 in Q3 2017-18, an improvement. That is better than the target of 100.',
      ),
    ).toBeInTheDocument();
    expect(within(panel).queryByRole('table')).not.toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Show data table' }));
    const table = within(panel).getByRole('table', {
      name: /Children identified at risk of child sexual exploitation, by quarter/,
    });
    const cell = (period: string) =>
      within(within(table).getByRole('row', { name: new RegExp(`^${period}`) })).getAllByRole('cell')[0];
    expect(cell('Q4 2015-16')).toHaveTextContent('10');
    expect(cell('Q4 2016-17')).toHaveTextContent('50');
    expect(cell('Q3 2017-18')).toHaveTextContent('130');

    await user.click(within(panel).getByRole('button', { name: 'Hide data table' }));
    expect(within(panel).queryByRole('table')).not.toBeInTheDocument();
  });

  it('changes the URL and the tiles when the reporting period changes', async () => {
    const { user, router } = renderApp('/');
    const cse = await tile('Children identified at risk of child sexual exploitation');
    expect(within(cse).getByText('130')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Reporting period' }), '2016-17');

    expect(router.state.location.search).toBe('?year=2016-17');
    const updated = await tile('Children identified at risk of child sexual exploitation');
    expect(within(updated).getByText('50')).toBeInTheDocument();
    expect(within(updated).getByText('Q4 2016-17')).toBeInTheDocument();
  });

  it('ignores a period in the URL that the board does not report, and shows the current year', async () => {
    renderApp('/?year=1999-00');
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Reporting period' })).toHaveValue('2017-18'),
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Overview 2017-18');
  });

  it('keeps the other panels working when the indicators fail, and recovers on retry', async () => {
    let fail = true;
    server.use(
      http.get(url('/indicators'), () =>
        fail ? HttpResponse.json({ message: 'Down for maintenance' }, { status: 500 }) : undefined,
      ),
    );
    const { user } = renderApp('/');
    const tiles = screen.getByRole('region', { name: 'Headline indicators' });
    const alert = await within(tiles).findByRole('alert');
    expect(alert).toHaveTextContent('The data service had a problem');
    expect(alert).toHaveTextContent('error 500');
    // The CSE chart and the Ofsted panel come from other requests and still work.
    expect(await screen.findByText(/rose from 10 in Q1 2015-16 to 130/)).toBeInTheDocument();
    expect(screen.getByText('Requires improvement')).toBeInTheDocument();

    fail = false;
    await user.click(within(tiles).getByRole('button', { name: 'Try again' }));
    expect(await tile('Children identified at risk of child sexual exploitation')).toBeInTheDocument();
  });

  it('explains a response that breaks the contract, naming the field', async () => {
    server.use(
      http.get(url('/indicators/cse-children-at-risk'), async () => {
        const indicator = (await (await fetch(url('/indicators'))).json()) as {
          indicators: { id: string }[];
        };
        const cse = indicator.indicators.find((i) => i.id === 'cse-children-at-risk');
        return HttpResponse.json({ ...cse, series: [{ period: 'Q1 2015-16', value: 'ten' }] });
      }),
    );
    renderApp('/');
    const panel = screen.getByRole('region', { name: 'Child sexual exploitation' });
    const alert = await within(panel).findByRole('alert');
    expect(alert).toHaveTextContent('The data arrived in a form this dashboard does not understand');
    expect(alert).toHaveTextContent('series[0].value');
  });

  it('tells a signed-out user to sign in again', async () => {
    server.use(
      http.get(url('/board'), () => HttpResponse.json({ message: 'Not signed in' }, { status: 401 })),
    );
    renderApp('/');
    const ofsted = screen.getByRole('region', { name: 'Ofsted judgement' });
    expect(await within(ofsted).findByRole('alert')).toHaveTextContent('Your session has ended');
  });

  it('shows an empty state when the board has no headline indicators', async () => {
    server.use(http.get(url('/indicators'), () => HttpResponse.json({ indicators: [] })));
    renderApp('/');
    expect(
      await screen.findByText('The board has not chosen any headline indicators yet.'),
    ).toBeInTheDocument();
  });

  it('shows a loading state while a panel’s data is on its way', async () => {
    renderApp('/');
    const tiles = screen.getByRole('region', { name: 'Headline indicators' });
    expect(within(tiles).getByRole('status')).toHaveTextContent('Loading headline indicators');
    await waitFor(() => expect(within(tiles).queryByRole('status')).not.toBeInTheDocument());
  });
});

describe('App shell', () => {
  it('offers a skip link to the main content', () => {
    renderApp('/');
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main');
  });

  it('switches to the dark theme and remembers it', async () => {
    const { user } = renderApp('/');
    const toggle = screen.getByRole('button', { name: 'Dark theme' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('lscb-dashboard:theme')).toContain('"dark"');
  });

  it('says in the footer that the data is illustrative', async () => {
    renderApp('/');
    expect(await screen.findByText('Illustrative data.')).toBeInTheDocument();
  });

  it('lists only the areas that are built in the navigation', () => {
    renderApp('/');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Overview',
      'Indicators',
      'Quality assurance',
      'Action plan',
      'Partnership',
      'Meeting pack',
      'Import',
    ]);
  });

  it('shows a page-not-found message for an unknown address', async () => {
    renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});
