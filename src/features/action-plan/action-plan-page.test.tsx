import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import { byText } from '../../../test/text';

const url = (path: string) => `${apiBaseUrl()}${path}`;
const FRAMEWORK = 'Agree a multi-agency performance framework and dashboard';

const priority = (name: RegExp) => screen.getByRole('region', { name });
const card = (title: string) => screen.getByRole('heading', { level: 4, name: title }).closest('li')!;

async function openUpdate(user: ReturnType<typeof renderApp>['user'], title = FRAMEWORK) {
  await screen.findByRole('heading', { level: 4, name: title });
  await user.click(within(card(title)).getByRole('button', { name: `Update ${title}` }));
  return screen.findByRole('form', { name: `Update: ${title}` });
}

async function progressTable(user: ReturnType<typeof renderApp>['user']) {
  const panel = screen.getByRole('region', { name: 'Progress by priority' });
  const toggle = within(panel).queryByRole('button', { name: 'Show data table' });
  if (toggle) await user.click(toggle);
  return within(panel).getByRole('table');
}

describe('Action plan', () => {
  // The default year is now 2016-17 (issue 11); overdue as at 31 December 2017 needs 2017-18.
  it('puts overdue and at-risk actions first within each priority, complete ones last', async () => {
    renderApp('/action-plan?year=2017-18');
    await screen.findByRole('heading', { level: 4, name: FRAMEWORK });
    const titles = (name: RegExp) =>
      within(priority(name))
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent);
    expect(titles(/Priority 1: Scrutiny and challenge/)).toEqual([
      FRAMEWORK,
      'Section 11 self-assessments with challenge sessions for every partner',
    ]);
    expect(titles(/Priority 3: The voice of children/)).toEqual([
      'Healthy relationships sessions in every secondary school',
      'Bullying Charter adopted by every school',
    ]);
    expect(within(card(FRAMEWORK)).getByText('Overdue')).toBeInTheDocument();
    expect(within(card(FRAMEWORK)).getByText('At risk')).toBeInTheDocument();
  });

  it('issue 18: an action closed in one year stays in that year’s plan and is not carried into the next', async () => {
    const CLOSED = 'Run an audited schedule through the reinvigorated QA committee';
    const { user } = renderApp('/action-plan?year=2016-17');
    await screen.findByRole('heading', { level: 4, name: CLOSED });
    expect(within(card(CLOSED)).getByText(/Closed 22 March 2017/)).toBeInTheDocument();
    expect(within(await progressTable(user)).getAllByRole('row')).toHaveLength(5);
    expect(
      screen.getByText(byText(/^5 of the 11 actions in the plan for 2016-17 are complete\./)),
    ).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Reporting period' }), '2017-18');
    await screen.findByRole('heading', { level: 1, name: 'Action plan' });
    await waitFor(() => expect(screen.queryByRole('heading', { level: 4, name: CLOSED })).toBeNull());
    // Still open, it goes on into the new year; the three closed in 2016-17 do not.
    expect(screen.getByRole('heading', { level: 4, name: FRAMEWORK })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 4, name: 'BeSafe takeover day of the board' })).toBeNull();
    expect(
      screen.getByText(byText('3 actions closed before 2017-18 are in the plan of the year they closed in.')),
    ).toBeInTheDocument();
    expect(
      screen.getByText(byText(/^2 of the 8 actions in the plan for 2017-18 are complete\./)),
    ).toBeInTheDocument();
  });

  it('filters actions by owner and by status', async () => {
    const { user, router } = renderApp('/action-plan');
    await screen.findByRole('heading', { level: 4, name: FRAMEWORK });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Owner' }), 'BeSafe Team Lead');
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      'Healthy relationships sessions in every secondary school',
      'BeSafe takeover day of the board',
    ]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Complete');
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      'BeSafe takeover day of the board',
    ]);
    expect(router.state.location.search).toBe('?owner=BeSafe+Team+Lead&status=complete');
  });

  it('rolls each Ofsted recommendation’s status up from its actions', async () => {
    renderApp('/action-plan?year=2017-18');
    const recommendations = await screen.findByRole('region', { name: 'Ofsted recommendations' });
    await within(recommendations).findByText(byText(/page 42 of the WSCB Annual Report 2016-17/));
    const items = within(recommendations)
      .getAllByRole('listitem')
      .filter((li) => li.querySelector('.recommendations__text'));
    expect(
      items.map((li) => within(li).getByText(/^(Met|At risk|In progress|Not started)$/).textContent),
    ).toEqual(['In progress', 'At risk', 'In progress', 'At risk', 'In progress']);
  });

  it('shows a validation message next to the field for a complete action that is not 100% done', async () => {
    const { user } = renderApp('/action-plan');
    const form = await openUpdate(user);
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Status' }), 'Complete');
    await user.click(within(form).getByRole('button', { name: 'Save update' }));
    expect(within(form).getByRole('spinbutton', { name: 'Progress (%)' })).toHaveAccessibleDescription(
      /A complete action is 100% done/,
    );
  });

  it('updates the action and its priority’s progress at once, and adds the dated note', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.patch(url('/action-plan/actions/:id'), async () => {
        await held;
        return undefined;
      }),
    );
    const { user } = renderApp('/action-plan');
    const form = await openUpdate(user);
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Status' }), 'On track');
    const progress = within(form).getByRole('spinbutton', { name: 'Progress (%)' });
    await user.clear(progress);
    await user.type(progress, '90');
    await user.type(
      within(form).getByRole('textbox', { name: 'Note (optional)' }),
      'Health data received from the CCG.',
    );
    await user.click(within(form).getByRole('button', { name: 'Save update' }));

    expect(within(card(FRAMEWORK)).getByText('90% done')).toBeInTheDocument();
    expect(
      within(card(FRAMEWORK)).getByText(/Health data received from the CCG\./, { selector: 'li' }),
    ).toBeInTheDocument();
    // Priority 1 averages 100, 70 and now 90.
    const table = await progressTable(user);
    expect(within(table).getByRole('row', { name: /Priority 1: Scrutiny and challenge/ })).toHaveTextContent(
      '87%',
    );

    release();
    expect(await screen.findByText(`Saved: “${FRAMEWORK}” is on track, 90% done.`)).toBeInTheDocument();
  });

  it('rolls back on a server error and keeps what the user typed', async () => {
    server.use(
      http.patch(url('/action-plan/actions/:id'), () =>
        HttpResponse.json({ message: 'Down' }, { status: 503 }),
      ),
    );
    const { user } = renderApp('/action-plan');
    const form = await openUpdate(user);
    const progress = within(form).getByRole('spinbutton', { name: 'Progress (%)' });
    await user.clear(progress);
    await user.type(progress, '75');
    await user.type(within(form).getByRole('textbox', { name: 'Note (optional)' }), 'Nearly there.');
    await user.click(within(form).getByRole('button', { name: 'Save update' }));

    expect(
      await within(form).findByText(/^Your changes were not saved\. The data service had a problem/),
    ).toBeInTheDocument();
    expect(within(card(FRAMEWORK)).getByText('60% done')).toBeInTheDocument();
    expect(within(card(FRAMEWORK)).queryByText(/Nearly there\./, { selector: 'li' })).not.toBeInTheDocument();
    expect(progress).toHaveValue(75);
    expect(within(form).getByRole('textbox', { name: 'Note (optional)' })).toHaveValue('Nearly there.');
  });

  it('rolls back on a 422 and shows the server’s message next to the field', async () => {
    server.use(
      http.patch(url('/action-plan/actions/:id'), () =>
        HttpResponse.json(
          { message: 'Invalid', fieldErrors: { note: ['Notes cannot name children'] } },
          { status: 422 },
        ),
      ),
    );
    const { user } = renderApp('/action-plan');
    const form = await openUpdate(user);
    await user.type(within(form).getByRole('textbox', { name: 'Note (optional)' }), 'Spoke to J. about it.');
    await user.click(within(form).getByRole('button', { name: 'Save update' }));
    await waitFor(() =>
      expect(within(form).getByRole('textbox', { name: 'Note (optional)' })).toHaveAccessibleDescription(
        /Notes cannot name children/,
      ),
    );
    expect(within(form).getByRole('textbox', { name: 'Note (optional)' })).toHaveValue(
      'Spoke to J. about it.',
    );
  });
});
