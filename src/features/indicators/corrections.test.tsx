import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoApi } from '../../../mocks/handlers';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { signedInAs } from '../../../test/session';
import { apiBaseUrl } from '../../api/client';
import type { Indicator } from '../../api/contract';

const url = (path: string) => `${apiBaseUrl()}${path}`;
const ID = 'cse-children-at-risk';
const PAGE = `/indicators/${ID}?year=2017-18`;
const corrections = () => screen.findByRole('region', { name: 'Corrections' });

describe('correcting a published figure on an indicator’s page', () => {
  it('an administrator opens the form (its code loaded then), corrects the latest figure and is told', async () => {
    const indicator = demoApi.handle('GET', `/indicators/${ID}`).body as Indicator;
    const last = indicator.series.at(-1)!;
    let sent: unknown = null;
    server.use(
      signedInAs('administrator'),
      http.post(url(`/indicators/${ID}/corrections`), async ({ request }) => {
        sent = await request.json();
        const series = indicator.series.map((o) => (o.period === last.period ? { ...o, value: 99 } : o));
        return HttpResponse.json({ ...indicator, series, version: (indicator.version ?? 1) + 1 });
      }),
    );
    const { user } = renderApp(PAGE);
    await user.click(await within(await corrections()).findByRole('button', { name: 'Correct a figure' }));
    const form = await screen.findByRole('form', { name: 'Correct a published figure' });
    expect(within(form).getByRole('combobox', { name: 'Period' })).toHaveValue(last.period);
    await user.type(within(form).getByRole('textbox', { name: 'Corrected figure' }), '99');
    await user.type(within(form).getByRole('textbox', { name: /Why it is corrected/ }), 'Late police return');
    await user.click(within(form).getByRole('button', { name: 'Save the correction' }));

    expect(
      await screen.findByText(
        `Corrected ${indicator.title}, ${last.period}. The earlier figure is kept below.`,
      ),
    ).toBeInTheDocument();
    expect(sent).toEqual({
      period: last.period,
      value: 99,
      symbol: null,
      reason: 'Late police return',
      version: indicator.version ?? 1,
    });
    expect(screen.queryByRole('form', { name: 'Correct a published figure' })).toBeNull();
  });

  it('says what is missing, sends nothing, and Cancel closes the form', async () => {
    let calls = 0;
    server.use(
      signedInAs('administrator'),
      http.post(url(`/indicators/${ID}/corrections`), () => {
        calls += 1;
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    const { user } = renderApp(PAGE);
    await user.click(await within(await corrections()).findByRole('button', { name: 'Correct a figure' }));
    const form = await screen.findByRole('form', { name: 'Correct a published figure' });
    await user.click(within(form).getByRole('button', { name: 'Save the correction' }));
    const summary = await within(form).findByRole('alert', { name: 'There is a problem' });
    expect(summary).toHaveTextContent('Say why the figure is corrected');
    expect(calls).toBe(0);
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Correct a published figure' })).toBeNull();
    expect(within(await corrections()).getByRole('button', { name: 'Correct a figure' })).toBeInTheDocument();
  });

  it('an editor, not an administrator, sees no Correct a figure', async () => {
    renderApp(PAGE);
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    await screen.findByRole('region', { name: 'Events marked on the chart' });
    expect(screen.queryByRole('button', { name: 'Correct a figure' })).toBeNull();
  });
});
