import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DEMO_SESSION } from '../../../mocks/demo-api';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import { byText } from '../../../test/text';

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

  // Issue 11: a tile describes the trend over the reporting range in the words its chart uses
  // (it used to say "Up 3.6 percentage points since 2015-16").
  it('shows a headline tile with the latest value, the trend in polarity-aware words, the target and RAG as text', async () => {
    renderApp('/?year=2016-17');
    const rereferrals = await tile('Re-referrals within 12 months of a previous referral');
    expect(within(rereferrals).getByText('24.3%')).toBeInTheDocument();
    expect(
      within(rereferrals).getByText(
        byText('Rose from 20.7% in 2015-16 to 24.3% in 2016-17, a deterioration.'),
      ),
    ).toBeInTheDocument();
    expect(within(rereferrals).getByText('Target 22.0%')).toBeInTheDocument();
    expect(within(rereferrals).getByText('Off target')).toBeInTheDocument();
  });

  // Issue 11: the default year is the latest complete year (2016-17), and CSE identification is
  // told as the minutes tell it: no target of children at risk, no better/worse verdict.
  it('tells the CSE story as the minutes do: 50 by the end of 2016-17, with no target and no verdict', async () => {
    renderApp('/');
    const cse = await tile('Children identified at risk of child sexual exploitation');
    expect(within(cse).getByText('50')).toBeInTheDocument();
    expect(within(cse).getByText('Q4 2016-17', { selector: '.kpi-tile__period' })).toBeInTheDocument();
    expect(
      within(cse).getByText(byText('Rose from 10 in Q4 2015-16 to 50 in Q4 2016-17.')),
    ).toBeInTheDocument();
    expect(within(cse).getByText('No target set')).toBeInTheDocument();
    expect(within(cse).queryByText(/improvement|deterioration|on target/i)).not.toBeInTheDocument();
    expect(within(cse).queryByText('Illustrative data')).not.toBeInTheDocument();
  });

  it('charts CSE with its narrative and what identification means, and 10, 50 and 130 in the table', async () => {
    const { user } = renderApp('/?year=2017-18');
    const panel = await screen.findByRole('region', {
      name: 'Children identified at risk of child sexual exploitation',
    });
    expect(
      await within(panel).findByText(
        byText(
          'Children identified at risk of CSE rose from 10 in Q4 2015-16 to 50 in Q4 2016-17 and 130 in Q3 2017-18.',
        ),
      ),
    ).toBeInTheDocument();
    expect(
      within(panel).getByText(/so that more of these children can now get the right support/),
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

  // Issue 11: the default year is now 2016-17, the latest complete year, so the test starts there.
  it('changes the URL and the tiles when the reporting period changes, and labels a part year', async () => {
    const { user, router } = renderApp('/');
    const cse = await tile('Children identified at risk of child sexual exploitation');
    expect(within(cse).getByText('50')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Reporting period' }), '2017-18');

    expect(router.state.location.search).toBe('?year=2017-18');
    const updated = await tile('Children identified at risk of child sexual exploitation');
    expect(within(updated).getByText('130')).toBeInTheDocument();
    expect(within(updated).getByText('Q3 2017-18', { selector: '.kpi-tile__period' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Overview 2017-18 (part year)');
    expect(screen.getByRole('option', { name: '2017-18 (part year)' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: '2016-17' })).toBeInTheDocument();
    expect(
      screen.getByText(byText('Figures from 2015-16 up to 31 December 2017: 2017-18 is a part year')),
    ).toBeInTheDocument();
  });

  it('shows no figure later than the date the board’s figures run to', async () => {
    renderApp('/?year=2017-18');
    // The DfE's figure for the whole of 2017-18 (to March 2018) is later than 31 December 2017.
    const referrals = await tile('Referrals to children’s social care');
    expect(within(referrals).getByText('5,983')).toBeInTheDocument();
    expect(within(referrals).getByText('2016-17', { selector: '.kpi-tile__period' })).toBeInTheDocument();
    expect(within(referrals).queryByText('5,368')).not.toBeInTheDocument();
  });

  it('ignores a period in the URL that the board does not report, and shows the latest complete year', async () => {
    renderApp('/?year=1999-00');
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Reporting period' })).toHaveValue('2016-17'),
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Overview 2016-17');
  });

  it('does not show a judgement in a year before Ofsted published it', async () => {
    renderApp('/?year=2015-16');
    const ofsted = screen.getByRole('region', { name: 'Ofsted judgement' });
    expect(await within(ofsted).findByText('Not yet published')).toBeInTheDocument();
    expect(within(ofsted).queryByText('Requires improvement')).not.toBeInTheDocument();
    expect(within(ofsted).getByRole('link', { name: 'see 2016-17' })).toBeInTheDocument();
  });

  it('says a tile has no figure yet beside its target, not “No target”', async () => {
    renderApp('/?year=2015-16');
    const scr = await tile('Serious case review actions complete');
    expect(within(scr).getByText('No figure for this period')).toBeInTheDocument();
    expect(within(scr).getByText('Target 100%')).toBeInTheDocument();
    expect(within(scr).getByText('No figure yet')).toBeInTheDocument();
    expect(within(scr).queryByText('No target')).not.toBeInTheDocument();
  });

  it('keeps the other panels working when the indicators fail, and recovers on retry', async () => {
    let fail = true;
    server.use(
      http.get(url('/indicators/summary'), () =>
        fail ? HttpResponse.json({ message: 'Down for maintenance' }, { status: 500 }) : undefined,
      ),
    );
    const { user } = renderApp('/');
    const tiles = screen.getByRole('region', { name: 'Headline indicators' });
    const alert = await within(tiles).findByRole('alert');
    expect(alert).toHaveTextContent('The data service had a problem');
    expect(within(alert).getByText(/answered 500: Down for maintenance/)).not.toBeVisible();
    // The CSE chart and the Ofsted panel come from other requests and still work.
    expect(
      await screen.findByText(byText(/rose from 10 in Q4 2015-16 to 50 in Q4 2016-17/)),
    ).toBeInTheDocument();
    expect(screen.getByText('Requires improvement')).toBeInTheDocument();

    fail = false;
    await user.click(within(tiles).getByRole('button', { name: 'Try again' }));
    expect(await tile('Children identified at risk of child sexual exploitation')).toBeInTheDocument();
  });

  it('explains a response that breaks the contract plainly, naming the field, with the details for the data team behind a disclosure', async () => {
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
    const panel = await screen.findByRole('region', {
      name: 'Children identified at risk of child sexual exploitation',
    });
    const alert = await within(panel).findByRole('alert');
    expect(
      within(alert).getByText('The data arrived in a form this dashboard does not understand'),
    ).toBeVisible();
    expect(
      within(alert).getByText(
        /^Its field “series\[0\]\.value” is not as the dashboard expects\. Tell your data team/,
      ),
    ).toBeVisible();
    const details = within(alert).getByText('Details for the data team').closest('details')!;
    expect(details).not.toHaveAttribute('open');
    expect(details).toHaveTextContent('the field series[0].value is not as the API contract says');
  });

  it('tells a signed-out user once, at the top, to sign in, with a link back to this page', async () => {
    server.use(
      http.get(url('/board'), () => HttpResponse.json({ message: 'Not signed in' }, { status: 401 })),
      http.get(url('/indicators/summary'), () =>
        HttpResponse.json({ message: 'Not signed in' }, { status: 401 }),
      ),
    );
    renderApp('/?year=2016-17');
    const ofsted = screen.getByRole('region', { name: 'Ofsted judgement' });
    expect(await within(ofsted).findByText('Sign in to see this.')).toBeInTheDocument();
    const banners = await screen.findAllByText('You need to sign in');
    expect(banners).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/sign-in?next=%2F%3Fyear%3D2016-17',
    );
  });

  it('shows an empty state when the board has no headline indicators', async () => {
    server.use(http.get(url('/indicators/summary'), () => HttpResponse.json({ indicators: [] })));
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

  // Issue 11: the button names the theme it switches to (it read "Dark theme" in both states).
  it('switches to the dark theme and back, saying which theme it switches to, and remembers it', async () => {
    const { user } = renderApp('/');
    await user.click(screen.getByRole('button', { name: 'Switch to dark theme' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('lscb-dashboard:theme')).toContain('"dark"');
    await user.click(screen.getByRole('button', { name: 'Switch to light theme' }));
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('puts the year and theme controls before the navigation in the tab order, as they are shown', async () => {
    renderApp('/');
    const header = document.querySelector('.app-header')!;
    const order = [...header.querySelectorAll('select, button, a')].map((el) =>
      el.tagName === 'SELECT' ? 'select' : el.textContent,
    );
    expect(order.slice(0, 3)).toEqual(['select', 'Switch to dark theme', 'Overview']);
    expect(
      screen
        .getByRole('combobox', { name: 'Reporting period' })
        .compareDocumentPosition(screen.getByRole('link', { name: 'Overview' })) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('moves focus to the new page’s heading after following a link, and changes the title', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: /^Overview/ });
    expect(document.title).toBe('Overview – Safeguarding board dashboard');
    await user.click(screen.getByRole('link', { name: 'Partnership' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Partnership' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(document.title).toBe('Partnership – Safeguarding board dashboard');
  });

  it('leaves focus alone when only the reporting year changes', async () => {
    const { user } = renderApp('/');
    const select = screen.getByRole('combobox', { name: 'Reporting period' });
    await waitFor(() => expect(select).toBeEnabled());
    await user.selectOptions(select, '2017-18');
    expect(select).toHaveFocus();
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
      'Section 11',
      'Meeting pack',
      'Import',
    ]);
  });

  it('shows a page-not-found message for an unknown address', async () => {
    renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('case 4: the overview’s featured panel is chosen by the board', () => {
  const boardWith = async (featuredIndicatorId: string | null) => {
    const board = (await (await fetch(url('/board'))).json()) as Record<string, unknown>;
    return { ...board, featuredIndicatorId };
  };

  it('features the indicator the administrator chose', async () => {
    const board = await boardWith('referrals');
    server.use(http.get(url('/board'), () => HttpResponse.json(board)));
    renderApp('/?year=2016-17');
    const panel = await screen.findByRole('region', { name: 'Referrals to children’s social care' });
    expect(await within(panel).findByRole('figure')).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Children identified at risk of child sexual exploitation' }),
    ).not.toBeInTheDocument();
  });

  it('with no choice, features the first headline indicator, whatever its id', async () => {
    const board = await boardWith(null);
    const { indicators } = (await (await fetch(url('/indicators?headline=true'))).json()) as {
      indicators: { id: string; title: string; headline: boolean }[];
    };
    // A new board's own indicator, under an id the demo never used.
    const own = { ...indicators.find((i) => i.id === 'cse-children-at-risk')!, id: 'our-cse-count' };
    server.use(
      http.get(url('/board'), () => HttpResponse.json(board)),
      http.get(url('/indicators/summary'), () => HttpResponse.json({ indicators: [own] })),
      http.get(url('/indicators/our-cse-count'), () => HttpResponse.json(own)),
    );
    renderApp('/?year=2016-17');
    const panel = await screen.findByRole('region', { name: own.title });
    expect(await within(panel).findByRole('figure')).toBeInTheDocument();
    expect(within(panel).queryByText(/could not be found/)).not.toBeInTheDocument();
  });

  it('with no choice and no headline indicators, says how to choose one', async () => {
    const board = await boardWith(null);
    server.use(
      http.get(url('/board'), () => HttpResponse.json(board)),
      http.get(url('/indicators/summary'), () => HttpResponse.json({ indicators: [] })),
    );
    renderApp('/');
    const panel = await screen.findByRole('region', { name: 'Featured indicator' });
    expect(
      await within(panel).findByText(/No indicator is featured yet: the board has no headline indicators/),
    ).toBeInTheDocument();
  });
});

describe('case 3: the audit schedule tile and the quality assurance page are one source', () => {
  const title = 'Multi-agency case file audits completed against the schedule';

  it('works the tile out from the audit programme as at the data date, and follows a recorded completion', async () => {
    const { audits } = (await (await fetch(url('/audits'))).json()) as {
      audits: { title: string; status: string; completedDate: string | null }[];
    };
    renderApp('/?year=2017-18');
    const before = await tile(title);
    // 1 of the 3 multi-agency audits due by 31 December 2017 complete, as the QA page counts them.
    expect(await within(before).findByText('33%')).toBeInTheDocument();
    expect(
      within(before).getByText('Worked out from the audit programme as at 31 December 2017.'),
    ).toBeInTheDocument();

    const recorded = audits.map((a) =>
      a.title === 'Disabled children subject to child protection plans'
        ? {
            ...a,
            status: 'completed',
            completedDate: '2017-10-20',
            casesAudited: 5,
            grades: { outstanding: 0, good: 3, requiresImprovement: 2, inadequate: 0 },
          }
        : a,
    );
    server.use(http.get(url('/audits'), () => HttpResponse.json({ audits: recorded })));
    cleanup();
    renderApp('/?year=2017-18');
    const after = await tile(title);
    expect(await within(after).findByText('67%')).toBeInTheDocument();
  });

  it('says plainly when the tile is the reported figure because the audit programme could not be loaded', async () => {
    server.use(http.get(url('/audits'), () => HttpResponse.error()));
    renderApp('/?year=2017-18');
    const shown = await tile(title);
    expect(
      await within(shown).findByText(
        'The figure as reported: the audit programme it counts could not be loaded.',
      ),
    ).toBeInTheDocument();
  });
});

describe('case 5: a new board opens on a set-up checklist, not on errors', () => {
  const notSetUp = () =>
    http.get(url('/board'), () =>
      HttpResponse.json(
        {
          message:
            'This board has not been set up yet. An administrator sets it up under Administration, Board settings.',
        },
        { status: 404 },
      ),
    );

  it('shows the administrator the steps, starting with board settings, and no error', async () => {
    server.use(
      notSetUp(),
      http.get(url('/session'), () =>
        HttpResponse.json({
          ...DEMO_SESSION,
          method: 'password',
          user: { ...DEMO_SESSION.user, role: 'administrator' },
        }),
      ),
      http.get(url('/indicators/summary'), () => HttpResponse.json({ indicators: [] })),
    );
    renderApp('/');
    const checklist = await screen.findByRole('region', { name: 'Set up the board' });
    expect(within(checklist).getByRole('link', { name: 'Board settings' })).toHaveAttribute(
      'href',
      '/admin/board',
    );
    expect(within(checklist).getByRole('link', { name: 'Agencies' })).toBeInTheDocument();
    expect(await screen.findByText('This board has not been set up yet')).toBeInTheDocument();
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();
    expect(screen.queryByText(/removed or renamed/)).not.toBeInTheDocument();
  });

  it('tells anyone else that the administrator sets it up', async () => {
    server.use(notSetUp());
    renderApp('/');
    const checklist = await screen.findByRole('region', { name: 'Set up the board' });
    expect(within(checklist).getByText(/Its administrator sets it up/)).toBeInTheDocument();
    expect(within(checklist).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();
  });
});
