import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/render';

describe('Indicators list', () => {
  it('groups every indicator by theme, with latest value, change, target and status', async () => {
    renderApp('/indicators?year=2016-17');
    expect(await screen.findByText('Showing 19 of 19 indicators')).toBeInTheDocument();
    const referrals = screen.getByRole('table', { name: 'Referrals and assessment indicators' });
    const row = within(referrals).getByRole('row', { name: /Re-referrals within 12 months/ });
    expect(row).toHaveTextContent('24.3%');
    // Issue 11: the list says what the chart says, over the same range.
    expect(row).toHaveTextContent('Rose from 20.7% in 2015-16 to 24.3% in 2016-17, a deterioration.');
    expect(row).toHaveTextContent('22.0%');
    expect(row).toHaveTextContent('Off target');
    expect(screen.getByRole('heading', { name: 'Child protection' })).toBeInTheDocument();
  });

  it('filters by text search', async () => {
    const { user, router } = renderApp('/indicators');
    await screen.findByText('Showing 19 of 19 indicators');
    await user.type(screen.getByRole('searchbox', { name: 'Search indicators' }), 'child protection plan');
    expect(screen.getByText('Showing 3 of 19 indicators')).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'Children on a child protection plan per 10,000 children at 31 March',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Referrals to children’s social care' }),
    ).not.toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=child+protection+plan');
  });

  it('filters by RAG status', async () => {
    const { user } = renderApp('/indicators');
    await screen.findByText('Showing 19 of 19 indicators');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Off target');
    const rows = screen.getAllByRole('row').filter((r) => within(r).queryAllByRole('cell').length > 0);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toHaveTextContent('Off target');
    expect(screen.getByText(`Showing ${rows.length} of 19 indicators`)).toBeInTheDocument();
  });

  it('says so when nothing matches, and clears the filters', async () => {
    const { user } = renderApp('/indicators?q=zebra');
    expect(await screen.findByText('No indicators match these filters.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByText('Showing 19 of 19 indicators')).toBeInTheDocument();
  });

  it('opens an indicator from the list, keeping the reporting period', async () => {
    const { user, router } = renderApp('/indicators?year=2016-17');
    await user.click(await screen.findByRole('link', { name: 'Referrals ending in no further action' }));
    expect(router.state.location.pathname).toBe('/indicators/referrals-no-further-action');
    expect(router.state.location.search).toBe('?year=2016-17');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Referrals ending in no further action' }),
    ).toBeInTheDocument();
  });
});
