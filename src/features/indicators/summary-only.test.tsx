import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import { byText } from '../../../test/text';

const url = (path: string) => `${apiBaseUrl()}${path}`;

/**
 * Issue 22: the lists read the indicators' summary (GET /indicators/summary); an indicator's whole
 * series (its figures and comparators) loads only when it is opened, or drawn as the overview's
 * featured chart. Every request for a whole series is recorded here, and refused unless allowed.
 */
let wholeSeries: string[];
function recordWholeSeries(allowed: readonly string[] = []) {
  server.use(
    http.get(url('/indicators'), ({ request }) => {
      wholeSeries.push(`/indicators${new URL(request.url).search}`);
      return HttpResponse.json({ message: 'A list asked for every whole series' }, { status: 500 });
    }),
    http.get(url('/indicators/:id'), ({ params }) => {
      if (params.id === 'summary') return undefined;
      wholeSeries.push(`/indicators/${String(params.id)}`);
      return allowed.includes(String(params.id))
        ? undefined
        : HttpResponse.json({ message: 'A list asked for a whole series' }, { status: 500 });
    }),
  );
}
beforeEach(() => {
  wholeSeries = [];
});

describe('a list never needs the whole series', () => {
  it('the indicators list shows every row, its latest figure, narrative and status, from the summary alone', async () => {
    recordWholeSeries();
    renderApp('/indicators?year=2016-17');
    expect(await screen.findByText('Showing 19 of 19 indicators')).toBeInTheDocument();
    const referrals = screen.getByRole('table', { name: 'Referrals and assessment indicators' });
    const row = within(referrals).getByRole('row', { name: /Re-referrals within 12 months/ });
    expect(row).toHaveTextContent('24.3%');
    expect(row).toHaveTextContent('Rose from 20.7% in 2015-16 to 24.3% in 2016-17, a deterioration.');
    expect(row).toHaveTextContent('Off target');
    expect(wholeSeries).toEqual([]);
  });

  it('the overview’s tiles come from the summary; only the featured chart’s indicator is read whole, and another when it is opened', async () => {
    recordWholeSeries(['cse-children-at-risk', 'rereferrals-within-12-months']);
    const { user } = renderApp('/?year=2016-17');
    const tile = await screen.findByRole('article', {
      name: 'Re-referrals within 12 months of a previous referral',
    });
    expect(within(tile).getByText('24.3%')).toBeInTheDocument();
    expect(
      await screen.findByText(byText(/rose from 10 in Q4 2015-16 to 50 in Q4 2016-17/)),
    ).toBeInTheDocument();
    expect(wholeSeries).toEqual(['/indicators/cse-children-at-risk']);

    await user.click(within(tile).getByRole('link'));
    expect(
      await screen.findByRole('heading', { level: 1, name: /Re-referrals within 12 months/ }),
    ).toBeInTheDocument();
    expect(wholeSeries).toContain('/indicators/rereferrals-within-12-months');
  });
});
