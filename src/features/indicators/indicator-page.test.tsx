import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoDataset } from '../../../mocks/data';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import { byText } from '../../../test/text';

const url = (path: string) => `${apiBaseUrl()}${path}`;

async function openTable(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Show data table' }));
  return screen.getByRole('table');
}

const columnHeaders = (table: HTMLElement) =>
  within(table)
    .getAllByRole('columnheader')
    .map((th) => th.textContent);

describe('Indicator page', () => {
  // Issue 11: the default year is now 2016-17, the latest complete year.
  it('shows the trend over the board’s years with comparators, narrative and definition', async () => {
    const { user } = renderApp('/indicators/rereferrals-within-12-months');
    expect(
      await screen.findByText(
        byText(
          /^Re-referrals within 12 months rose from 20\.7% in 2015-16 to 24\.3% in 2016-17, a deterioration\. That is above the target of 22\.0%, worse than the target \(lower is better\)\. In 2016-17 the figure was 21\.9% for England/,
        ),
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Lower is better')).toBeInTheDocument();
    expect(screen.getByText('Percentage, 1 decimal place')).toBeInTheDocument();
    const table = await openTable(user);
    expect(columnHeaders(table)).toEqual([
      'Period',
      'Wolverhampton',
      'England',
      'West Midlands',
      'Statistical neighbours (average of 10)',
    ]);
    expect(within(table).getAllByRole('row')).toHaveLength(3); // header + 2015-16..2016-17
  });

  it('switches a comparator off and on, and keeps the choice in the URL', async () => {
    const { user, router } = renderApp('/indicators/rereferrals-within-12-months');
    const table = await openTable(user);
    await user.click(screen.getByRole('checkbox', { name: 'England' }));
    expect(columnHeaders(screen.getByRole('table'))).not.toContain('England');
    expect(router.state.location.search).toContain('hide=england');
    expect(
      screen.getByText(byText(/In 2016-17 the figure was 23\.4% for West Midlands/)),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'England' }));
    expect(columnHeaders(screen.getByRole('table'))).toContain('England');
    expect(table).toBeInTheDocument();
  });

  it('changes the period shown, from the URL and from the controls', async () => {
    const { user, router } = renderApp('/indicators/referrals?from=2012-13&to=2013-14');
    const table = await openTable(user);
    expect(within(table).getByRole('row', { name: /^2012-13 3,701$/ })).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(3);

    await user.selectOptions(screen.getByRole('combobox', { name: 'To' }), '2024-25');
    expect(router.state.location.search).toContain('to=2024-25');
    expect(
      within(screen.getByRole('table')).getByRole('row', { name: /^2024-25 4,451$/ }),
    ).toBeInTheDocument();
  });

  it('shows suppressed values as their symbol and explains them', async () => {
    const { user } = renderApp('/indicators/referrals-no-further-action?from=2021-22&to=2024-25');
    const table = await openTable(user);
    expect(within(table).getByRole('row', { name: /^2022-23 c / })).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Symbols used in this table' })).getByRole('listitem'),
    ).toHaveTextContent('c: suppressed to protect confidentiality');
    expect(
      screen.getByText(
        byText(
          /The latest figure, for 2024-25, is suppressed \(c: suppressed to protect confidentiality\)\./,
        ),
      ),
    ).toBeInTheDocument();
  });

  it('lists the events marked on the chart', async () => {
    renderApp('/indicators/cse-children-at-risk');
    expect(await screen.findByText(/1 April 2016: CSE screening tool introduced\./)).toBeInTheDocument();
  });

  it('lists the events in date order, numbered as the chart numbers them', async () => {
    renderApp('/indicators/cse-children-at-risk?year=2017-18');
    const events = await screen.findByRole('region', { name: 'Events marked on the chart' });
    expect(
      within(await within(events).findByRole('list'))
        .getAllByRole('listitem')
        .map((li) => li.querySelector('strong')?.textContent),
    ).toEqual([
      '1 April 2016: CSE screening tool introduced.',
      '1 June 2016: Ofsted review published.',
      '1 April 2017: CSE awareness training for schools.',
    ]);
  });

  it('answers an unknown indicator with a not-found page that links to the indicators list', async () => {
    renderApp('/indicators/no-such-indicator?year=2016-17');
    expect(await screen.findByRole('heading', { level: 1, name: 'Indicator not found' })).toBeInTheDocument();
    expect(screen.getByText(/There is no indicator “no-such-indicator”/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See every indicator' })).toHaveAttribute(
      'href',
      '/indicators?year=2016-17',
    );
    // No half-drawn page around it: no Trend panel, no Try again.
    expect(screen.queryByRole('region', { name: 'Trend' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});

describe('Chart downloads', () => {
  let saved: Blob[] = [];
  beforeEach(() => {
    saved = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('downloads the chart’s data as CSV, with formula injection in the title neutralised', async () => {
    const indicator = demoDataset.indicators.find((i) => i.id === 'rereferrals-within-12-months')!;
    server.use(
      http.get(url('/indicators/rereferrals-within-12-months'), () =>
        HttpResponse.json({ ...indicator, title: '=HYPERLINK("http://evil.example","Re-referrals")' }),
      ),
    );
    const { user } = renderApp('/indicators/rereferrals-within-12-months?from=2015-16&to=2016-17');
    await user.click(await screen.findByRole('button', { name: /^Download CSV/ }));
    expect(saved).toHaveLength(1);
    const text = await saved[0]!.text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toEqual([
      'Chart,Period,Wolverhampton,England,West Midlands,Statistical neighbours (average of 10)',
      `"'=HYPERLINK(""http://evil.example"",""Re-referrals"")",2015-16,20.7,22.5,20.9,21.8`,
      `"'=HYPERLINK(""http://evil.example"",""Re-referrals"")",2016-17,24.3,21.9,23.4,23`,
      '',
    ]);
    expect(saved[0]!.type).toBe('text/csv;charset=utf-8');
  });
});
