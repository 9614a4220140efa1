import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoApi } from '../../../mocks/handlers';
import { renderApp } from '../../../test/render';
import type { ActionPlan } from '../../api/contract';

const HEADER = 'Priority,What the action is,Owner,Due date,Ofsted recommendations it answers';
const REPEAT = 'Run an audited schedule through the reinvigorated QA committee';

const csv = (name: string, ...rows: string[]) =>
  new File([[HEADER, ...rows].join('\r\n')], name, { type: 'text/csv' });
const plan = () => demoApi.handle('GET', '/action-plan').body as ActionPlan;
const actionCount = () => plan().priorities.flatMap((p) => p.actions).length;

async function openLoader() {
  const setup = renderApp('/action-plan');
  await setup.user.click(await screen.findByRole('button', { name: 'Load from a spreadsheet' }));
  const loader = await screen.findByRole('region', { name: 'Load actions from a spreadsheet' });
  return { ...setup, loader };
}

describe('loading the action plan from a spreadsheet', () => {
  it('previews the rows, flags a repeat of the plan, and adds the others under their priorities when confirmed', async () => {
    const { user, loader } = await openLoader();
    const before = structuredClone(plan());
    await user.upload(
      within(loader).getByLabelText('Choose the filled-in spreadsheet'),
      csv(
        'plan.csv',
        'Scrutiny and challenge,Publish the audit findings to every partner,Board manager,31/03/2019,1',
        'Early help,Agree an early help strategy,Head of early help,2019-01-31,',
        `Scrutiny and challenge,${REPEAT},QA Committee Chair,01/03/2017,1`,
      ),
    );
    const preview = await within(loader).findByRole('table', {
      name: 'plan.csv: 2 actions to add, 1 already there (not added again)',
    });
    expect(within(preview).getAllByRole('row')[3]).toHaveTextContent(/Already there: not added again$/);
    expect(actionCount()).toBe(before.priorities.flatMap((p) => p.actions).length);

    await user.click(within(loader).getByRole('button', { name: 'Add 2 actions' }));
    expect(await screen.findByText('Added 2 actions from plan.csv.')).toBeInTheDocument();
    const after = plan();
    expect(after.priorities).toHaveLength(before.priorities.length + 1);
    expect(after.priorities[0]!.actions.at(-1)).toMatchObject({
      title: 'Publish the audit findings to every partner',
      dueDate: '2019-03-31',
      ofstedRecommendationIds: ['rec-1'],
    });
    expect(after.priorities.at(-1)).toMatchObject({
      title: 'Early help',
      actions: [
        expect.objectContaining({ title: 'Agree an early help strategy', owner: 'Head of early help' }),
      ],
    });
    expect(after.priorities.flatMap((p) => p.actions).filter((a) => a.title === REPEAT)).toHaveLength(1);
    expect(
      await screen.findByRole('region', { name: `Priority ${after.priorities.at(-1)!.number}: Early help` }),
    ).toHaveTextContent('Agree an early help strategy');
  });

  it('names each row’s problems by row and column, with the form’s messages, and adds nothing', async () => {
    const { user, loader } = await openLoader();
    const before = actionCount();
    await user.upload(
      within(loader).getByLabelText('Choose the filled-in spreadsheet'),
      csv(
        'plan.csv',
        'Early help,Agree a strategy,,31/02/2019,99',
        ',An orphan action,Board manager,2019-03-31,',
      ),
    );
    const table = await within(loader).findByRole('table', { name: /^Needs correcting: 4 problems/ });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual([
      '2Ofsted recommendations it answersThere is no Ofsted recommendation numbered 99',
      '2OwnerEnter who owns it',
      '2Due dateEnter a real date, for example 31 March 2019',
      '3PriorityEnter the priority it comes under',
    ]);
    expect(within(loader).queryByRole('button', { name: /^Add \d/ })).toBeNull();
    expect(actionCount()).toBe(before);
  });
});
