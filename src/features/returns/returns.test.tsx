import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SESSION } from '../../../mocks/demo-api';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import type { AgencyReturn, SaveReturnRequest, Session } from '../../api/contract';

const url = (path: string) => `${apiBaseUrl()}${path}`;
const PATH = '/returns/q4-2017-18/west-midlands-police';
const VALUE = 'Children identified at risk of child sexual exploitation, Q4 2017-18: value';

const contributor: Session = {
  ...DEMO_SESSION,
  method: 'password',
  user: {
    ...DEMO_SESSION.user,
    name: 'Pat Police',
    role: 'contributor',
    agencyIds: ['west-midlands-police'],
  },
};

/** The police's Q4 return as the data service keeps it, answering like it does. */
function fakeReturnService() {
  let current: AgencyReturn = {
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
    items: [
      {
        indicatorId: 'cse-children-at-risk',
        title: 'Children identified at risk of child sexual exploitation',
        unit: 'count',
        decimalPlaces: 0,
        frequency: 'quarterly',
        period: 'Q4 2017-18',
        entered: null,
        previous: { period: 'Q3 2017-18', value: 130, symbol: null },
        published: null,
      },
    ],
    version: 1,
  };
  const sent: SaveReturnRequest[] = [];
  server.use(
    http.get(url('/session'), () => HttpResponse.json(contributor)),
    http.get(url(PATH), () => HttpResponse.json(current)),
    http.put(url(PATH), async ({ request }) => {
      const body = (await request.json()) as SaveReturnRequest;
      sent.push(body);
      if (body.version !== current.version) {
        return HttpResponse.json({ message: 'stale', current }, { status: 409 });
      }
      const value = body.values[0];
      current = {
        ...current,
        status: 'draft',
        version: current.version + 1,
        items: current.items.map((item) => ({
          ...item,
          entered: value
            ? { value: value.value, symbol: value.symbol, note: value.note, checked: value.checked ?? false }
            : null,
        })),
      };
      return HttpResponse.json(current);
    }),
    http.post(url(`${PATH}/submit`), () => {
      current = {
        ...current,
        status: 'submitted',
        version: current.version + 1,
        submitted: { name: 'Pat Police', at: '2018-04-20T10:00:00.000Z' },
      };
      return HttpResponse.json(current);
    }),
    http.get(url('/returns'), () => HttpResponse.json({ rounds: [] })),
  );
  return { sent, get: () => current };
}

let service: ReturnType<typeof fakeReturnService>;
beforeEach(() => {
  service = fakeReturnService();
});

describe('a contributor’s quarterly return', () => {
  it('shows last quarter’s figure beside the field and warns when the new one is more than half away from it', async () => {
    const { user } = renderApp(PATH);
    const value = await screen.findByLabelText(VALUE);
    const row = value.closest('tr')!;
    expect(row).toHaveTextContent('130 (Q3 2017-18)');
    await user.type(value, '15');
    expect(within(row).getByText(/down 115 \(88%\): more than half the last figure/)).toBeInTheDocument();
    await user.clear(value);
    await user.type(value, '151');
    expect(within(row).getByText('up 21 (16%)')).toBeInTheDocument();
  });

  it('takes an EES mark instead of a figure, and names the row when the two conflict', async () => {
    const { user } = renderApp(PATH);
    const value = await screen.findByLabelText(VALUE);
    await user.type(value, '5');
    await user.selectOptions(
      screen.getByLabelText('Children identified at risk of child sexual exploitation, Q4 2017-18: mark'),
      'c',
    );
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(
      await screen.findByText('A figure marked "c" has no value: clear the value or the mark'),
    ).toBeInTheDocument();
    expect(service.sent).toEqual([]);
    await user.clear(value);
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText(/^Draft saved\./)).toBeInTheDocument();
    expect(service.sent[0]!.values).toEqual([
      { indicatorId: 'cse-children-at-risk', period: 'Q4 2017-18', value: null, symbol: 'c', note: null },
    ]);
  });

  it('fills the figures in from the template file, says what it used and what it left, and submits', async () => {
    const { user } = renderApp(PATH);
    await screen.findByLabelText(VALUE);
    const csv = readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/returns/police-q4.csv'));
    await user.upload(
      screen.getByLabelText('Return file (CSV or Excel)'),
      new File([csv], 'police-q4.csv', { type: 'text/csv' }),
    );
    expect(
      await screen.findByText(
        '1 of 1 figures filled in from police-q4.csv. Check them, then save or submit.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Row 3: referrals 2017-18 is not in this return')).toBeInTheDocument();
    expect(screen.getByLabelText(VALUE)).toHaveValue('151');
    expect(
      screen.getByLabelText('Children identified at risk of child sexual exploitation, Q4 2017-18: note'),
    ).toHaveValue('Recount after duplicates removed');

    await user.click(screen.getByRole('button', { name: 'Submit to the business unit' }));
    expect(
      await screen.findByText(
        'Submitted: the business unit will check the Q4 2017-18 return and publish it.',
      ),
    ).toBeInTheDocument();
    expect(service.get().status).toBe('submitted');
    expect(screen.getByText(/Submitted by Pat Police/)).toBeInTheDocument();
  });
});
