import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoApi } from '../../../mocks/handlers';
import { DEMO_SESSION } from '../../../mocks/demo-api';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import type { Audit, Session } from '../../api/contract';

const url = (path: string) => `${apiBaseUrl()}${path}`;
const DISABLED = 'Disabled children subject to child protection plans';
const schedule = () => screen.getByRole('table', { name: /Audit schedule/ });
const row = (name: string) => within(schedule()).getByRole('row', { name: new RegExp(name) });

async function openAdd(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Add an audit' }));
  return screen.findByRole('form', { name: 'Add an audit' });
}

describe('adding an audit to the programme', () => {
  it('lists what is missing next to each field and in the summary, and sends nothing', async () => {
    const { user } = renderApp('/quality-assurance?year=2017-18');
    const form = await openAdd(user);
    const count = (demoApi.handle('GET', '/audits').body as { audits: Audit[] }).audits.length;
    await user.click(within(form).getByRole('button', { name: 'Add the audit' }));
    const summary = await within(form).findByRole('alert', { name: 'There is a problem' });
    expect(within(summary).getByRole('link', { name: 'Title: Enter the audit’s title' })).toBeInTheDocument();
    expect(
      within(summary).getByRole('link', {
        name: 'Agencies taking part: Choose at least one agency taking part',
      }),
    ).toBeInTheDocument();
    expect(
      within(summary).getByRole('link', { name: 'Planned date: Enter the planned date or choose a quarter' }),
    ).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription(
      'Error: Enter the audit’s title',
    );
    expect((demoApi.handle('GET', '/audits').body as { audits: Audit[] }).audits).toHaveLength(count);
  });

  it('adds it, planned for a quarter, and shows it in the schedule with markup as text', async () => {
    const { user } = renderApp('/quality-assurance?year=2017-18');
    const form = await openAdd(user);
    const title = '<b>Neglect</b>';
    await user.type(within(form).getByRole('textbox', { name: 'Title' }), title);
    await user.type(within(form).getByRole('textbox', { name: /Theme or priority/ }), '=SUM(A1)');
    await user.type(within(form).getByRole('textbox', { name: /Lead/ }), 'Police');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Or a quarter' }), 'Q3 2017-18');
    await user.type(within(form).getByRole('spinbutton', { name: 'Cases to sample' }), '8');
    await user.click(within(form).getByRole('checkbox', { name: 'West Midlands Police' }));
    await user.click(within(form).getByRole('button', { name: 'Add the audit' }));

    expect(await screen.findByText(`Added “${title}” to the audit programme.`)).toBeInTheDocument();
    const added = await within(schedule()).findByRole('row', { name: /^<b>Neglect<\/b>/ });
    expect(within(added).getByRole('rowheader')).toHaveTextContent(title);
    expect(within(added).getByRole('rowheader').querySelector('b')).toBeNull();
    expect(added).toHaveTextContent('Q3 2017-18');
    expect(added).toHaveTextContent('8 cases to sample');
    expect(added).toHaveTextContent('Planned');
  });

  it('keeps what was typed when the save fails, and says why', async () => {
    server.use(http.post(url('/audits'), () => HttpResponse.json({ message: 'Down' }, { status: 500 })));
    const { user } = renderApp('/quality-assurance?year=2017-18');
    const form = await openAdd(user);
    await user.type(within(form).getByRole('textbox', { name: 'Title' }), 'Neglect');
    await user.type(within(form).getByRole('textbox', { name: /Theme or priority/ }), 'Neglect');
    await user.type(within(form).getByRole('textbox', { name: /Lead/ }), 'Police');
    await user.type(within(form).getByLabelText('Planned date'), '2017-11-30');
    await user.click(within(form).getByRole('checkbox', { name: 'West Midlands Police' }));
    await user.click(within(form).getByRole('button', { name: 'Add the audit' }));
    expect(await within(form).findByText(/^Your changes were not saved\./)).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Title' })).toHaveValue('Neglect');
    expect(within(form).getByRole('checkbox', { name: 'West Midlands Police' })).toBeChecked();
  });

  it('an empty board says there are no audits yet and offers to add the first', async () => {
    server.use(http.get(url('/audits'), () => HttpResponse.json({ audits: [] })));
    renderApp('/quality-assurance?year=2017-18');
    expect(await screen.findByText('No audits yet: add the first.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add an audit' })).toBeInTheDocument();
  });

  it('a board member sees no Add, Change plan or Cancel buttons', async () => {
    server.use(
      http.get(url('/session'), () =>
        HttpResponse.json({
          ...DEMO_SESSION,
          method: 'password',
          user: { ...DEMO_SESSION.user, role: 'viewer' },
        } satisfies Session),
      ),
    );
    renderApp('/quality-assurance?year=2017-18');
    await screen.findByText(DISABLED);
    expect(screen.queryByRole('button', { name: 'Add an audit' })).toBeNull();
    expect(screen.queryAllByRole('button', { name: /^(Change plan|Cancel audit)/ })).toHaveLength(0);
  });
});

describe('changing an audit’s plan and cancelling it', () => {
  it('shows the other person’s saved plan after a 409 and keeps the typing', async () => {
    const { user } = renderApp('/quality-assurance?year=2017-18');
    await screen.findByText(DISABLED);
    await user.click(within(row(DISABLED)).getByRole('button', { name: `Change plan for ${DISABLED}` }));
    const form = await screen.findByRole('form', { name: `Change the plan: ${DISABLED}` });
    const title = within(form).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'My title');
    const audit = (demoApi.handle('GET', '/audits').body as { audits: Audit[] }).audits.find(
      (a) => a.title === DISABLED,
    )!;
    expect(
      demoApi.handle('POST', `/audits/${audit.id}/cancel`, { reason: 'Their reason', version: audit.version })
        .status,
    ).toBe(200);
    await user.click(within(form).getByRole('button', { name: 'Save the plan' }));
    expect(
      await within(form).findByText('Someone else saved a change to this audit while you were editing'),
    ).toBeInTheDocument();
    expect(within(within(form).getByRole('table')).getByRole('row', { name: /Title/ })).toHaveTextContent(
      `${DISABLED}My title`,
    );
    expect(title).toHaveValue('My title');
  });

  it('cancels with a reason: kept in the schedule, shown as cancelled with the reason', async () => {
    const { user } = renderApp('/quality-assurance?year=2017-18');
    await screen.findByText(DISABLED);
    await user.click(within(row(DISABLED)).getByRole('button', { name: `Cancel audit for ${DISABLED}` }));
    const form = await screen.findByRole('form', { name: `Cancel the audit: ${DISABLED}` });
    await user.click(within(form).getByRole('button', { name: 'Cancel the audit' }));
    expect(
      await within(form).findByRole('link', { name: /Why it is cancelled: Enter why/ }),
    ).toBeInTheDocument();
    await user.type(within(form).getByRole('textbox', { name: 'Why it is cancelled' }), 'Merged with CSE');
    await user.click(within(form).getByRole('button', { name: 'Cancel the audit' }));
    expect(await screen.findByText(/^Cancelled “/)).toBeInTheDocument();
    expect(await within(row(DISABLED)).findByText('Reason: Merged with CSE')).toBeInTheDocument();
    expect(row(DISABLED)).toHaveTextContent('Cancelled');
  });
});
