import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import { byText } from '../../../test/text';

const url = (path: string) => `${apiBaseUrl()}${path}`;
const DISABLED = 'Disabled children subject to child protection plans';
// Issue 11: the narrative names what it counts, and gives the multi-agency count the overview's tile uses.
const BEFORE =
  '2 of the 6 audits planned for 2017-18 (multi-agency and single-agency) are complete; 2 audits are overdue. Multi-agency case file audits due by 31 December 2017: 1 of 3 complete (33%).';
const AFTER =
  '3 of the 6 audits planned for 2017-18 (multi-agency and single-agency) are complete; 1 audit is overdue. Multi-agency case file audits due by 31 December 2017: 2 of 3 complete (67%).';

// Queries are scoped to the schedule: role queries over the whole page (charts included) are slow in jsdom.
async function openForm(user: ReturnType<typeof renderApp>['user']) {
  await screen.findByText(DISABLED);
  await user.click(
    within(scheduleRow(DISABLED)).getByRole('button', { name: `Record progress for ${DISABLED}` }),
  );
  return screen.findByRole('form', { name: `Record progress: ${DISABLED}` });
}

async function fillCompleted(user: ReturnType<typeof renderApp>['user'], form: HTMLElement) {
  await user.selectOptions(within(form).getByRole('combobox', { name: 'Status' }), 'Completed');
  await user.type(within(form).getByLabelText(/Date completed/), '2017-10-20');
  await user.type(within(form).getByRole('spinbutton', { name: 'Cases audited' }), '5');
  await user.type(within(form).getByRole('spinbutton', { name: 'Good' }), '3');
  await user.type(within(form).getByRole('spinbutton', { name: 'Requires improvement' }), '2');
}

const scheduleRow = (name: string) =>
  within(screen.getByRole('table', { name: /Audit schedule/ })).getByRole('row', { name: new RegExp(name) });

describe('Quality assurance', () => {
  it('shows the year’s audit programme, flags overdue audits and states what overdue means', async () => {
    renderApp('/quality-assurance?year=2017-18');
    expect(await screen.findByText(byText(BEFORE))).toBeInTheDocument();
    expect(scheduleRow(DISABLED)).toHaveTextContent('In progress');
    expect(scheduleRow(DISABLED)).toHaveTextContent('Overdue');
    expect(scheduleRow('Early help assessments')).not.toHaveTextContent('Overdue');
    expect(
      screen.getByText(/Overdue means not complete and due before 31 December 2017/),
    ).toBeInTheDocument();
  });

  it('shows the spread of grades across completed audits', async () => {
    renderApp('/quality-assurance?year=2016-17');
    expect(
      await screen.findByText(
        byText('Of the 47 cases graded in 5 completed audits in 2016-17, 27 (57%) were good or outstanding.'),
      ),
    ).toBeInTheDocument();
  });

  it('tracks the serious case reviews’ actions', async () => {
    renderApp('/quality-assurance?year=2017-18');
    const childA = await screen.findByRole('article', { name: 'Serious case review: Child A' });
    expect(within(childA).getByText('3 of 4 actions complete')).toBeInTheDocument();
    expect(within(childA).getByText('Hearing the voice of the child')).toBeInTheDocument();
  });

  it('shows validation messages next to the fields when a completed audit lacks its details', async () => {
    const { user } = renderApp('/quality-assurance?year=2017-18');
    const form = await openForm(user);
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Status' }), 'Completed');
    await user.click(within(form).getByRole('button', { name: 'Save progress' }));

    expect(within(form).getByRole('alert')).toHaveTextContent('There is a problem');
    expect(within(form).getByLabelText(/Date completed/)).toHaveAccessibleDescription(
      /Enter the date the audit was completed/,
    );
    expect(within(form).getByRole('spinbutton', { name: 'Cases audited' })).toHaveAccessibleDescription(
      /Enter how many cases were audited \(at least 1\)/,
    );
    expect(
      within(form).getByText('Enter the grades given to the audited cases', { selector: 'p' }),
    ).toBeInTheDocument();
  });

  it('says when the grades do not add up to the cases audited', async () => {
    const { user } = renderApp('/quality-assurance?year=2017-18');
    const form = await openForm(user);
    await fillCompleted(user, form);
    await user.clear(within(form).getByRole('spinbutton', { name: 'Cases audited' }));
    await user.type(within(form).getByRole('spinbutton', { name: 'Cases audited' }), '9');
    await user.click(within(form).getByRole('button', { name: 'Save progress' }));
    expect(
      within(form).getByText('The grades add up to 5, but 9 cases were audited', { selector: 'p' }),
    ).toBeInTheDocument();
  });

  it('updates the page at once when an audit is recorded as completed, then confirms the save', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.patch(url('/audits/:id'), async () => {
        await held;
        return undefined; // fall through to the demo API
      }),
    );
    const { user } = renderApp('/quality-assurance?year=2017-18');
    const form = await openForm(user);
    await fillCompleted(user, form);
    await user.click(within(form).getByRole('button', { name: 'Save progress' }));

    // Before the server answers, the schedule and the chart already show the change.
    expect(scheduleRow(DISABLED)).toHaveTextContent('Completed');
    expect(scheduleRow(DISABLED)).not.toHaveTextContent('Overdue');
    expect(screen.getByText(byText(AFTER))).toBeInTheDocument();

    release();
    expect(await screen.findByText(`Saved: “${DISABLED}” is now completed.`)).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('rolls back on a server error, says so plainly, and keeps what the user typed', async () => {
    server.use(
      http.patch(url('/audits/:id'), () =>
        HttpResponse.json({ message: 'Database offline' }, { status: 500 }),
      ),
    );
    const { user } = renderApp('/quality-assurance?year=2017-18');
    const form = await openForm(user);
    await fillCompleted(user, form);
    await user.click(within(form).getByRole('button', { name: 'Save progress' }));

    expect(
      await within(form).findByText(/^Your changes were not saved\. The data service had a problem/),
    ).toBeInTheDocument();
    expect(scheduleRow(DISABLED)).toHaveTextContent('In progress');
    expect(screen.getByText(byText(BEFORE))).toBeInTheDocument();
    expect(within(form).getByRole('combobox', { name: 'Status' })).toHaveValue('completed');
    expect(within(form).getByLabelText(/Date completed/)).toHaveValue('2017-10-20');
    expect(within(form).getByRole('spinbutton', { name: 'Cases audited' })).toHaveValue(5);
  });

  it('rolls back on a 422 and shows the server’s field errors next to the fields', async () => {
    server.use(
      http.patch(url('/audits/:id'), () =>
        HttpResponse.json(
          {
            message: 'Some fields need correcting',
            fieldErrors: { completedDate: ['The audit cannot be completed before it started'] },
          },
          { status: 422 },
        ),
      ),
    );
    const { user } = renderApp('/quality-assurance?year=2017-18');
    const form = await openForm(user);
    await fillCompleted(user, form);
    await user.click(within(form).getByRole('button', { name: 'Save progress' }));

    await waitFor(() =>
      expect(within(form).getByLabelText(/Date completed/)).toHaveAccessibleDescription(
        /The audit cannot be completed before it started/,
      ),
    );
    expect(within(form).getByText(/the data service found problems with them/)).toBeInTheDocument();
    expect(scheduleRow(DISABLED)).toHaveTextContent('In progress');
    expect(within(form).getByLabelText(/Date completed/)).toHaveValue('2017-10-20');
  });
});
