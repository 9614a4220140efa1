import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoApi } from '../../../mocks/handlers';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { signedInAs } from '../../../test/session';
import { apiBaseUrl } from '../../api/client';
import type { Annotation } from '../../api/contract';

const url = (path: string) => `${apiBaseUrl()}${path}`;
const PAGE = '/indicators/cse-children-at-risk?year=2017-18';
const SCREENING = 'CSE screening tool introduced';
const events = () => screen.findByRole('region', { name: 'Events marked on the chart' });
const stored = () =>
  (demoApi.handle('GET', '/annotations').body as { annotations: Annotation[] }).annotations;

async function openAdd(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await within(await events()).findByRole('button', { name: 'Add a chart event' }));
  return screen.findByRole('form', { name: 'Add a chart event' });
}

describe('chart events on an indicator’s page', () => {
  it('an editor adds a chart event on an indicator; it shows among the events marked on its chart, markup as text', async () => {
    const { user } = renderApp(PAGE);
    const form = await openAdd(user);
    const label = '<b>New CSE team</b>';
    await user.type(within(form).getByLabelText('Date'), '2017-10-01');
    await user.type(within(form).getByRole('textbox', { name: /What happened/ }), label);
    await user.type(within(form).getByRole('textbox', { name: 'More about it' }), '=SUM(A1)');
    await user.click(within(form).getByRole('button', { name: 'Add the event' }));

    expect(await screen.findByText(`Marked “${label}” on the chart.`)).toBeInTheDocument();
    const item = await within(await events()).findByText(`1 October 2017: ${label}.`);
    expect(item.querySelector('b')).toBeNull();
    expect(item.closest('li')).toHaveTextContent('=SUM(A1)');
    expect(stored().find((e) => e.label === label)).toMatchObject({
      indicatorId: 'cse-children-at-risk',
      date: '2017-10-01',
    });
  });

  it('lists what is missing next to each field and in the summary, and sends nothing', async () => {
    const { user } = renderApp(PAGE);
    const form = await openAdd(user);
    const count = stored().length;
    await user.click(within(form).getByRole('button', { name: 'Add the event' }));
    const summary = await within(form).findByRole('alert', { name: 'There is a problem' });
    expect(
      within(summary).getByRole('link', { name: 'What happened: Enter what happened' }),
    ).toBeInTheDocument();
    expect(
      within(summary).getByRole('link', { name: 'Date: Enter a real date, for example 1 April 2016' }),
    ).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: /What happened/ })).toHaveAccessibleDescription(
      expect.stringContaining('Error: Enter what happened'),
    );
    expect(stored()).toHaveLength(count);
  });

  it('keeps what was typed when the save fails, and says why', async () => {
    server.use(http.post(url('/annotations'), () => HttpResponse.json({ message: 'Down' }, { status: 500 })));
    const { user } = renderApp(PAGE);
    const form = await openAdd(user);
    await user.type(within(form).getByLabelText('Date'), '2017-10-01');
    await user.type(within(form).getByRole('textbox', { name: /What happened/ }), 'New CSE team');
    await user.click(within(form).getByRole('button', { name: 'Add the event' }));
    expect(await within(form).findByText(/^Your changes were not saved\./)).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: /What happened/ })).toHaveValue('New CSE team');
    expect(within(form).getByLabelText('Date')).toHaveValue('2017-10-01');
  });

  it('shows the other person’s saved event after a 409 and keeps the typing', async () => {
    const { user } = renderApp(PAGE);
    await user.click(
      await within(await events()).findByRole('button', { name: `Change the event ${SCREENING}` }),
    );
    const form = await screen.findByRole('form', { name: `Change the chart event: ${SCREENING}` });
    const label = within(form).getByRole('textbox', { name: /What happened/ });
    await user.clear(label);
    await user.type(label, 'My label');
    const event = stored().find((e) => e.label === SCREENING)!;
    const { version, id, ...rest } = event;
    expect(
      demoApi.handle('PUT', `/annotations/${id}`, { ...rest, label: 'Their label', version }).status,
    ).toBe(200);
    await user.click(within(form).getByRole('button', { name: 'Save the event' }));
    expect(
      await within(form).findByText('Someone else saved a change to this chart event while you were editing'),
    ).toBeInTheDocument();
    expect(
      within(within(form).getByRole('table')).getByRole('row', { name: /What happened/ }),
    ).toHaveTextContent('Their labelMy label');
    expect(label).toHaveValue('My label');
  });

  it('retires an event: it is no longer marked on the chart', async () => {
    const { user } = renderApp(PAGE);
    await user.click(
      await within(await events()).findByRole('button', { name: `Retire the event ${SCREENING}` }),
    );
    const form = await screen.findByRole('form', { name: `Retire the chart event: ${SCREENING}` });
    await user.click(within(form).getByRole('button', { name: 'Retire the event' }));
    expect(
      await screen.findByText(`Retired “${SCREENING}”. It is no longer marked on the charts.`),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(within(screen.getByRole('region', { name: 'Events marked on the chart' })).getByRole('list'))
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).not.toContainEqual(expect.stringContaining(SCREENING)),
    );
    expect(stored().map((e) => e.label)).not.toContain(SCREENING);
  });

  it('a board member sees the events but no Add, Change or Retire buttons', async () => {
    server.use(signedInAs('viewer'));
    renderApp(PAGE);
    expect(await within(await events()).findByText(new RegExp(SCREENING))).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a chart event' })).toBeNull();
    expect(screen.queryAllByRole('button', { name: /^(Change|Retire) the event/ })).toHaveLength(0);
  });
});
