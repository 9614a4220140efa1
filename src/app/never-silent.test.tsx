import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { apiBaseUrl } from '../api/client';
import { rememberYears } from '../lib/last-known-board';
import { createQueryClient } from '../lib/query-client';
import { routes } from './routes';

/**
 * The whole app at a URL with the query client exactly as the browser has it (a dropped connection
 * or a 500 tried once more a second later): the waits a person meets are the ones tested.
 */
function renderApp(address: string) {
  const router = createMemoryRouter(routes, { initialEntries: [address] });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, user };
}

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

describe('case 1: Quality assurance says when the board cannot be loaded, never loading for ever', () => {
  it.each(kinds)('/board answers %s', async (how) => {
    fail('/board', how);
    renderApp('/quality-assurance');
    const said = how === '401' ? 'You need to sign in' : 'The board’s details could not be loaded';
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
    const said = how === '401' ? 'You need to sign in' : 'The board’s details could not be loaded';
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
