import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoApi } from '../../mocks/handlers';
import { renderApp as renderPage } from '../../test/render';
import { server } from '../../mocks/node';
import { apiBaseUrl } from '../api/client';
import { rememberYears } from '../lib/last-known-board';
import { createQueryClient } from '../lib/query-client';

/**
 * The whole app at a URL with the query client exactly as the browser has it (a dropped connection
 * or a 500 tried once more a second later): the waits a person meets are the ones tested.
 */
const renderApp = (address: string) => renderPage(address, createQueryClient());

const url = (path: string) => `${apiBaseUrl()}${path}`;

/** Every way a request fails: the ones issue 20 tried on each page. */
const failures = {
  'a dropped connection': () => HttpResponse.error(),
  '401': () => HttpResponse.json({ message: 'Sign in' }, { status: 401 }),
  '403': () => HttpResponse.json({ message: 'No' }, { status: 403 }),
  '404': () => HttpResponse.json({ message: 'Not found' }, { status: 404 }),
  'an HTML 500': () =>
    new HttpResponse('<html><body>Internal Server Error</body></html>', {
      status: 500,
      headers: { 'Content-Type': 'text/html' },
    }),
  'a malformed body': () =>
    new HttpResponse('{"id": "wolverh', { headers: { 'Content-Type': 'application/json' } }),
  'a body that breaks the contract': () => HttpResponse.json({ unexpected: true }),
};
type Failure = keyof typeof failures;
const kinds = Object.keys(failures) as Failure[];

function fail(path: string, how: Failure, state = { failing: true }) {
  server.use(http.get(url(path), () => (state.failing ? failures[how]() : undefined)));
  return state;
}

/** What the page says of the board's failure: a 404 is a board not set up yet (issue 23, case 5). */
const boardFailureSaid = (how: Failure) =>
  how === '401'
    ? 'You need to sign in'
    : how === '404'
      ? 'This board has not been set up yet'
      : 'The board’s details could not be loaded';

describe('case 1: Quality assurance says when the board cannot be loaded, never loading for ever', () => {
  it.each(kinds)('/board answers %s', async (how) => {
    fail('/board', how);
    renderApp('/quality-assurance');
    const said = boardFailureSaid(how);
    expect(await screen.findByText(said, {}, { timeout: 4_000 })).toBeInTheDocument();
    expect(
      await screen.findByText(/The reporting period is not known, so nothing for a year can be shown/),
    ).toBeInTheDocument();
    expect(screen.queryByText('Loading the reporting period')).not.toBeInTheDocument();
  });

  it.each(kinds)('/board answers %s to a browser that has seen the board before', async (how) => {
    // The years this browser last saw let the page show a year; its panels then read the board too.
    rememberYears({ reportingYears: ['2015-16', '2016-17', '2017-18'], currentYear: '2017-18' });
    fail('/board', how);
    renderApp('/quality-assurance');
    const said = boardFailureSaid(how);
    expect(await screen.findByText(said, {}, { timeout: 4_000 })).toBeInTheDocument();
    if (how !== '401') {
      expect(await screen.findByRole('table', { name: /Audit schedule, 2017-18/ })).toBeInTheDocument();
      expect(
        screen.getByText(/Nothing is marked overdue: the board’s details could not be loaded/),
      ).toBeInTheDocument();
    }
    expect(screen.queryByText('Loading the reporting period')).not.toBeInTheDocument();
    expect(screen.getByText(said)).toBeInTheDocument();
    localStorage.clear();
  });
});

describe('case 1: Quality assurance keeps saying the board failed when a pointer passes over a link', () => {
  it.each(kinds.filter((k) => k !== '401'))('/board answers %s', async (how) => {
    rememberYears({ reportingYears: ['2015-16', '2016-17', '2017-18'], currentYear: '2017-18' });
    fail('/board', how);
    const { user } = renderApp('/quality-assurance');
    expect(await screen.findByText(boardFailureSaid(how), {}, { timeout: 4_000 })).toBeInTheDocument();
    // Loading a page ahead (a link pointed at) does not ask again for what has failed.
    await user.hover(screen.getByRole('link', { name: 'Action plan' }));
    await user.hover(screen.getByRole('link', { name: 'Overview' }));
    expect(screen.getByText(boardFailureSaid(how))).toBeInTheDocument();
    expect(screen.queryByText('Loading the reporting period')).not.toBeInTheDocument();
    localStorage.clear();
  });
});

describe('case 2: Indicators list says why the board’s name is missing when /board fails', () => {
  it.each(['a dropped connection', 'an HTML 500'] as const)('/board answers %s', async (how) => {
    rememberYears({ reportingYears: ['2015-16', '2016-17', '2017-18'], currentYear: '2017-18' });
    const state = fail('/board', how);
    const { user } = renderApp('/indicators?year=2017-18');
    const banner = (
      await screen.findByText('The board’s details could not be loaded', {}, { timeout: 4_000 })
    ).closest('.banner') as HTMLElement;
    // Where the name was, the page says it could not be loaded (and the banner says why).
    expect(screen.getByText('The board’s name could not be loaded')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: /^Indicators/ })).toBeInTheDocument();
    expect(await screen.findByText(/^Showing \d+ of \d+ indicators$/)).toBeInTheDocument();
    expect(screen.getByText('The board’s details could not be loaded')).toBeInTheDocument();
    state.failing = false;
    await user.click(within(banner).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Wolverhampton Safeguarding Children Board')).toBeInTheDocument();
    expect(screen.queryByText('The board’s details could not be loaded')).not.toBeInTheDocument();
    localStorage.clear();
  });
});

const administrator = () =>
  server.use(
    http.get(url('/session'), () =>
      HttpResponse.json({
        user: {
          id: 'a',
          email: 'a@x.gov.uk',
          name: 'Ada',
          role: 'administrator',
          agencyIds: [],
          actionOwner: null,
        },
        method: 'password',
        expiresAt: null,
        idleMinutes: null,
      }),
    ),
  );

describe('case 4: the overview says its narrative cannot be written, and why, when a record lacks a field', () => {
  const featured = '/indicators/cse-children-at-risk';
  /** The demo's answer at `path`, with `field` taken from the featured indicator's record. */
  function withoutField(path: string, field: string, state = { failing: true }) {
    server.use(
      http.get(url(path), ({ request }) => {
        if (!state.failing) return undefined;
        const body = structuredClone(
          demoApi.handle('GET', path + new URL(request.url).search).body,
        ) as Record<string, unknown> & { indicators?: Record<string, unknown>[] };
        for (const record of body.indicators ?? [body]) {
          if (record.id === 'cse-children-at-risk') delete record[field];
        }
        return HttpResponse.json(body);
      }),
    );
    return state;
  }
  // Every field the narrative reads: its name, unit, polarity, target, frequency and figures.
  const needed = ['shortTitle', 'unit', 'decimalPlaces', 'polarity', 'target', 'frequency', 'series'];

  it.each(needed)('the featured indicator’s record lacks %s', async (field) => {
    const state = withoutField(featured, field);
    const { user } = renderApp('/');
    const panel = await screen.findByRole('region', {
      name: 'Children identified at risk of child sexual exploitation',
    });
    const alert = await within(panel).findByRole('alert', {}, { timeout: 4_000 });
    expect(alert).toHaveTextContent('Its chart and narrative cannot be written:');
    expect(alert).toHaveTextContent(`Its field “${field}” is missing.`);
    state.failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(panel).findByText(/^Children identified at risk of CSE rose from 10/)).toBeVisible();
  });

  it.each(needed)('the headline list’s record lacks %s', async (field) => {
    withoutField('/indicators/summary', field);
    renderApp('/');
    expect(
      await screen.findByText(
        /1 headline indicator could not be shown: its data did not arrive/,
        {},
        { timeout: 4_000 },
      ),
    ).toBeVisible();
    // The board chose the featured indicator, so its chart and narrative still come from its own record.
    const panel = await screen.findByRole('region', {
      name: 'Children identified at risk of child sexual exploitation',
    });
    expect(await within(panel).findByText(/^Children identified at risk of CSE rose from 10/)).toBeVisible();
  });
});

describe('case 5: Administration pages offer Try again when they cannot load', () => {
  const pages = [
    ['/admin/people', '/users'],
    ['/admin/agencies', '/agencies'],
    ['/admin/audit-trail', '/audit-trail'],
    ['/admin/outbox', '/admin/outbox'],
    ['/account', '/account/email'],
    ['/returns', '/returns'],
  ] as const;
  const shown = kinds.filter((k) => k !== '401');
  it.each(pages.flatMap(([page, request]) => shown.map((how) => [page, request, how] as const)))(
    '%s when %s answers %s',
    async (page, request, how) => {
      administrator();
      fail(request, how);
      renderApp(page);
      const alert = await screen.findByRole('alert', {}, { timeout: 4_000 });
      expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    },
  );
});

describe('case 7: Quarterly returns recover with Try again once the network is back', () => {
  it('the list of rounds', async () => {
    administrator();
    server.use(http.get(url('/returns'), () => HttpResponse.json({ rounds: [] })));
    const state = fail('/returns', 'a dropped connection');
    const { user } = renderApp('/returns');
    const alert = await screen.findByRole('alert', {}, { timeout: 4_000 });
    expect(alert).toHaveTextContent('We could not reach the data service');
    state.failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/No return rounds yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('one agency’s return', async () => {
    administrator();
    const path = '/returns/q4-2017-18/west-midlands-police';
    server.use(
      http.get(url(path), () =>
        HttpResponse.json({
          roundId: 'q4-2017-18',
          quarter: 'Q4 2017-18',
          dueDate: '2018-04-30',
          agencyId: 'west-midlands-police',
          agencyName: 'West Midlands Police',
          status: 'not-started',
          late: false,
          comment: null,
          submitted: null,
          published: null,
          items: [],
          version: 1,
        }),
      ),
    );
    const state = fail(path, 'a dropped connection');
    const { user } = renderApp(path);
    const alert = await screen.findByRole('alert', {}, { timeout: 4_000 });
    expect(alert).toHaveTextContent('We could not reach the data service');
    state.failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: /West Midlands Police/ }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});

describe('what a page uses beside its main list says when it cannot be loaded, and recovers', () => {
  const agencies = {
    agencies: [{ id: 'police', name: 'West Midlands Police', kind: 'police', active: true }],
  };
  it.each([
    ['/admin/people', /The list of agencies could not be loaded/],
    ['/admin/indicators', /The list of agencies could not be loaded/],
  ])('%s when /agencies is dropped', async (page, said) => {
    administrator();
    server.use(http.get(url('/users'), () => HttpResponse.json({ users: [] })));
    server.use(http.get(url('/agencies'), () => HttpResponse.json(agencies)));
    const state = fail('/agencies', 'a dropped connection');
    const { user } = renderApp(page);
    const alert = await screen.findByRole('alert', {}, { timeout: 4_000 });
    expect(alert).toHaveTextContent(said);
    state.failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect.poll(() => screen.queryByText(said)).toBeNull();
  });

  it('the sign-in page when the ways to sign in are dropped', async () => {
    server.use(
      http.get(url('/sign-in-options'), () =>
        HttpResponse.json({
          sso: { label: 'Council account', startUrl: '/api/v1/sso/start' },
          passwordRequired: true,
        }),
      ),
    );
    const state = fail('/sign-in-options', 'a dropped connection');
    const { user } = renderApp('/sign-in');
    const alert = await screen.findByRole('alert', {}, { timeout: 4_000 });
    expect(alert).toHaveTextContent(
      /The ways to sign in could not be loaded, so only the password sign-in is shown/,
    );
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeVisible();
    state.failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Sign in with Council account' })).toBeVisible();
    expect(screen.queryByText(/The ways to sign in could not be loaded/)).toBeNull();
  });

  it('the overview’s audit tile when the audit programme is dropped', async () => {
    const state = fail('/audits', 'a dropped connection');
    const { user } = renderApp('/');
    const said = /The audit programme could not be loaded, so the audit tile shows the figure as reported/;
    const alert = await screen.findByText(
      (_, element) => element?.getAttribute('role') === 'alert' && said.test(element.textContent ?? ''),
      {},
      { timeout: 4_000 },
    );
    expect(
      screen.getByText('The figure as reported: the audit programme it counts could not be loaded.'),
    ).toBeVisible();
    state.failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/^Worked out from the audit programme as at/)).toBeVisible();
    expect(alert).not.toBeInTheDocument();
  });

  it('the overview’s chart when its events are dropped', async () => {
    const state = fail('/annotations', 'a dropped connection');
    const { user } = renderApp('/');
    const alert = await screen.findByText(/The chart’s events could not be loaded/, {}, { timeout: 4_000 });
    const notice = alert.closest('[role="alert"]') as HTMLElement;
    state.failing = false;
    await user.click(within(notice).getByRole('button', { name: 'Try again' }));
    await expect.poll(() => screen.queryByText(/The chart’s events could not be loaded/)).toBeNull();
  });
});
