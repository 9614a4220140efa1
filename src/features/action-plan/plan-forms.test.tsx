import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoApi } from '../../../mocks/handlers';
import { DEMO_SESSION } from '../../../mocks/demo-api';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import type { ActionPlan, Session } from '../../api/contract';

const url = (path: string) => `${apiBaseUrl()}${path}`;
const FRAMEWORK = 'Agree a multi-agency performance framework and dashboard';
const section = (name: RegExp) => screen.getByRole('region', { name });
const card = (title: string) => screen.getByRole('heading', { level: 4, name: title }).closest('li')!;
const savedPlan = () => demoApi.handle('GET', '/action-plan').body as ActionPlan;

describe('priorities', () => {
  it('adds a priority at the end of the plan; an empty title is said in the summary and next to the field', async () => {
    const { user } = renderApp('/action-plan');
    await user.click(await screen.findByRole('button', { name: 'Add a priority' }));
    const form = await screen.findByRole('form', { name: 'Add a priority' });
    await user.click(within(form).getByRole('button', { name: 'Add the priority' }));
    expect(
      await within(form).findByRole('link', { name: 'Title: Enter the priority’s title' }),
    ).toBeInTheDocument();
    await user.type(within(form).getByRole('textbox', { name: 'Title' }), '<i>Neglect</i>');
    await user.click(within(form).getByRole('button', { name: 'Add the priority' }));
    const count = savedPlan().priorities.length;
    expect(await screen.findByText(`Added priority ${count}: “<i>Neglect</i>”.`)).toBeInTheDocument();
    const added = await screen.findByRole('region', { name: `Priority ${count}: <i>Neglect</i>` });
    expect(within(added).getByText('No actions yet.')).toBeInTheDocument();
  });

  it('moves a priority up, and retires one after a second click, keeping it shown as retired', async () => {
    const { user } = renderApp('/action-plan');
    await screen.findByRole('heading', { level: 4, name: FRAMEWORK });
    const second = savedPlan().priorities[1]!;
    await user.click(
      within(section(new RegExp(`Priority 2: ${second.title}`))).getByRole('button', {
        name: 'Move up priority 2',
      }),
    );
    expect(await screen.findByRole('region', { name: `Priority 1: ${second.title}` })).toBeInTheDocument();

    const region = section(new RegExp(`Priority 1: ${second.title}`));
    await user.click(within(region).getByRole('button', { name: 'Retire priority 1' }));
    await user.click(within(region).getByRole('button', { name: 'Yes, retire priority 1' }));
    expect(
      await screen.findByRole('region', { name: `Retired priority: ${second.title}` }),
    ).toBeInTheDocument();
    expect(savedPlan().priorities.find((p) => p.id === second.id)).toMatchObject({ retired: true });
  });

  it('shows the other person’s change after a 409 and keeps the typing', async () => {
    const { user } = renderApp('/action-plan');
    await screen.findByRole('heading', { level: 4, name: FRAMEWORK });
    const first = savedPlan().priorities[0]!;
    await user.click(screen.getByRole('button', { name: 'Change priority 1' }));
    const form = await screen.findByRole('form', { name: 'Change priority 1' });
    const title = within(form).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Mine');
    expect(
      demoApi.handle('PATCH', `/action-plan/priorities/${first.id}`, {
        title: 'Theirs',
        description: '',
        version: first.version,
      }).status,
    ).toBe(200);
    await user.click(within(form).getByRole('button', { name: 'Save the priority' }));
    expect(
      await within(form).findByText('Someone else saved a change to this priority while you were editing'),
    ).toBeInTheDocument();
    expect(within(within(form).getByRole('table')).getByRole('row', { name: /Title/ })).toHaveTextContent(
      'TheirsMine',
    );
    expect(title).toHaveValue('Mine');
  });
});

describe('actions', () => {
  it('adds an action answering an Ofsted recommendation; the recommendation lists it', async () => {
    const { user } = renderApp('/action-plan');
    await screen.findByRole('heading', { level: 4, name: FRAMEWORK });
    await user.click(screen.getByRole('button', { name: 'Add an action to priority 1' }));
    const form = await screen.findByRole('form', { name: 'Add an action' });
    await user.type(within(form).getByRole('textbox', { name: 'What the action is' }), 'Audit neglect');
    await user.type(within(form).getByRole('textbox', { name: 'Owner' }), 'QA chair');
    await user.type(within(form).getByLabelText('Due date'), '2019-03-31');
    await user.click(within(form).getByRole('checkbox', { name: /^4\. Involve children/ }));
    await user.click(within(form).getByRole('button', { name: 'Add the action' }));
    expect(
      await screen.findByText('Added the action “Audit neglect”, owned by QA chair.'),
    ).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 4, name: 'Audit neglect' })).toBeInTheDocument();
    const answering = screen.getByRole('list', { name: 'Actions answering recommendation 4' });
    expect(within(answering).getByRole('link', { name: 'Audit neglect' })).toBeInTheDocument();
  });

  it('keeps what was typed when the save fails', async () => {
    server.use(
      http.post(url('/action-plan/actions'), () => HttpResponse.json({ message: 'Down' }, { status: 503 })),
    );
    const { user } = renderApp('/action-plan');
    await screen.findByRole('heading', { level: 4, name: FRAMEWORK });
    await user.click(screen.getByRole('button', { name: 'Add an action to priority 1' }));
    const form = await screen.findByRole('form', { name: 'Add an action' });
    await user.type(within(form).getByRole('textbox', { name: 'What the action is' }), 'Audit');
    await user.type(within(form).getByRole('textbox', { name: 'Owner' }), 'QA');
    await user.type(within(form).getByLabelText('Due date'), '2019-03-31');
    await user.click(within(form).getByRole('button', { name: 'Add the action' }));
    expect(await within(form).findByText(/^Your changes were not saved\./)).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'What the action is' })).toHaveValue('Audit');
  });

  it('moves an action to another priority, and closes it', async () => {
    const { user } = renderApp('/action-plan');
    await screen.findByRole('heading', { level: 4, name: FRAMEWORK });
    const third = savedPlan().priorities[2]!;
    await user.click(within(card(FRAMEWORK)).getByRole('button', { name: `Change or move ${FRAMEWORK}` }));
    const form = await screen.findByRole('form', { name: `Change the action: ${FRAMEWORK}` });
    await user.selectOptions(
      within(form).getByRole('combobox', { name: 'Priority' }),
      `Priority 3: ${third.title}`,
    );
    await user.click(within(form).getByRole('button', { name: 'Save the action' }));
    expect(await screen.findByText(`Saved “${FRAMEWORK}”, moved to another priority.`)).toBeInTheDocument();
    expect(
      await within(section(new RegExp(`Priority 3: ${third.title}`))).findByRole('heading', {
        name: FRAMEWORK,
      }),
    ).toBeInTheDocument();

    await user.click(within(card(FRAMEWORK)).getByRole('button', { name: `Close ${FRAMEWORK}` }));
    const close = await screen.findByRole('form', { name: `Close: ${FRAMEWORK}` });
    await user.click(within(close).getByRole('button', { name: 'Close the action' }));
    expect(await screen.findByText(`Closed “${FRAMEWORK}”: complete, 100% done.`)).toBeInTheDocument();
    expect(await within(card(FRAMEWORK)).findByText('100% done')).toBeInTheDocument();
  });

  it('a board member, or an action owner, sees no controls on the plan itself', async () => {
    server.use(
      http.get(url('/session'), () =>
        HttpResponse.json({
          ...DEMO_SESSION,
          method: 'password',
          user: { ...DEMO_SESSION.user, role: 'viewer', actionOwner: 'CSE Coordinator' },
        } satisfies Session),
      ),
    );
    renderApp('/action-plan');
    await screen.findByRole('heading', { level: 4, name: FRAMEWORK });
    expect(screen.queryByRole('button', { name: 'Add a priority' })).toBeNull();
    expect(
      screen.queryAllByRole('button', { name: /^(Change|Move|Retire|Add an action|Close)/ }),
    ).toHaveLength(0);
  });

  it('an empty plan says so and offers to add the first priority', async () => {
    server.use(http.get(url('/action-plan'), () => HttpResponse.json({ priorities: [] })));
    renderApp('/action-plan');
    expect(
      await screen.findByText('The action plan has no priorities yet: add the first.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add a priority' })).toBeInTheDocument();
  });
});

describe('Ofsted recommendations', () => {
  it('adds an inspection’s recommendations, one a line, numbered on, markup shown as text', async () => {
    const { user } = renderApp('/action-plan');
    const panel = await screen.findByRole('region', { name: 'Ofsted recommendations' });
    await user.click(
      await within(panel).findByRole('button', { name: 'Add an inspection’s recommendations' }),
    );
    const form = await within(panel).findByRole('form', { name: 'Add an inspection’s recommendations' });
    await user.click(within(form).getByRole('button', { name: 'Add the recommendations' }));
    expect(
      await within(form).findByRole('link', { name: 'Recommendations: Enter at least one recommendation' }),
    ).toBeInTheDocument();
    await user.type(within(form).getByRole('textbox', { name: 'Inspection report' }), 'JTAI 2019');
    await user.type(within(form).getByLabelText('Date of the inspection'), '2019-03-12');
    await user.type(
      within(form).getByRole('textbox', { name: /^Recommendations/ }),
      '<b>See</b> neglect{Enter}Audit',
    );
    await user.click(within(form).getByRole('button', { name: 'Add the recommendations' }));
    expect(await within(panel).findByText('Added 2 recommendations from “JTAI 2019”.')).toBeInTheDocument();
    const added = await within(panel).findByText('<b>See</b> neglect');
    expect(added.closest('li')).toHaveAttribute('value', '6');
    expect(added.closest('li')).toHaveTextContent('Inspection of 12 March 2019: Requires improvement');
  });
});
