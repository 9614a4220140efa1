import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoApi } from '../../../mocks/handlers';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { signedInAs } from '../../../test/session';
import type { Audit } from '../../api/contract';

const DISABLED = 'Disabled children subject to child protection plans';
const STEP_DOWN = 'Agree a step-down protocol between social care and early help';
const schedule = () => screen.getByRole('table', { name: /Audit schedule/ });
const actions = () => screen.getByRole('table', { name: /Actions arising from audits/ });
const actionRow = (name: string) => within(actions()).getByRole('row', { name: new RegExp(`^${name}`) });
const audit = (title: string) =>
  (demoApi.handle('GET', '/audits').body as { audits: Audit[] }).audits.find((a) => a.title === title)!;

async function openAdd(user: ReturnType<typeof renderApp>['user']) {
  await screen.findByText(DISABLED);
  const row = within(schedule()).getByRole('row', { name: new RegExp(DISABLED) });
  await user.click(within(row).getByRole('button', { name: `Add an action arising for ${DISABLED}` }));
  return screen.findByRole('form', { name: `Add an action arising: ${DISABLED}` });
}

describe('actions arising from audits', () => {
  it('lists what is missing by field and in the summary, then adds the action with markup as text', async () => {
    const { user } = renderApp('/quality-assurance?year=2017-18');
    const form = await openAdd(user);
    await user.click(within(form).getByRole('button', { name: 'Add the action' }));
    const summary = await within(form).findByRole('alert', { name: 'There is a problem' });
    expect(
      within(summary).getByRole('link', { name: 'What the action is: Enter what the action is' }),
    ).toBeVisible();
    expect(within(summary).getByRole('link', { name: 'Owner: Enter who owns it' })).toBeVisible();
    expect(within(form).getByRole('textbox', { name: 'Owner' })).toHaveAccessibleDescription(
      'The person or post Error: Enter who owns it',
    );
    expect(audit(DISABLED).actionsArising).toHaveLength(0);

    const description = '<b>Train</b> =SUM(A1)';
    await user.type(within(form).getByRole('textbox', { name: 'What the action is' }), description);
    await user.type(within(form).getByRole('textbox', { name: 'Owner' }), 'Designated Nurse');
    await user.type(within(form).getByLabelText('Due'), '2018-02-28');
    await user.click(within(form).getByRole('button', { name: 'Add the action' }));

    expect(
      await screen.findByText(`Added the action “${description}” arising from “${DISABLED}”.`),
    ).toBeVisible();
    const added = actionRow('<b>Train</b>');
    expect(within(added).getByRole('rowheader')).toHaveTextContent(description);
    expect(within(added).getByRole('rowheader').querySelector('b')).toBeNull();
    expect(added).toHaveTextContent(`${DISABLED}Designated Nurse28 February 2018Open`);
  });

  it('keeps the typing and shows the other person’s change after a 409', async () => {
    const { user } = renderApp('/quality-assurance?year=2017-18');
    await screen.findByText(STEP_DOWN);
    await user.click(
      within(actionRow(STEP_DOWN)).getByRole('button', { name: `Change the action ${STEP_DOWN}` }),
    );
    const form = await screen.findByRole('form', { name: `Change the action: ${STEP_DOWN}` });
    const owner = within(form).getByRole('textbox', { name: 'Owner' });
    await user.clear(owner);
    await user.type(owner, 'My owner');
    const early = audit('Early help assessments and step-down');
    expect(
      demoApi.handle('PUT', `/audits/${early.id}/actions/step-down-protocol`, {
        description: STEP_DOWN,
        owner: 'Their owner',
        dueDate: '2017-12-31',
        version: early.version,
      }).status,
    ).toBe(200);
    await user.click(within(form).getByRole('button', { name: 'Save the action' }));
    expect(
      await within(form).findByText(
        'Someone else saved a change to this audit’s actions while you were editing',
      ),
    ).toBeVisible();
    expect(within(within(form).getByRole('table')).getByRole('row', { name: /^Owner/ })).toHaveTextContent(
      'OwnerTheir ownerMy owner',
    );
    expect(owner).toHaveValue('My owner');
    await user.click(within(form).getByRole('button', { name: 'Save the action' }));
    expect(await screen.findByText(`Saved the action “${STEP_DOWN}”.`)).toBeVisible();
    expect(actionRow(STEP_DOWN)).toHaveTextContent('My owner');
  });

  it('closes an action (complete, on the day) and retires another (kept, shown as retired)', async () => {
    const { user } = renderApp('/quality-assurance?year=2017-18');
    await screen.findByText(STEP_DOWN);
    await user.click(
      within(actionRow(STEP_DOWN)).getByRole('button', { name: `Close the action ${STEP_DOWN}` }),
    );
    const close = await screen.findByRole('form', { name: `Close the action: ${STEP_DOWN}` });
    await user.click(within(close).getByRole('button', { name: 'Close the action' }));
    expect(await screen.findByText(`Closed the action “${STEP_DOWN}”.`)).toBeVisible();
    expect(actionRow(STEP_DOWN)).toHaveTextContent(/Complete\s*Closed/);
    expect(within(actionRow(STEP_DOWN)).queryByRole('button', { name: /^Close/ })).toBeNull();

    await user.click(
      within(actionRow(STEP_DOWN)).getByRole('button', { name: `Retire the action ${STEP_DOWN}` }),
    );
    const retire = await screen.findByRole('form', { name: `Retire the action: ${STEP_DOWN}` });
    await user.click(within(retire).getByRole('button', { name: 'Retire the action' }));
    expect(await screen.findByText(`Retired the action “${STEP_DOWN}”.`)).toBeVisible();
    expect(actionRow(STEP_DOWN)).toHaveTextContent('Retired');
    expect(within(actionRow(STEP_DOWN)).queryAllByRole('button')).toHaveLength(0);
    expect(audit('Early help assessments and step-down').actionsArising[0]).toMatchObject({
      status: 'complete',
      retired: true,
    });
  });

  it('a board member sees the actions but no Add, Change, Close or Retire buttons', async () => {
    server.use(signedInAs('viewer'));
    renderApp('/quality-assurance?year=2017-18');
    await screen.findByText(STEP_DOWN);
    expect(
      screen.queryAllByRole('button', { name: /^(Add an action arising|Change the action|Close|Retire)/ }),
    ).toHaveLength(0);
  });
});
