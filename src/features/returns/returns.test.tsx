import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import type { AgencyReturn, ReturnItem, SaveReturnRequest } from '../../api/contract';
import { policeContributor } from '../../../test/sessions';

const url = (path: string) => `${apiBaseUrl()}${path}`;
const PATH = '/returns/q4-2017-18/west-midlands-police';
const VALUE = 'Children identified at risk of child sexual exploitation, Q4 2017-18: value';

const contributor = policeContributor;

/** The return's one figure: the police's count of children at risk of CSE. */
const CSE_ITEM: ReturnItem = {
  indicatorId: 'cse-children-at-risk',
  title: 'Children identified at risk of child sexual exploitation',
  unit: 'count',
  decimalPlaces: 0,
  frequency: 'quarterly',
  period: 'Q4 2017-18',
  entered: null,
  previous: { period: 'Q3 2017-18', value: 130, symbol: null },
  published: null,
};

/** The police's Q4 return as the data service keeps it, answering like it does. */
function fakeReturnService(start: Partial<AgencyReturn> = {}) {
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
    items: [CSE_ITEM],
    version: 1,
    ...start,
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
    http.post(url(`${PATH}/withdraw`), async ({ request }) => {
      const body = (await request.json()) as { version: number };
      if (body.version !== current.version || current.status !== 'submitted') {
        return HttpResponse.json({ message: 'stale', current }, { status: 409 });
      }
      current = { ...current, status: 'draft', version: current.version + 1, submitted: null };
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

describe('issue 23: a return that catches mistakes', () => {
  const CHECK =
    'Children identified at risk of child sexual exploitation, Q4 2017-18: I have checked this figure';
  const problem =
    'Children identified at risk of child sexual exploitation, Q4 2017-18 changed by more than half since Q3 2017-18: add a note saying why, or tick “I have checked this figure”';

  it('case 7: a large change cannot be submitted without a note or a confirmation', async () => {
    const { user } = renderApp(PATH);
    const value = await screen.findByLabelText(VALUE);
    // 1,450 where about 145 was meant, after 130.
    await user.type(value, '1450');
    const row = value.closest('tr')!;
    expect(within(row).getByText(/up 1,320 \(1015%\): more than half the last figure/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit to the business unit' }));
    expect(
      await screen.findByText(
        /^The return was not submitted: a figure that changed by more than half needs a note/,
      ),
    ).toBeInTheDocument();
    // Named by the figure, in the row and in the summary.
    expect(within(row).getByText(problem)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: new RegExp(problem.slice(0, 40)) })).toBeInTheDocument();
    expect(service.sent).toEqual([]);
    expect(service.get().status).toBe('not-started');

    // The tick "I have checked this figure" lets it through, and is sent with the figure.
    await user.click(screen.getByRole('checkbox', { name: CHECK }));
    await user.click(screen.getByRole('button', { name: 'Submit to the business unit' }));
    expect(
      await screen.findByText(
        'Submitted: the business unit will check the Q4 2017-18 return and publish it.',
      ),
    ).toBeInTheDocument();
    expect(service.sent[0]!.values).toEqual([
      {
        indicatorId: 'cse-children-at-risk',
        period: 'Q4 2017-18',
        value: 1450,
        symbol: null,
        note: null,
        checked: true,
      },
    ]);
  });

  it('case 7: a note saying why lets a large change through; a tick given for another figure does not', async () => {
    const { user } = renderApp(PATH);
    const value = await screen.findByLabelText(VALUE);
    await user.type(value, '1450');
    await user.click(screen.getByRole('checkbox', { name: CHECK }));
    // The figure is typed again: the tick was for the figure before.
    await user.clear(value);
    await user.type(value, '14500');
    expect(screen.getByRole('checkbox', { name: CHECK })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Submit to the business unit' }));
    expect(
      await screen.findByText(problem, { selector: '.field__error *, .field__error' }),
    ).toBeInTheDocument();
    expect(service.sent).toEqual([]);

    await user.type(
      screen.getByLabelText('Children identified at risk of child sexual exploitation, Q4 2017-18: note'),
      'A new screening tool',
    );
    await user.click(screen.getByRole('button', { name: 'Submit to the business unit' }));
    expect(
      await screen.findByText(
        'Submitted: the business unit will check the Q4 2017-18 return and publish it.',
      ),
    ).toBeInTheDocument();
    expect(service.sent[0]!.values[0]).toMatchObject({ value: 14500, note: 'A new screening tool' });
  });

  it('case 10: a contributor withdraws a return submitted by mistake, and it is a draft again with its figures', async () => {
    service = fakeReturnService({
      status: 'submitted',
      version: 3,
      submitted: { name: 'Pat Police', at: '2018-04-20T10:00:00.000Z' },
      items: [{ ...CSE_ITEM, entered: { value: 14, symbol: null, note: null, checked: true } }],
    });
    const { user } = renderApp(PATH);
    await user.click(await screen.findByRole('button', { name: 'Withdraw submission' }));
    // A second click: nothing is withdrawn yet, and it can be kept as it is.
    expect(service.get().status).toBe('submitted');
    await user.click(screen.getByRole('button', { name: 'Keep it submitted' }));
    await user.click(screen.getByRole('button', { name: 'Withdraw submission' }));
    await user.click(screen.getByRole('button', { name: 'Yes, withdraw it' }));
    expect(
      await screen.findByText(
        'Withdrawn: the Q4 2017-18 return is a draft again, with its figures. Correct it and submit it again.',
      ),
    ).toBeInTheDocument();
    expect(service.get().status).toBe('draft');
    expect(screen.getByLabelText(VALUE)).toHaveValue('14');
    expect(screen.getByRole('button', { name: 'Submit to the business unit' })).toBeInTheDocument();
  });

  it('case 10: a return the business unit has already reviewed cannot be withdrawn, and is shown as it stands', async () => {
    service = fakeReturnService({ status: 'submitted', version: 3 });
    const { user } = renderApp(PATH);
    await user.click(await screen.findByRole('button', { name: 'Withdraw submission' }));
    // Meanwhile the business unit publishes it.
    server.use(
      http.post(url(`${PATH}/withdraw`), () =>
        HttpResponse.json(
          {
            message: 'This return is published, so it cannot be withdrawn.',
            current: { ...service.get(), status: 'published', version: 4 },
          },
          { status: 409 },
        ),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Yes, withdraw it' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The return changed before it could be withdrawn (the business unit may have reviewed it). It is shown as it now stands.',
    );
    expect(screen.queryByRole('button', { name: 'Withdraw submission' })).not.toBeInTheDocument();
  });
});
